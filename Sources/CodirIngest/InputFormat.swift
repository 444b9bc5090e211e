import CodirModel
/// The input formats `codir import` reads.
public enum InputFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The people directory, CSV with header `id,name,department,role,login,linkedin`.
    case people
    /// Events, one JSON object per line.
    case jsonl
    /// Events, CSV with the event field names as header.
    case csv

    public var description: String { rawValue }

    /// Recognises the format from the first non-blank line; nil when it is none of them.
    static func detect(_ bytes: [UInt8]) -> InputFormat? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [UInt8(ascii: " "), 9, 10, 13].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        if bytes[start] == UInt8(ascii: "{") { return .jsonl }
        // The header is in the first line: only the first 64 KiB are looked at, never a copy of the whole file.
        let head = Array(bytes[start..<min(bytes.count, start + 65_536)])
        guard let header = CSVReader(bytes: head, separator: CSVReader.separator(of: head)).first(where: { _ in true }) else {
            return nil
        }
        let names = Set(header.fields.map { $0.trimmingSpaces.lowercased() })
        if names.contains("type") { return .csv }
        let missing = Set(PeopleDecoder.requiredColumns).subtracting(names)
        if missing.isEmpty { return .people }
        // A people header with one column mistyped is still a people file: its import then names the typo.
        if missing.count == 1, let column = missing.first, closestMatch(to: column, in: names) != nil { return .people }
        return nil
    }
}

/// A message about one input file, printed as `FILE:LINE: error: MESSAGE`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int?, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String {
        // Sanitised whole: the file's name and the values quoted in the message come from the input.
        sanitized("\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)")
    }
}
