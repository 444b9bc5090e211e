import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// Composes a whole frame from a snapshot and the user's choices. Pure: the same inputs give the same frame.
public struct DashboardView {
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this size on, the four panes of figures are on screen together.
    public static let wideSize = Size(width: 160, height: 48)

    public var snapshot: DashboardSnapshot?
    public var staleReason: String?
    public var state: DashboardState
    public var context: RenderContext
    public var now: Timestamp

    public init(
        snapshot: DashboardSnapshot?, staleReason: String?, state: DashboardState, context: RenderContext,
        now: Timestamp
    ) {
        self.snapshot = snapshot
        self.staleReason = staleReason
        self.state = state
        self.context = context
        self.now = now
    }

    public static func showsAllPanes(_ size: Size) -> Bool {
        size.width >= wideSize.width && size.height >= wideSize.height
    }

    public func render(size: Size) -> CellBuffer {
        folded(compose(size: size))
    }

    /// A frame of another view (the wall, `codir me`) drawn by `draw` over the current snapshot; the dashboard's
    /// own frame (too small, no data yet) when there is no size or no snapshot for it.
    func frame(size: Size, draw: (inout CellBuffer, DashboardSnapshot) -> Void) -> CellBuffer {
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height, let snapshot else {
            return render(size: size)
        }
        var buffer = CellBuffer(size: size)
        draw(&buffer, snapshot)
        return folded(buffer)
    }

    /// ASCII for terminals or locales that cannot show the rest.
    private func folded(_ buffer: CellBuffer) -> CellBuffer {
        var buffer = buffer
        if context.isASCII || context.foldsLetters { buffer.foldSymbolsToASCII(lettersToo: context.foldsLetters) }
        return buffer
    }

    /// A message in the middle of `rect`: its first line as a warning, the others dim.
    static func message(_ lines: [String], into buffer: inout CellBuffer, _ rect: Rect, context: RenderContext) {
        for (i, line) in lines.enumerated() {
            buffer.text(
                line, in: Rect(x: rect.x, y: rect.y + rect.height / 2 - 1 + i, width: rect.width, height: 1),
                style: Style(i == 0 ? .warning : .dim), align: .center, context: context)
        }
    }

    private func compose(size: Size) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            let message = Strings.current.frame.tooSmall(Self.minimumSize.width, Self.minimumSize.height)
            let shown = context.isASCII ? message.replacingOccurrences(of: "×", with: "x") : message
            buffer.text(shown, in: Rect(x: 0, y: size.height / 2, width: size.width, height: 1), style: Style(.warning, [.bold]), align: .center, context: context)
            return buffer
        }
        let rows = buffer.bounds.split(.vertical, [.fixed(1), .ratio(1, min: 1), .fixed(1)])
        header(into: &buffer, rows[0])
        keyBar(into: &buffer, rows[2])
        let body = rows[1]
        guard let snapshot else {
            // No data yet: either the database cannot be read (say why and what to do), or the first load is
            // under way (a large window takes a second).
            Self.message(
                staleReason.map { [$0, Strings.current.frame.importHint] } ?? [Strings.current.frame.loading],
                into: &buffer, body, context: context)
            return buffer
        }
        if let detail = state.detail, let person = snapshot.report.people.firstIndex(where: { $0.id == detail }) {
            LeaderDetailPane(snapshot: snapshot, person: person, context: context).draw(into: &buffer, body)
        } else {
            Self.drawPanes(
                snapshot: snapshot, state: state, context: context, into: &buffer, body, all: Self.showsAllPanes(size),
                focus: true)
        }
        if state.showsHelp {
            buffer.modal(title: Strings.current.frame.helpTitle, lines: Self.helpLines(context), in: rows[1], context: context)
        }
        return buffer
    }

    /// The four panes of figures two by two (`all`: Reach and Colleague engagement above, Silos and Influence
    /// below), else the current one under a tab bar; `focus` marks the current pane and its selection.
    static func drawPanes(
        snapshot: DashboardSnapshot, state: DashboardState, context: RenderContext, into buffer: inout CellBuffer,
        _ body: Rect, all: Bool, focus: Bool
    ) {
        let reach = ReachPane(snapshot: snapshot, state: state, context: context)
        let engagement = EngagementPane(snapshot: snapshot, state: state, context: context)
        let silos = SiloPane(snapshot: snapshot, state: state, context: context)
        let influence = InfluencePane(snapshot: snapshot, state: state, context: context)
        if all && state.pane != .data {
            let parts = body.split(.vertical, [.ratio(0.5, min: 14), .ratio(0.5, min: 14)])
            let top = parts[0].split(.horizontal, [.ratio(0.55, min: 60), .ratio(0.45, min: 50)])
            let bottom = parts[1].split(.horizontal, [.ratio(0.5, min: 60), .ratio(0.5, min: 60)])
            reach.draw(into: &buffer, top[0], focused: focus && state.pane == .reach)
            engagement.draw(into: &buffer, top[1], focused: focus && state.pane == .engagement)
            silos.draw(into: &buffer, bottom[0], focused: focus && state.pane == .silos)
            influence.draw(into: &buffer, bottom[1], focused: focus && state.pane == .influence)
            return
        }
        let split = body.split(.vertical, [.fixed(1), .ratio(1, min: 1)])
        // The wall (which has no focus: no one at its keyboard) rotates through the figures only.
        let panes = focus ? Pane.allCases : Pane.onTheWall
        buffer.tabs(panes.map(\.title), active: panes.firstIndex(of: state.pane) ?? 0, in: split[0], context: context)
        switch state.pane {
        case .reach: reach.draw(into: &buffer, split[1], focused: focus)
        case .engagement: engagement.draw(into: &buffer, split[1], focused: focus)
        case .silos: silos.draw(into: &buffer, split[1], focused: focus)
        case .influence: influence.draw(into: &buffer, split[1], focused: focus)
        case .data: DataPane(snapshot: snapshot, state: state, context: context).draw(into: &buffer, split[1], focused: focus)
        }
    }

    static func helpLines(_ context: RenderContext) -> [String] {
        Strings.current.frame.help(context.isASCII ? "Up Down / j k" : "↑ ↓ / j k", context.isASCII ? "*" : "★")
    }

    /// The top line; `subject` (the person of `codir me`) follows the window.
    func header(into buffer: inout CellBuffer, _ rect: Rect, subject: String? = nil) {
        buffer.fill(rect, style: Style(.header, [.reverse]))
        let sep = " \(context.glyphs.separator) "
        var left = " codir"
        if let snapshot { left += sep + sanitized(snapshot.organisation) }
        let words = Strings.current.frame
        left += sep + "\(words.window) \(HumanFormat.window(state.window))"
        if let subject { left += sep + subject }
        if let department = state.department { left += sep + sanitized(department) }
        if let source = state.source { left += sep + "\(words.silosOfSource)\(HumanFormat.colon) \(source.rawValue)" }
        let used = buffer.write(left, x: rect.x, y: rect.y, style: Style(.header, [.bold, .reverse]), clip: rect)
        // The longest account of the data's freshness that fits.
        let time = minuteText(snapshot?.asOf ?? now)
        var candidates = ["\(words.asOf) \(time) ", "\(time) "]
        var rightStyle = Style(.header, [.reverse])
        if let staleReason {
            candidates = ["\(words.stale)\(HumanFormat.colon) \(sanitized(staleReason)) ", "\(words.stale) "]
            rightStyle = Style(.warning, [.bold, .reverse])
        } else if let change = snapshot?.lastChange {
            candidates.insert("\(ago(change))\(sep)\(time) ", at: 0)
            candidates.insert("\(ago(change))\(sep)\(words.asOf) \(time) ", at: 0)
        }
        let room = rect.width - used - 2
        guard room > 4 else { return }
        let right =
            candidates.first { TextWidth.columns(of: $0) <= room }
            ?? buffer.truncated(candidates[0], to: room, context: context)
        buffer.write(right, x: rect.maxX - TextWidth.columns(of: right), y: rect.y, style: rightStyle, clip: rect)
    }

    private func keyBar(into buffer: inout CellBuffer, _ rect: Rect) {
        let arrows = context.isASCII ? "j/k" : "↑↓"
        // The essential keys first: what does not fit at the end is cut.
        let words = Strings.current.frame
        var keys: [(String, String)] = [("?", words.keyHelp), ("q", words.keyQuit), ("1-5", words.keyPanes)]
        keys += state.detail != nil ? [(words.keyEscape, words.keyBack)] : [(arrows, words.keySelect), (words.keyEnter, words.keyDetail)]
        keys += [
            ("w", words.keyWindow), ("s", words.keySort), ("d", words.keyDepartment), ("f", words.keySource),
            ("r", words.keyRefresh),
        ]
        buffer.keyBar(keys.map { (key: $0.0, label: $0.1) }, in: rect, context: context)
    }

    /// `08:12 UTC` today, `2026-11-02 08:12 UTC` another day.
    private func minuteText(_ t: Timestamp) -> String {
        let iso = t.iso8601  // 2026-11-29T08:12:00Z
        let time = String(iso.dropFirst(11).prefix(5)) + " UTC"
        return t.day == now.day ? time : String(iso.prefix(10)) + " " + time
    }

    private func ago(_ t: Timestamp) -> String {
        Strings.current.frame.dataChanged(HumanFormat.ago(t.seconds, now: now.seconds))
    }
}

extension DashboardView {
    /// The line that says individual rows were withheld, and why; nil when everything is shown.
    static func withheldNote(_ report: MetricsReport) -> String? {
        let words = Strings.current.panes
        let note = report.disclosure.visibilityNote
        return switch report.disclosure.visibility {
        case .all: nil
        case .self where report.reach.isEmpty: words.withheldNotALeader(note)
        case .self: words.withheldSelf(note)
        case .aggregate: words.withheldAggregate(note)
        }
    }

    /// The leaders in the Reach order for the current sort and department filter: the order ↑ and ↓ follow.
    /// Whether a row has a rank under the current sort: a leader whose sorted figure is unknown has none.
    static func isRanked(_ row: ReachRow, _ state: DashboardState) -> Bool {
        sortKey(row, state.sort) != nil || state.sort == .name
    }

    static func sortKey(_ row: ReachRow, _ sort: ReachSort) -> Double? {
        switch sort {
        case .impressions: row.impressions.map(Double.init)
        case .change: row.impressionsChange
        case .engagementRate: row.engagementRate
        case .posts: Double(row.posts)
        case .followers: row.followers.map(Double.init)
        case .growth: row.followerGrowth.map(Double.init)
        case .name: nil
        }
    }

    public static func leaderRows(_ snapshot: DashboardSnapshot, _ state: DashboardState) -> [ReachRow] {
        let people = snapshot.report.people
        let rows = snapshot.report.reach.filter { state.department == nil || people[$0.person].department == state.department }
        func key(_ row: ReachRow) -> Double? { sortKey(row, state.sort) }
        return rows.sorted { a, b in
            if state.sort != .name {
                switch (key(a), key(b)) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: break
                }
            }
            return people[a.person].name < people[b.person].name
        }
    }
}
