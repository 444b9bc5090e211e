import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

@Suite("Importing Viva Engage exports")
struct VivaEngageImportTests {
    @Test func repliesBecomeCommentsDeletedMessagesIncluded() throws {
        let scratch = try ScratchFolder()
        let export = scratch.file("export").path
        try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
        try Data(
            """
            id,name,email,job_title,state
            11,Alice Martin,alice@horizon.example,CEO,active
            12,Bob Durand,BOB@horizon.example,,active
            13,Carol Roux,carol@horizon.example,,active
            14,Outsider,someone@elsewhere.example,,active

            """.utf8
        ).write(to: URL(fileURLWithPath: export + "/Users.csv"))
        try Data(
            """
            id,replied_to_id,thread_id,group_id,sender_id,sender_email,body,attachments,created_at,deleted_at
            100,,100,1,11,alice@horizon.example,"Kick-off, the secret word is pamplemousse",,2026-11-02 09:00:00 UTC,
            101,100,100,1,12,bob@horizon.example,"Great
            news",,2026-11-02 09:30:00 UTC,
            102,101,100,1,13,carol@horizon.example,+1,,2026-11-02T10:00:00Z,2026-11-03 08:00:00 UTC
            103,100,100,1,14,someone@elsewhere.example,hello,,2026-11-02 11:00:00 +0000,
            104,999,999,1,12,bob@horizon.example,late,,2026-11-02 12:00:00 UTC,
            105,100,100,1,11,alice@horizon.example,self,,2026-11-02 12:30:00 UTC,

            """.utf8
        ).write(to: URL(fileURLWithPath: export + "/Messages.csv"))
        let database = scratch.file("codir.sqlite").path
        let store = try Store.open(path: database, access: .readWrite)
        _ = try importText(mailPeople, into: store, file: "people.csv")
        #expect(InputKind.recognise(export) == .vivaEngage)
        let result = try Importer(store: store).importInput(at: export)
        #expect(result.kind == .vivaEngage)
        #expect(result.summary.contains("6 messages: 2 interactions imported, 0 already imported, 1 skipped (an end outside the directory), 1 replies to messages not in the export"), "\(result.summary)")
        #expect(result.summary.contains("not in the directory: Outsider (1)"))
        let dataset = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
        let pairs = dataset.interactions.map { "\($0.kind.rawValue) \(dataset.people[Int($0.actor)].id)→\(dataset.people[Int($0.target)].id)" }
        #expect(pairs.sorted() == ["comment bob→alice", "comment carol→bob"])
        #expect(try store.interactionsBySource() == [.vivaEngage: 2])
        // networkx on the same ties (scripts/networkx_sources.py): Q = -0.5, E-I = 1.
        let all = TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)
        let figures = MetricsEngine.silos(in: try store.dataset(for: all), window: all)
        #expect(abs((figures.modularity ?? 9) - -0.5) < 1e-6)
        #expect(figures.eiIndex == 1)
        let again = try Importer(store: store).importInput(at: export)
        #expect(again.summary.contains("0 interactions imported, 2 already imported"), "\(again.summary)")
        // No message body in the database file.
        let bytes = databaseBytes(database)
        #expect(bytes.range(of: Data("pamplemousse".utf8)) == nil)
    }
}
