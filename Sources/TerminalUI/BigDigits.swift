/// Figures drawn five rows high with block characters, readable from across a room.
extension CellBuffer {
    /// The glyphs of the big font, 3 columns wide (1 for `.`), 5 rows high; `#` is a filled cell.
    private static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        "k": ["#  ", "# #", "## ", "# #", "# #"], "M": ["# #", "###", "###", "# #", "# #"],
        "%": ["# #", "  #", " # ", "#  ", "# #"], "+": ["   ", " # ", "###", " # ", "   "],
        "-": ["   ", "   ", "###", "   ", "   "], ".": [" ", " ", " ", " ", "#"], " ": ["  ", "  ", "  ", "  ", "  "],
        "–": ["   ", "   ", "###", "   ", "   "],
    ]

    /// Columns `text` takes in the big font (a gap of one between glyphs).
    public static func bigWidth(_ text: String) -> Int {
        let widths = text.map { (font[$0]?.first?.count ?? 3) }
        return widths.reduce(0, +) + max(0, widths.count - 1)
    }

    /// Draws `text` in the big font centred in `rect` when it fits (5 rows, its width); returns whether it did.
    @discardableResult
    public mutating func bigText(_ text: String, in rect: Rect, style: Style, context: RenderContext) -> Bool {
        let width = Self.bigWidth(text)
        guard rect.height >= 5, width <= rect.width, text.allSatisfy({ Self.font[$0] != nil }) else { return false }
        let fill = context.isASCII ? "#" : "█"
        var x = rect.x + (rect.width - width) / 2
        for character in text {
            guard let rows = Self.font[character] else { continue }
            for (dy, row) in rows.enumerated() {
                for (dx, mark) in row.enumerated() where mark == "#" {
                    write(fill, x: x + dx, y: rect.y + dy, style: style, clip: rect)
                }
            }
            x += (rows.first?.count ?? 3) + 1
        }
        return true
    }
}
