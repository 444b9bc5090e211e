import CodirModel
import CodirStore
import CodirText
import Foundation

/// What importing one file did.
public struct FileImport: Sendable {
    public var file: String
    public var format: InputFormat?
    public var sha256: String
    public var counts: ImportCounts
    /// Errors for rejected lines and warnings, in line order.
    public var diagnostics: [Diagnostic]
    /// The rejected lines, verbatim, in line order.
    public var rejectedLines: [RejectedLine]
    /// The CSV header line, so that rejected CSV lines can be written back as a file that imports.
    public var header: String?

    /// The separator a CSV file was read with, when it was not a comma (a French Excel's `;`).
    public var separator: Character?
    /// Department spellings read as a department already known under another: variant → the name kept.
    public var departmentVariants: [String: String] = [:]

    /// `FILE: N imported, D duplicates, R rejected`, with the separator and department variants when any.
    public var summary: String {
        let words = Strings.current.imports
        var text = words.canonical(file, counts.imported, counts.duplicates, counts.rejected)
            + (separator.map { words.readAs(String($0)) } ?? "")
        let merged = Dictionary(grouping: departmentVariants.keys.sorted(), by: { departmentVariants[$0] ?? "" })
        for kept in merged.keys.sorted() {
            let variants = (merged[kept] ?? []).map { "'\(quoted($0))'" }
            text += words.departmentReadAs(variants.joined(separator: ", "), quoted(kept))
        }
        return text
    }
}

/// A line that could not be imported.
public struct RejectedLine: Sendable, Hashable {
    public var line: Int
    public var text: String
    public var reason: String
}

/// A failure that stops one file from being imported at all.
public enum ImportFailure: Error, Sendable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file's format cannot be recognised or its header is wrong.
    case unrecognised(file: String, line: Int?, reason: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): error: " + Strings.current.files.cannotRead(reason)
        case .unrecognised(let file, let line, let reason):
            Diagnostic(file: file, line: line, severity: .error, message: reason).description
        case .store(let error): "error: \(error.message)"
        }
    }
}

extension ImportFailure {
    /// Any failure of an import transaction as an `ImportFailure`.
    init(_ error: any Error, store: Store) {
        switch error {
        case let failure as ImportFailure: self = failure
        case let storeError as StoreError: self = .store(storeError)
        default: self = .store(.io(path: store.path, reason: "\(error)"))
        }
    }
}

/// Imports canonical files into a store, one transaction per file.
public struct Importer {
    public let store: Store
    /// Validate and count without writing.
    public var dryRun: Bool
    /// Called now and then during a file with the fraction done (0 to 1), to show progress.
    public var progress: ((Double) -> Void)?
    /// The largest file read whole (`SafeFile.defaultLimit`, 2 GiB).
    public var fileLimit = SafeFile.defaultLimit
    /// What a zip archive may unpack to.
    public var zipLimits = ZipLimits.standard
    /// A message to more directory recipients than this is a broadcast and gives no interaction.
    public var maxRecipients = 20

    public init(store: Store, dryRun: Bool = false, progress: ((Double) -> Void)? = nil) {
        self.store = store
        self.dryRun = dryRun
        self.progress = progress
    }

    /// Reads and imports one file. `format` overrides recognition.
    public func importFile(at path: String, format: InputFormat? = nil) throws(ImportFailure) -> FileImport {
        switch readFile(path) {
        case .success(let bytes): return try importBytes(bytes, file: path, format: format)
        case .failure(let error): throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// Imports text already in memory, reported under the name `file`.
    public func importBytes(_ bytes: [UInt8], file: String, format: InputFormat? = nil) throws(ImportFailure)
        -> FileImport
    {
        // The fingerprint is computed on the other core while the file is parsed and written.
        let fingerprint = Fingerprint(bytes)
        guard let format = format ?? InputFormat.detect(bytes) else {
            if bytes.allSatisfy({ [UInt8(ascii: " "), 9, 10, 13, 0xEF, 0xBB, 0xBF].contains($0) }) {
                return FileImport(
                    file: file, format: nil, sha256: fingerprint.value, counts: ImportCounts(),
                    diagnostics: [Diagnostic(file: file, line: nil, severity: .warning, message: Strings.current.lines.emptyFile)],
                    rejectedLines: [], header: nil)
            }
            throw .unrecognised(
                file: file, line: 1,
                reason: Strings.current.files.unrecognisedFormat)
        }
        var job = ImportJob(file: file, bytes: bytes, format: format, progress: progress)
        try job.prepare()
        do {
            var variants: [String: String] = [:]
            let (_, counts) = try store.importFile(file: file, sha256: "", format: format.rawValue, commit: !dryRun) {
                writer in
                try job.run(writer)
                try writer.setFingerprint(fingerprint.value)
                variants = writer.departmentVariants
            }
            job.rejected.sort { $0.line < $1.line }
            job.diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            var result = FileImport(
                file: file, format: format, sha256: fingerprint.value, counts: counts, diagnostics: job.diagnostics,
                rejectedLines: job.rejected, header: job.headerText)
            if job.separator != CSVReader.comma { result.separator = Character(UnicodeScalar(job.separator)) }
            result.departmentVariants = variants
            return result
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.io(path: store.path, reason: "\(error)"))
        }
    }

    private func readFile(_ path: String) -> Result<[UInt8], LineError> {
        // A FIFO or a device named on the command line is refused, not read for ever.
        do {
            return .success(try SafeFile.read(path: path, followLinks: true, limit: fileLimit))
        } catch {
            return .failure(LineError(error.reason))
        }
    }
}

extension Importer {
    /// Imports a piece of a growing file (`codir ingest --follow`) as one transaction of a long-running session,
    /// and records `state` under `stateKey` in the same transaction, so that a restart resumes exactly there.
    ///
    /// `bytes` holds complete lines; for CSV it starts with the file's header line, which `lineOffset` (the
    /// number of lines before this piece in the file, less the header) accounts for.
    public func importPiece(
        _ bytes: [UInt8], file: String, format: InputFormat, lineOffset: Int, session: Int64, stateKey: String,
        state: String
    ) throws(ImportFailure) -> FileImport {
        var job = ImportJob(file: file, bytes: bytes, format: format, progress: nil)
        job.lineOffset = lineOffset
        try job.prepare()
        do {
            let (_, counts) = try store.append(toSession: session) { writer in
                try job.run(writer)
                try writer.setMetadata(stateKey, state)
            }
            job.rejected.sort { $0.line < $1.line }
            job.diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            return FileImport(
                file: file, format: format, sha256: "", counts: counts, diagnostics: job.diagnostics,
                rejectedLines: job.rejected, header: job.headerText)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.io(path: store.path, reason: "\(error)"))
        }
    }
}

/// The work of importing one file: decoding its records and writing them through an `ImportWriter`.
private struct ImportJob {
    let file: String
    let bytes: [UInt8]
    let format: InputFormat
    var diagnostics: [Diagnostic] = []
    var rejected: [RejectedLine] = []
    var headerText: String?
    private var columns: [String: Int] = [:]
    /// `,`, or `;` for a file saved by a French Excel.
    let separator: UInt8

    let progress: ((Double) -> Void)?
    /// Added to every line number: a followed file is read a piece at a time.
    var lineOffset = 0

    init(file: String, bytes: [UInt8], format: InputFormat, progress: ((Double) -> Void)?) {
        self.file = file
        self.bytes = bytes
        self.format = format
        self.progress = progress
        separator = format == .jsonl ? CSVReader.comma : CSVReader.separator(of: bytes)
    }

    /// Reads and checks the CSV header, and that the file is UTF-8: one sentence for the whole file, not one a line.
    mutating func prepare() throws(ImportFailure) {
        guard format != .jsonl else { return }
        if !isValidUTF8(bytes, 0..<bytes.count) {
            let reader = CSVReader(bytes: bytes, separator: separator)
            let line = reader.first { $0.error == Strings.current.lines.notUTF8 }?.line
            throw .unrecognised(
                file: file, line: line,
                reason: Strings.current.files.notUTF8File)
        }
        let reader = CSVReader(bytes: bytes, separator: separator)
        guard let header = reader.first(where: { _ in true }) else { return }
        if let error = header.error { throw .unrecognised(file: file, line: header.line, reason: error) }
        headerText = reader.text(of: header)
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingSpaces.lowercased()
            if columns[key] != nil {
                throw .unrecognised(file: file, line: header.line, reason: Strings.current.lines.duplicateColumn(quoted(key)))
            }
            columns[key] = index
        }
        let known: Set<String>
        switch format {
        case .people:
            known = Set(PeopleDecoder.columns)
            let missing = PeopleDecoder.requiredColumns.filter { columns[$0] == nil }
            if !missing.isEmpty {
                let hints = missing.compactMap { name in
                    closestMatch(to: name, in: columns.keys.filter { !known.contains($0) }).map { Strings.current.files.hintFor(quoted($0), name) }
                }
                throw .unrecognised(
                    file: file, line: header.line,
                    reason: Strings.current.files.peopleHeaderLacks(
                        missing.map { "'\(quoted($0))'" }.joined(separator: ", "), hints.isEmpty ? nil : hints.joined(separator: ", ")))
            }
        case .csv:
            if columns["type"] == nil {
                throw .unrecognised(file: file, line: header.line, reason: Strings.current.lines.noTypeColumn)
            }
            known = [
                "type", "id", "author", "at", "network", "url", "actor", "post", "target", "impressions", "engagements",
                "person", "day", "new_followers", "count", "hashtags",
            ]
        case .jsonl:
            known = []
        }
        let unknown = header.fields.map { $0.trimmingSpaces.lowercased() }.filter { !known.contains($0) }
        // A column that is a known one mistyped would make every line fail the same way: one error for the file.
        let missingKnown = known.filter { columns[$0] == nil }
        if let typo = unknown.lazy.compactMap({ name in closestMatch(to: name, in: missingKnown).map { (name, $0) } }).first {
            throw .unrecognised(
                file: file, line: header.line,
                reason: Strings.current.lines.unknownColumnTypo(quoted(typo.0), typo.1))
        }
        if !unknown.isEmpty {
            diagnostics.append(
                Diagnostic(
                    file: file, line: header.line, severity: .warning,
                    message: Strings.current.lines.ignoringColumns(unknown.map { quoted($0) })
                ))
        }
    }

    /// Decodes and writes every record. Records that refer to a post not yet known wait until the end of the
    /// file, since a post may come after the interactions on it.
    mutating func run(_ writer: ImportWriter) throws {
        var waiting: [(line: Int, text: () -> String, event: Event)] = []

        let lineOffset = self.lineOffset
        func reject(_ pieceLine: Int, _ text: String, _ reason: String) throws {
            let line = pieceLine + lineOffset
            try writer.reject(line: line, text: text, reason: reason)
            rejected.append(RejectedLine(line: line, text: text, reason: reason))
            diagnostics.append(Diagnostic(file: file, line: line, severity: .error, message: reason))
        }

        func write(_ event: Event, line: Int, text: () -> String, deferUnknownPosts: Bool) throws {
            if deferUnknownPosts, let post = event.postKey, !writer.knowsPost(post) {
                let captured = text()
                waiting.append((line, { captured }, event))
                return
            }
            if case .failure(let rejection) = try writer.write(event) { try reject(line, text(), rejection.reason) }
        }

        switch format {
        case .people, .csv:
            // Decoding runs on another thread, a batch ahead of the writes, so parsing and SQLite use both cores.
            let reader = CSVReader(bytes: bytes, separator: separator)
            let decoded = DecodedBatches.start(reader: reader, columns: columns, people: format == .people)
            // Within a people file, the line and person each address was first given to.
            var emailLines: [String: (line: Int, person: String)] = [:]
            defer { decoded.cancel() }
            while let batch = decoded.next() {
                if let progress, let last = batch.last { progress(Double(last.range.upperBound) / Double(max(1, bytes.count))) }
                for item in batch {
                    let text = { reader.text(of: item.range) }
                    switch item.content {
                    case .failure(let error): try reject(item.line, text(), error.reason)
                    case .success(.person(var person)):
                        if columns["email"] == nil { person.emails = nil }
                        if let clash = (person.emails ?? []).lazy.compactMap({ email in
                            emailLines[email].flatMap { $0.person != person.id ? (email, $0) : nil }
                        }).first {
                            try reject(
                                item.line, text(),
                                Strings.current.files.emailAlsoGiven(quoted(clash.0), quoted(clash.1.person), clash.1.line + lineOffset))
                            continue
                        }
                        if case .failure(let rejection) = try writer.write(person) {
                            try reject(item.line, text(), rejection.reason)
                        } else {
                            for email in person.emails ?? [] where emailLines[email] == nil { emailLines[email] = (item.line, person.id) }
                        }
                    case .success(.event(let event)):
                        try write(event, line: item.line, text: text, deferUnknownPosts: true)
                    }
                }
            }
        case .jsonl:
            let lines = JSONLines.lines(of: bytes)
            for (index, line) in lines.enumerated() {
                if let progress, index % 4096 == 0 { progress(Double(index) / Double(max(1, lines.count))) }
                switch line.object {
                case .failure(let error): try reject(line.line, line.raw, error.reason)
                case .success(let object):
                    switch EventDecoder.decode(JSONFields(object: object)) {
                    case .success(let event):
                        try write(event, line: line.line, text: { line.raw }, deferUnknownPosts: true)
                    case .failure(let error): try reject(line.line, line.raw, error.reason)
                    }
                }
            }
        }
        for item in waiting {
            try write(item.event, line: item.line, text: item.text, deferUnknownPosts: false)
        }
    }
}

/// A CSV row's cells by column name; an empty cell is an absent field.
private struct CSVFields: FieldSource {
    let columns: [String: Int]
    let fields: [String]

    func value(_ name: String) -> FieldValue? {
        guard let index = columns[name] else { return nil }
        let cell = fields[index]
        return cell.isEmpty ? nil : .text(cell)
    }
}

extension Event {
    /// The post this event needs to exist, if any.
    var postKey: String? {
        switch self {
        case .interaction(let interaction): interaction.kind.isPostBased ? interaction.post : nil
        case .stats(let stats): stats.post
        case .post, .daily, .followers: nil
        }
    }
}

/// A file's SHA-256, computed on a background thread from the moment it is created.
private final class Fingerprint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the background thread before `done` is signalled, read only after waiting on it.
    private var digest = ""
    private var waited = false

    init(_ bytes: [UInt8]) {
        Thread.detachNewThread { [self] in
            digest = SHA256.hex(of: bytes)
            done.signal()
        }
    }

    var value: String {
        if !waited {
            done.wait()
            waited = true
        }
        return digest
    }
}

/// A CSV record decoded into a person or an event, or the reason it cannot be.
private struct DecodedRecord: Sendable {
    enum Content: Sendable {
        case person(Person)
        case event(Event)
    }
    var line: Int
    var range: Range<Int>
    var content: Result<Content, LineError>
}

/// CSV records decoded by a background thread, handed over in batches through a small bounded queue.
private final class DecodedBatches: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var ready: [[DecodedRecord]] = []
    private var finished = false
    private var cancelled = false
    private static let batchSize = 4096
    private static let queueLength = 4

    static func start(reader: CSVReader, columns: [String: Int], people: Bool) -> DecodedBatches {
        let batches = DecodedBatches()
        // The reasons of rejected records are made on this thread: in the language of the import (task-locals do
        // not cross into a new thread by themselves).
        let language = Language.current
        Thread.detachNewThread {
            Language.$current.withValue(language) { batches.produce(reader: reader, columns: columns, people: people) }
        }
        return batches
    }

    /// The next batch, or nil when every record has been handed over.
    func next() -> [DecodedRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Lets the producer stop without waiting for room, when the consumer stops early (an error).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce(reader: CSVReader, columns: [String: Int], people: Bool) {
        var iterator = reader.makeIterator()
        _ = iterator.next()  // the header
        let width = columns.count
        var batch: [DecodedRecord] = []
        batch.reserveCapacity(Self.batchSize)
        func hand(over batch: [DecodedRecord]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while ready.count >= Self.queueLength && !cancelled { condition.wait() }
            if cancelled { return false }
            ready.append(batch)
            condition.broadcast()
            return true
        }
        while let record = iterator.next() {
            let content: Result<DecodedRecord.Content, LineError>
            if let error = record.error {
                content = .failure(LineError(error))
            } else if record.fields.count != width {
                content = .failure(
                    LineError(Strings.current.lines.fieldCount(width, record.fields.count)))
            } else {
                let fields = CSVFields(columns: columns, fields: record.fields)
                content =
                    people
                    ? PeopleDecoder.decode(fields).map { .person($0) } : EventDecoder.decode(fields).map { .event($0) }
            }
            batch.append(DecodedRecord(line: record.line, range: record.range, content: content))
            if batch.count == Self.batchSize {
                guard hand(over: batch) else { return }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = hand(over: batch) }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
