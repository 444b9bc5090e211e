import CodirModel
import CodirStore
import CodirText
import Foundation
import LibC

/// What importing a Slack workspace export did.
public struct SlackImport: Sendable {
    public var file: String
    public var conversations = 0
    public var messages = 0
    public var imported = 0
    public var duplicates = 0
    /// Interactions with an end outside the directory.
    public var skipped = 0
    /// Messages from bots, and system events (joins, topics…), which give nothing.
    public var ignored = 0
    /// The most active Slack users not in the directory (by name or id), with how many interactions they were in.
    public var unmatched: [(user: String, interactions: Int)] = []
    public var diagnostics: [Diagnostic] = []

    public var summary: String {
        let words = Strings.current.imports
        var text = words.slack(file, conversations, messages, imported, duplicates, skipped, ignored)
        text += UnmatchedTally.phrase(unmatched.map { ($0.user, $0.interactions) })
        return text + words.chatPrivacy
    }
}

/// The files of an export, from a zip or a folder, read within the limits.
struct ExportTree {
    private var zip: ZipReader?
    private let folder: String?
    /// Every file's path inside the export, relative to its root.
    let paths: [String]

    init(path: String, limits: ZipLimits) throws(ImportFailure) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(file: path, reason: Strings.current.files.noSuchFile) }
        if status.st_mode & S_IFMT == S_IFDIR {
            folder = path
            zip = nil
            var found: [String] = []
            if let walker = FileManager.default.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String, found.count <= limits.entries {
                    found.append(relative)
                }
            }
            guard found.count <= limits.entries else {
                throw .unrecognised(file: path, line: nil, reason: Strings.current.files.tooManyFiles(limits.entries))
            }
            paths = found
        } else {
            folder = nil
            do {
                let reader = try ZipReader(path: path, limits: limits)
                paths = reader.files.map(\.path)
                zip = reader
            } catch {
                throw .unrecognised(file: path, line: nil, reason: error.reason)
            }
        }
    }

    /// The bytes of one file of the export (never following a link in a folder).
    mutating func read(_ relative: String, limit: UInt64) throws(ImportFailure) -> [UInt8] {
        if let folder {
            do {
                return try SafeFile.read(path: folder + "/" + relative, followLinks: false, limit: limit)
            } catch {
                throw .unreadable(file: folder + "/" + relative, reason: error.reason)
            }
        }
        guard var reader = zip, let entry = reader.entry(relative) else {
            throw .unreadable(file: relative, reason: Strings.current.files.noSuchFileInExport)
        }
        do {
            let bytes = try reader.read(entry)
            zip = reader
            return bytes
        } catch {
            throw .unrecognised(file: relative, line: nil, reason: error.reason)
        }
    }

    /// The root inside the export: where `users.json` is ("" or a single top folder).
    func root(holding name: String) -> String? {
        if paths.contains(name) { return "" }
        return paths.first { $0.hasSuffix("/" + name) && $0.split(separator: "/").count == 2 }
            .map { String($0.dropLast(name.count)) }
    }
}

extension Importer {
    /// Imports a Slack workspace export (its zip or the folder it unpacks to) as one transaction: thread replies
    /// become comments to the thread's author, each reacting user a reaction to the message's author, each
    /// `<@U…>` a mention, and each message of a direct or group conversation a message to its other members.
    /// People are matched by `profile.email`; bots and system events give nothing; message text is read only to
    /// find mentions and is never stored.
    public func importSlack(at path: String, as name: String? = nil) throws(ImportFailure) -> SlackImport {
        let shown = name ?? path
        var tree = try ExportTree(path: path, limits: zipLimits)
        guard let root = tree.root(holding: "users.json") else {
            throw .unrecognised(file: shown, line: nil, reason: Strings.current.sources.notSlack)
        }
        func json(_ relative: String) throws(ImportFailure) -> Any? {
            guard tree.paths.contains(root + relative) else { return nil }
            let bytes = try tree.read(root + relative, limit: zipLimits.perEntry)
            do {
                return try JSONSerialization.jsonObject(with: Data(bytes))
            } catch {
                throw .unrecognised(file: "\(shown)/\(root)\(relative)", line: nil, reason: Strings.current.sources.notJSON)
            }
        }
        let users = (try json("users.json") as? [[String: Any]]) ?? []
        var conversations: [SlackConversation] = []
        for (list, direct) in [("channels.json", false), ("groups.json", false), ("dms.json", true), ("mpims.json", true)] {
            for entry in (try json(list) as? [[String: Any]]) ?? [] {
                guard let id = entry["id"] as? String else { continue }
                let name = entry["name"] as? String
                let members = (entry["members"] as? [String]) ?? []
                conversations.append(SlackConversation(id: id, folders: [name, id].compactMap { $0 }, direct: direct, members: members))
            }
        }
        // Each conversation's day files, oldest first.
        var days: [String: [String]] = [:]
        for relative in tree.paths where relative.hasPrefix(root) && relative.hasSuffix(".json") {
            let parts = relative.dropFirst(root.count).split(separator: "/")
            guard parts.count == 2, Day(iso8601: parts[1].dropLast(5)) != nil else { continue }
            days[String(parts[0]), default: []].append(relative)
        }
        var loaded: [(SlackConversation, [[String: Any]])] = []
        for conversation in conversations {
            guard let folder = conversation.folders.first(where: { days[$0] != nil }) else { continue }
            var messages: [[String: Any]] = []
            for file in (days[folder] ?? []).sorted() {
                let bytes = try tree.read(file, limit: zipLimits.perEntry)
                guard let array = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [[String: Any]] else {
                    throw .unrecognised(file: "\(shown)/\(file)", line: nil, reason: Strings.current.sources.notMessages)
                }
                messages += array
            }
            loaded.append((conversation, messages))
        }
        do {
            let (result, _) = try store.importFile(file: shown, sha256: "", format: "slack", commit: !dryRun) { writer in
                try SlackJob(file: shown, users: users).run(loaded, writer)
            }
            return result
        } catch {
            throw ImportFailure(error, store: store)
        }
    }
}

struct SlackConversation {
    var id: String
    /// The folder names it may have in the export: its name, else its id.
    var folders: [String]
    /// A direct or group conversation: each message is to its other members.
    var direct: Bool
    var members: [String]
}

/// Turning the messages into interactions inside the import's transaction.
struct SlackJob {
    let file: String
    let users: [[String: Any]]

    /// System events that say nothing about who talks to whom.
    static let systemSubtypes: Set<String> = [
        "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
        "channel_unarchive", "group_join", "group_leave", "group_topic", "group_purpose", "group_name", "group_archive",
        "group_unarchive", "bot_message", "bot_add", "bot_remove", "tombstone", "pinned_item", "unpinned_item",
        "reminder_add", "joiner_notification_for_inviter", "sh_room_created", "channel_convert_to_private",
    ]

    func run(_ conversations: [(SlackConversation, [[String: Any]])], _ writer: ImportWriter) throws -> SlackImport {
        var result = SlackImport(file: file)
        result.conversations = conversations.count
        // Slack user id → directory key (by e-mail), and the ids of bots.
        var people: [String: String] = [:]
        var names: [String: String] = [:]
        var bots: Set<String> = ["USLACKBOT"]
        for user in users {
            guard let id = user["id"] as? String else { continue }
            if (user["is_bot"] as? Bool) == true || (user["is_app_user"] as? Bool) == true { bots.insert(id) }
            names[id] = (user["name"] as? String) ?? id
            if let profile = user["profile"] as? [String: Any], let email = profile["email"] as? String,
                let key = writer.person(forEmail: email)
            {
                people[id] = key
            }
        }
        var unmatched = UnmatchedTally()
        func interaction(_ kind: InteractionKind, from actor: String, to target: String, at: Timestamp, id: String) throws {
            guard actor != target, !bots.contains(actor), !bots.contains(target) else { return }
            guard let from = people[actor], let to = people[target] else {
                result.skipped += 1
                if people[actor] == nil { unmatched.count(names[actor] ?? actor) }
                if people[target] == nil { unmatched.count(names[target] ?? target) }
                return
            }
            guard from != to else { return }
            let event = InteractionEvent(id: id, kind: kind, actor: from, target: to, at: at, source: .slack)
            switch try writer.write(.interaction(event)) {
            case .success(.duplicate): result.duplicates += 1
            case .success: result.imported += 1
            case .failure(let rejection):
                result.diagnostics.append(Diagnostic(file: file, line: nil, severity: .error, message: rejection.reason))
            }
        }
        for (conversation, messages) in conversations {
            // Who wrote each message, by its ts, to find a reply's parent.
            var authors: [String: String] = [:]
            for message in messages {
                if let ts = message["ts"] as? String, let user = message["user"] as? String { authors[ts] = user }
            }
            var seen = Set<String>()
            for message in messages {
                guard let ts = message["ts"] as? String, let at = Self.time(ts), let author = message["user"] as? String else {
                    result.ignored += 1
                    continue
                }
                // An edited message may be exported twice: it counts once.
                guard seen.insert(ts).inserted else { continue }
                result.messages += 1
                let subtype = message["subtype"] as? String
                if bots.contains(author) || message["bot_id"] != nil || subtype.map(Self.systemSubtypes.contains) == true {
                    result.ignored += 1
                    continue
                }
                let base = "slack:\(conversation.id):\(ts)"
                if let thread = message["thread_ts"] as? String, thread != ts,
                    let parent = (message["parent_user_id"] as? String) ?? authors[thread]
                {
                    try interaction(.comment, from: author, to: parent, at: at, id: "\(base):comment:\(author)")
                }
                for reaction in (message["reactions"] as? [[String: Any]]) ?? [] {
                    let name = (reaction["name"] as? String) ?? "?"
                    for user in (reaction["users"] as? [String]) ?? [] {
                        try interaction(.reaction, from: user, to: author, at: at, id: "\(base):reaction:\(name):\(user)")
                    }
                }
                for mentioned in Self.mentions(in: (message["text"] as? String) ?? "") {
                    try interaction(.mention, from: author, to: mentioned, at: at, id: "\(base):mention:\(mentioned)")
                }
                if conversation.direct {
                    for member in conversation.members where member != author {
                        try interaction(.message, from: author, to: member, at: at, id: "\(base):message:\(member)")
                    }
                }
            }
        }
        result.unmatched = unmatched.top.map { (user: $0.0, interactions: $0.1) }
        return result
    }

    /// `1604308200.000200` → that second, if believable.
    static func time(_ ts: String) -> Timestamp? {
        guard let seconds = ts.split(separator: ".").first, seconds.count <= 12, let value = Int64(seconds) else { return nil }
        let at = Timestamp(seconds: value)
        return Bounds.isPlausible(at) ? at : nil
    }

    /// The user ids of `<@U…>` and `<@U…|name>` in a message's text, each once (`<!channel>`, `<!here>` and
    /// `<!everyone>` name no one).
    static func mentions(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<@") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let inside = rest[..<end]
            let id = String(inside.split(separator: "|", maxSplits: 1).first ?? "")
            if !id.isEmpty, id.count <= 32, id.allSatisfy({ $0.isLetter || $0.isNumber }), !found.contains(id) { found.append(id) }
            rest = rest[end...]
        }
        return found
    }
}

