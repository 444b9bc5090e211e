import CodirMetrics
import CodirModel
import CodirStore
import Foundation
import Testing
import ZIPFoundation

@testable import CodirIngest

/// Two leaders' archives, built here: each engages with the other's post; Claire's archive comes first, so her
/// reaction waits for Paul's post, which his archive brings.
struct ArchiveFixture {
    let root: URL
    let claire: String
    let paul: String
    static let claireShare = linkedInID("2026-11-02T09:00:00Z", low: 101)
    static let paulShare = linkedInID("2026-11-03T10:00:00Z", low: 202)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("codir-archives-\(UUID().uuidString)")
        claire = root.appendingPathComponent("Complete_LinkedInDataExport_11-09-2026").path
        paul = root.appendingPathComponent("Basic_LinkedInDataExport_11-09-2026").path
        func write(_ folder: String, _ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        // Claire: one post, a reaction to Paul's post (by its activity id, minted 3 s after his share id).
        try write(claire, "Profile.csv", "First Name,Last Name,Headline\nClaire,Martin,CEO\n")
        try write(
            claire, "Shares_17529409.csv",
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-02 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A\(Self.claireShare),\"\"\"Bonjour\"\"\n\"\"à tous\"\"\",,,PUBLIC\n")
        try write(
            claire, "Reactions.csv",
            "Date,Type,Link\n2026-11-03 11:00:00,PRAISE,https://www.linkedin.com/feed/update/urn:li:activity:\(linkedInID("2026-11-03T10:00:03Z", low: 7))\n")
        try write(claire, "Ad_Targeting.csv", "Member Age\n25 to 34\n")
        try write(
            claire, "Connections.csv",
            """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Paul,Durand,https://www.linkedin.com/in/paul-durand-example,,Exemple SA,CFO,16 Jun 2026
            Zoé,Inconnue,https://www.linkedin.com/in/zoe-inconnue,,Ailleurs,CTO,2 Jan 2025

            """)
        // Paul: his post, a reaction to Claire's by time, a comment on it by URN with no date, a reaction to a comment.
        try write(paul, "Profile.csv", "First Name,Last Name\nPaul,Durand\n")
        try write(
            paul, "Shares.csv",
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-03 10:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:\(Self.paulShare)/,Hello,,,PUBLIC\n")
        try write(
            paul, "Reactions.csv",
            """
            Date,Type,Link
            2026-11-02 12:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:\(linkedInID("2026-11-02T09:00:02Z", low: 9))
            2026-11-02 12:05:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:\(linkedInID("2026-11-02T09:00:02Z", low: 9))?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A1%2C2%29

            """)
        try write(
            paul, "Comments.csv",
            "Date,Link,Message\n,https://www.linkedin.com/feed/update/urn:li:share:\(Self.claireShare),\"Bravo \\\"Claire\\\"\"\n")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Importing LinkedIn data archives", .serialized)
struct LinkedInArchiveImportTests {
    func storeWithLeaders() throws -> Store {
        let store = try Store.inMemory()
        _ = try Importer(store: store).importBytes(
            Array("id,name,department,role,login,linkedin\nceo,Claire Martin,Direction,leader,,\ncfo,Paul Durand,Finance,leader,,https://www.linkedin.com/in/Paul-Durand-Example/\n".utf8),
            file: "people.csv")
        return store
    }

    @Test func engagementWaitsForItsPostThenMatches() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let store = try storeWithLeaders()
        let importer = Importer(store: store)

        let first = try importer.importArchive(at: fixture.claire, person: nil)
        #expect(first.person == "ceo")
        #expect(first.posts == 1)
        #expect(first.reactions.waiting == 1)
        #expect(first.filesUsed == ["Shares_17529409.csv", "Reactions.csv", "Connections.csv", "Profile.csv"])
        #expect(first.connections == 2)
        #expect(first.connectionsInDirectoryByURL == 1)  // Paul, by the URL the directory has for him
        #expect(first.filesIgnored == 1)
        #expect(try store.counts().interactions == 0)

        let second = try importer.importArchive(at: fixture.paul, person: nil)
        #expect(second.person == "cfo")
        #expect(second.reactions.matchedByTime == 1)
        #expect(second.comments.matched == 1)
        #expect(second.reactionsToComments == 1)
        #expect(second.resolvedFromEarlier == 1)
        #expect(second.diagnostics.isEmpty)
        #expect(try store.counts().interactions == 3)

        // What the dashboard shows, worked out by hand: Claire reacted to Paul's post; Paul reacted to and
        // commented on Claire's.
        let asOf = Timestamp(iso8601: "2026-11-09T00:00:00Z")!
        let report = MetricsEngine.report(
            for: try store.dataset(for: TimeWindow(length: .days(30), asOf: asOf)), length: .days(30), asOf: asOf)
        func engagement(_ id: String) -> EngagementRow? {
            report.engagement.first { report.people[$0.person].id == id }
        }
        #expect(engagement("ceo")?.givenToLeaders == 1)
        #expect(engagement("ceo")?.receivedFromLeaders == 2)
        #expect(engagement("cfo")?.givenToLeaders == 2)
        #expect(engagement("cfo")?.receivedFromLeaders == 1)
        #expect(engagement("ceo")?.coverage == 1)
        #expect(report.committee.reciprocity == 1)
        #expect(report.reach.map(\.posts) == [1, 1])

        // Next week's overlapping archives add nothing.
        let again = try importer.importArchive(at: fixture.claire, person: nil)
        #expect(again.postDuplicates == 1 && again.posts == 0)
        #expect(again.reactions.duplicates == 1 && again.reactions.waiting == 0)
        _ = try importer.importArchive(at: fixture.paul, person: nil)
        #expect(try store.counts().interactions == 3)
        // Each interaction knows it came from LinkedIn; canonical events are `events`.
        #expect(try store.interactionsBySource() == [.linkedin: 3])
        _ = try importer.importBytes(
            Array(#"{"type":"message","actor":"ceo","target":"cfo","at":"2026-11-05T10:00:00Z"}"#.utf8), file: "m.jsonl")
        #expect(try store.interactionsBySource() == [.linkedin: 3, .events: 1])
    }

    @Test func theDownloadedZipImportsLikeTheFolder() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        // A zip made here, with the archive's files under a folder as LinkedIn's are.
        let zip = fixture.root.appendingPathComponent("Complete_LinkedInDataExport_11-09-2026.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.paul) {
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.paul).appendingPathComponent(name))
            try archive.addEntry(
                with: "Basic_LinkedInDataExport_11-09-2026/\(name)", type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let store = try storeWithLeaders()
        _ = try Importer(store: store).importArchive(at: fixture.claire, person: nil)
        let fromZip = try Importer(store: store).importArchive(at: zip.path, person: nil)
        #expect(fromZip.person == "cfo")
        #expect(fromZip.reactions.matchedByTime == 1 && fromZip.comments.matched == 1 && fromZip.resolvedFromEarlier == 1)
        #expect(try store.counts().interactions == 3)

        let corrupt = fixture.root.appendingPathComponent("broken.zip")
        try Data("PK\u{03}\u{04}not really a zip".utf8).write(to: corrupt)
        #expect(throws: ImportFailure.self) { try Importer(store: store).importArchive(at: corrupt.path, person: "cfo") }
        #expect(try store.counts().interactions == 3)
    }

    @Test func theOwnerMustBeInTheDirectory() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let store = try Store.inMemory()
        #expect(throws: ImportFailure.self) { try Importer(store: store).importArchive(at: fixture.claire, person: nil) }
        #expect(throws: ImportFailure.self) { try Importer(store: store).importArchive(at: fixture.claire, person: "nobody") }
        #expect(throws: ImportFailure.self) {
            try Importer(store: store).importArchive(at: fixture.root.path, person: nil)  // not an archive
        }
    }
}
