import CodirText

/// One record of a CSV file: its fields, the line it starts on and its text as it stands in the file.
public struct CSVRecord: Sendable {
    /// 1-based line number of the record's first line.
    public var line: Int
    public var fields: [String]
    /// Where the record's bytes stand in the file, without the line ending; `CSVReader.text(of:)` reads them.
    public var range: Range<Int>
    /// Set when the record is malformed; `fields` is then unreliable.
    public var error: String?
}

/// Splits RFC 4180 CSV text into records: quoted fields with doubled quotes and line breaks, CRLF or LF line
/// endings, a UTF-8 byte-order mark. Blank lines are skipped. A malformed record is returned with an error so
/// the caller can report it and carry on with the next one.
public struct CSVReader: Sequence, Sendable {
    private let bytes: [UInt8]
    private let backslashEscapes: Bool
    private let separator: UInt8

    public static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")

    /// `backslashEscapes` also reads `\"` inside a quoted field as a quote, as LinkedIn's `Comments.csv`
    /// writes them. `separator` is `,` or `;` (a French Excel's "CSV (séparateur : point-virgule)").
    public init(bytes: [UInt8], backslashEscapes: Bool = false, separator: UInt8 = CSVReader.comma) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.bytes = Array(bytes.dropFirst(3))
        } else {
            self.bytes = bytes
        }
        self.backslashEscapes = backslashEscapes
        self.separator = separator
    }

    public func makeIterator() -> Iterator { Iterator(bytes: bytes, backslashEscapes: backslashEscapes, separator: separator) }

    /// The separator of a CSV file, read from its first non-blank line: `;` when it holds more semicolons than
    /// commas outside quotes (as a French Excel writes), else `,`.
    public static func separator(of bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false, started = false
        for byte in bytes.prefix(65_536) {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if started && !quoted { break }
                continue
            }
            started = true
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == comma { commas += 1 } else if byte == semicolon { semicolons += 1 }
        }
        return semicolons > commas ? semicolon : comma
    }

    /// The record's text as it stands in the file, to keep a rejected line verbatim.
    public func text(of record: CSVRecord) -> String {
        String(decoding: bytes[record.range], as: UTF8.self)
    }

    func text(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    public struct Iterator: IteratorProtocol {
        private let bytes: [UInt8]
        private var position = 0
        private var line = 1

        private let backslashEscapes: Bool
        private let separator: UInt8

        init(bytes: [UInt8], backslashEscapes: Bool, separator: UInt8) {
            self.bytes = bytes
            self.backslashEscapes = backslashEscapes
            self.separator = separator
        }

        public mutating func next() -> CSVRecord? {
            let quote = UInt8(ascii: "\""), comma = separator, newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r")
            // Skip blank lines.
            while position < bytes.count, bytes[position] == newline || bytes[position] == carriageReturn {
                if bytes[position] == newline { line += 1 }
                position += 1
            }
            guard position < bytes.count else { return nil }

            let startLine = line
            let start = position
            var fields: [String] = []
            var error: String?

            while true {
                if position < bytes.count, bytes[position] == quote {
                    // Quoted field.
                    var field: [UInt8] = []
                    position += 1
                    var closed = false
                    while position < bytes.count {
                        let b = bytes[position]
                        if backslashEscapes, b == UInt8(ascii: "\\"), position + 1 < bytes.count,
                            bytes[position + 1] == quote
                        {
                            field.append(quote)
                            position += 2
                            continue
                        }
                        if b == quote {
                            if position + 1 < bytes.count, bytes[position + 1] == quote {
                                field.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if b == newline { line += 1 }
                        field.append(b)
                        position += 1
                    }
                    if !closed {
                        error = error ?? Strings.current.lines.unclosedQuote
                    } else if position < bytes.count, bytes[position] != comma, bytes[position] != newline,
                        bytes[position] != carriageReturn
                    {
                        error = error ?? Strings.current.lines.textAfterQuote
                        // Skip to the field's end.
                        while position < bytes.count, bytes[position] != comma, bytes[position] != newline {
                            position += 1
                        }
                    }
                    fields.append(String(decoding: field, as: UTF8.self))
                } else {
                    // Unquoted field: runs to the next comma or line end.
                    let fieldStart = position
                    while position < bytes.count {
                        let b = bytes[position]
                        if b == comma || b == newline { break }
                        if b == quote { error = error ?? Strings.current.lines.quoteInField }
                        position += 1
                    }
                    var fieldEnd = position
                    if fieldEnd > fieldStart, bytes[fieldEnd - 1] == carriageReturn,
                        position >= bytes.count || bytes[position] == newline
                    {
                        fieldEnd -= 1
                    }
                    fields.append(fieldEnd == fieldStart ? "" : String(decoding: bytes[fieldStart..<fieldEnd], as: UTF8.self))
                }
                if position < bytes.count, bytes[position] == carriageReturn { position += 1 }
                if position < bytes.count, bytes[position] == comma {
                    position += 1
                } else {
                    break  // a newline or the end of the text
                }
            }
            var rawEnd = position
            while rawEnd > start, bytes[rawEnd - 1] == carriageReturn || bytes[rawEnd - 1] == newline { rawEnd -= 1 }
            if position < bytes.count, bytes[position] == newline {
                position += 1
                line += 1
            }
            if !isValidUTF8(bytes, start..<rawEnd) { error = error ?? Strings.current.lines.notUTF8 }
            return CSVRecord(line: startLine, fields: fields, range: start..<rawEnd, error: error)
        }
    }
}

/// Whether `bytes[range]` is well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
func isValidUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            continue
        }
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return false
        }
        guard i + length <= end, (lower...upper).contains(bytes[i + 1]) else { return false }
        for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { return false }
        i += length
    }
    return true
}
