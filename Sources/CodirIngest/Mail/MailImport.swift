import CodirModel
import CodirStore
import CodirText
import Foundation
import LibC

/// What importing a mail folder (Maildir), an mbox file or an `.eml` file did.
public struct MailImport: Sendable {
    public var file: String
    public var messages = 0
    /// New `message` interactions, one per sender and directory recipient.
    public var imported = 0
    /// Interactions already in the database (the same message in a Sent folder and an Inbox, or imported before).
    public var duplicates = 0
    /// Sender–recipient pairs with an end outside the directory.
    public var skipped = 0
    /// Messages to more directory recipients than `maxRecipients`: no interaction.
    public var broadcasts = 0
    public var rejected = 0
    /// The most active addresses not in the directory, with how many pairs they were in (10 at most).
    public var unmatched: [(address: String, pairs: Int)] = []
    public var maxRecipients = 20
    public var diagnostics: [Diagnostic] = []

    public var summary: String {
        let words = Strings.current.imports
        var text = words.mail(file, messages, imported, duplicates, skipped, broadcasts, maxRecipients, rejected)
        text += UnmatchedTally.phrase(unmatched.map { ($0.address, $0.pairs) })
        return text + words.mailPrivacy
    }
}

extension Importer {
    /// Imports e-mail metadata: a Maildir (a folder holding `cur` and `new`, at any depth: several mailboxes
    /// may be imported together), an mbox file or one `.eml` message, as one transaction. Only the `From`, `To`,
    /// `Cc`, `Date` and `Message-ID` headers are read; each message gives a `message` from its sender to each
    /// recipient in the directory, counted once by `Message-ID` (or by a hash of sender, date and recipients)
    /// however often it is found.
    public func importMail(at path: String, as name: String? = nil) throws(ImportFailure) -> MailImport {
        let shown = name ?? path
        let (messages, passed) = try MailSource.messages(at: path, shown: shown, fileLimit: fileLimit)
        do {
            var (result, _) = try store.importFile(file: shown, sha256: "", format: "email", commit: !dryRun) { writer in
                try MailJob(file: shown, maxRecipients: maxRecipients).run(messages, writer)
            }
            result.diagnostics = passed + result.diagnostics
            return result
        } catch {
            throw ImportFailure(error, store: store)
        }
    }
}

/// One message found in a mail source: where it starts, and its header block.
struct FoundMessage: Sendable {
    var file: String
    var line: Int
    var headers: MailHeaders
}

/// Finding the messages of a Maildir, an mbox or an `.eml`.
enum MailSource {
    /// The messages, and a warning for each file of a Maildir that is not a regular file (never opened).
    static func messages(at path: String, shown: String, fileLimit: UInt64) throws(ImportFailure) -> (
        [FoundMessage], [Diagnostic]
    ) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(file: shown, reason: Strings.current.files.noSuchFile) }
        if status.st_mode & S_IFMT == S_IFDIR { return try maildir(path, shown: shown) }
        let bytes: [UInt8]
        do {
            bytes = try SafeFile.read(path: path, followLinks: true, limit: fileLimit)
        } catch {
            throw .unreadable(file: shown, reason: error.reason)
        }
        return (isMbox(bytes[...]) ? mbox(bytes, file: shown) : [FoundMessage(file: shown, line: 1, headers: MailHeaders(bytes[...]))], [])
    }

    /// An mbox starts with a `From ` separator line.
    static func isMbox(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.starts(with: Array("From ".utf8)) }

    /// Whether the folder is a Maildir or holds some: a `cur` or `new` folder in it or one level down.
    static func isMaildir(_ path: String) -> Bool {
        let fileManager = FileManager.default
        func has(_ folder: String) -> Bool {
            ["cur", "new"].contains { name in
                var isFolder: ObjCBool = false
                return fileManager.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
            }
        }
        if has(path) { return true }
        let children = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
        return children.prefix(1000).contains { has(path + "/" + $0) }
    }

    /// Messages of an mbox: each starts after a `From ` line at the top or after an empty line. (`>From ` lines
    /// inside messages are escaped bodies, never separators.)
    static func mbox(_ bytes: [UInt8], file: String) -> [FoundMessage] {
        var messages: [FoundMessage] = []
        var line = 1
        var lineStart = 0
        var previousEmpty = true
        var index = 0
        let from = Array("From ".utf8)
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                let content = bytes[lineStart..<index]
                if previousEmpty && content.starts(with: from) {
                    let start = min(index + 1, bytes.count)
                    messages.append(FoundMessage(file: file, line: line, headers: MailHeaders(bytes[start...])))
                }
                let trimmed = content.last == UInt8(ascii: "\r") ? content.dropLast() : content
                previousEmpty = trimmed.isEmpty
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return messages
    }

    /// Every message file of the `cur` and `new` folders under `path` (never following a link), in name order.
    static func maildir(_ path: String, shown: String) throws(ImportFailure) -> ([FoundMessage], [Diagnostic]) {
        var files: [String] = []
        // A walk with opendir/readdir: Foundation's enumerator costs a tenth of a large import in path strings.
        func walk(_ relative: String, depth: Int) {
            guard depth < 16, let stream = opendir(relative.isEmpty ? path : path + "/" + relative) else { return }
            defer { closedir(stream) }
            let parent = relative.split(separator: "/").last.map(String.init) ?? ""
            let inMailbox = parent == "cur" || parent == "new"
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    // Some file systems do not say: ask, without following a link.
                    var status = stat()
                    isFolder = lstat(path + "/" + child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder {
                    walk(child, depth: depth + 1)
                } else if inMailbox {
                    files.append(child)
                }
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .unreadable(file: shown, reason: Strings.current.files.folderCannotBeListed)
        }
        walk("", depth: 0)
        files.sort()
        // Reading and parsing the headers is most of the work: both cores share it, each a contiguous part of
        // the sorted list, so the messages keep their order.
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, files.count / 1000 + 1))
        let results = ParsedParts(count: parts)
        let list = files
        // Each part's warnings are made in the language of the import, whichever thread runs the part.
        let language = Language.current
        DispatchQueue.concurrentPerform(iterations: parts) { part in Language.$current.withValue(language) {
            let range = (list.count * part / parts)..<(list.count * (part + 1) / parts)
            var messages: [FoundMessage] = []
            var passed: [Diagnostic] = []
            messages.reserveCapacity(range.count)
            var chunk = [UInt8](repeating: 0, count: MailHeaders.limit)
            for relative in list[range] {
                let descriptor: Int32
                do throws(SafeFile.Failure) {
                    descriptor = try SafeFile.open(path + "/" + relative, followLinks: false)
                } catch {
                    passed.append(
                        Diagnostic(file: shown + "/" + relative, line: nil, severity: .warning, message: Strings.current.sources.notRead(error.reason)))
                    continue
                }
                let count = chunk.withUnsafeMutableBytes { buffer in pread(descriptor, buffer.baseAddress, buffer.count, 0) }
                close(descriptor)
                guard count > 0 else { continue }
                messages.append(FoundMessage(file: shown + "/" + relative, line: 1, headers: MailHeaders(chunk[0..<count])))
            }
            results.store(part, messages, passed)
        } }
        return results.joined()
    }
}

/// Turning messages into interactions inside the import's transaction.
private struct MailJob {
    let file: String
    let maxRecipients: Int

    func run(_ messages: [FoundMessage], _ writer: ImportWriter) throws -> MailImport {
        var result = MailImport(file: file)
        result.maxRecipients = maxRecipients
        result.messages = messages.count
        var unmatched = UnmatchedTally()
        for message in messages {
            let headers = message.headers
            guard let from = headers.from, let date = headers.date else {
                let reason = headers.from == nil ? Strings.current.sources.noFrom : Strings.current.sources.noDate
                // Kept as its From, To, Cc, Date and Message-ID lines only: never a subject or a body.
                try writer.reject(line: message.line, text: headers.kept, reason: reason)
                result.diagnostics.append(Diagnostic(file: message.file, line: message.line, severity: .error, message: reason))
                result.rejected += 1
                continue
            }
            let sender = writer.person(forNormalisedEmail: from)
            let recipients = headers.recipients.filter { $0 != from }
            let inDirectory = Set(recipients.compactMap { writer.person(forNormalisedEmail: $0) }).subtracting([sender].compactMap { $0 })
            if inDirectory.count > maxRecipients {
                result.broadcasts += 1
                continue
            }
            let identity =
                headers.messageID
                ?? "\(from)|\(date.seconds)|\(headers.recipients.sorted().joined(separator: ","))"
            let key = String(SHA256.hex(of: Array(identity.utf8)).prefix(32))
            var written = Set<String>()
            for address in recipients {
                let target = writer.person(forNormalisedEmail: address)
                guard let sender, let target else {
                    result.skipped += 1
                    if sender == nil { unmatched.count(from) }
                    if target == nil { unmatched.count(address) }
                    continue
                }
                guard target != sender, written.insert(target).inserted else { continue }
                let event = InteractionEvent(
                    id: "email:\(key):\(target)", kind: .message, actor: sender, target: target, at: date, source: .email)
                switch try writer.write(.interaction(event)) {
                case .success(.duplicate): result.duplicates += 1
                case .success: result.imported += 1
                case .failure(let rejection):
                    result.diagnostics.append(
                        Diagnostic(file: message.file, line: message.line, severity: .error, message: rejection.reason))
                }
            }
        }
        result.unmatched = unmatched.top.map { (address: $0.0, pairs: $0.1) }
        return result
    }
}

/// The parts of a Maildir parsed on several threads, put back together in order.
private final class ParsedParts: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var messages: [[FoundMessage]]
    private var passed: [[Diagnostic]]

    init(count: Int) {
        messages = Array(repeating: [], count: count)
        passed = Array(repeating: [], count: count)
    }

    func store(_ part: Int, _ found: [FoundMessage], _ diagnostics: [Diagnostic]) {
        lock.lock()
        messages[part] = found
        passed[part] = diagnostics
        lock.unlock()
    }

    func joined() -> ([FoundMessage], [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        return (messages.flatMap { $0 }, passed.flatMap { $0 })
    }
}
