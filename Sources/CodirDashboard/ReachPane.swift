import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// The leaders' reach: a sortable leaderboard with a daily-impressions sparkline per leader.
struct ReachPane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let words = Strings.current.panes
        let title = words.reachTitle(String(context.glyphs.separator), state.sort.title)
        let inner = buffer.box(rect, title: title, focused: focused, context: context)
        guard !inner.isEmpty else { return }
        let rows = DashboardView.leaderRows(snapshot, state)
        let people = snapshot.report.people
        let trendWidth = max(8, min(40, inner.width - 86))
        let sortColumn: Int? =
            switch state.sort {
            case .impressions: 3
            case .change: 4
            case .engagementRate: 5
            case .posts: 6
            case .followers: 7
            case .growth: 8
            case .name: 1
            }
        let columns = [
            TableColumn("#", width: 2, priority: 9),
            TableColumn(words.columnLeader, width: 16, alignment: .left, priority: 10),
            TableColumn(words.columnDepartment, width: 14, alignment: .left, priority: 3),
            TableColumn(words.columnImpressions, width: 7, priority: 9),
            TableColumn(words.columnVersusPrevious, width: 8, priority: 8),
            TableColumn(words.columnEngagement, width: 6, priority: 6),
            TableColumn(words.columnPosts, width: 5, priority: 5),
            TableColumn(words.columnFollowers, width: 9, priority: 4),
            TableColumn(words.columnGrowth, width: 7, priority: 2),
            TableColumn(words.columnDaily, width: trendWidth, alignment: .left, priority: 1),
        ]
        let tableRows = rows.enumerated().map { rank, row -> [TableCell] in
            let person = people[row.person]
            let change = row.impressionsChange
            let changeStyle = Style(change.map { $0 > 0 ? .good : ($0 < 0 ? .bad : .normal) } ?? .dim)
            var changeText = HumanFormat.change(change, partial: row.previousIsPartial)
            if let change, change != 0 { changeText = String(change > 0 ? context.glyphs.up : context.glyphs.down) + changeText.dropFirst() }
            return [
                TableCell(snapshot.report.withholdsIndividuals || !DashboardView.isRanked(row, state) ? "" : "\(rank + 1)", style: Style(.dim)),
                TableCell(sanitized(person.name), style: Style(.normal, [.bold])),
                TableCell(sanitized(person.department), style: Style(.dim)),
                TableCell(HumanFormat.count(row.impressions)),
                TableCell(changeText, style: changeStyle),
                TableCell(HumanFormat.percent(row.engagementRate)),
                TableCell("\(row.posts)"),
                TableCell(HumanFormat.count(row.followers)),
                TableCell(HumanFormat.signedCount(row.followerGrowth), style: Style(row.followerGrowth.map { $0 > 0 ? .good : .normal } ?? .dim)),
                row.impressions == nil && row.followers == nil
                    ? TableCell(words.noReachData, style: Style(.dim))
                    : TableCell(context.sparkline(row.dailyImpressions.map { Double($0) }, width: trendWidth), style: Style(.accent)),
            ]
        }
        let selected = rows.firstIndex { people[$0.person].id == state.selectedLeader }
        let table = Table(columns: columns, rows: tableRows, selected: focused ? selected ?? 0 : nil, sortColumn: sortColumn, flexibleColumn: 1)
        let tableHeight = min(inner.height, tableRows.count + 1)
        buffer.table(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight), context: context)
        var y = inner.y + tableHeight + 1
        if let note = DashboardView.withheldNote(snapshot.report), y <= inner.maxY {
            buffer.text(note, in: Rect(x: inner.x, y: y - 1, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 1
        }
        // The committee's totals (every leader, whatever the viewer may see of each), as big tiles on a tall
        // pane, else as a line.
        let committee = snapshot.report.committeeReach
        let total = committee.impressions
        let change = committee.impressionsChange
        let posts = committee.posts
        let activeShare = snapshot.report.summary.activeEmployeeShare
        if inner.maxY - y >= 9 && inner.width >= 60 {
            let tiles = Rect(x: inner.x, y: y, width: inner.width, height: 4)
                .split(.horizontal, [.ratio(1, min: 14), .ratio(1, min: 14), .ratio(1, min: 14), .ratio(1, min: 14)], spacing: 1)
            let changeStyle = Style(change.map { $0 >= 0 ? .good : .bad } ?? .dim, [.bold])
            buffer.tile(value: HumanFormat.count(total), caption: words.committeeImpressions, detail: "\(HumanFormat.change(change)) \(context.glyphs.separator) \(words.leadersWithData(committee.leadersWithImpressions, committee.leaders))", detailStyle: changeStyle, in: tiles[0], context: context)
            buffer.tile(value: "\(posts)", caption: words.postsByLeaders, detail: words.leadersPosted(committee.leadersWhoPosted, committee.leaders), in: tiles[1], context: context)
            buffer.tile(value: HumanFormat.percent(activeShare), caption: Strings.current.wall.employeesActive, detail: Strings.current.wall.ofTotal(HumanFormat.grouped(snapshot.report.summary.activeEmployees), HumanFormat.grouped(snapshot.report.summary.employees)), in: tiles[2], context: context)
            buffer.tile(value: HumanFormat.index(snapshot.report.silo.eiIndex), caption: words.eiIndexSilos, detail: words.closedOpen, in: tiles[3], context: context)
            y += 5
        } else if y < inner.maxY {
            let line = words.committeeLine(
                HumanFormat.count(total), HumanFormat.coverage(committee), HumanFormat.change(change), plural(posts, words.post),
                HumanFormat.percent(activeShare), String(context.glyphs.separator))
            buffer.text(line, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 2
        }
        // The selected leader's days, across the width.
        if inner.maxY - y >= 2, let row = rows.first(where: { people[$0.person].id == state.selectedLeader }) ?? rows.first {
            buffer.text(
                words.dailyOf(sanitized(people[row.person].name), row.seriesStart),
                in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.header, [.bold]), context: context)
            let series = row.dailyImpressions.map { Optional(Double($0)) }
            let factor = max(1, inner.width / max(1, series.count))
            buffer.sparkline(
                series.flatMap { Array(repeating: $0, count: factor) },
                in: Rect(x: inner.x, y: y + 1, width: inner.width, height: 1), context: context)
        }
    }

}
