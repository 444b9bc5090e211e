import CodirMetrics
import CodirModel
import CodirStore
import Testing

@testable import CodirDemo

@Suite("Demo organisation")
struct DemoTests {
    static let now = Timestamp(iso8601: "2026-11-29T12:00:00Z")!

    @Test func directoryHasTheAdvertisedShape() {
        let organisation = DemoOrganisation(seed: 1)
        #expect(organisation.leaders.count == 10)
        #expect(organisation.departments.count == 8)
        #expect(organisation.employees.count == 500)
        #expect(Set(organisation.people.map(\.id)).count == 510)
        #expect(Set(organisation.people.map(\.department)) == Set(organisation.departments))
        let logins = organisation.people.compactMap(\.login)
        #expect(Set(logins).count == logins.count)
    }

    @Test func theSameSeedGivesTheSameHistory() {
        let day = Day(iso8601: "2026-10-15")!
        func events(_ seed: UInt64) -> [Event] {
            DemoHistory(organisation: DemoOrganisation(seed: seed), seed: seed, startDay: day.advanced(by: -60))
                .events(on: day)
        }
        #expect(events(7) == events(7))
        #expect(events(7) != events(8))
        #expect(!events(7).isEmpty)
    }

    @Test func eventsOfADayFallOnThatDayAndRespectTheCutOff() {
        let history = DemoHistory(organisation: DemoOrganisation(seed: 3), seed: 3, startDay: Day(iso8601: "2026-08-01")!)
        let day = Day(iso8601: "2026-10-14")!
        let noon = day.noon
        #expect(history.events(on: day).allSatisfy { $0.time.day == day })
        #expect(history.events(on: day, until: noon).allSatisfy { $0.time <= noon })
    }

    @Test func demoDatabaseIsBuiltOnceThenToppedUp() throws {
        let store = try Store.inMemory()
        let built = try DemoDatabase.prepare(store, seed: 5, now: Self.now)
        #expect(built.created)
        #expect(built.counts.imported > 5_000)
        #expect(built.counts.rejected == 0)
        let again = try DemoDatabase.prepare(store, seed: 99, now: Self.now)
        #expect(!again.created)
        #expect(again.seed == 5)  // the stored seed wins
        #expect(again.counts.imported == 0)
        let later = try DemoDatabase.prepare(store, seed: 5, now: Self.now.adding(days: 2))
        #expect(later.counts.imported > 0)
        #expect(try store.metadata(Store.organisationKey) == DemoOrganisation.name)
    }

    @Test func leadersDifferAndSilosOpenOverTime() throws {
        let store = try Store.inMemory()
        _ = try DemoDatabase.prepare(store, seed: 2026, now: Self.now)
        let window = TimeWindow(length: .days(90), asOf: Self.now)
        let report = MetricsEngine.report(
            for: try store.dataset(for: window), length: .days(90), asOf: Self.now)
        func reach(_ id: String) -> ReachRow { report.reach.first { report.people[$0.person].id == id }! }
        func engagement(_ id: String) -> EngagementRow { report.engagement.first { report.people[$0.person].id == id }! }
        // The CEO posts and engages far more than the CFO.
        #expect(reach("L01").posts > 5 * max(1, reach("L02").posts))
        #expect(engagement("L01").givenToLeaders > 5 * max(1, engagement("L02").givenToLeaders))
        // Silos open: the last weeks are more outward-looking than the first.
        let weekly = report.silo.weekly.compactMap(\.eiIndex)
        #expect(weekly.count == 12)
        let early = weekly.prefix(3).reduce(0, +) / 3
        let late = weekly.suffix(3).reduce(0, +) / 3
        #expect(late > early + 0.1)
        // Both reach rules are exercised.
        #expect(Set(report.reach.map(\.impressionSource)).isSuperset(of: [.daily, .postStats]))
    }

    @Test func simulatorAppendsEventsToAnyDatabase() throws {
        let store = try Store.inMemory()
        _ = try DemoDatabase.prepare(store, seed: 4, now: Self.now)
        let before = try store.counts().interactions
        let simulator = Simulator(store: store, rate: 50, seed: 1)
        var written = 0
        for second in 1...5 { written += try simulator.step(now: Self.now.adding(seconds: Int64(second)), seconds: 1) }
        #expect(written > 100)
        #expect(try store.counts().interactions > before)
        #expect(try store.counts().rejects == 0)
    }
}
