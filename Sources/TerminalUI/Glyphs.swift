/// The characters widgets draw with: Unicode box drawing and blocks in a UTF-8 locale, ASCII otherwise.
public struct Glyphs: Sendable, Hashable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character
    /// Sparkline levels, lowest first.
    public var levels: [Character]
    /// Horizontal bar: a full cell and the eighths of a cell (index 1...7).
    public var barFull: Character
    public var barEighths: [Character]
    /// Heat-map shades, coolest first (used without colour).
    public var shades: [Character]
    public var up, down, selection, ellipsis, separator: Character

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], barFull: "█",
        barEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"], shades: [" ", "░", "▒", "▓", "█"],
        up: "▲", down: "▼", selection: "▶", ellipsis: "…", separator: "·")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        levels: ["_", ".", ":", "-", "=", "+", "*", "#"], barFull: "#",
        barEighths: [" ", " ", " ", " ", "#", "#", "#", "#"], shades: [" ", ".", ":", "*", "#"],
        up: "^", down: "v", selection: ">", ellipsis: "~", separator: "|")
}

/// How a frame is drawn: which glyphs, and whether colour can carry meaning.
public struct RenderContext: Sendable, Hashable {
    public var glyphs: Glyphs
    /// Without colour, heat maps use shades and selections use reverse video.
    public var hasColour: Bool
    /// The locale cannot show letters outside ASCII: `é` is drawn as `e`.
    public var foldsLetters: Bool

    public init(glyphs: Glyphs = .unicode, hasColour: Bool = true, foldsLetters: Bool = false) {
        self.glyphs = glyphs
        self.hasColour = hasColour
        self.foldsLetters = foldsLetters
    }

    public var isASCII: Bool { glyphs == .ascii }
}
