import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// Leaders engaging with colleagues' posts: given and received, coverage, the committee matrix.
struct EngagementPane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let words = Strings.current.panes
        let inner = buffer.box(rect, title: Strings.current.frame.paneEngagement, focused: focused, context: context)
        guard !inner.isEmpty else { return }
        let report = snapshot.report
        let people = report.people
        let order = DashboardView.leaderRows(snapshot, state).map(\.person)
        let rows = order.compactMap { person in report.engagement.first { $0.person == person } }
        // Leaders who engage with employees' posts stand out: the top third, when they do at all.
        let employeeGivers = rows.map(\.givenToEmployees).sorted(by: >)
        let threshold = max(1, employeeGivers.isEmpty ? 1 : employeeGivers[min(employeeGivers.count - 1, employeeGivers.count / 3)])
        let columns = [
            TableColumn(words.columnLeader, width: 16, alignment: .left, priority: 10),
            TableColumn(words.columnToLeaders, width: 8, priority: 9),
            TableColumn(words.columnToEmployees, width: 9, priority: 9),
            TableColumn(words.columnFromLeaders, width: 10, priority: 8),
            TableColumn(words.columnFromEmployees, width: 10, priority: 7),
            TableColumn(words.columnCoverage, width: 8, priority: 6),
            TableColumn("", width: 12, alignment: .left, priority: 1),
        ]
        let star = context.isASCII ? "*" : "★"
        let tableRows = rows.map { row -> [TableCell] in
            let standsOut = row.givenToEmployees >= threshold
            return [
                TableCell(sanitized(people[row.person].name), style: Style(.normal, [.bold])),
                TableCell("\(row.givenToLeaders)"),
                TableCell(standsOut ? "\(star) \(row.givenToEmployees)" : "\(row.givenToEmployees)", style: standsOut ? Style(.good, [.bold]) : .plain),
                TableCell("\(row.receivedFromLeaders)"),
                TableCell("\(row.receivedFromEmployees)"),
                TableCell(HumanFormat.percent(row.coverage), style: row.coverage == nil ? Style(.dim) : .plain),
                TableCell(barText(row.coverage ?? 0, width: 12), style: Style(.accent)),
            ]
        }
        let selected = rows.firstIndex { people[$0.person].id == state.selectedLeader }
        let tableWidth = inner.width >= 120 ? 84 : inner.width
        let tableHeight = min(inner.height, tableRows.count + 1)
        buffer.table(
            Table(columns: columns, rows: tableRows, selected: focused ? selected ?? 0 : nil, flexibleColumn: 0),
            in: Rect(x: inner.x, y: inner.y, width: tableWidth, height: tableHeight), context: context)
        var y = inner.y + tableHeight
        if let note = DashboardView.withheldNote(report), y < inner.maxY {
            buffer.text(note, in: Rect(x: inner.x, y: y, width: tableWidth, height: 1), style: Style(.dim), context: context)
            y += 1
        }
        let committee = report.committee
        var reciprocity = words.reciprocity(
            HumanFormat.percent(committee.reciprocity), committee.reciprocalPairs, committee.engagedPairs)
        if !rows.isEmpty { reciprocity += " \(context.glyphs.separator) \(words.topThird(star))" }
        if y + 1 < inner.maxY {
            buffer.text(reciprocity, in: Rect(x: inner.x, y: y + 1, width: tableWidth, height: 1), style: Style(.dim), context: context)
            y += 3
        }
        // The leader × leader matrix, beside the table when there is room, else below it.
        let leaders = committee.leaders
        let labels = leaders.map { initials(of: sanitized(people[$0].name)) }
        let matrixWidth = 22 + 5 * leaders.count
        var area = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        if inner.width >= tableWidth + 2 + min(matrixWidth, 40) {
            area = Rect(x: inner.x + tableWidth + 2, y: inner.y, width: inner.width - tableWidth - 2, height: inner.height)
        }
        guard area.height >= 3, !leaders.isEmpty else { return }
        buffer.text(words.whoEngagesWithWhom(context.isASCII ? "->" : "→"), in: area, style: Style(.header, [.bold]), context: context)
        buffer.heatMap(
            rows: leaders.map { "\(initials(of: sanitized(people[$0].name))) \(sanitized(people[$0].name))" }, columns: labels,
            values: committee.counts,
            in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), labelWidth: 22,
            cellWidth: 5, context: context, hiddenNote: Strings.current.frame.hiddenInMap)
    }

    private func barText(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
        var text = String(repeating: context.glyphs.barFull, count: eighths / 8)
        if eighths % 8 > 0 && !context.isASCII { text.append(context.glyphs.barEighths[eighths % 8]) }
        return text
    }
}
