import CodirDashboard
import CodirMetrics
import CodirModel
import CodirStore
import Foundation
import LibC

/// `codir-bench --live DATABASE`: what keeping every figure up to date costs (`LiveMetrics`), against recomputing
/// the report from the window (`MetricsEngine.report`), on an existing database, for 30 and 365 days.
enum LiveBench {
    static func run(db: String, asOf: Timestamp) throws {
        let store = try Store.open(path: db, access: .readOnly)
        print("| window | full recompute | build the live path | resident memory it adds | 5 appends + a minute + report | equal |")
        print("|---|---:|---:|---:|---:|---|")
        for length in [WindowLength.days(30), .days(365)] {
            let window = TimeWindow(length: length, asOf: asOf)
            let (loaded, cursor) = try store.liveDataset(for: window, trendWeeks: MetricsEngine.trendWeeks)
            let dataset = loaded.linkingPublishedPosts(asOf: asOf)

            var started = Date()
            let repeats = 5
            var full = MetricsEngine.report(for: dataset, length: length, asOf: asOf)
            for _ in 1..<repeats { full = MetricsEngine.report(for: dataset, length: length, asOf: asOf) }
            let fullTime = Date().timeIntervalSince(started) / Double(repeats)

            returnFreedMemory()
            let before = residentKibibytes()
            started = Date()
            var live = LiveMetrics(dataset: loaded, length: length, asOf: asOf)
            let buildTime = Date().timeIntervalSince(started)
            returnFreedMemory()
            let held = residentKibibytes() - before
            let report = live.report()
            let equal =
                report.summary == full.summary && report.reach == full.reach && report.engagement == full.engagement
                && report.committee == full.committee && report.silo == full.silo
                && report.interactionsBySource == full.interactionsBySource && report.influence == full.influence

            // A live minute: five events arrive, the clock moves, the figures are read.
            var rng = SeededGenerator(seed: 11)
            let people = Int32(dataset.people.count)
            var now = asOf
            let steps = 200
            started = Date()
            for _ in 0..<steps {
                now = now.adding(seconds: 60)
                live.move(to: now) { after, through in try? store.activityCounts(after: after, through: through, cursor: cursor) }
                live.append(
                    posts: [],
                    interactions: (0..<5).map { _ in
                        InteractionRecord(
                            actor: Int32(rng.next() % UInt64(people)), target: Int32(rng.next() % UInt64(people)),
                            kind: .message, at: now.seconds)
                    })
                _ = live.report()
            }
            let stepTime = Date().timeIntervalSince(started) / Double(steps)
            print(
                "| \(length) (\(loaded.interactions.count) interactions) | \(ms(fullTime)) | \(ms(buildTime)) | \(held / 1024) MB | \(ms(stepTime)) | \(equal ? "yes" : "NO") |")
            guard equal else { throw BenchError("the live figures differ from a full recompute") }
        }
    }

    /// The resident size of this process (`/proc/self/statm`), in KiB; 0 where there is none.
    static func residentKibibytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}

/// `codir-bench --memory DATABASE [LOGIN]`: the resident memory of a viewer's source (`DashboardSource`, a year's
/// window) through its cold start — the full load, the live figures built, the first live load — and its peak
/// (`VmHWM`), read from /proc/self/status. With a login, `codir me`'s source for that person.
enum MemoryBench {
    static func run(db: String, asOf: Timestamp, login: String?) throws {
        func status(_ field: String) -> Int {
            guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
            let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
            return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        }
        func report(_ stage: String) {
            print("| \(stage) | \(status("VmRSS") / 1024) MB | \(status("VmHWM") / 1024) MB |")
        }
        print("| stage (\(login.map { "me --as \($0)" } ?? "dash"), 365 d) | resident | peak so far |")
        print("|---|---:|---:|")
        report("started")
        let source = DashboardSource(path: db, personalLogin: login)
        let length = WindowLength.days(365)
        guard source.load(length: length, asOf: asOf, leaderDetails: .none) else {
            throw BenchError(source.staleReason ?? "the first load failed")
        }
        report("full load, first frame's figures")
        source.waitForLiveFigures()
        _ = source.hasChanged()
        source.load(length: length, asOf: asOf, leaderDetails: .none)
        report("live figures taken over")
        for minute in 1...5 { source.load(length: length, asOf: asOf.adding(seconds: Int64(minute * 60)), leaderDetails: .none) }
        report("five live minutes later")
        guard source.liveLoads > 0 else { throw BenchError("the live figures did not take over") }
    }
}
