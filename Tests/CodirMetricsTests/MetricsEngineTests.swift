import CodirModel
import Testing

@testable import CodirMetrics

/// A small organisation whose every figure was worked out by hand (see the comments).
///
/// Departments: X = {A, C, e1}, Y = {B, e2}, Z = {e3}. Window: 7 days to 2026-11-30T00:00Z.
struct SmallOrganisation {
    static let asOf = at("2026-11-30T00:00:00Z")

    static func at(_ text: String) -> Int64 { Timestamp(iso8601: text)!.seconds }
    static func day(_ text: String) -> Day { Day(iso8601: text)! }

    static let people = [
        Person(id: "A", name: "Alice", department: "X", role: .leader),
        Person(id: "B", name: "Bruno", department: "Y", role: .leader),
        Person(id: "C", name: "Chloé", department: "X", role: .leader),
        Person(id: "e1", name: "Emma", department: "X", role: .employee),
        Person(id: "e2", name: "Eric", department: "Y", role: .employee),
        Person(id: "e3", name: "Eva", department: "Z", role: .employee),
    ]
    static let (a, b, c, e1, e2, e3): (Int32, Int32, Int32, Int32, Int32, Int32) = (0, 1, 2, 3, 4, 5)

    static var dataset: Dataset {
        let posts = [
            PostRecord(id: "p0", author: a, at: at("2026-11-24T10:00:00Z")),
            PostRecord(id: "p1", author: b, at: at("2026-11-25T10:00:00Z")),
            PostRecord(id: "p2", author: c, at: at("2026-11-20T10:00:00Z")),  // previous window
            PostRecord(id: "p3", author: e1, at: at("2026-11-24T12:00:00Z")),
            PostRecord(id: "p4", author: a, at: at("2026-11-18T10:00:00Z")),  // previous window
        ]
        let interactions = [
            InteractionRecord(actor: b, target: a, kind: .reaction, post: 0, at: at("2026-11-24T11:00:00Z")),
            InteractionRecord(actor: c, target: a, kind: .comment, post: 0, at: at("2026-11-24T12:00:00Z")),
            InteractionRecord(actor: a, target: b, kind: .reaction, post: 1, at: at("2026-11-25T11:00:00Z")),
            InteractionRecord(actor: a, target: e1, kind: .reaction, post: 3, at: at("2026-11-24T13:00:00Z")),
            InteractionRecord(actor: e1, target: a, kind: .reaction, post: 0, at: at("2026-11-24T10:30:00Z")),
            InteractionRecord(actor: e2, target: a, kind: .reaction, post: 0, at: at("2026-11-26T09:00:00Z")),
            InteractionRecord(actor: e2, target: a, kind: .comment, post: 0, at: at("2026-11-26T09:05:00Z")),
            // Alice engaging with her own post counts nowhere.
            InteractionRecord(actor: a, target: a, kind: .reaction, post: 0, at: at("2026-11-24T10:05:00Z")),
            InteractionRecord(actor: e3, target: e2, kind: .message, at: at("2026-11-27T09:00:00Z")),
            InteractionRecord(actor: e1, target: e3, kind: .mention, at: at("2026-11-27T10:00:00Z")),
            // Before the window.
            InteractionRecord(actor: b, target: c, kind: .reaction, post: 2, at: at("2026-11-21T09:00:00Z")),
        ]
        let stats = [
            // Alice has daily rows, so her post counters are not used.
            PostStatRecord(post: 0, at: at("2026-11-26T00:00:00Z"), impressions: 99_999, engagements: 999),
            PostStatRecord(post: 1, at: at("2026-11-26T08:00:00Z"), impressions: 300, engagements: 10),
            PostStatRecord(post: 1, at: at("2026-11-28T08:00:00Z"), impressions: 700, engagements: 25),
            PostStatRecord(post: 1, at: at("2026-12-01T08:00:00Z"), impressions: 900, engagements: 30),
        ]
        let daily = [
            DailyRecord(person: a, day: day("2026-11-24"), impressions: 1000, engagements: 50, newFollowers: nil),
            DailyRecord(person: a, day: day("2026-11-25"), impressions: 500, engagements: 20, newFollowers: nil),
            DailyRecord(person: a, day: day("2026-11-20"), impressions: 800, engagements: 30, newFollowers: nil),
            // Her data starts on the previous window's first day: it covers that window whole.
            DailyRecord(person: a, day: day("2026-11-16"), impressions: 0, engagements: nil, newFollowers: nil),
            // Chloé's only daily row carries followers, not impressions.
            DailyRecord(person: c, day: day("2026-11-25"), impressions: nil, engagements: nil, newFollowers: 7),
        ]
        let followers = [
            FollowerRecord(person: a, at: at("2026-11-20T00:00:00Z"), count: 1000),
            FollowerRecord(person: a, at: at("2026-11-27T00:00:00Z"), count: 1100),
            FollowerRecord(person: a, at: at("2026-12-01T00:00:00Z"), count: 1200),
            FollowerRecord(person: b, at: at("2026-11-26T00:00:00Z"), count: 500),
        ]
        return Dataset(
            people: people, posts: posts, interactions: interactions, postStats: stats, daily: daily,
            followers: followers)
    }

    static var report: MetricsReport {
        MetricsEngine.report(for: dataset, length: .days(7), asOf: Timestamp(seconds: asOf))
    }
}

@Suite("Reach")
struct ReachTests {
    let report = SmallOrganisation.report

    func row(_ id: String) -> ReachRow { report.reach.first { report.people[$0.person].id == id }! }

    @Test func dailyRowsWinOverPostCounters() {
        let alice = row("A")
        #expect(alice.impressions == 1500)
        #expect(alice.impressionSource == .daily)
        #expect(alice.engagements == 70)
        #expect(alice.engagementRate == 70.0 / 1500.0)
        #expect(alice.posts == 1)
    }

    @Test func previousWindowGivesTheChange() {
        let alice = row("A")
        #expect(alice.previousImpressions == 800)
        #expect(alice.impressionsChange == 0.875)
        #expect(!alice.previousIsPartial)
        #expect(row("B").previousImpressions == nil)
        #expect(row("B").impressionsChange == nil)
    }

    /// Data that starts inside the previous window covers only part of it: no change, "partial", and the
    /// committee's change leaves that leader out.
    @Test func aPreviousWindowPartlyCoveredGivesNoChange() {
        var dataset = SmallOrganisation.dataset
        // Alice's data now starts on the 20th, two thirds into the previous week.
        dataset.daily.removeAll { $0.day == SmallOrganisation.day("2026-11-16") }
        let report = MetricsEngine.report(for: dataset, length: .days(7), asOf: Timestamp(seconds: SmallOrganisation.asOf))
        let alice = report.reach.first { report.people[$0.person].id == "A" }!
        #expect(alice.previousImpressions == 800)
        #expect(alice.previousIsPartial)
        #expect(alice.impressionsChange == nil)
        #expect(report.committeeReach.leadersWithPartialPrevious == 1)
        #expect(report.committeeReach.impressionsChange == nil)
        // The committee's impressions say whose data they hold: Alice's and Bruno's post counters, not Chloé's.
        #expect(report.committeeReach.leadersWithImpressions == 2 && report.committeeReach.leaders == 3)
    }

    @Test func postCountersAsOfTheWindowEnd() {
        let bruno = row("B")
        #expect(bruno.impressions == 700)
        #expect(bruno.impressionSource == .postStats)
        #expect(bruno.engagements == 25)
    }

    @Test func withoutImpressionsTheyAreUnknownNotZero() {
        let chloe = row("C")
        #expect(chloe.impressions == nil)
        #expect(chloe.engagementRate == nil)
        #expect(chloe.posts == 0)
        // No daily totals nor counters: engagement is the interactions on her posts in the window (none).
        #expect(chloe.engagements == 0)
        #expect(chloe.engagementSource == .interactions)
    }

    @Test func followersAndGrowth() {
        #expect(row("A").followers == 1100)
        #expect(row("A").followerGrowth == 100)
        #expect(row("B").followers == 500)
        #expect(row("B").followerGrowth == nil)  // no count at the window's start
        #expect(row("C").followers == nil)
        #expect(row("C").followerGrowth == 7)  // from daily new_followers, without snapshots
    }

    @Test func dailySeriesAddUpToTheTotal() {
        let alice = row("A")
        #expect(alice.seriesStart == Day(iso8601: "2026-11-23"))
        #expect(alice.dailyImpressions == [0, 1000, 500, 0, 0, 0, 0])
        let bruno = row("B")
        #expect(bruno.dailyImpressions == [0, 0, 0, 300, 0, 400, 0])
        #expect(bruno.dailyImpressions.reduce(0, +) == bruno.impressions)
    }

    @Test func engagementFallsBackToInteractionsOnPosts() {
        var dataset = SmallOrganisation.dataset
        dataset.daily.removeAll { $0.person == SmallOrganisation.a }
        dataset.postStats.removeAll { $0.post == 0 }
        let report = MetricsEngine.report(
            for: dataset, length: .days(7), asOf: Timestamp(seconds: SmallOrganisation.asOf))
        let alice = report.reach.first { $0.person == 0 }!
        #expect(alice.impressions == nil)
        #expect(alice.engagementSource == .interactions)
        #expect(alice.engagements == 5)  // Bruno, Chloé, Emma, Eric twice; not herself
    }
}

@Suite("Colleague engagement")
struct ColleagueEngagementTests {
    let report = SmallOrganisation.report

    func row(_ id: String) -> EngagementRow { report.engagement.first { report.people[$0.person].id == id }! }

    @Test func givenAndReceivedSplitByRole() {
        let alice = row("A")
        #expect(alice.givenToLeaders == 1)
        #expect(alice.givenToEmployees == 1)
        #expect(alice.receivedFromLeaders == 2)
        #expect(alice.receivedFromEmployees == 3)  // own reaction left out
        let bruno = row("B")
        #expect(bruno.givenToLeaders == 1)  // the reaction before the window does not count
        #expect(bruno.receivedFromLeaders == 1)
        #expect(row("C").receivedFromLeaders == 0)
    }

    @Test func coverageOfOtherLeadersPosts() {
        #expect(row("A").coverage == 1)
        #expect(row("B").coverage == 1)
        #expect(row("C").colleaguePosts == 2)
        #expect(row("C").coveredPosts == 1)
        #expect(row("C").coverage == 0.5)
    }

    @Test func committeeMatrixAndReciprocity() {
        let committee = report.committee
        #expect(committee.counts == [[0, 1, 0], [1, 0, 0], [1, 0, 0]])
        #expect(committee.engagedPairs == 2)
        #expect(committee.reciprocalPairs == 1)
        #expect(committee.reciprocity == 0.5)
    }

    @Test func noPostsMeansUnknownCoverage() {
        var dataset = SmallOrganisation.dataset
        dataset.posts = dataset.posts.map { var p = $0; p.at = SmallOrganisation.at("2026-01-01T00:00:00Z"); return p }
        let report = MetricsEngine.report(for: dataset, length: .days(7), asOf: Timestamp(seconds: SmallOrganisation.asOf))
        #expect(report.engagement.allSatisfy { $0.coverage == nil })
    }
}

@Suite("Silos")
struct SiloTests {
    let silo = SmallOrganisation.report.silo

    @Test func eiIndexOverTies() {
        #expect(silo.internalTies == 3)
        #expect(silo.externalTies == 5)
        #expect(silo.eiIndex == 0.25)
    }

    @Test func modularityOfTheDepartmentPartition() {
        #expect(silo.totalWeight == 9)
        #expect(abs(silo.modularity! - (-10.0 / 81.0)) < 1e-12)
    }

    @Test func perDepartment() {
        let x = silo.departments.first { $0.department == "X" }!
        #expect((x.members, x.internalTies, x.externalTies) == (3, 3, 4))
        #expect(x.eiIndex == 1.0 / 7.0)
        let z = silo.departments.first { $0.department == "Z" }!
        #expect(z.eiIndex == 1)
    }

    @Test func departmentMatrixCountsInteractions() {
        #expect(silo.matrix.departments == ["X", "Y", "Z"])
        #expect(silo.matrix.counts == [[3, 1, 1], [3, 0, 0], [0, 1, 0]])
    }

    @Test func bridgesRankedByDepartmentsReached() {
        let report = SmallOrganisation.report
        let ranked = silo.bridges.map { (report.people[$0.person].id, $0.departmentsReached, $0.crossInteractions) }
        #expect(ranked.map(\.0) == ["e2", "e3", "A", "B", "e1"])
        #expect(ranked.map(\.1) == [2, 2, 1, 1, 1])
        #expect(ranked.map(\.2) == [3, 2, 4, 2, 1])
    }

    @Test func weeklyTrendEndsWithTheWindow() {
        #expect(silo.weekly.count == 12)
        #expect(silo.weekly.last?.eiIndex == 0.25)
        #expect(silo.weekly[10].eiIndex == 1)  // Bruno's reaction on Chloé's post, the week before
        #expect(silo.weekly[0].eiIndex == nil)
        #expect(silo.weekly.last?.start == Timestamp(iso8601: "2026-11-23T00:00:00Z"))
    }

    @Test func summaryCountsActivity() {
        let summary = SmallOrganisation.report.summary
        #expect(summary.activeEmployees == 3)
        #expect(summary.interactions == 9)
        #expect(summary.posts == 3)
    }

    @Test func emptyDatasetGivesUnknownsNotZeros() {
        let report = MetricsEngine.report(
            for: Dataset(people: SmallOrganisation.people), length: .days(30), asOf: Timestamp(seconds: 0))
        #expect(report.silo.eiIndex == nil)
        #expect(report.silo.modularity == nil)
        #expect(report.committee.reciprocity == nil)
        #expect(report.reach.allSatisfy { $0.impressions == nil && $0.followers == nil })
    }
}
