import CodirMetrics
import CodirModel
import CodirReport
import TerminalUI

/// The leaders' reach: a sortable leaderboard with a daily-impressions sparkline per leader.
struct ReachPane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let title = "Reach \(context.glyphs.separator) sorted by \(state.sort.title)"
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
            TableColumn("Leader", width: 16, alignment: .left, priority: 10),
            TableColumn("Department", width: 14, alignment: .left, priority: 3),
            TableColumn("Impr.", width: 7, priority: 9),
            TableColumn("vs prev", width: 8, priority: 8),
            TableColumn("Eng.", width: 6, priority: 6),
            TableColumn("Posts", width: 5, priority: 5),
            TableColumn("Followers", width: 9, priority: 4),
            TableColumn("Growth", width: 7, priority: 2),
            TableColumn("Daily impressions", width: trendWidth, alignment: .left, priority: 1),
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
                    ? TableCell("no reach data", style: Style(.dim))
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
            buffer.tile(value: HumanFormat.count(total), caption: "committee impressions", detail: "\(HumanFormat.change(change)) \(context.glyphs.separator) \(committee.leadersWithImpressions)/\(committee.leaders) leaders", detailStyle: changeStyle, in: tiles[0], context: context)
            buffer.tile(value: "\(posts)", caption: "posts by leaders", detail: "\(committee.leadersWhoPosted) of \(counted(committee.leaders, "leader")) posted", in: tiles[1], context: context)
            buffer.tile(value: HumanFormat.percent(activeShare), caption: "employees active", detail: "\(HumanFormat.grouped(snapshot.report.summary.activeEmployees)) of \(HumanFormat.grouped(snapshot.report.summary.employees))", in: tiles[2], context: context)
            buffer.tile(value: HumanFormat.index(snapshot.report.silo.eiIndex), caption: "E-I index (silos)", detail: "−1 closed, +1 open", in: tiles[3], context: context)
            y += 5
        } else if y < inner.maxY {
            let line =
                "Committee: \(HumanFormat.count(total)) impressions (\(committee.coverageText)) \(HumanFormat.change(change))"
                + " \(context.glyphs.separator) \(plural(posts, "post")) \(context.glyphs.separator) "
                + "\(HumanFormat.percent(activeShare)) active"
            buffer.text(line, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.dim), context: context)
            y += 2
        }
        // The selected leader's days, across the width.
        if inner.maxY - y >= 2, let row = rows.first(where: { people[$0.person].id == state.selectedLeader }) ?? rows.first {
            let start = row.seriesStart.iso8601
            buffer.text(
                "Daily impressions of \(sanitized(people[row.person].name)) since \(start) (Enter for details)",
                in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.header, [.bold]), context: context)
            let series = row.dailyImpressions.map { Optional(Double($0)) }
            let factor = max(1, inner.width / max(1, series.count))
            buffer.sparkline(
                series.flatMap { Array(repeating: $0, count: factor) },
                in: Rect(x: inner.x, y: y + 1, width: inner.width, height: 1), context: context)
        }
    }

}
