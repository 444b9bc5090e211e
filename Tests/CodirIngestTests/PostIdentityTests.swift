import CodirMetrics
import CodirModel
@testable import CodirStore
import Foundation
import GRDB
import Testing

@testable import CodirIngest

/// A leader's member archive names her posts `urn:li:share:…`; her creator analytics name the same posts
/// `urn:li:activity:…`. Each post must be counted once, in either import order.
///
/// The activity ids are real: taken from public LinkedIn post links, they decode to the moments those posts were
/// published (2023-08-14 09:56:43, 2023-09-15 14:07:21 and 2023-10-09 21:51:02 UTC), as the TOP POSTS sheet of a
/// real export shows them. The share ids are made here for the same moments, a second earlier, as LinkedIn mints
/// a share just before its activity.
@Suite("One post under several LinkedIn URNs", .serialized)
struct PostIdentityTests {
    static let activities: [UInt64] = [7_096_791_741_525_090_304, 7_108_451_226_622_509_057, 7_117_265_228_068_716_545]
    static let published = ["2023-08-14T09:56:42Z", "2023-09-15T14:07:20Z", "2023-10-09T21:51:01Z"]
    static let shares = published.enumerated().map { linkedInID($0.element, low: UInt64(300 + $0.offset)) }
    static let asOf = Timestamp(iso8601: "2023-11-01T00:00:00Z")!

    let root: URL
    let archive: String
    let workbook: URL
    let store: Store

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codir-post-identity-\(UUID().uuidString)")
        let archive = root.appendingPathComponent("Basic_LinkedInDataExport_11-01-2023").path
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: archive).appendingPathComponent(name))
        }
        try write("Profile.csv", "First Name,Last Name\nClaire,Martin\n")
        var shares = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        for (index, id) in Self.shares.enumerated() {
            let date = Self.published[index].replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            shares += "\(date),https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A\(id),Post \(index),,,PUBLIC\n"
        }
        try write("Shares.csv", shares)

        // Her creator analytics, August to October 2023: TOP POSTS lists the three posts by activity URN.
        let workbook = root.appendingPathComponent("Content_2023-08-01_2023-10-31_ClaireMartin.xlsx")
        var top: [[XLSXValue?]] = [
            [.text("Post URL"), .text("Post publish date"), .text("Engagements"), nil, .text("Post URL"), .text("Post publish date"), .text("Impressions")]
        ]
        for (index, id) in Self.activities.enumerated() {
            let url = XLSXValue.text("https://www.linkedin.com/feed/update/urn:li:activity:\(id)")
            let day = Timestamp(iso8601: Self.published[index])!.day.components
            let date = XLSXValue.text("\(day.month)/\(day.day)/\(day.year)")
            top.append([url, date, .number(Double(10 * (index + 1))), nil, url, date, .number(Double(1000 * (index + 1)))])
        }
        try makeXLSX(
            at: workbook,
            sheets: [
                ("DISCOVERY", [[.text("Overall Performance"), .text("8/1/2023 - 10/31/2023")]]),
                ("ENGAGEMENT", [[.text("Date"), .text("Impressions"), .text("Engagements")], [.text("8/14/2023"), .number(900), .number(9)]]),
                ("TOP POSTS", top),
                ("FOLLOWERS", [[.text("Date"), .text("New followers")], [.text("8/14/2023"), .number(3)]]),
            ])

        let store = try Store.inMemory()
        _ = try Importer(store: store).importBytes(
            Array("id,name,department,role\nceo,Claire Martin,Direction,leader\ncfo,Paul Durand,Finance,leader\n".utf8),
            file: "people.csv")
        (self.root, self.archive, self.workbook, self.store) = (root, archive, workbook, store)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Claire's reach over the export's three months.
    func reach() throws -> ReachRow {
        let report = MetricsEngine.report(
            for: try store.dataset(for: TimeWindow(length: .days(92), asOf: Self.asOf)), length: .days(92), asOf: Self.asOf)
        return try #require(report.reach.first { report.people[$0.person].id == "ceo" })
    }

    func postRows() throws -> [(key: String, at: Int64)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT key, at FROM posts ORDER BY at").map { ($0[0], $0[1]) }
        }
    }

    @Test func theRealActivityIdsDecodeToTheirPublishMoments() {
        for (index, id) in Self.activities.enumerated() {
            let minted = LinkedInReference.minted(id).seconds
            let share = Timestamp(iso8601: Self.published[index])!.seconds
            #expect(minted - share >= 0 && minted - share <= 2, "activity \(id) was minted \(minted - share) s after its share")
        }
    }

    @Test func archiveThenAnalyticsGiveEachPostOnce() throws {
        defer { remove() }
        let importer = Importer(store: store)
        let first = try importer.importArchive(at: archive, person: nil)
        #expect(first.posts == 3)
        let second = try importer.importAnalytics(at: workbook.path, person: nil)
        #expect(second.postStats == 3)
        #expect(second.postsKnownFromArchive == 3)
        #expect(second.summary.contains("3 of them already known from the archive"), "\(second.summary)")

        let posts = try postRows()
        #expect(posts.map(\.key) == Self.shares.map { "urn:li:share:\($0)" })
        let reach = try reach()
        #expect(reach.posts == 3)
        // The counters of the analytics landed on the archive's posts: every post has its impressions.
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT post) FROM post_stats") } == 3)
    }

    @Test func analyticsThenArchiveGiveEachPostOnceAtTheArchivesTime() throws {
        defer { remove() }
        let importer = Importer(store: store)
        let first = try importer.importAnalytics(at: workbook.path, person: nil)
        #expect(first.postStats == 3)
        let posts = try postRows()
        // The sheet gives days; the activity ids give the moments.
        #expect(posts.map(\.at) == Self.activities.map { LinkedInReference.minted($0).seconds })

        let second = try importer.importArchive(at: archive, person: nil)
        #expect(second.postsKnownFromAnalytics == 3)
        #expect(second.summary.contains("3 already known from creator analytics"), "\(second.summary)")
        let merged = try postRows()
        #expect(merged.count == 3)
        #expect(merged.map(\.at) == Self.published.map { Timestamp(iso8601: $0)!.seconds })
        #expect(try reach().posts == 3)

        // Next week's files add nothing, whichever URN they use.
        #expect(try importer.importArchive(at: archive, person: nil).postDuplicates == 3)
        #expect(try importer.importAnalytics(at: workbook.path, person: nil).postsKnownFromArchive == 0)
        #expect(try postRows().count == 3)
    }

    @Test func aColleaguesReactionByActivityIdFindsThePostWhicheverCameFirst() throws {
        defer { remove() }
        let importer = Importer(store: store)
        _ = try importer.importAnalytics(at: workbook.path, person: nil)
        // Paul's archive: he commented on Claire's second post, as LinkedIn links it, by its activity.
        let paul = root.appendingPathComponent("Paul").path
        try FileManager.default.createDirectory(atPath: paul, withIntermediateDirectories: true)
        try Data("First Name,Last Name\nPaul,Durand\n".utf8).write(to: URL(fileURLWithPath: paul + "/Profile.csv"))
        try Data(
            "Date,Link,Message\n2023-09-16 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:\(Self.activities[1]),Bravo\n".utf8
        ).write(to: URL(fileURLWithPath: paul + "/Comments.csv"))
        let comments = try importer.importArchive(at: paul, person: "cfo").comments
        #expect(comments.matched == 1 && comments.matchedByTime == 0)
        _ = try importer.importArchive(at: archive, person: nil)
        #expect(try postRows().count == 3)
        // The comment is on the one post, which the archive's share URN now names too.
        let onPost = try store.read { db in
            try String.fetchOne(db, sql: "SELECT a.key FROM interactions i JOIN post_aliases a ON a.post = i.post WHERE a.key LIKE 'urn:li:share:%'")
        }
        #expect(onPost == "urn:li:share:\(Self.shares[1])")
    }

    /// Ids whose minting moment is far from the post's time say nothing about which post it is: two posts of
    /// one author on different days stay two, whatever their links.
    @Test func idsThatDoNotMatchTheirPostsTimeMergeNothing() throws {
        defer { remove() }
        let id = 7_200_000_000_000_000_000 as UInt64
        let lines = [
            #"{"type":"post","id":"p1","author":"ceo","at":"2026-11-02T09:00:00Z","url":"https://www.linkedin.com/feed/update/urn:li:share:\#(id + 1)"}"#,
            #"{"type":"post","id":"p2","author":"ceo","at":"2026-11-05T09:00:00Z","url":"https://www.linkedin.com/feed/update/urn:li:share:\#(id + 2)"}"#,
        ]
        let result = try Importer(store: store).importBytes(Array(lines.joined(separator: "\n").utf8), file: "posts.jsonl")
        #expect(result.counts.imported == 2)
        #expect(try postRows().count == 2)
    }

    /// A database written before posts were merged holds each post twice: opening it merges them, interactions
    /// and counters included.
    @Test func aDatabaseThatHoldsDuplicatesIsMergedWhenOpened() throws {
        defer { remove() }
        let (scratch, path) = try olderDatabase(upTo: "v4-emails") { db in
            try db.execute(sql: "INSERT INTO departments(id, name) VALUES (1, 'Direction')")
            try db.execute(sql: "INSERT INTO people(id, key, name, department, role) VALUES (1, 'ceo', 'Claire Martin', 1, 'leader'), (2, 'cfo', 'Paul Durand', 1, 'leader')")
            for (index, share) in Self.shares.enumerated() {
                let activity = Self.activities[index]
                let at = Timestamp(iso8601: Self.published[index])!.seconds
                // The archive's post, with a reaction; analytics' post, with its counters.
                try db.execute(
                    sql: "INSERT INTO posts(key, author, at, network, url, linkedin_id) VALUES (?, 1, ?, 'linkedin', ?, ?)",
                    arguments: ["urn:li:share:\(share)", at, "https://www.linkedin.com/feed/update/urn:li:share:\(share)", Int64(share)])
                let sharePost = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO posts(key, author, at, network, url) VALUES (?, 1, ?, 'linkedin', ?)",
                    arguments: ["urn:li:activity:\(activity)", at + 43_200, "https://www.linkedin.com/feed/update/urn:li:activity:\(activity)"])
                let activityPost = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO interactions(event_id, kind, actor, target, post, at) VALUES (?, 1, 2, 1, ?, ?)",
                    arguments: ["r\(index)", sharePost, at + 60])
                try db.execute(
                    sql: "INSERT INTO post_stats(post, at, impressions, engagements) VALUES (?, ?, ?, 5)",
                    arguments: [activityPost, Self.asOf.seconds - 1, 1000 * (index + 1)])
            }
            // Another author's post minted at the same moment is another post.
            try db.execute(
                sql: "INSERT INTO posts(key, author, at, network) VALUES (?, 2, 0, 'linkedin')",
                arguments: ["urn:li:activity:\(Self.activities[0])5"])
        }
        defer { scratch.remove() }
        let opened = try Store.open(path: path, access: .readWrite)
        let posts = try opened.read { db in try Row.fetchAll(db, sql: "SELECT key, at FROM posts WHERE author = 1 ORDER BY at") }
        #expect(posts.count == 3)
        #expect(posts.map { $0[0] as String } == Self.shares.map { "urn:li:share:\($0)" })
        let perPost = try opened.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM interactions i WHERE i.post = p.id),
                        (SELECT impressions FROM post_stats s WHERE s.post = p.id) FROM posts p WHERE author = 1 ORDER BY at
                    """)
        }
        #expect(perPost.map { $0[0] as Int } == [1, 1, 1])
        #expect(perPost.map { $0[1] as Int } == [1000, 2000, 3000])
        // The activity URNs still find their posts.
        let importer = Importer(store: opened)
        let again = try importer.importAnalytics(at: workbook.path, person: "ceo")
        #expect(again.postsKnownFromArchive == 0 && again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(try opened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM posts WHERE author = 1") } == 3)
        #expect(try opened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM posts WHERE author = 2") } == 1)
    }
}
