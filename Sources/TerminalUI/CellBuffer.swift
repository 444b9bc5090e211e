import Foundation

/// One screen cell: the character drawn there (one column, or the first column of a wide glyph, whose
/// second column holds an empty continuation cell) and its style.
public struct Cell: Sendable, Hashable {
    public var character: Character?
    public var style: Style

    public init(_ character: Character?, style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell(" ")
    /// The second column of a wide glyph.
    public static let continuation = Cell(nil)
}

/// A position on screen, in columns and rows from the top left.
public struct Point: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A terminal size.
public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    public var description: String { "\(width)×\(height)" }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle less `margin` cells on every side.
    public func inset(by margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }
}

/// A grid of cells that widgets draw into; a terminal shows it as one frame.
///
/// Writes are clipped to the buffer and to an optional rectangle, so no widget can draw outside its area,
/// whatever the terminal's size.
public struct CellBuffer: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = Cell(" ", style: style) }
        }
    }

    /// Writes `text` from (x, y) within `clip` (the whole buffer by default), and returns the columns used.
    /// Control characters are shown as `?`; a wide glyph that does not fit whole is replaced by a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        var column = x
        for character in text {
            var shown = character
            let width: Int
            if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F {
                width = 1
            } else {
                if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    shown = "?"
                }
                width = TextWidth.columns(of: shown)
            }
            if width == 0 {
                continue  // a lone combining mark or a zero-width character: nothing to draw
            }
            if column + width > area.maxX { break }
            if column >= area.x {
                clearWideGlyph(at: column, y: y)
                self[column, y] = Cell(shown, style: style)
                if width == 2 {
                    clearWideGlyph(at: column + 1, y: y)
                    self[column + 1, y] = Cell(nil, style: style)
                }
            } else if column + width > area.x {
                // The glyph's first column is clipped away: show its visible part as a space.
                self[area.x, y] = Cell(" ", style: style)
            }
            column += width
        }
        return max(0, column - x)
    }

    /// Before overwriting a cell, blanks the other half of a wide glyph it belongs to.
    private mutating func clearWideGlyph(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.character == nil, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if let character = cell.character, TextWidth.columns(of: character) == 2, x + 1 < size.width {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// For a terminal that only shows ASCII: every symbol outside ASCII becomes its nearest ASCII look-alike
    /// (`–` `-`, `→` `>`, `…` `~`, `★` `*`, `·` `|`, `«` `"`), or `?`. Letters are left to the terminal's character set,
    /// unless `lettersToo`, for a locale that cannot show them: then `é` becomes `e`.
    public mutating func foldSymbolsToASCII(lettersToo: Bool = false) {
        let fallbacks: [Character: Character] = [
            "–": "-", "—": "-", "−": "-", "→": ">", "←": "<", "…": "~", "★": "*", "·": "|", "×": "x",
            "▲": "^", "▼": "v", "▶": ">", "•": "*", "’": "'", "‘": "'", "“": "\"", "”": "\"", "«": "\"", "»": "\"",
            // French typography's spaces (before `:` and inside « »), and the euro sign.
            "\u{00A0}": " ", "\u{202F}": " ", "€": "E",
        ]
        for index in cells.indices {
            guard let character = cells[index].character, !character.isASCII else { continue }
            if character.isLetter || character.isNumber {
                guard lettersToo else { continue }
                // é → e, Ç → C: the base letter of the canonical decomposition, when it is ASCII.
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
                cells[index].character = base.flatMap { $0.isASCII ? Character($0) : nil } ?? "?"
                if TextWidth.columns(of: character) == 2, index + 1 < cells.count, cells[index + 1].character == nil {
                    cells[index + 1].character = " "
                }
                continue
            }
            if TextWidth.columns(of: character) == 2, index + 1 < cells.count, cells[index + 1].character == nil {
                cells[index + 1].character = " "  // the glyph's second column, now a plain space
            }
            cells[index].character = fallbacks[character] ?? "?"
        }
    }

    /// Each row as text, trailing spaces removed: what a person reads on the screen.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { if let character = self[x, y].character { line.append(character) } }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
