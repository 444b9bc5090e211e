import CodirMetrics
import CodirModel
import Foundation
import TerminalUI
import Testing

@testable import CodirReport

/// The INFLUENCE section of every report format, computed by hand on a small committee, and what each visibility
/// leaves of it.
@Suite("Influence in reports")
struct InfluenceReportTests {
    /// Alice (X) and Bruno (Y) lead; Y has five employees, two of them active now and one before; X has one.
    func document(_ disclosure: Disclosure = .everything) -> ReportDocument {
        var people = [
            Person(id: "a", name: "Alice Leader", department: "X", role: .leader, login: "alice"),
            Person(id: "b", name: "Bruno Leader", department: "Y", role: .leader, login: "bruno"),
        ]
        people += (2...6).map { Person(id: "e\($0)", name: "Employee \($0)", department: "Y", role: .employee) }
        people.append(Person(id: "e7", name: "Employee 7", department: "X", role: .employee))
        let at = Timestamp(iso8601: "2026-11-20T10:00:00Z")!.seconds
        var dataset = Dataset(
            people: people,
            posts: [
                PostRecord(id: "p", author: 0, at: at, hashtags: ["ia", "rse"]),
                PostRecord(id: "q", author: 1, at: at, hashtags: ["ia"]),
            ],
            interactions: [
                InteractionRecord(actor: 2, target: 0, kind: .reaction, post: 0, at: at + 60),
                InteractionRecord(actor: 3, target: 1, kind: .comment, post: 1, at: at + 120),
            ],
            postStats: [
                PostStatRecord(post: 0, at: at + 3600, impressions: 1000, engagements: 10),
                PostStatRecord(post: 1, at: at + 3600, impressions: 400, engagements: 4),
            ],
            followers: [
                FollowerRecord(person: 0, at: Timestamp(iso8601: "2026-10-20T00:00:00Z")!.seconds, count: 1000),
                FollowerRecord(person: 0, at: at, count: 1100),
                FollowerRecord(person: 1, at: Timestamp(iso8601: "2026-10-20T00:00:00Z")!.seconds, count: 500),
                FollowerRecord(person: 1, at: at, count: 525),
            ])
        dataset.previousActivity = [0, 0, 4, 0, 0, 0, 0, 0]
        dataset.press = [
            PressRecord(
                at: at + 7200, outlet: "Le Journal", title: "=HYPERLINK(\"x\") \u{1B}[31mAlice Leader et Bruno Leader",
                url: "https://journal.example/a", audience: 1000, people: [0, 1]),
            PressRecord(
                at: at + 3600, outlet: "La [Revue]", title: "Alice Leader *parle*", url: "javascript:alert(1)", audience: nil,
                people: [0]),
            PressRecord(
                at: Timestamp(iso8601: "2026-10-15T10:00:00Z")!.seconds, outlet: "Avant", title: "Alice Leader",
                url: nil, audience: 10, people: [0]),
        ]
        let report = MetricsEngine.report(
            for: dataset, length: .days(30), asOf: Timestamp(iso8601: "2026-11-29T00:00:00Z")!,
            rates: ValueRates(cpm: 20, cpe: 0.5, currency: "USD"))
        return ReportDocument(organisation: "Test", report: report.disclosed(to: disclosure))
    }

    func influence(_ disclosure: Disclosure = .everything) throws -> [String: Any] {
        let json = document(disclosure).rendered(as: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // Appended after the existing keys: the last key of the document.
        let start = try #require(json.range(of: "\n  \"influence\": {"))
        #expect(!json[start.upperBound...].contains("\n  \""))
        return try #require(root["influence"] as? [String: Any])
    }

    @Test func jsonHasTheIssuesKeysWithHandComputedValues() throws {
        let influence = try influence()
        #expect(Set(influence.keys) == ["exemplarity", "editorial", "media", "market_value"])

        let exemplarity = try #require(influence["exemplarity"] as? [[String: Any]])
        let bruno = try #require(exemplarity.first { $0["person"] as? String == "b" })
        for key in ["person", "team_active_share", "team_active_share_previous", "weekly_posts", "weekly_team_active_share", "correlation"] {
            #expect(bruno[key] != nil, "exemplarity.\(key)")
        }
        // Two of Y's five employees interacted in the window, one in the previous one.
        #expect(bruno["team_active_share"] as? Double == 0.4)
        #expect(bruno["team_active_share_previous"] as? Double == 0.2)
        #expect((bruno["weekly_posts"] as? [Int])?.count == 12)
        #expect((bruno["weekly_posts"] as? [Int])?.reduce(0, +) == 1)
        #expect((bruno["weekly_team_active_share"] as? [Any])?.count == 12)
        // One week with a post, all others without: too few weeks with data for a correlation.
        #expect(bruno["correlation"] is NSNull)

        let editorial = try #require(influence["editorial"] as? [String: Any])
        let hashtags = try #require(editorial["hashtags"] as? [[String: Any]])
        #expect(hashtags.first?["hashtag"] as? String == "ia")
        #expect(hashtags.first?["posts"] as? Int == 2)
        #expect(hashtags.first?["leaders"] as? Int == 2)
        let leaders = try #require(editorial["leaders"] as? [[String: Any]])
        let alice = try #require(leaders.first { $0["person"] as? String == "a" })
        #expect(alice["top_hashtags"] as? [String] == ["ia", "rse"])
        #expect(alice["regularity"] as? Double == 1.0 / 12)

        let media = try #require(influence["media"] as? [String: Any])
        #expect(media["mentions"] as? Int == 2)
        let press = try #require(media["leaders"] as? [[String: Any]])
        let alicePress = try #require(press.first { $0["person"] as? String == "a" })
        #expect(alicePress["mentions"] as? Int == 2)
        #expect(alicePress["audience"] as? Int == 1000)
        #expect(alicePress["previous_mentions"] as? Int == 1)
        #expect(alicePress["share_of_voice"] as? Double == 2.0 / 3)
        let headlines = try #require(media["headlines"] as? [[String: Any]])
        #expect(headlines.count == 2)
        #expect(Set(headlines[0].keys) == ["date", "outlet", "title", "url", "people"])
        #expect(headlines[0]["people"] as? [String] == ["a", "b"])
        #expect(headlines[0]["date"] as? String == "2026-11-20T12:00:00Z")

        let value = try #require(influence["market_value"] as? [String: Any])
        #expect(value["currency"] as? String == "USD")
        #expect(value["cpm"] as? Double == 20)
        #expect(value["cpe"] as? Double == 0.5)
        // 1000 × 20 / 1000 + 10 × 0.5 = 25 for Alice, 400 × 20 / 1000 + 4 × 0.5 = 10 for Bruno.
        #expect(value["committee_emv"] as? Double == 35)
        let rows = try #require(value["leaders"] as? [[String: Any]])
        let aliceValue = try #require(rows.first { $0["person"] as? String == "a" })
        #expect(aliceValue["emv"] as? Double == 25)
        #expect(aliceValue["follower_growth_rate"] as? Double == 0.1)
        #expect(aliceValue["follower_growth_rank"] as? Int == 1)
    }

    @Test func underSelfOnlyTheViewersRowsRemainWithoutShareOfVoiceRankOrHeadlines() throws {
        let influence = try influence(Disclosure(visibility: .self, viewerLogin: "bruno"))
        let exemplarity = try #require(influence["exemplarity"] as? [[String: Any]])
        #expect(exemplarity.map { $0["person"] as? String } == ["b"])
        let media = try #require(influence["media"] as? [String: Any])
        #expect(media["mentions"] as? Int == 2)  // the committee's figure stays whole
        let press = try #require(media["leaders"] as? [[String: Any]])
        #expect(press.count == 1)
        #expect(press[0]["mentions"] as? Int == 1)
        #expect(press[0]["share_of_voice"] is NSNull)
        #expect((media["headlines"] as? [Any])?.isEmpty == true)
        let value = try #require(influence["market_value"] as? [String: Any])
        #expect(value["committee_emv"] as? Double == 35)
        let rows = try #require(value["leaders"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["follower_growth_rate"] as? Double == 0.05)
        #expect(rows[0]["follower_growth_rank"] is NSNull)

        // Alice's team has one employee: too small to hide in, so even Alice does not see its activation.
        let alice = try self.influence(Disclosure(visibility: .self, viewerLogin: "alice"))
        #expect((alice["exemplarity"] as? [Any])?.isEmpty == true)
        let text = document(Disclosure(visibility: .self, viewerLogin: "bruno")).rendered(as: .text)
        #expect(!text.contains("Alice Leader"))
        #expect(!text.contains("Latest headlines"))
    }

    @Test func underAggregateNoLeaderIsNamed() throws {
        let influence = try influence(Disclosure(visibility: .aggregate, viewerLogin: "alice"))
        #expect((influence["exemplarity"] as? [Any])?.isEmpty == true)
        let editorial = try #require(influence["editorial"] as? [String: Any])
        #expect((editorial["leaders"] as? [Any])?.isEmpty == true)
        #expect((editorial["hashtags"] as? [Any])?.count == 2)
        let media = try #require(influence["media"] as? [String: Any])
        #expect((media["leaders"] as? [Any])?.isEmpty == true)
        #expect((media["headlines"] as? [Any])?.isEmpty == true)
        for format in ReportFormat.allCases {
            let out = document(Disclosure(visibility: .aggregate, viewerLogin: "alice")).rendered(as: format, table: .influence)
            #expect(!out.contains("Alice Leader") && !out.contains("Bruno Leader"), "\(format)")
        }
        let csv = document(Disclosure(visibility: .aggregate)).rendered(as: .csv, table: .headlines)
        #expect(csv == "date,outlet,title,url,people\r\n")
    }

    @Test func textSectionSaysTheRatesAndFitsEightyColumns() {
        let text = document().rendered(as: .text)
        #expect(text.contains("INFLUENCE"))
        #expect(text.contains("Market value: committee 35 USD earned media value"))
        #expect(text.contains("at 20 USD per\n1,000 impressions and 0.5 USD per engagement"))
        #expect(text.contains("An\nestimate, not revenue."))
        #expect(text.contains("#ia (2 posts, 2 leaders) · #rse (1, 1)"))
        #expect(text.contains("2 press items naming a leader (previous 30d: 1)"))
        #expect(text.contains("+20 pts"))
        #expect(!text.contains("\u{1B}"))
        for line in text.split(separator: "\n") { #expect(TextWidth.columns(of: String(line)) <= 80, "\(line)") }
    }

    @Test func markdownLinksOnlyWebAddressesAndEscapesTitles() {
        let md = document().rendered(as: .md)
        #expect(md.contains("## Influence"))
        #expect(md.contains("[=HYPERLINK(\"x\") ?\\[31mAlice Leader et Bruno Leader](https://journal.example/a)"))
        #expect(md.contains("La \\[Revue\\]: Alice Leader \\*parle\\*"))
        #expect(!md.contains("javascript:"))
        #expect(md.contains("| Alice Leader | 25 USD | +10% | 1 |"))
    }

    @Test func csvTablesHaveOneRowPerLeaderAndGuardFormulas() {
        let csv = document().rendered(as: .csv, table: .influence).components(separatedBy: "\r\n")
        #expect(csv[0].hasPrefix("person,name,department,team_employees,team_active,team_active_share,"))
        #expect(csv[1].hasPrefix("a,Alice Leader,X,1,0,0.000000,"))
        #expect(csv[2].hasPrefix("b,Bruno Leader,Y,5,2,0.400000,0.200000,0.200000,,"))
        #expect(csv[2].contains(",ia,0.083333,1,1000,0,0.333333,10.000000,USD,0.050000,2"))
        let headlines = document().rendered(as: .csv, table: .headlines)
        #expect(headlines.contains("\"'=HYPERLINK(\"\"x\"\") ?[31mAlice Leader et Bruno Leader\""))
        #expect(headlines.contains(",a;b\r\n"))
        #expect(document().rendered(as: .csv, table: .hashtags) == "hashtag,posts,leaders\r\nia,2,2\r\nrse,1,1\r\n")
    }
}
