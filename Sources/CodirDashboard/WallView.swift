import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// The wall display: big tiles readable from across a room, a ticker of the latest interactions, and the
/// panes (all of them on a large screen, else one at a time, rotating).
public struct WallView {
    public var snapshot: DashboardSnapshot?
    public var staleReason: String?
    public var state: DashboardState
    public var context: RenderContext
    public var now: Timestamp
    /// Seconds between two panes when they rotate.
    public var rotate: Double

    public init(
        snapshot: DashboardSnapshot?, staleReason: String?, state: DashboardState, context: RenderContext,
        now: Timestamp, rotate: Double
    ) {
        self.snapshot = snapshot
        self.staleReason = staleReason
        self.state = state
        self.context = context
        self.now = now
        self.rotate = rotate
    }

    /// Whether the screen holds every pane at once under the tiles and ticker.
    public static func showsAllPanes(_ size: Size) -> Bool {
        size.width >= DashboardView.wideSize.width && size.height >= DashboardView.wideSize.height + 9
    }

    public func render(size: Size) -> CellBuffer {
        let dashboard = DashboardView(snapshot: snapshot, staleReason: staleReason, state: state, context: context, now: now)
        return dashboard.frame(size: size) { buffer, snapshot in draw(into: &buffer, snapshot: snapshot, dashboard: dashboard) }
    }

    private func draw(into buffer: inout CellBuffer, snapshot: DashboardSnapshot, dashboard: DashboardView) {
        let size = buffer.size
        let tall = size.height >= 30
        let rows = buffer.bounds.split(
            .vertical, [.fixed(1), .fixed(tall ? 8 : 4), .fixed(1), .ratio(1, min: 4), .fixed(1)])
        dashboard.header(into: &buffer, rows[0])
        tiles(into: &buffer, rows[1], big: tall, snapshot: snapshot)
        ticker(into: &buffer, rows[2], snapshot: snapshot)
        DashboardView.drawPanes(
            snapshot: snapshot, state: state, context: context, into: &buffer, rows[3], all: Self.showsAllPanes(size),
            focus: false)
        let note = Self.showsAllPanes(size) ? "" : Strings.current.wall.panesRotate(Int(rotate))
        buffer.keyBar([(key: "q", label: Strings.current.frame.keyQuit + note)], in: rows[4], context: context)
    }

    private func tiles(into buffer: inout CellBuffer, _ rect: Rect, big: Bool, snapshot: DashboardSnapshot) {
        let report = snapshot.report
        let words = Strings.current.wall
        let window = HumanFormat.window(report.length)
        let total = report.committeeReach.impressions
        let change = report.committeeReach.impressionsChange
        let weekly = report.silo.weekly.compactMap(\.eiIndex)
        let trend: Double? = weekly.count >= 2 ? weekly[weekly.count - 1] - weekly[0] : nil
        let influence = report.influence
        let mentionsChange = influence.previousMentions.map { influence.mentions - $0 }
        // Each tile with a short caption for narrow walls, where the change of the reach joins its tile.
        let narrow = rect.width < 110
        let currency = sanitized(influence.rates.currency)
        let emv = influence.committeeValue.flatMap { Int64(checking: $0.rounded()) }
        var items: [(caption: String, short: String, value: String, detail: String, good: Bool?)] = [
            (
                words.committeeReach(window), words.reachShort(window), HumanFormat.count(total),
                narrow ? words.versusPreviousDetail(HumanFormat.change(change)) : HumanFormat.coverage(report.committeeReach), nil
            ),
            (words.change(window), words.changeShort, HumanFormat.change(change), words.ofImpressions, change.map { $0 >= 0 }),
            (words.eiIndexCaption, words.eiIndexShort, HumanFormat.index(report.silo.eiIndex),
             trend.map { words.eiTrend($0 >= 0, HumanFormat.index($0)) } ?? words.noTrend,
             trend.map { $0 >= 0 }),
            (words.employeesActive, words.activeShort, HumanFormat.percent(report.summary.activeEmployeeShare),
             words.ofTotal(HumanFormat.grouped(report.summary.activeEmployees), HumanFormat.grouped(report.summary.employees)), nil),
            // The big font has digits only: the currency goes with the detail.
            (words.earnedMediaValue, words.emvShort, HumanFormat.count(emv), words.notRevenue(currency), nil),
            (words.pressItems, words.pressShort, "\(influence.mentions)",
             influence.previousMentions.map { words.previousWindow(window, $0) } ?? words.inTheWindow,
             mentionsChange.flatMap { $0 == 0 ? nil : $0 > 0 }),
        ]
        if narrow { items.remove(at: 1) }
        let cells = rect.split(.horizontal, Array(repeating: .ratio(1, min: 10), count: items.count), spacing: 1)
        for (item, cell) in zip(items, cells) {
            let caption = TextWidth.columns(of: item.caption) + 4 <= cell.width ? item.caption : item.short
            let inner = buffer.box(cell, title: caption, context: context)
            let style = Style(item.good.map { $0 ? .good : .bad } ?? .accent, [.bold])
            if big, buffer.bigText(item.value, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 5), style: style, context: context) {
                buffer.text(item.detail, in: inner, line: 5, style: Style(.dim), align: .center, context: context)
            } else {
                buffer.text(item.value, in: inner, line: 0, style: style, align: .center, context: context)
                buffer.text(item.detail, in: inner, line: 1, style: Style(.dim), align: .center, context: context)
            }
        }
    }

    /// The latest interactions, newest first, as many as fit on the line; people named only when the viewer may
    /// see individuals (else their departments), a department too small to hide in never named.
    private func ticker(into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let words = Strings.current.wall
        var line = ""
        // The latest press headline naming a leader leads, cut to half the line so that interactions follow it.
        if let headline = snapshot.report.influence.headlines.first {
            let sep = context.glyphs.separator
            let head = "\(words.press)\(HumanFormat.colon) \(sanitized(headline.outlet)) \(sep) "
            let tail = " \(sep) \(ago(headline.at.seconds))"
            let budget = rect.width < 110 ? (rect.width - 2) * 3 / 4 : max(40, (rect.width - 2) / 2)
            let room = max(12, budget - TextWidth.columns(of: head + tail))
            line = head + TextWidth.truncated(sanitized(headline.title), to: room) + tail
        }
        let lead = line.isEmpty ? 0 : 1
        var told = 0
        for item in snapshot.ticker {
            let text: String
            if let actor = item.actor.name, let target = item.target.name {
                let department = item.actor.department.map { " (\(sanitized($0)))" } ?? ""
                let what = words.named(sanitized(actor) + department, item.kind, sanitized(target))
                text = "\(what) \(context.glyphs.separator) \(ago(item.at.seconds))"
            } else {
                // Departments only: who did what is an individual's activity.
                func name(_ department: String?) -> String { department.map(sanitized) ?? words.smallDepartment }
                let what = words.departments(name(item.actor.department), item.kind, name(item.target.department))
                text = "\(what) \(context.glyphs.separator) \(ago(item.at.seconds))"
            }
            let candidate = line.isEmpty ? text : line + "   " + text
            // The first interaction is told even if cut: the ticker is about them.
            if TextWidth.columns(of: candidate) > rect.width - 2 && told + lead > 0 && told > 0 { break }
            line = candidate
            told += 1
        }
        buffer.text(line.isEmpty ? words.noInteractions : line, in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), style: Style(.normal), context: context)
    }

    private func ago(_ seconds: Int64) -> String {
        HumanFormat.ago(seconds, now: now.seconds)
    }
}
