import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

/// A Slack export built here: users, a channel with a thread, reactions by several users, mentions in both
/// forms, a bot, system events, someone outside the directory, a DM and a group DM.
func makeSlackExport(in folder: String, extraDay: Bool = false) throws {
    func write(_ relative: String, _ value: Any) throws {
        let path = folder + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
    func user(_ id: String, _ name: String, _ email: String?, bot: Bool = false, deleted: Bool = false) -> [String: Any] {
        var profile: [String: Any] = ["real_name": name]
        if let email { profile["email"] = email }
        return ["id": id, "name": name, "is_bot": bot, "deleted": deleted, "profile": profile]
    }
    try write("users.json", [
        user("U1", "alice", "Alice@horizon.example"), user("U2", "bob", "bob@horizon.example"),
        user("U3", "carol", "carol@horizon.example"), user("U4", "dave", "dave@horizon.example"),
        user("U5", "outsider", "someone@elsewhere.example"), user("U6", "gone", nil, deleted: true),
        user("B1", "deploybot", nil, bot: true),
    ])
    try write("channels.json", [["id": "C1", "name": "general", "members": ["U1", "U2", "U3", "U4"]]])
    try write("dms.json", [["id": "D1", "members": ["U1", "U2"]]])
    try write("mpims.json", [["id": "G1", "name": "mpdm-alice--bob--carol-1", "members": ["U1", "U2", "U3"]]])
    let root = "1762075800"
    try write("general/2026-11-02.json", [
        ["type": "message", "user": "U1", "text": "Hello <@U2> and <@U3|carol>, the secret word is pamplemousse", "ts": "\(root).000100",
         "reactions": [["name": "+1", "users": ["U2", "U4"], "count": 2]]],
        ["type": "message", "user": "U2", "text": "Thanks", "ts": "\(root).000200", "thread_ts": "\(root).000100", "parent_user_id": "U1"],
        ["type": "message", "subtype": "channel_join", "user": "U4", "text": "<@U4> has joined the channel", "ts": "\(root).000300"],
        ["type": "message", "bot_id": "BB1", "user": "B1", "text": "deployed <@U1>", "ts": "\(root).000400"],
        ["type": "message", "user": "U5", "text": "hi <@U1>", "ts": "\(root).000500"],
        ["type": "message", "user": "U4", "text": "<!channel> meeting", "ts": "\(root).000600"],
        ["type": "message", "user": "U3", "text": "+1", "ts": "\(root).000700", "thread_ts": "\(root).000100"],
        ["type": "message", "user": "U6", "text": "bye <@U2>", "ts": "\(root).000800"],
    ])
    try write("D1/2026-11-02.json", [["type": "message", "user": "U1", "text": "lunch?", "ts": "\(root).000900"]])
    try write("mpdm-alice--bob--carol-1/2026-11-02.json", [["type": "message", "user": "U3", "text": "ok", "ts": "\(root).001000"]])
    if extraDay {
        try write("general/2026-11-03.json", [["type": "message", "user": "U4", "text": "<@U1> see you", "ts": "1762162200.000100"]])
    }
}

@Suite("Importing Slack exports", .serialized)
struct SlackImportTests {
    func interactions(_ store: Store) throws -> [String] {
        let dataset = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
        return dataset.interactions.map {
            "\($0.kind.rawValue) \(dataset.people[Int($0.actor)].id)→\(dataset.people[Int($0.target)].id)"
        }.sorted()
    }

    @Test func threadsReactionsMentionsAndDirectMessagesBecomeInteractionsOnce() throws {
        let scratch = try ScratchFolder()
        let export = scratch.file("slack").path
        try makeSlackExport(in: export)
        let store = try Store.inMemory()
        _ = try importText(mailPeople, into: store, file: "people.csv")
        #expect(InputKind.recognise(export) == .slack)
        let result = try Importer(store: store).importInput(at: export)
        #expect(result.kind == .slack)
        #expect(
            try interactions(store) == [
                "comment bob→alice", "comment carol→alice", "mention alice→bob", "mention alice→carol", "message alice→bob",
                "message carol→alice", "message carol→bob", "reaction bob→alice", "reaction dave→alice",
            ])
        #expect(result.summary.contains("9 interactions imported, 0 already imported, 2 skipped (an end outside the directory), 2 bot or system messages"), "\(result.summary)")
        #expect(result.summary.contains("not in the directory: gone (1), outsider (1)"), "\(result.summary)")
        #expect(try store.interactionsBySource() == [.slack: 9])
        // networkx on the same ties (scripts/networkx_sources.py): Q = -0.222222, E-I = 0.333333.
        let figures = MetricsEngine.silos(
            in: try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)),
            window: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
        #expect(abs((figures.modularity ?? 9) - -0.222222) < 1e-6)
        #expect(abs((figures.eiIndex ?? 9) - 0.333333) < 1e-6)
        #expect(figures.internalTies == 2 && figures.externalTies == 4)

        // A later, longer export overlaps this one: only the new day adds.
        let longer = scratch.file("slack-2").path
        try makeSlackExport(in: longer, extraDay: true)
        let again = try Importer(store: store).importInput(at: longer)
        #expect(again.summary.contains("1 interaction imported, 9 already imported"), "\(again.summary)")

        // Chat reactions and comments are not engagement with LinkedIn posts.
        let asOf = Timestamp(iso8601: "2025-11-10T00:00:00Z")!
        let report = MetricsEngine.report(for: try store.dataset(for: TimeWindow(length: .days(30), asOf: asOf)), length: .days(30), asOf: asOf)
        #expect(report.engagement.allSatisfy { $0.givenToLeaders + $0.givenToEmployees + $0.receivedFromLeaders + $0.receivedFromEmployees == 0 })
        #expect(report.silo.totalWeight > 0)
    }

    @Test func theZippedExportImportsLikeTheFolder() throws {
        let scratch = try ScratchFolder()
        let export = scratch.file("Horizon Slack export Nov 1 2025 - Nov 3 2025").path
        try makeSlackExport(in: export)
        let zip = scratch.file("slack.zip")
        try FileManager.default.zipItem(at: URL(fileURLWithPath: export), to: zip, shouldKeepParent: true)
        #expect(InputKind.recognise(zip.path) == .slack)
        let store = try Store.inMemory()
        _ = try importText(mailPeople, into: store, file: "people.csv")
        let result = try Importer(store: store).importInput(at: zip.path)
        #expect(result.summary.contains("9 interactions imported"), "\(result.summary)")
    }

    @Test func noMessageTextReachesTheDatabaseFile() throws {
        let scratch = try ScratchFolder()
        let export = scratch.file("slack").path
        try makeSlackExport(in: export)
        let database = scratch.file("codir.sqlite").path
        do {
            let store = try Store.open(path: database, access: .readWrite)
            _ = try importText(mailPeople, into: store, file: "people.csv")
            _ = try Importer(store: store).importInput(at: export)
        }
        let bytes = databaseBytes(database)
        for word in ["pamplemousse", "lunch?", "meeting", "deployed"] {
            #expect(bytes.range(of: Data(word.utf8)) == nil, "'\(word)' is in the database file")
        }
    }

    @Test func mentionsInBothFormsAndNoOneForChannelWideOnes() {
        #expect(SlackJob.mentions(in: "hi <@U1> and <@U2|bob>, <!channel> <!here> <@U1>") == ["U1", "U2"])
    }
}
