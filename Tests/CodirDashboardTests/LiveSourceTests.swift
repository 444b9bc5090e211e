import CodirDemo
import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirDashboard

/// A viewer that follows the appended rows shows exactly what a viewer reading the whole window shows, through
/// a live feed, the clock moving, and changes that are not appends (which it detects and reads whole again).
@Suite("The live dashboard source equals a full load")
struct LiveSourceTests {
    /// The same viewer, reading the window whole at each load.
    func fullLoad(_ path: String, login: String?, length: WindowLength, asOf: Timestamp) -> DashboardSnapshot? {
        let source = DashboardSource(path: path, personalLogin: login, followsAppends: false)
        source.load(length: length, asOf: asOf)
        return source.snapshot
    }

    func expectSame(_ live: DashboardSnapshot?, _ full: DashboardSnapshot?, _ context: String) {
        guard let live, let full else {
            Issue.record("no snapshot: \(context)")
            return
        }
        #expect(live.report.summary == full.report.summary, "\(context)")
        #expect(live.report.reach == full.report.reach, "\(context)")
        #expect(live.report.engagement == full.report.engagement, "\(context)")
        #expect(live.report.committee == full.report.committee, "\(context)")
        #expect(live.report.silo == full.report.silo, "\(context)")
        #expect(live.report.interactionsBySource == full.report.interactionsBySource, "\(context)")
        #expect(live.report.people == full.report.people, "\(context)")
        // Post positions differ (the live path keeps appended posts at the end); the posts themselves are compared
        // through `postsToEngage`.
        var livePersonal = live.personal, fullPersonal = full.personal
        livePersonal?.postsToEngage = []
        fullPersonal?.postsToEngage = []
        #expect(livePersonal == fullPersonal, "\(context)")
        #expect(live.postsToEngage == full.postsToEngage, "\(context)")
        #expect(live.ticker == full.ticker, "\(context)")
        for row in full.report.reach {
            #expect(live.leaderDetail(row.person) == full.leaderDetail(row.person), "\(context), leader \(row.person)")
            #expect(live.audience(of: row.person) == full.audience(of: row.person), "\(context)")
        }
    }

    @Test(arguments: [(WindowLength.days(30), nil as String?), (.days(365), nil), (.days(7), "nlefevre"), (.days(90), "nlefevre")])
    func aLiveFeedTheClockAndRewrites(length: WindowLength, login: String?) throws {
        let scratch = try ScratchFolder("live-source")
        defer { scratch.remove() }
        let path = scratch.path("live.sqlite")
        try FileManager.default.copyItem(atPath: DashboardFixture.path, toPath: path)
        let writer = try Store.open(path: path, access: .readWrite)
        let simulator = Simulator(store: writer, rate: 3, seed: 11)
        var now = DashboardFixture.now

        let source = DashboardSource(path: path, personalLogin: login)
        #expect(source.load(length: length, asOf: now))
        source.waitForLiveFigures()
        #expect(source.hasChanged(), "the live figures built in the background are ready to take over")
        for step in 0..<12 {
            now = now.adding(seconds: [1, 60, 600, 3600][step % 4])
            try simulator.step(now: now, seconds: 120)
            #expect(source.hasChanged())
            #expect(source.load(length: length, asOf: now))
            expectSame(source.snapshot, fullLoad(path, login: login, length: length, asOf: now), "step \(step)")
        }
        #expect(source.fullLoads == 1)
        #expect(source.liveLoads == 12)

        // What is not an append is read whole: a person's department changed, a post moved, rows deleted.
        let people = try writer.people()
        let employee = try #require(people.first { !$0.isLeader && $0.login != login })
        var moved = employee
        moved.department = people.first { $0.department != employee.department }!.department
        _ = try writer.importFile(file: "people.csv", sha256: "", format: "people") { w in _ = try w.write(moved) }
        source.load(length: length, asOf: now)
        #expect(source.fullLoads == 2)
        expectSame(source.snapshot, fullLoad(path, login: login, length: length, asOf: now), "after a department change")

        source.waitForLiveFigures()
        _ = try writer.forget([employee.id], dryRun: false)
        #expect(source.hasChanged())
        source.load(length: length, asOf: now)
        #expect(source.fullLoads == 3)
        expectSame(source.snapshot, fullLoad(path, login: login, length: length, asOf: now), "after forget")

        // Appends again after the new build: followed.
        source.waitForLiveFigures()
        now = now.adding(seconds: 60)
        try simulator.step(now: now, seconds: 60)
        source.load(length: length, asOf: now)
        source.load(length: length, asOf: now)
        #expect(source.fullLoads == 3)
        expectSame(source.snapshot, fullLoad(path, login: login, length: length, asOf: now), "appends after a rewrite")

        // Another window: read whole.
        source.load(length: .days(14), asOf: now)
        #expect(source.fullLoads == 4)
        expectSame(source.snapshot, fullLoad(path, login: login, length: .days(14), asOf: now), "another window")
    }

    @Test func unchangedUpsertsAreNotRewritesButRetentionIs() throws {
        let scratch = try ScratchFolder("live-upserts")
        defer { scratch.remove() }
        let path = scratch.path("live.sqlite")
        try FileManager.default.copyItem(atPath: DashboardFixture.path, toPath: path)
        let writer = try Store.open(path: path, access: .readWrite)
        let now = DashboardFixture.now
        let source = DashboardSource(path: path)
        source.load(length: .days(30), asOf: now)
        source.waitForLiveFigures()
        source.load(length: .days(30), asOf: now)

        // The directory imported again as it was: nothing to read whole.
        let people = try writer.people()
        _ = try writer.importFile(file: "people.csv", sha256: "", format: "people") { w in
            for person in people { _ = try w.write(person) }
        }
        #expect(source.hasChanged())
        source.load(length: .days(30), asOf: now)
        #expect(source.fullLoads == 1)

        // Another process opens the database to import events (an opening touches the schema version): followed.
        let importer = try Store.open(path: path, access: .readWrite)
        _ = try importer.importFile(file: "events.csv", sha256: "", format: "events") { w in
            _ = try w.write(
                Event.interaction(
                    InteractionEvent(
                        id: "late-message", kind: .message, actor: people[20].id, target: people[30].id,
                        at: now.adding(seconds: -5))))
        }
        #expect(source.hasChanged())
        source.load(length: .days(30), asOf: now)
        #expect(source.fullLoads == 1)
        #expect(source.liveLoads == 3)
        expectSame(source.snapshot, fullLoad(path, login: nil, length: .days(30), asOf: now), "after another process's import")

        // Retention deletes the oldest interactions: read whole.
        _ = try writer.applyRetention(days: 60, now: now)
        #expect(source.hasChanged())
        source.load(length: .days(30), asOf: now)
        #expect(source.fullLoads == 2)
        expectSame(source.snapshot, fullLoad(path, login: nil, length: .days(30), asOf: now), "after retention")
    }
}
