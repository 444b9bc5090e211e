import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// Cross-department interaction: E-I index and modularity with their trends, the department heat map,
/// each department's E-I and the bridges.
struct SiloPane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let inner = buffer.box(rect, title: Strings.current.frame.paneSilos, focused: focused, context: context)
        guard !inner.isEmpty else { return }
        let silo = snapshot.report.silo
        let people = snapshot.report.people
        let sep = context.glyphs.separator
        let words = Strings.current.panes

        // Headline figures with their 12-week trends.
        let weekly = silo.weekly
        let trendWidth = min(24, weekly.count * 2)
        let eiLine = "\(words.eiIndex) \(HumanFormat.index(silo.eiIndex))"
        buffer.text(eiLine, in: inner, line: 0, style: Style(.accent, [.bold]), context: context)
        buffer.sparkline(
            stretched(weekly.map(\.eiIndex), to: trendWidth),
            in: Rect(x: inner.x + 18, y: inner.y, width: trendWidth, height: 1), context: context)
        let eiTrend = words.weeksTrend(
            weekly.count, HumanFormat.index(weekly.first?.eiIndex), context.isASCII ? "->" : "→",
            HumanFormat.index(weekly.last?.eiIndex))
        buffer.text(
            eiTrend,
            in: Rect(x: inner.x + 19 + trendWidth, y: inner.y, width: max(0, inner.width - 19 - trendWidth), height: 1),
            style: Style(.dim), context: context)
        buffer.text("\(words.modularity) \(HumanFormat.decimal(silo.modularity))", in: inner, line: 1, style: Style(.accent, [.bold]), context: context)
        buffer.sparkline(
            stretched(weekly.map(\.modularity), to: trendWidth),
            in: Rect(x: inner.x + 18, y: inner.y + 1, width: trendWidth, height: 1), style: Style(.warning), context: context)
        buffer.text(
            words.ties(HumanFormat.grouped(silo.externalTies), String(sep), HumanFormat.grouped(silo.internalTies)),
            in: Rect(x: inner.x + 19 + trendWidth, y: inner.y + 1, width: max(0, inner.width - 19 - trendWidth), height: 1),
            style: Style(.dim), context: context)

        // The department × department heat map, with each department's E-I at the end of its row.
        let matrix = silo.matrix
        let labelWidth = 16
        let cellWidth = max(5, min(8, (inner.width - labelWidth - 16) / max(1, matrix.departments.count)))
        let columnsThatFit = max(1, min(matrix.departments.count, (inner.width - labelWidth - 16) / cellWidth))
        let mapWidth = labelWidth + columnsThatFit * cellWidth
        let mapHeight = min(inner.height - 3, matrix.departments.count + 1)
        guard mapHeight >= 2 else { return }
        let mapRect = Rect(x: inner.x, y: inner.y + 3, width: mapWidth, height: mapHeight)
        // The map counts interactions; the E-I beside it (and above) counts ties: say which is which.
        buffer.text(
            words.mapCaption(context.isASCII ? "->" : "→", String(sep)),
            in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1), style: Style(.dim), context: context)
        let rowsDrawn = buffer.heatMap(
            rows: matrix.departments.map(sanitized), columns: matrix.departments.map { abbreviation(of: sanitized($0)) },
            values: matrix.counts.indices.map { row in matrix.counts[row].indices.map { matrix.count(row, $0) } }, in: mapRect, labelWidth: labelWidth, cellWidth: cellWidth, context: context,
            hiddenNote: Strings.current.frame.hiddenInMap)
        let eiColumn = Rect(x: mapRect.maxX + 1, y: mapRect.y, width: min(15, inner.maxX - mapRect.maxX - 1), height: mapHeight)
        buffer.text("E-I", in: eiColumn, style: Style(.header, [.bold]), align: .left, context: context)
        for (index, department) in silo.departments.prefix(rowsDrawn).enumerated() {
            let row = Rect(x: eiColumn.x, y: eiColumn.y + 1 + index, width: eiColumn.width, height: 1)
            let highlighted = department.department == state.department
            let value = department.eiIndex
            let style = Style(value.map { $0 >= 0 ? .good : .bad } ?? .dim, highlighted ? [.bold, .underline] : [])
            if department.withheld {
                buffer.text(Strings.current.personal.withheld, in: row, style: style, context: context)
                continue
            }
            buffer.text(HumanFormat.index(value), in: Rect(x: row.x, y: row.y, width: 6, height: 1), style: style, align: .right, context: context)
            buffer.bar(((value ?? -1) + 1) / 2, in: Rect(x: row.x + 7, y: row.y, width: max(0, row.width - 7), height: 1), style: style, context: context)
        }

        // Bridges: beside the map when there is room, else under it.
        var area = Rect(x: eiColumn.maxX + 2, y: inner.y + 3, width: inner.maxX - eiColumn.maxX - 2, height: inner.height - 3)
        if area.width < 30 {
            area = Rect(x: inner.x, y: mapRect.maxY + 1, width: inner.width, height: inner.maxY - mapRect.maxY - 1)
        }
        guard area.height >= 2, area.width >= 20 else { return }
        // On a wide pane, the weekly trend as a table beside the bridges.
        if area.width >= 90 {
            let parts = area.split(.horizontal, [.ratio(1, min: 40), .fixed(40)], spacing: 2)
            area = parts[0]
            weeklyTable(into: &buffer, parts[1])
        }
        buffer.text(words.bridges, in: area, style: Style(.header, [.bold]), context: context)
        if !snapshot.report.disclosure.namesIndividuals {
            buffer.text(
                words.notNamed(snapshot.report.disclosure.visibilityNote), in: area, line: 1, style: Style(.dim),
                context: context)
        }
        for (rank, bridge) in silo.bridges.prefix(area.height - 1).enumerated() {
            let person = people[bridge.person]
            let line = Rect(x: area.x, y: area.y + 1 + rank, width: area.width, height: 1)
            buffer.text("\(bridge.departmentsReached)", in: Rect(x: line.x, y: line.y, width: 3, height: 1), style: Style(.accent, [.bold]), align: .right, context: context)
            buffer.text(
                "\(sanitized(person.name)) \(sep) \(sanitized(person.department))",
                in: Rect(x: line.x + 4, y: line.y, width: line.width - 4, height: 1), context: context)
        }
    }

    /// Week by week: E-I, modularity and a bar of the E-I.
    private func weeklyTable(into buffer: inout CellBuffer, _ rect: Rect) {
        buffer.text(Strings.current.panes.weekHeader, in: rect, style: Style(.header, [.bold]), context: context)
        for (index, week) in snapshot.report.silo.weekly.suffix(rect.height - 1).enumerated() {
            let line = Rect(x: rect.x, y: rect.y + 1 + index, width: rect.width, height: 1)
            let style = Style(week.eiIndex.map { $0 >= 0 ? .good : .bad } ?? .dim)
            buffer.text(week.start.adding(days: 1).day.iso8601, in: Rect(x: line.x, y: line.y, width: 10, height: 1), style: Style(.dim), context: context)
            buffer.text(HumanFormat.index(week.eiIndex), in: Rect(x: line.x + 10, y: line.y, width: 7, height: 1), style: style, align: .right, context: context)
            buffer.text(HumanFormat.decimal(week.modularity), in: Rect(x: line.x + 17, y: line.y, width: 12, height: 1), align: .right, context: context)
            buffer.bar(((week.eiIndex ?? -1) + 1) / 2, in: Rect(x: line.x + 31, y: line.y, width: max(0, line.width - 31), height: 1), style: style, context: context)
        }
    }

    /// Each value repeated so that the series fills about `width` columns.
    private func stretched(_ values: [Double?], to width: Int) -> [Double?] {
        guard !values.isEmpty else { return [] }
        let factor = max(1, width / values.count)
        return values.flatMap { Array(repeating: $0, count: factor) }
    }
}
