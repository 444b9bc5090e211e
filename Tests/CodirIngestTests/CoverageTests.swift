import CodirModel
import CodirTestSupport
import Foundation
import GRDB
import Testing

@testable import CodirIngest
@testable import CodirStore

/// What each source holds about each leader, as the writers keep it for the Data view and `codir status`.
@Suite("Which data codir holds", .serialized)
struct CoverageTests {
    @Test func eachImportSaysWhatItBroughtAboutWhom() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let store = try Store.inMemory()
        let importer = Importer(store: store)
        _ = try importer.importBytes(
            Array("id,name,department,role\nceo,Claire Martin,Direction,leader\ncfo,Paul Durand,Finance,leader\ne1,Eva Petit,Finance,employee\n".utf8),
            file: "people.csv")
        // Claire's archive: her post of 2 November and her reaction of 3 November (waiting for Paul's post).
        _ = try importer.importArchive(at: fixture.claire, person: nil)
        var coverage = try store.coverage()
        #expect(coverage.map(\.person) == ["ceo"])
        let archive = try #require(coverage.first)
        #expect(archive.source == .archive)
        #expect(archive.first == Timestamp(iso8601: "2026-11-02T09:00:00Z"))
        #expect(archive.records == 1)
        #expect(archive.lastFile != nil)

        // Paul's archive brings his post, his engagement with Claire's and Claire's waiting reaction: that
        // reaction is Claire's archive data, not Paul's.
        _ = try importer.importArchive(at: fixture.paul, person: nil)
        coverage = try store.coverage()
        let claire = try #require(coverage.first { $0.person == "ceo" && $0.source == .archive })
        #expect(claire.last == Timestamp(iso8601: "2026-11-03T11:00:00Z"))
        let paul = try #require(coverage.first { $0.person == "cfo" && $0.source == .archive })
        // His earliest: a comment without a date, timed by the id of Claire's post.
        #expect(paul.first == Timestamp(iso8601: "2026-11-02T09:00:00Z"))
        #expect(paul.last == Timestamp(iso8601: "2026-11-03T10:00:00Z"))

        // An events file speaks for both ends; a duplicate file adds no record but says a file arrived.
        let events = Array(#"{"type":"message","actor":"e1","target":"cfo","at":"2026-11-20T10:00:00Z"}"#.utf8)
        _ = try importer.importBytes(events, file: "events.jsonl")
        _ = try importer.importBytes(events, file: "events-again.jsonl")
        coverage = try store.coverage()
        let paulEvents = try #require(coverage.first { $0.person == "cfo" && $0.source == .events })
        #expect(paulEvents.records == 1)
        #expect(coverage.contains { $0.person == "e1" && $0.source == .events })
        // A dry run leaves nothing.
        let before = try store.coverage()
        _ = try Importer(store: store, dryRun: true).importBytes(
            Array(#"{"type":"message","actor":"e1","target":"ceo","at":"2026-11-21T10:00:00Z"}"#.utf8), file: "dry.jsonl")
        #expect(try store.coverage() == before)
    }

    /// A database written before coverage was kept has it filled when a writer first opens it.
    @Test func anOlderDatabaseHasItsCoverageFilledWhenOpened() throws {
        let (scratch, path) = try olderDatabase(upTo: "v5-post-aliases") { db in
            try db.execute(sql: "INSERT INTO departments(id, name) VALUES (1, 'Direction')")
            try db.execute(sql: "INSERT INTO people(id, key, name, department, role) VALUES (1, 'ceo', 'Claire Martin', 1, 'leader'), (2, 'cfo', 'Paul Durand', 1, 'leader')")
            try db.execute(sql: "INSERT INTO imports(id, file, sha256, format, started_at, finished_at) VALUES (1, 'a.zip', '', 'linkedin-archive', 1000, 1001), (2, 'c.xlsx', '', 'linkedin-analytics', 2000, 2001)")
            try db.execute(sql: "INSERT INTO posts(id, key, author, at, network, source) VALUES (1, 'p', 1, 1764000000, 'linkedin', 1)")
            try db.execute(sql: "INSERT INTO interactions(kind, actor, target, post, at, source, origin) VALUES (1, 1, 2, NULL, 1764100000, 1, 1)")
            try db.execute(sql: "INSERT INTO daily_stats(person, day, impressions, source) VALUES (1, 20400, 10, 2), (1, 20430, 12, 2)")
            // Written by another program: a date beyond belief is left out.
            try db.execute(sql: "INSERT INTO daily_stats(person, day, impressions, source) VALUES (2, 99999999, 10, 2)")
        }
        defer { scratch.remove() }
        let store = try Store.open(path: path, access: .readWrite)
        let coverage = try store.coverage()
        let archive = try #require(coverage.first { $0.person == "ceo" && $0.source == .archive })
        #expect(archive.records == 2 && archive.first.seconds == 1_764_000_000 && archive.last.seconds == 1_764_100_000)
        #expect(archive.lastFile?.seconds == 1001)
        let analytics = try #require(coverage.first { $0.person == "ceo" && $0.source == .analytics })
        #expect(analytics.first.day == Day(number: 20400) && analytics.last.day == Day(number: 20430))
        // An archive speaks for its owner only: Paul is the target of Claire's reaction, not a source's subject.
        #expect(!coverage.contains { $0.person == "cfo" })
    }
}

/// A database written before interactions knew their source: those of LinkedIn archives become `linkedin`, the
/// others `events`, when a writer first opens it (migration v4).
@Test func anOlderDatabasesInteractionsGetTheirSource() throws {
    let (scratch, path) = try olderDatabase(upTo: "v3-creator-analytics") { db in
        try db.execute(sql: "INSERT INTO departments(id, name) VALUES (1, 'Direction')")
        try db.execute(sql: "INSERT INTO people(id, key, name, department, role) VALUES (1, 'ceo', 'Claire Martin', 1, 'leader'), (2, 'cfo', 'Paul Durand', 1, 'leader')")
        try db.execute(sql: "INSERT INTO imports(id, file, sha256, format, started_at) VALUES (1, 'a.zip', '', 'linkedin-archive', 1000), (2, 'e.jsonl', '', 'jsonl', 1000)")
        try db.execute(sql: "INSERT INTO interactions(kind, actor, target, at, source) VALUES (3, 1, 2, 1764000000, 1), (3, 2, 1, 1764000100, 2), (3, 2, 1, 1764000200, 2)")
    }
    defer { scratch.remove() }
    let store = try Store.open(path: path, access: .readWrite)
    #expect(try store.interactionsBySource() == [.linkedin: 1, .events: 2])
}

/// A database as an older codir left it, in a scratch folder: migrated up to `migration`, then filled by `fill`.
func olderDatabase(upTo migration: String, _ fill: (Database) throws -> Void) throws -> (scratch: ScratchFolder, path: String) {
    let scratch = try ScratchFolder("older")
    let path = scratch.path("old.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: migration)
    try queue.write { db in
        try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        try fill(db)
    }
    return (scratch, path)
}
