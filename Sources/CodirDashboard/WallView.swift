import CodirMetrics
import CodirModel
import CodirReport
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
        let note = Self.showsAllPanes(size) ? "" : "  panes rotate every \(Int(rotate)) s"
        buffer.keyBar([(key: "q", label: " quit\(note)")], in: rows[4], context: context)
    }

    private func tiles(into buffer: inout CellBuffer, _ rect: Rect, big: Bool, snapshot: DashboardSnapshot) {
        let report = snapshot.report
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
                "committee reach, \(report.length)", "reach \(report.length)", HumanFormat.count(total),
                narrow ? "\(HumanFormat.change(change)) vs previous" : report.committeeReach.coverageText, nil
            ),
            ("change vs previous \(report.length)", "vs previous", HumanFormat.change(change), "of impressions", change.map { $0 >= 0 }),
            ("E-I index (silos)", "E-I index", HumanFormat.index(report.silo.eiIndex),
             trend.map { "\($0 >= 0 ? "opening" : "closing") over 12 weeks (\(HumanFormat.index($0)))" } ?? "no trend yet",
             trend.map { $0 >= 0 }),
            ("employees active", "active", HumanFormat.percent(report.summary.activeEmployeeShare),
             "\(HumanFormat.grouped(report.summary.activeEmployees)) of \(HumanFormat.grouped(report.summary.employees))", nil),
            // The big font has digits only: the currency goes with the detail.
            ("earned media value", "EMV", HumanFormat.count(emv), "\(currency), not revenue", nil),
            ("press items naming leaders", "press", "\(influence.mentions)",
             influence.previousMentions.map { "previous \(report.length): \($0)" } ?? "in the window",
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
        var line = ""
        // The latest press headline naming a leader leads, cut to half the line so that interactions follow it.
        if let headline = snapshot.report.influence.headlines.first {
            let sep = context.glyphs.separator
            let head = "Press: \(sanitized(headline.outlet)) \(sep) "
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
                let verb: String
                switch item.kind {
                case .reaction: verb = "reacted to \(sanitized(target))'s post"
                case .comment: verb = "commented on \(sanitized(target))'s post"
                case .share: verb = "shared \(sanitized(target))'s post"
                case .message: verb = "wrote to \(sanitized(target))"
                case .mention: verb = "mentioned \(sanitized(target))"
                }
                let department = item.actor.department.map { " (\(sanitized($0)))" } ?? ""
                text = "\(sanitized(actor))\(department) \(verb) \(context.glyphs.separator) \(ago(item.at.seconds))"
            } else {
                // Departments only: who did what is an individual's activity.
                let what =
                    switch item.kind {
                    case .reaction: "reacted to a post from"
                    case .comment: "commented on a post from"
                    case .share: "shared a post from"
                    case .message: "wrote to"
                    case .mention: "mentioned someone in"
                    }
                func name(_ department: String?) -> String { department.map(sanitized) ?? "a small department" }
                text = "\(name(item.actor.department)) \(what) \(name(item.target.department)) \(context.glyphs.separator) \(ago(item.at.seconds))"
            }
            let candidate = line.isEmpty ? text : line + "   " + text
            // The first interaction is told even if cut: the ticker is about them.
            if TextWidth.columns(of: candidate) > rect.width - 2 && told + lead > 0 && told > 0 { break }
            line = candidate
            told += 1
        }
        buffer.text(line.isEmpty ? "No interactions yet in this window." : line, in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), style: Style(.normal), context: context)
    }

    private func ago(_ seconds: Int64) -> String {
        HumanFormat.ago(seconds, now: now.seconds)
    }
}
