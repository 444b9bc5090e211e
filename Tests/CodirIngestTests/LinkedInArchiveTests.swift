import CodirModel
import Testing

@testable import CodirIngest

/// A LinkedIn id minted at `time` (its high 41 bits are Unix milliseconds), with some low bits.
func linkedInID(_ time: String, low: UInt64 = 12345) -> UInt64 {
    let seconds = UInt64(Timestamp(iso8601: time)!.seconds)
    return (seconds * 1000) << 22 | low
}

@Suite("LinkedIn references")
struct LinkedInReferenceTests {
    @Test func readsURNsFromLinksPercentEncodedOrNot() throws {
        let share = try #require(
            LinkedInReference(link: "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7345678901234567890"))
        #expect(share.kind == .share && share.id == 7_345_678_901_234_567_890 && !share.isComment)
        let ugc = try #require(LinkedInReference(link: "https://www.linkedin.com/feed/update/urn:li:ugcPost:7345678901234567891/"))
        #expect(ugc.kind == .ugcPost)
        let onComment = try #require(
            LinkedInReference(
                link:
                    "https://www.linkedin.com/feed/update/urn:li:activity:7345678901234567892?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7345678901234567892%2C7345678901234599999%29"
            ))
        #expect(onComment.kind == .activity && onComment.id == 7_345_678_901_234_567_892 && onComment.isComment)
        #expect(LinkedInReference(link: "https://example.com/no/urn") == nil)
    }

    @Test func idsCarryTheirMintingTime() {
        let id = linkedInID("2025-07-01T14:33:22Z")
        #expect(LinkedInReference.minted(id) == Timestamp(iso8601: "2025-07-01T14:33:22Z"))
        // A real-looking id from mid-2025 decodes to mid-2025.
        #expect(LinkedInReference.minted(7_345_678_901_234_567_890).day.components.year == 2025)
    }

    @Test func activitiesMatchPostsExactlyThenByTime() throws {
        let post = linkedInID("2026-11-02T09:00:00Z", low: 1)
        let other = linkedInID("2026-11-02T09:05:00Z", low: 2)
        let matcher = LinkedInPostMatcher(postIDs: [post, other])
        let exact = try #require(LinkedInReference(link: "urn:li:share:\(post)"))
        #expect(matcher.match(exact) == .exact(postID: post))
        let activity = try #require(LinkedInReference(link: "urn:li:activity:\(linkedInID("2026-11-02T09:00:03Z", low: 9))"))
        #expect(matcher.match(activity) == .byTime(postID: post))
        let far = try #require(LinkedInReference(link: "urn:li:activity:\(linkedInID("2026-11-02T09:02:30Z"))"))
        #expect(matcher.match(far) == .unmatched)
    }
}

@Suite("LinkedIn archive files")
struct LinkedInArchiveTests {
    @Test func recognisesFilesWithOrWithoutANumericSuffix() {
        #expect(LinkedInArchive.File(fileName: "Shares.csv") == .shares)
        #expect(LinkedInArchive.File(fileName: "Shares_17529409.csv") == .shares)
        #expect(LinkedInArchive.File(fileName: "Reactions.csv") == .reactions)
        #expect(LinkedInArchive.File(fileName: "Ad_Targeting.csv") == nil)
        #expect(LinkedInArchive.File(fileName: "Shares_.csv") == nil)
    }

    @Test func sharesWithMultiLineCommentaryWrappedInDoubledQuotes() throws {
        let id = linkedInID("2025-07-01T14:33:22Z")
        let text = """
            Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility
            2025-07-01 14:33:22,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A\(id),\"\"\"Premier paragraphe\"\"
            \"\"\"\"
            \"\"Deuxième, avec une virgule\"\"\",,,MEMBER_NETWORK
            2025-07-02 08:00:00,https://www.linkedin.com/feed/update/urn:li:ugcPost:\(id + 1),Une seule ligne,,,PUBLIC
            yesterday,https://www.linkedin.com/feed/update/urn:li:share:1,x,,,PUBLIC

            """
        let shares = try LinkedInArchive.shares(Array(text.utf8)).get()
        #expect(shares.rows.count == 2)
        #expect(shares.rows[0].commentary == "Premier paragraphe\n\nDeuxième, avec une virgule")
        #expect(shares.rows[0].reference.kind == .share)
        #expect(shares.rows[0].date == Timestamp(iso8601: "2025-07-01T14:33:22Z"))
        #expect(shares.rows[1].commentary == "Une seule ligne")
        #expect(shares.problems.map(\.line) == [6])
    }

    @Test func commentsWithBackslashEscapedQuotesAndEmptyDates() throws {
        let text = """
            Date,Link,Message
            2025-07-03 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7345678901234567892,"Bravo \\"l'équipe\\" !
            Deuxième ligne, avec \\"citation\\""
            ,https://www.linkedin.com/feed/update/urn:li:activity:7345678901234567893,"Sans date"

            """
        let comments = try LinkedInArchive.comments(Array(text.utf8)).get()
        #expect(comments.problems.isEmpty)
        #expect(comments.rows.count == 2)
        #expect(comments.rows[0].message == "Bravo \"l'équipe\" !\nDeuxième ligne, avec \"citation\"")
        #expect(comments.rows[1].date == nil)
        #expect(comments.rows[1].line == 4)
    }

    @Test func reactionsToCommentsAreFlagged() throws {
        let text = """
            Date,Type,Link
            2025-07-04 09:00:00,PRAISE,https://www.linkedin.com/feed/update/urn:li:activity:7345678901234567892
            2025-07-04 09:01:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:7345678901234567892?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7345678901234567892%2C1%29

            """
        let reactions = try LinkedInArchive.reactions(Array(text.utf8)).get()
        #expect(reactions.rows.map(\.type) == ["PRAISE", "LIKE"])
        #expect(reactions.rows.map(\.reference.isComment) == [false, true])
    }

    @Test func connectionsSkipTheirNotes() throws {
        let text = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Claire,Martin,https://www.linkedin.com/in/claire-martin-example,,Exemple SA,CEO,16 Jun 2026

            """
        let connections = try LinkedInArchive.connections(Array(text.utf8)).get()
        #expect(connections.rows.count == 1)
        #expect(connections.rows[0].url == "https://www.linkedin.com/in/claire-martin-example")
        #expect(connections.rows[0].connectedOn == Day(iso8601: "2026-06-16"))
    }

    @Test func renamedColumnsAndUTF16AreRefusedClearly() {
        let renamed = LinkedInArchive.reactions(Array("Date,Kind,Link\n".utf8))
        #expect(throws: LinkedInArchive.FileError.self) { try renamed.get() }
        if case .failure(let error) = renamed { #expect(error.reason.contains("'Type' missing")) }
        let utf16 = LinkedInArchive.shares([0xFF, 0xFE] + Array("D\0a\0t\0e\0".utf8))
        if case .failure(let error) = utf16 { #expect(error.reason.contains("UTF-16")) } else { Issue.record("UTF-16 accepted") }
    }
}
