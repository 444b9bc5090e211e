import CodirModel
import CodirStore
import Foundation

/// What importing one input did, whatever its kind: the one result `codir import` and `codir ingest --watch`
/// print.
public struct ImportResult: Sendable {
    public var kind: InputKind
    /// The name messages use for the input.
    public var file: String
    /// One line saying what was imported.
    public var summary: String
    /// Errors for rejected lines or rows, and warnings, in order.
    public var diagnostics: [Diagnostic]
    /// The rejected lines of a canonical file, verbatim, for `--rejects`.
    public var rejectedLines: [RejectedLine] = []
    /// The CSV header of a canonical file, so that its rejected lines can be written back as a file.
    public var header: String?
    /// A canonical file's counts: imported, duplicates, rejected.
    public var counts: ImportCounts?

    /// Whether some line, row or file of the input was rejected.
    public var hasRejections: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The kinds of input codir imports, recognised by their content.
public enum InputKind: String, Sendable, CaseIterable {
    /// People, or events as JSON Lines or CSV.
    case canonical
    /// A LinkedIn member data archive: a zip, or the folder it unpacks to.
    case linkedInArchive = "linkedin-archive"
    /// A LinkedIn creator analytics export (xlsx).
    case linkedInAnalytics = "linkedin-analytics"
    /// E-mail metadata: a Maildir (or a folder of them), an mbox file or an `.eml` message.
    case email
    /// A Slack workspace export: a zip or a folder with `users.json`, `channels.json` and per-day files.
    case slack
    /// A Viva Engage (Yammer) network data export: a zip or a folder with `Messages.csv`.
    case vivaEngage = "viva-engage"
    /// Press coverage: an RSS 2.0 or Atom feed (Google Alerts, media monitoring), or a press CSV
    /// (`date,outlet,title,url,audience,people`).
    case press

    /// Recognises the input at `path` by what it holds: a folder is an unpacked archive; a zip holding
    /// `xl/workbook.xml` is a workbook, any other zip an archive; anything else a canonical file, unless its
    /// `name` ends in `.zip` or `.xlsx` (then its import says clearly that it is not a readable one). Only a
    /// few bytes of a file are read (a zip's listing is bounded by `limits`).
    public static func recognise(_ path: String, name: String? = nil, limits: ZipLimits = .standard) -> InputKind {
        let lower = (name ?? path).lowercased()
        let byName: InputKind = lower.hasSuffix(".zip") ? .linkedInArchive : lower.hasSuffix(".xlsx") ? .linkedInAnalytics : .canonical
        var status = stat()
        guard stat(path, &status) == 0 else { return byName }  // its import says why it cannot be read
        if status.st_mode & S_IFMT == S_IFDIR {
            if MailSource.isMaildir(path) { return .email }
            if let tree = try? ExportTree(path: path, limits: limits) {
                if tree.root(holding: "users.json") != nil && tree.root(holding: "channels.json") != nil { return .slack }
                if tree.root(holding: "Messages.csv") != nil { return .vivaEngage }
            }
            return .linkedInArchive
        }
        guard status.st_mode & S_IFMT == S_IFREG, let descriptor = try? SafeFile.open(path, followLinks: true) else {
            return byName
        }
        var head = [UInt8](repeating: 0, count: 4096)
        let count = max(0, pread(descriptor, &head, head.count, 0))
        close(descriptor)
        let start = head[0..<count]
        if MailSource.isMbox(start) || lower.hasSuffix(".eml") || lower.hasSuffix(".mbox") || looksLikeMessage(start) { return .email }
        if PressFeed.looksLikeFeed(start) || Importer.looksLikePressCSV(start) { return .press }
        guard start.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return byName }
        guard let zip = try? ZipReader(path: path, limits: limits) else { return .linkedInArchive }
        if zip.entry("xl/workbook.xml") != nil { return .linkedInAnalytics }
        let names = zip.files.map(\.path)
        let slack = ["users.json", "channels.json"].allSatisfy { name in
            names.contains { $0 == name || ($0.hasSuffix("/" + name) && $0.split(separator: "/").count == 2) }
        }
        if slack { return .slack }
        let engage = names.contains { $0 == "Messages.csv" || ($0.hasSuffix("/Messages.csv") && $0.split(separator: "/").count == 2) }
        return engage ? .vivaEngage : .linkedInArchive
    }
}

extension InputKind {
    /// A message file: its first line is a header (`Name: value`), and its header block has a `From:` and a
    /// `Date:` or `Message-ID:`. No canonical file looks so (a CSV header has no `: `, JSON starts with `{`).
    static func looksLikeMessage(_ head: ArraySlice<UInt8>) -> Bool {
        let text = MailHeaders.text(head)
        guard let firstLine = text.split(separator: "\n").first, let colon = firstLine.firstIndex(of: ":"),
            colon != firstLine.startIndex, firstLine[..<colon].allSatisfy({ $0.isLetter || $0 == "-" })
        else { return false }
        let lower = text.lowercased()
        return (lower.hasPrefix("from:") || lower.contains("\nfrom:"))
            && (lower.contains("\ndate:") || lower.hasPrefix("date:") || lower.contains("\nmessage-id:"))
    }
}

/// What `--format` may force: a canonical format, or a kind of export.
public enum ForcedFormat: Sendable, Hashable {
    case canonical(InputFormat)
    case kind(InputKind)

    /// `people`, `jsonl`, `csv`, `linkedin-archive`, `linkedin-analytics`, `email`, `slack`, `viva-engage` or
    /// `press`.
    public init?(_ name: String) {
        if let format = InputFormat(rawValue: name) {
            self = .canonical(format)
        } else if let kind = InputKind(rawValue: name), kind != .canonical {
            self = .kind(kind)
        } else {
            return nil
        }
    }

    public static let names = InputFormat.allCases.map(\.rawValue) + InputKind.allCases.filter { $0 != .canonical }.map(\.rawValue)
}

extension Importer {
    /// Imports one input as `forced` says, or as recognised when it says nothing.
    public func importInput(at path: String, forced: ForcedFormat?, person: String? = nil, as name: String? = nil)
        throws(ImportFailure) -> ImportResult
    {
        switch forced {
        case .canonical(let format)?: return try importInput(at: path, format: format, person: person, as: name)
        case .kind(let kind)?: return try importInput(at: path, kind: kind, person: person, as: name)
        case nil: return try importInput(at: path, person: person, as: name)
        }
    }

    /// Recognises and imports one input: a canonical file (`format` overrides its recognition), a LinkedIn
    /// archive or a creator analytics export (`person` says whose, when the export does not). `name` is what
    /// messages call it (default: `path`).
    public func importInput(at path: String, format: InputFormat? = nil, person: String? = nil, as name: String? = nil)
        throws(ImportFailure) -> ImportResult
    {
        let shown = name ?? path
        let kind = format == nil ? InputKind.recognise(path, name: shown, limits: zipLimits) : .canonical
        return try importInput(at: path, kind: kind, format: format, person: person, as: shown)
    }

    private func importInput(
        at path: String, kind: InputKind, format: InputFormat? = nil, person: String?, as name: String?
    ) throws(ImportFailure) -> ImportResult {
        let shown = name ?? path
        switch kind {
        case .canonical:
            let bytes: [UInt8]
            do {
                bytes = try SafeFile.read(path: path, followLinks: true, limit: fileLimit)
            } catch {
                throw .unreadable(file: shown, reason: error.reason)
            }
            return try importInput(bytes: bytes, as: shown, format: format)
        case .linkedInArchive:
            let result = try importArchive(at: path, person: person, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        case .linkedInAnalytics:
            let result = try importAnalytics(at: path, person: person, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        case .email:
            let result = try importMail(at: path, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        case .slack:
            let result = try importSlack(at: path, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        case .vivaEngage:
            let result = try importVivaEngage(at: path, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        case .press:
            let result = try importPress(at: path, as: shown)
            return ImportResult(kind: kind, file: shown, summary: result.summary, diagnostics: result.diagnostics)
        }
    }
}
