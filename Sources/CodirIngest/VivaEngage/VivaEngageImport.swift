import CodirModel
import CodirStore
import CodirText
import Foundation

/// What importing a Viva Engage (Yammer) network data export did.
public struct VivaEngageImport: Sendable {
    public var file: String
    public var messages = 0
    public var imported = 0
    public var duplicates = 0
    /// Replies with an end outside the directory.
    public var skipped = 0
    /// Replies to a message the export does not hold.
    public var orphans = 0
    public var unmatched: [(user: String, interactions: Int)] = []
    public var diagnostics: [Diagnostic] = []

    public var summary: String {
        let words = Strings.current.imports
        var text = words.vivaEngage(file, messages, imported, duplicates, skipped, orphans)
        text += UnmatchedTally.phrase(unmatched.map { ($0.user, $0.interactions) })
        return text + words.chatPrivacy
    }
}

extension Importer {
    /// Imports a Viva Engage network data export (its zip or folder: `Users.csv` and `Messages.csv`) as one
    /// transaction: each reply is a comment from its sender to the sender of the message it replies to,
    /// deleted messages included (the exchange happened). People are matched by `Users.csv`'s `email`.
    public func importVivaEngage(at path: String, as name: String? = nil) throws(ImportFailure) -> VivaEngageImport {
        let shown = name ?? path
        var tree = try ExportTree(path: path, limits: zipLimits)
        guard let root = tree.root(holding: "Messages.csv") else {
            throw .unrecognised(file: shown, line: nil, reason: Strings.current.sources.notVivaEngage)
        }
        func table(_ name: String, required: [String]) throws(ImportFailure) -> (columns: [String: Int], records: [CSVRecord]) {
            guard tree.paths.contains(root + name) else { return ([:], []) }
            let bytes = try tree.read(root + name, limit: zipLimits.perEntry)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let records = Array(CSVReader(bytes: Array(bytes[start...])))
            guard let header = records.first else { return ([:], []) }
            var columns: [String: Int] = [:]
            for (index, field) in header.fields.enumerated() { columns[field.trimmingCharacters(in: .whitespaces).lowercased()] = index }
            let missing = required.filter { columns[$0] == nil }
            guard missing.isEmpty else {
                throw .unrecognised(
                    file: "\(shown)/\(root)\(name)", line: 1,
                    reason: Strings.current.sources.columnMissing(missing.joined(separator: "', '")))
            }
            return (columns, Array(records.dropFirst()))
        }
        let users = try table("Users.csv", required: ["id", "email"])
        let messages = try table("Messages.csv", required: ["id", "replied_to_id", "sender_id", "created_at"])
        do {
            let (result, _) = try store.importFile(file: shown, sha256: "", format: "viva-engage", commit: !dryRun) { writer in
                try VivaEngageJob(file: "\(shown)/\(root)Messages.csv").run(users: users, messages: messages, writer)
            }
            return result
        } catch {
            throw ImportFailure(error, store: store)
        }
    }
}

private struct VivaEngageJob {
    let file: String

    func run(
        users: (columns: [String: Int], records: [CSVRecord]), messages: (columns: [String: Int], records: [CSVRecord]),
        _ writer: ImportWriter
    ) throws -> VivaEngageImport {
        var result = VivaEngageImport(file: file)
        func cell(_ record: CSVRecord, _ columns: [String: Int], _ name: String) -> String {
            guard let index = columns[name], index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespaces)
        }
        var people: [String: String] = [:], names: [String: String] = [:]
        for record in users.records {
            let id = cell(record, users.columns, "id")
            names[id] = cell(record, users.columns, "name").isEmpty ? id : cell(record, users.columns, "name")
            if let key = writer.person(forEmail: cell(record, users.columns, "email")) { people[id] = key }
        }
        // Who sent each message, to find a reply's counterpart.
        var senders: [String: String] = [:]
        for record in messages.records where record.error == nil {
            let sender = cell(record, messages.columns, "sender_id")
            senders[cell(record, messages.columns, "id")] = sender
            if people[sender] == nil, let key = writer.person(forEmail: cell(record, messages.columns, "sender_email")) {
                people[sender] = key
            }
        }
        var unmatched = UnmatchedTally()
        for record in messages.records {
            if let error = record.error {
                result.diagnostics.append(Diagnostic(file: file, line: record.line, severity: .error, message: error))
                continue
            }
            result.messages += 1
            let id = cell(record, messages.columns, "id")
            let repliedTo = cell(record, messages.columns, "replied_to_id")
            guard !repliedTo.isEmpty, repliedTo != id else { continue }
            guard let at = Self.time(cell(record, messages.columns, "created_at")) else {
                let text = cell(record, messages.columns, "created_at")
                result.diagnostics.append(
                    Diagnostic(file: file, line: record.line, severity: .error, message: Strings.current.sources.badTime(quoted(text), "created_at")))
                continue
            }
            let sender = cell(record, messages.columns, "sender_id")
            guard let parent = senders[repliedTo] else {
                result.orphans += 1
                continue
            }
            guard sender != parent else { continue }
            guard let from = people[sender], let to = people[parent] else {
                result.skipped += 1
                if people[sender] == nil { unmatched.count(names[sender] ?? sender) }
                if people[parent] == nil { unmatched.count(names[parent] ?? parent) }
                continue
            }
            guard from != to else { continue }
            let event = InteractionEvent(
                id: "viva-engage:\(id):comment", kind: .comment, actor: from, target: to, at: at, source: .vivaEngage)
            switch try writer.write(.interaction(event)) {
            case .success(.duplicate): result.duplicates += 1
            case .success: result.imported += 1
            case .failure(let rejection):
                result.diagnostics.append(Diagnostic(file: file, line: record.line, severity: .error, message: rejection.reason))
            }
        }
        result.unmatched = unmatched.top.map { (user: $0.0, interactions: $0.1) }
        return result
    }

    /// `2026-11-02T09:30:00Z`, `2026-11-02 09:30:00 UTC` or `2026-11-02 09:30:00 +0000`, within 1970–2100.
    static func time(_ text: String) -> Timestamp? {
        var value = text
        if value.hasSuffix(" UTC") { value = String(value.dropLast(4)) + "Z" }
        if value.count >= 6, value[value.index(value.endIndex, offsetBy: -6)] == " " {
            value.remove(at: value.index(value.endIndex, offsetBy: -6))
        }
        guard let at = Timestamp(iso8601: value), Bounds.isPlausible(at) else { return nil }
        return at
    }
}
