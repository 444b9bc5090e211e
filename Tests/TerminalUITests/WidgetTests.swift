import Testing

@testable import TerminalUI

@Suite("Widgets and layout")
struct WidgetTests {
    init() { TextWidth.prepareUTF8Locale() }

    @Test func layoutSplitsWithFixedPartsAndRatios() {
        let parts = Rect(x: 0, y: 0, width: 100, height: 10).split(.horizontal, [.fixed(20), .ratio(1, min: 10), .ratio(3, min: 10)])
        #expect(parts.map(\.width) == [20, 20, 60])
        #expect(parts.map(\.x) == [0, 20, 40])
        let tight = Rect(x: 0, y: 0, width: 15, height: 10).split(.horizontal, [.fixed(20), .ratio(1, min: 10)])
        #expect(tight.map(\.width) == [15, 0])
        let spaced = Rect(x: 0, y: 0, width: 21, height: 10).split(.vertical, [.ratio(1, min: 0), .ratio(1, min: 0)], spacing: 1)
        #expect(spaced.map(\.height) == [5, 5] || spaced.map(\.height).reduce(0, +) == 9)
    }

    @Test func boxDrawsBordersAndTitle() {
        var buffer = CellBuffer(size: Size(width: 12, height: 3))
        let inner = buffer.box(buffer.bounds, title: "Reach", context: RenderContext())
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(buffer.lines == ["┌─ Reach ──┐", "│          │", "└──────────┘"])
        var ascii = CellBuffer(size: Size(width: 12, height: 3))
        ascii.box(ascii.bounds, title: "Reach", context: RenderContext(glyphs: .ascii))
        #expect(ascii.lines[0] == "+- Reach --+")
    }

    @Test func tableDropsLowPriorityColumnsFirstAndKeepsTheSelectionInView() {
        let table = Table(
            columns: [
                TableColumn("Name", width: 8, alignment: .left, priority: 10), TableColumn("Big", width: 5, priority: 5),
                TableColumn("Trend", width: 10, alignment: .left, priority: 1),
            ],
            rows: (1...6).map { [TableCell("row \($0)"), TableCell("\($0 * 100)"), TableCell("▁▂▃")] }, selected: 5,
            flexibleColumn: 0)
        #expect(table.visibleColumns(in: 30) == [0, 1, 2])
        #expect(table.visibleColumns(in: 16) == [0, 1])
        var buffer = CellBuffer(size: Size(width: 16, height: 3))
        buffer.table(table, in: buffer.bounds, context: RenderContext())
        #expect(buffer.lines == ["Name         Big", "row 5        500", "row 6        600"])
    }

    @Test func sparklineAndBar() {
        var buffer = CellBuffer(size: Size(width: 8, height: 2))
        buffer.sparkline([0, 1, 2, 3, nil, 7], in: Rect(x: 0, y: 0, width: 8, height: 1), context: RenderContext())
        buffer.bar(0.5, in: Rect(x: 0, y: 1, width: 8, height: 1), context: RenderContext())
        #expect(buffer.lines == ["  ▁▂▃▄ █", "████"])
    }

    @Test func heatMapUsesShadesWithoutColour() {
        var buffer = CellBuffer(size: Size(width: 20, height: 3))
        buffer.heatMap(
            rows: ["A", "B"], columns: ["A", "B"], values: [[0, 10], [5, 1]], in: buffer.bounds, labelWidth: 4,
            cellWidth: 8, context: RenderContext(glyphs: .ascii, hasColour: false))
        #expect(buffer.lines == ["          A       B", "A         . ###  10", "B   :::   5 ...   1"])
    }

    /// A map too big for its room says how much it hides, on its last line.
    @Test func heatMapSaysWhatItCannotShow() {
        var buffer = CellBuffer(size: Size(width: 40, height: 4))
        let names = ["A", "B", "C", "D", "E"]
        let drawn = buffer.heatMap(
            rows: names, columns: names, values: Array(repeating: [1, 2, 3, 4, 5], count: 5), in: buffer.bounds,
            labelWidth: 4, cellWidth: 10, context: RenderContext(glyphs: .ascii, hasColour: false))
        #expect(drawn == 2)
        #expect(buffer.lines[1].hasPrefix("A") && buffer.lines[2].hasPrefix("B"))
        #expect(buffer.lines[3].hasPrefix("+3 more rows, +2 more columns"))
        var roomy = CellBuffer(size: Size(width: 60, height: 6))
        #expect(roomy.heatMap(rows: names, columns: names, values: Array(repeating: [1, 2, 3, 4, 5], count: 5), in: roomy.bounds, labelWidth: 4, cellWidth: 10, context: RenderContext()) == 5)
        #expect(!roomy.lines.joined().contains("more"))
    }

    @Test func compactCounts() {
        #expect(compactCount(999) == "999")
        #expect(compactCount(1_234) == "1.2k")
        #expect(compactCount(45_000) == "45k")
        #expect(compactCount(2_500_000) == "2.5M")
    }
}

@Suite("Theme")
struct ThemeTests {
    @Test func everyRoleHasColoursInBothPalettes() {
        for role in ColorRole.allCases {
            #expect(Theme.standard.colours(for: role, mode: .colours256) != nil, "\(role)")
            #expect(Theme.standard.colours(for: role, mode: .colours8) != nil, "\(role)")
            #expect(Theme.standard.colours(for: role, mode: .monochrome) == nil)
        }
        #expect(Theme.standard.monochromeAttributes(for: .selection) == [.reverse])
    }
}
