/// A column of a table.
public struct TableColumn: Sendable {
    public var title: String
    public var width: Int
    public var alignment: Alignment
    /// Columns with a lower priority are dropped first when the table is too narrow.
    public var priority: Int

    public init(_ title: String, width: Int, alignment: Alignment = .right, priority: Int = 1) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }
}

/// One cell of a table row.
public struct TableCell: Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// A table with a header, a selectable row and a sort column.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    public var selected: Int?
    public var sortColumn: Int?
    /// A flexible column (usually the name) takes the room the others leave.
    public var flexibleColumn: Int?

    public init(
        columns: [TableColumn], rows: [[TableCell]], selected: Int? = nil, sortColumn: Int? = nil,
        flexibleColumn: Int? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.sortColumn = sortColumn
        self.flexibleColumn = flexibleColumn
    }

    /// The indices of the columns that fit in `width`, dropping the lowest priorities first.
    public func visibleColumns(in width: Int) -> [Int] {
        var visible = Array(columns.indices)
        func needed(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].width + 1 } }
        while needed(visible) > width + 1, visible.count > 1 {
            guard let drop = visible.filter({ $0 != flexibleColumn }).min(by: { columns[$0].priority < columns[$1].priority || (columns[$0].priority == columns[$1].priority && $0 > $1) }) else { break }
            visible.removeAll { $0 == drop }
        }
        return visible
    }
}

extension CellBuffer {
    /// Draws a table; the selected row is kept in view. Returns the columns that were shown.
    @discardableResult
    public mutating func table(_ table: Table, in rect: Rect, context: RenderContext) -> [Int] {
        guard rect.height > 0, rect.width > 0 else { return [] }
        let visible = table.visibleColumns(in: rect.width)
        var widths = visible.map { table.columns[$0].width }
        let used = widths.reduce(0, +) + max(0, visible.count - 1)
        if let flexible = table.flexibleColumn, let position = visible.firstIndex(of: flexible), used < rect.width {
            widths[position] += rect.width - used
        }
        func drawRow(_ cells: [TableCell], y: Int, rowStyle: Style?) {
            var x = rect.x
            for (position, column) in visible.enumerated() {
                let width = widths[position]
                let area = Rect(x: x, y: y, width: min(width, rect.maxX - x), height: 1)
                if column < cells.count {
                    var style = cells[column].style
                    if let rowStyle { style = Style(rowStyle.role, rowStyle.attributes.union(style.attributes)) }
                    text(cells[column].text, in: area, style: style, align: table.columns[column].alignment, context: context)
                }
                x += width + 1
            }
        }
        // Header, with the sort column marked.
        let header = table.columns.indices.map { index -> TableCell in
            var title = table.columns[index].title
            if index == table.sortColumn { title = (table.columns[index].alignment == .right ? String(context.glyphs.down) + title : title + String(context.glyphs.down)) }
            return TableCell(title, style: Style(index == table.sortColumn ? .accent : .header, [.bold]))
        }
        drawRow(header, y: rect.y, rowStyle: nil)
        let bodyHeight = rect.height - 1
        guard bodyHeight > 0 else { return visible }
        var first = 0
        if let selected = table.selected, selected >= bodyHeight { first = selected - bodyHeight + 1 }
        for (offset, row) in table.rows.dropFirst(first).prefix(bodyHeight).enumerated() {
            let index = first + offset
            let y = rect.y + 1 + offset
            let isSelected = index == table.selected
            if isSelected {
                fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Style(.selection, [.reverse]))
            }
            drawRow(row, y: y, rowStyle: isSelected ? Style(.selection, [.reverse]) : nil)
        }
        return visible
    }

    /// A matrix of counts as a heat map: row labels on the left, column labels on top, each cell shaded by
    /// its value against the largest (colour, or shades without colour).
    /// A heat map of `values` with row and column labels. What does not fit is never dropped silently: the
    /// last line then says how many rows and columns are not shown. Returns the number of rows drawn.
    @discardableResult
    public mutating func heatMap(
        rows: [String], columns: [String], values: [[Int?]], in rect: Rect, labelWidth: Int, cellWidth: Int,
        highlightDiagonal: Bool = true, context: RenderContext,
        hiddenNote: (_ rows: Int, _ columns: Int) -> String = HeatMapText.english
    ) -> Int {
        guard rect.height > 1, rect.width > labelWidth else { return 0 }
        let top = max(1, values.flatMap { $0.compactMap { $0 } }.max() ?? 1)
        let fitColumns = min(columns.count, (rect.width - labelWidth) / max(1, cellWidth))
        var rowRoom = rect.height - 1
        if (rows.count > rowRoom || fitColumns < columns.count) && rowRoom > 1 { rowRoom -= 1 }
        let hiddenRows = max(0, rows.count - rowRoom), hiddenColumns = columns.count - fitColumns
        if hiddenRows > 0 || hiddenColumns > 0 {
            text(
                hiddenNote(hiddenRows, hiddenColumns),
                in: Rect(x: rect.x, y: rect.y + min(rowRoom, rows.count) + 1, width: rect.width, height: 1), style: Style(.dim),
                context: context)
        }
        for (c, label) in columns.prefix(fitColumns).enumerated() {
            text(label, in: Rect(x: rect.x + labelWidth + c * cellWidth, y: rect.y, width: cellWidth - 1, height: 1),
                style: Style(.header, [.bold]), align: .right, context: context)
        }
        for (r, label) in rows.prefix(rowRoom).enumerated() {
            let y = rect.y + 1 + r
            text(label, in: Rect(x: rect.x, y: y, width: labelWidth - 1, height: 1), style: Style(.header), context: context)
            for c in 0..<fitColumns {
                let cell = Rect(x: rect.x + labelWidth + c * cellWidth, y: y, width: cellWidth, height: 1)
                guard let value = r < values.count && c < values[r].count ? values[r][c] : 0 else {
                    // A value withheld from this viewer.
                    text("w/h", in: Rect(x: cell.x, y: y, width: cellWidth - 1, height: 1), style: Style(.dim), align: .right, context: context)
                    continue
                }
                let level = value == 0 ? 0 : 1 + min(3, Int(Double(value) / Double(top) * 3.999))
                let roles: [ColorRole] = [.dim, .heat1, .heat2, .heat3, .heat5]
                let diagonal = highlightDiagonal && r == c
                if context.hasColour {
                    let style = Style(roles[level], diagonal ? [.bold] : [])
                    fill(Rect(x: cell.x, y: y, width: cellWidth - 1, height: 1), style: style)
                    text(value == 0 ? "·" : compactCount(value), in: Rect(x: cell.x, y: y, width: cellWidth - 1, height: 1),
                        style: style, align: .right, context: context)
                } else {
                    let shade = String(repeating: context.glyphs.shades[level], count: max(0, cellWidth - 1 - 4))
                    write(shade, x: cell.x, y: y, clip: cell)
                    text(value == 0 ? "." : compactCount(value), in: Rect(x: cell.x + cellWidth - 5, y: y, width: 4, height: 1),
                        style: Style(.normal, diagonal ? [.bold] : []), align: .right, context: context)
                }
            }
        }
        return min(rowRoom, rows.count)
    }
}

/// `950`, `12k`, `1.2M`: counts in four columns or fewer.
public func compactCount(_ value: Int) -> String {
    switch abs(value) {
    case ..<1_000: return "\(value)"
    case ..<10_000: return "\(value / 1000).\(value % 1000 / 100)k"
    case ..<1_000_000: return "\(value / 1000)k"
    default: return "\(value / 1_000_000).\(value % 1_000_000 / 100_000)M"
    }
}

/// What a heat map says of the rows and columns it has no room for; a program in another language passes its own.
public enum HeatMapText {
    public static func english(rows: Int, columns: Int) -> String {
        let parts = [
            rows > 0 ? "+\(rows) more row\(rows == 1 ? "" : "s")" : nil,
            columns > 0 ? "+\(columns) more column\(columns == 1 ? "" : "s")" : nil,
        ].compactMap { $0 }
        return parts.joined(separator: ", ") + " (a larger terminal shows them)"
    }
}
