import CodirModel
import Foundation
import Testing

@testable import CodirMetrics

/// Every figure of the influence report on a small organisation computed by hand (docs/metrics.md).
@Suite("Influence: exemplarity, editorial line, press, market value")
struct InfluenceTests {
    static let asOf = Timestamp(iso8601: "2026-11-30T12:00:00Z")!
    static func at(days: Double) -> Int64 { asOf.seconds - Int64(days * 86_400) }

    static let people = [
        Person(id: "l1", name: "Léa Un", department: "A", role: .leader),
        Person(id: "l2", name: "Luc Deux", department: "B", role: .leader),
        Person(id: "e1", name: "E Un", department: "A", role: .employee),
        Person(id: "e2", name: "E Deux", department: "A", role: .employee),
        Person(id: "e3", name: "E Trois", department: "A", role: .employee),
        Person(id: "e4", name: "E Quatre", department: "A", role: .employee),
        Person(id: "f1", name: "F Un", department: "B", role: .employee),
    ]

    static func dataset() -> Dataset {
        func post(_ id: String, _ author: Int32, _ days: Double, _ tags: [String]) -> PostRecord {
            PostRecord(id: id, author: author, at: at(days: days), hashtags: tags)
        }
        var dataset = Dataset(
            people: people,
            posts: [
                post("w8", 0, 24.5, ["ia"]), post("w9a", 0, 17.5, ["ia", "transformation"]),
                post("w9b", 0, 17.2, ["transformation"]), post("w10", 0, 10.5, []), post("w11a", 0, 3.5, ["ia"]),
                post("w11b", 0, 3.2, ["data"]), post("w11c", 0, 3.1, ["ia", "data"]), post("l2", 1, 5, ["ia"]),
            ],
            interactions: [
                InteractionRecord(actor: 2, target: 3, kind: .message, at: at(days: 1)),
                InteractionRecord(actor: 3, target: 0, kind: .reaction, at: at(days: 2)),
                InteractionRecord(actor: 4, target: 4, kind: .message, at: at(days: 1)),
                InteractionRecord(actor: 6, target: 2, kind: .message, at: at(days: 40)),
            ],
            daily: [DailyRecord(person: 0, day: asOf.day.advanced(by: -1), impressions: 10_000, engagements: 300, newFollowers: nil)],
            followers: [FollowerRecord(person: 0, at: at(days: 31), count: 1000), FollowerRecord(person: 0, at: at(days: 1), count: 1100)])
        dataset.press = [
            PressRecord(at: at(days: 35), outlet: "Le Monde", title: "Avant", url: nil, audience: 5, people: [1]),
            PressRecord(at: at(days: 4), outlet: "Les Echos", title: "Les deux", url: "https://e.example/2", audience: nil, people: [0, 1]),
            PressRecord(at: at(days: 3), outlet: "Le Figaro", title: "Léa Un parle", url: "https://f.example/1", audience: 1000, people: [0]),
            PressRecord(at: at(days: 2), outlet: "Ouest-France", title: "Un employé", url: nil, audience: 9, people: [2]),
        ]
        return dataset
    }

    static func report() -> InfluenceReport {
        var dataset = dataset()
        // Active in the previous window: person 2 (three interactions) and person 6 (one).
        dataset.previousActivity = [0, 0, 3, 0, 0, 0, 1]
        let window = TimeWindow(length: .days(30), asOf: asOf)
        let reach = MetricsEngine.reachRows(for: [0, 1], in: dataset, window: window)
        return MetricsEngine.influence(in: dataset, window: window, reach: reach)
    }

    @Test func teamActivationIsTheDepartmentsActiveEmployeesNowAndBefore() {
        let a = Self.report().exemplarity[0], b = Self.report().exemplarity[1]
        // A: e1 and e2 interacted in the window (e3 only with themself), e1 in the previous one; four employees.
        #expect(a.employees == 4 && a.active == 2 && a.previousActive == 1)
        #expect(a.share == 0.5 && a.previousShare == 0.25 && a.change == 0.25)
        #expect(b.employees == 1 && b.active == 0 && b.previousActive == 1 && b.change == -1)
        let unknown = MetricsEngine.influence(
            in: Self.dataset(), window: TimeWindow(length: .days(30), asOf: Self.asOf), reach: [])
        #expect(unknown.exemplarity[0].previousShare == nil && unknown.exemplarity[0].change == nil)
    }

    @Test func followTheLeaderCorrelatesPostsAndTheTeamsWeeklyActivity() throws {
        let a = Self.report().exemplarity[0]
        #expect(a.weeklyPosts == [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 3])
        #expect(a.weeklyActiveShare[11] == 0.5 && a.weeklyActiveShare[10] == 0)
        // Weeks with data: 6 (f1's message, 40 days ago) and 8–11. Posts 0, 1, 2, 1, 3 against shares 0, 0, 0, 0,
        // 0.5: Σdxdy = 0.8, Σdx² = 5.2, Σdy² = 0.2.
        let r = try #require(a.correlation)
        #expect(abs(r - 0.8 / (5.2 * 0.2).squareRoot()) < 1e-12)
        // B: posts 0, 0, 0, 0, 1 against shares 1, 0, 0, 0, 0.
        #expect(Self.report().exemplarity[1].correlation.map { abs($0 - -0.25) < 1e-12 } == true)
        // Fewer than four weeks with data: none.
        var short = Self.dataset()
        short.posts = []
        short.interactions.removeLast()
        let window = TimeWindow(length: .days(30), asOf: Self.asOf)
        #expect(MetricsEngine.influence(in: short, window: window, reach: []).exemplarity[0].correlation == nil)
        #expect(MetricsEngine.pearson([(1, 2), (2, 4), (3, 6)]).map { abs($0 - 1) < 1e-12 } == true)
        #expect(MetricsEngine.pearson([(1, 2), (1, 4), (1, 6)]) == nil)
    }

    @Test func theEditorialLineCountsLeadersPostsByHashtag() {
        let report = Self.report()
        #expect(
            report.hashtags == [
                HashtagUse(hashtag: "ia", posts: 5, leaders: 2), HashtagUse(hashtag: "data", posts: 2, leaders: 1),
                HashtagUse(hashtag: "transformation", posts: 2, leaders: 1),
            ])
        #expect(report.editorial[0].topHashtags == ["ia", "data", "transformation"])
        #expect(report.editorial[0].regularity == 4.0 / 12 && report.editorial[1].regularity == 1.0 / 12)
    }

    @Test func pressMentionsAudiencesAndShareOfVoice() {
        let report = Self.report()
        #expect(report.mentions == 2 && report.previousMentions == 1)
        #expect(report.press[0] == LeaderPress(person: 0, mentions: 2, audience: 1000, previousMentions: 0, shareOfVoice: 2.0 / 3))
        #expect(report.press[1] == LeaderPress(person: 1, mentions: 1, audience: nil, previousMentions: 1, shareOfVoice: 1.0 / 3))
        #expect(report.headlines.map(\.outlet) == ["Le Figaro", "Les Echos"])
        #expect(report.headlines[1].people == [0, 1])
    }

    @Test func earnedMediaValueAndFollowerGrowthRate() {
        let report = Self.report()
        // 10,000 impressions × 30 / 1000 + 300 engagements × 1.
        #expect(report.value[0].emv == 600)
        #expect(report.value[1].emv == nil)
        #expect(report.committeeValue == 600)
        // 1,000 → 1,100 followers over the window.
        #expect(report.value[0].followerGrowthRate.map { abs($0 - 0.1) < 1e-12 } == true)
        #expect(report.value[0].growthRank.map { ($0.place, $0.of) } ?? (0, 0) == (1, 1))
        let dataset = Self.dataset()
        let window = TimeWindow(length: .days(30), asOf: Self.asOf)
        let custom = MetricsEngine.influence(
            in: dataset, window: window, reach: MetricsEngine.reachRows(for: [0, 1], in: dataset, window: window),
            rates: ValueRates(cpm: 50, cpe: 2, currency: "USD"))
        #expect(custom.value[0].emv == 1100)
        #expect(custom.rates.currency == "USD")
    }
}
