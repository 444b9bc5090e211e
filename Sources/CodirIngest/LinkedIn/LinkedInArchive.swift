import CodirModel
import CodirText
import Foundation

/// A post from `Shares.csv`.
public struct ArchiveShare: Sendable, Hashable {
    public var line: Int
    public var date: Timestamp
    public var link: String
    public var reference: LinkedInReference
    public var commentary: String
    public var visibility: String
}

/// A reaction from `Reactions.csv`, given by the archive's owner.
public struct ArchiveReaction: Sendable, Hashable {
    public var line: Int
    public var date: Timestamp
    /// `LIKE`, `PRAISE`, `EMPATHY`, `INTEREST`, `APPRECIATION`, `ENTERTAINMENT`.
    public var type: String
    public var reference: LinkedInReference
}

/// A comment from `Comments.csv`, written by the archive's owner; LinkedIn sometimes leaves the date empty.
public struct ArchiveComment: Sendable, Hashable {
    public var line: Int
    public var date: Timestamp?
    public var reference: LinkedInReference
    public var message: String
}

/// A contact from `Connections.csv`, used only to match people to the directory by profile URL.
public struct ArchiveConnection: Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    public var url: String
    public var connectedOn: Day?
}

/// Rows read from one archive file, and the lines that could not be read.
public struct ArchiveRows<Row: Sendable & Hashable>: Sendable {
    public var rows: [Row] = []
    /// (line, reason) for each line that could not be read.
    public var problems: [(line: Int, reason: String)] = []
}

/// Readers of the CSV files of LinkedIn's member data archive ("Get a copy of your data"), quirks included.
public enum LinkedInArchive {
    /// The archive files codir reads, recognised by name (`Shares.csv`, `Shares_17529409.csv`, …).
    public enum File: String, Sendable, CaseIterable {
        case shares = "Shares"
        case reactions = "Reactions"
        case comments = "Comments"
        case connections = "Connections"
        case profile = "Profile"

        /// The file this name is, with or without a numeric suffix; nil for the archive's other files.
        public init?(fileName: String) {
            guard fileName.lowercased().hasSuffix(".csv") else { return nil }
            var stem = String(fileName.dropLast(4))
            if let underscore = stem.lastIndex(of: "_"), stem[stem.index(after: underscore)...].allSatisfy(\.isNumber),
                stem.index(after: underscore) < stem.endIndex
            {
                stem = String(stem[..<underscore])
            }
            guard let file = File.allCases.first(where: { $0.rawValue.lowercased() == stem.lowercased() }) else {
                return nil
            }
            self = file
        }
    }

    /// Why an archive file cannot be read at all.
    public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// `2025-07-01 14:33:22`, in UTC, as the archive writes dates.
    public static func date(_ text: String) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 19, let at = Timestamp(iso8601: trimmed + "Z"), Bounds.isPlausible(at) else { return nil }
        return at
    }

    /// The archive's text as UTF-8; the 2018 archives were UTF-16 with tabs, which are refused clearly.
    static func utf8Text(_ bytes: [UInt8]) -> Result<[UInt8], FileError> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(
                FileError(
                    reason: Strings.current.sources.utf16))
        }
        return .success(bytes)
    }

    /// Reads a CSV whose header must name `required`; returns the column positions and the data records.
    private static func table(
        _ bytes: [UInt8], required: [String], backslashEscapes: Bool = false, headerStartsWith: String? = nil
    ) -> Result<(columns: [String: Int], records: [CSVRecord]), FileError> {
        let text: [UInt8]
        switch utf8Text(bytes) {
        case .success(let utf8): text = utf8
        case .failure(let error): return .failure(error)
        }
        var records = Array(CSVReader(bytes: text, backslashEscapes: backslashEscapes))
        if let headerStartsWith {
            // Connections.csv starts with a few lines of notes.
            guard let header = records.firstIndex(where: { $0.fields.first == headerStartsWith }) else {
                return .failure(FileError(reason: Strings.current.sources.noHeaderStarting(quoted(headerStartsWith))))
            }
            records.removeFirst(header)
        }
        guard let header = records.first else { return .failure(FileError(reason: Strings.current.lines.emptyFile)) }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { columns[name.trimmingCharacters(in: .whitespaces)] = index }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return .failure(
                FileError(
                    reason: Strings.current.sources.columnsMissing(
                        missing.map { "'\(quoted($0))'" }.joined(separator: ", "), quoted(header.fields.joined(separator: ","))
                    )))
        }
        return .success((columns, Array(records.dropFirst())))
    }

    private static func cell(_ record: CSVRecord, _ columns: [String: Int], _ name: String) -> String {
        guard let index = columns[name], index < record.fields.count else { return "" }
        return record.fields[index]
    }

    /// The records of an archive file that have a readable date and a LinkedIn URN in their link, made into
    /// rows; the others become problems with their line.
    private static func linkedRows<Row>(
        _ records: [CSVRecord], _ columns: [String: Int], link linkColumn: String, dateRequired: Bool = true,
        onlyPosts: Bool = false, _ make: (CSVRecord, Timestamp?, String, LinkedInReference) -> Row
    ) -> ArchiveRows<Row> {
        var result = ArchiveRows<Row>()
        for record in records {
            if let error = record.error {
                result.problems.append((record.line, error))
                continue
            }
            let dateText = cell(record, columns, "Date")
            let parsed = date(dateText)
            if parsed == nil && (dateRequired || !dateText.trimmingCharacters(in: .whitespaces).isEmpty) {
                result.problems.append((record.line, Strings.current.sources.badArchiveDate(quoted(dateText))))
                continue
            }
            let link = cell(record, columns, linkColumn)
            guard let reference = LinkedInReference(link: link), !onlyPosts || reference.kind != .activity else {
                result.problems.append((record.line, onlyPosts ? Strings.current.sources.noPostURN(quoted(link)) : Strings.current.sources.noURN(quoted(link))))
                continue
            }
            result.rows.append(make(record, parsed, link, reference))
        }
        return result
    }

    /// `Shares.csv`: the owner's posts.
    public static func shares(_ bytes: [UInt8]) -> Result<ArchiveRows<ArchiveShare>, FileError> {
        table(bytes, required: ["Date", "ShareLink", "ShareCommentary"]).map { columns, records in
            linkedRows(records, columns, link: "ShareLink", onlyPosts: true) { record, date, link, reference in
                ArchiveShare(
                    line: record.line, date: date ?? Timestamp(seconds: 0), link: link, reference: reference,
                    commentary: cleanedCommentary(cell(record, columns, "ShareCommentary")),
                    visibility: cell(record, columns, "Visibility"))
            }
        }
    }

    /// `Reactions.csv`: the reactions the owner gave.
    public static func reactions(_ bytes: [UInt8]) -> Result<ArchiveRows<ArchiveReaction>, FileError> {
        table(bytes, required: ["Date", "Type", "Link"]).map { columns, records in
            linkedRows(records, columns, link: "Link") { record, date, _, reference in
                ArchiveReaction(
                    line: record.line, date: date ?? Timestamp(seconds: 0), type: cell(record, columns, "Type"),
                    reference: reference)
            }
        }
    }

    /// `Comments.csv`: the comments the owner wrote. Quotes in messages are escaped with a backslash.
    public static func comments(_ bytes: [UInt8]) -> Result<ArchiveRows<ArchiveComment>, FileError> {
        table(bytes, required: ["Date", "Link", "Message"], backslashEscapes: true).map { columns, records in
            linkedRows(records, columns, link: "Link", dateRequired: false) { record, date, _, reference in
                ArchiveComment(
                    line: record.line, date: date, reference: reference, message: cell(record, columns, "Message"))
            }
        }
    }

    /// `Connections.csv`, after its lines of notes.
    public static func connections(_ bytes: [UInt8]) -> Result<ArchiveRows<ArchiveConnection>, FileError> {
        table(bytes, required: ["First Name", "Last Name", "URL"], headerStartsWith: "First Name").map { columns, records in
            var result = ArchiveRows<ArchiveConnection>()
            for record in records where record.error == nil {
                result.rows.append(
                    ArchiveConnection(
                        firstName: cell(record, columns, "First Name"), lastName: cell(record, columns, "Last Name"),
                        url: cell(record, columns, "URL"), connectedOn: day(cell(record, columns, "Connected On"))))
            }
            return result
        }
    }

    /// `Profile.csv`: the owner's first and last name.
    public static func profileName(_ bytes: [UInt8]) -> Result<(first: String, last: String), FileError> {
        table(bytes, required: ["First Name", "Last Name"]).flatMap { columns, records in
            guard let record = records.first else { return .failure(FileError(reason: Strings.current.sources.profileNoRow)) }
            return .success((cell(record, columns, "First Name"), cell(record, columns, "Last Name")))
        }
    }

    /// `16 Jun 2026`.
    static func day(_ text: String) -> Day? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2]),
            let m = months.firstIndex(of: String(parts[1]))
        else { return nil }
        return Bounds.day(year: y, month: m + 1, day: d)
    }

    /// A multi-line commentary comes with every inner line wrapped in doubled quotes, which a CSV reader
    /// turns into quotes at both ends of each line: they are removed.
    public static func cleanedCommentary(_ text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard lines.count > 1 || (text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2) else { return text }
        return lines.map { line -> String in
            guard line.count >= 2, line.hasPrefix("\""), line.hasSuffix("\"") else { return line }
            return String(line.dropFirst().dropLast())
        }.joined(separator: "\n")
    }
}
