import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// Which data codir holds for each leader: per source, the period its records cover and the age of its last
/// file, stale ones marked, then whom to ask for a fresh export. The comms lead runs the programme from here.
struct DataPane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    /// The columns: the two LinkedIn exports each leader makes, the events, and the company's own traffic.
    static var groups: [(title: String, sources: [DataSource])] {
        let words = Strings.current.panes
        return [
            (words.groupArchive, [.archive]), (words.groupAnalytics, [.analytics]), (words.groupEvents, [.events]),
            (words.groupTraffic, [.slack, .email, .vivaEngage]),
        ]
    }

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let status = snapshot.dataStatus
        let words = Strings.current.panes
        let title = words.dataTitle(String(context.glyphs.separator), status.staleAfterDays)
        let inner = buffer.box(rect, title: title, focused: focused, context: context)
        guard !inner.isEmpty else { return }
        let leaders = status.leaders.filter { state.department == nil || $0.person.department == state.department }
        var columns = [TableColumn(words.columnLeader, width: 18, alignment: .left, priority: 10)]
        let groups = Self.groups
        for (index, group) in groups.enumerated() {
            columns.append(TableColumn(group.title, width: 18, alignment: .left, priority: 8 - index))
        }
        let rows = leaders.map { leader -> [TableCell] in
            var cells = [TableCell(sanitized(leader.person.name), style: Style(.normal, [.bold]))]
            for group in groups {
                cells.append(cell(leader.sources.filter { group.sources.contains($0.source) }, status: status))
            }
            return cells
        }
        let table = Table(columns: columns, rows: rows, selected: nil, flexibleColumn: 0)
        let tableHeight = min(inner.height, rows.count + 1)
        buffer.table(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight), context: context)
        var y = inner.y + tableHeight
        if leaders.isEmpty, y <= inner.maxY {
            buffer.text(words.noLeaders, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 1
        }
        let hidden = rows.count - max(0, tableHeight - 1)
        if hidden > 0, y <= inner.maxY {
            buffer.text(words.moreHidden(hidden), in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 1
        }
        if let note = DashboardView.withheldNote(snapshot.report), y <= inner.maxY {
            buffer.text(note, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 1
        }
        let arrow = context.isASCII ? ">" : "→"
        let legend = words.legend(arrow, stale)
        y += 1
        if y <= inner.maxY {
            buffer.text(legend, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 2
        }
        let requests = leaders.compactMap(status.request(for:))
        guard y <= inner.maxY else { return }
        if requests.isEmpty {
            buffer.text(words.nothingToAsk, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.good), context: context)
            return
        }
        buffer.text(words.askForExport, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.header, [.bold]), context: context)
        y += 1
        let room = inner.maxY - y + 1
        for (index, request) in requests.enumerated() where index < room {
            let more = requests.count - index
            let text = index == room - 1 && more > 1 ? words.moreRequests(more) : request
            buffer.text(text, in: Rect(x: inner.x + 2, y: y + index, width: inner.width - 2, height: 1), style: Style(.warning), context: context)
        }
    }

    private var stale: String { "!" }

    /// One group's cell: the period its records cover and the age of its latest file; `–` when none.
    private func cell(_ sources: [SourceCoverage], status: DataStatus) -> TableCell {
        guard let first = sources.map(\.first).min(), let last = sources.map(\.last).max() else {
            return TableCell(HumanFormat.missing, style: Style(.dim))
        }
        let latest = sources.max { ($0.lastFile?.seconds ?? .min) < ($1.lastFile?.seconds ?? .min) }
        let isStale = latest.map(status.isStale) ?? true
        let age =
            latest?.lastFile.map {
                Strings.current.panes.ageDays(Int(clamping: max(0, status.now.seconds.saturatingSubtracting($0.seconds)) / 86_400))
            } ?? "?"
        let arrow = context.isASCII ? ">" : "→"
        let text = "\(Self.monthDay(first))\(arrow)\(Self.monthDay(last)) \(age)\(isStale ? stale : "")"
        return TableCell(text, style: isStale ? Style(.bad, [.bold]) : Style(.normal))
    }

    static func monthDay(_ t: Timestamp) -> String { Strings.current.format.monthDay(t.day) }
}
