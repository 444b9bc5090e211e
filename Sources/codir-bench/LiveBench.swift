import CodirMetrics
import CodirModel
import CodirStore
import Foundation

/// `codir-bench --live DATABASE`: what keeping every figure up to date costs (`LiveMetrics`), against recomputing
/// the report from the window (`MetricsEngine.report`), on an existing database, for 30 and 365 days.
enum LiveBench {
    static func run(db: String, asOf: Timestamp) throws {
        let store = try Store.open(path: db, access: .readOnly)
        print("| window | full recompute | build the live path | 5 appends + a minute + report | equal |")
        print("|---|---:|---:|---:|---|")
        for length in [WindowLength.days(30), .days(365)] {
            let window = TimeWindow(length: length, asOf: asOf)
            let (loaded, _) = try store.liveDataset(for: window, trendWeeks: MetricsEngine.trendWeeks)
            let dataset = loaded.linkingPublishedPosts(asOf: asOf)

            var started = Date()
            let repeats = 5
            var full = MetricsEngine.report(for: dataset, length: length, asOf: asOf)
            for _ in 1..<repeats { full = MetricsEngine.report(for: dataset, length: length, asOf: asOf) }
            let fullTime = Date().timeIntervalSince(started) / Double(repeats)

            started = Date()
            var live = LiveMetrics(dataset: loaded, length: length, asOf: asOf)
            let buildTime = Date().timeIntervalSince(started)
            let report = live.report()
            let equal =
                report.summary == full.summary && report.reach == full.reach && report.engagement == full.engagement
                && report.committee == full.committee && report.silo == full.silo
                && report.interactionsBySource == full.interactionsBySource

            // A live minute: five events arrive, the clock moves, the figures are read.
            var rng = SeededGenerator(seed: 11)
            let people = Int32(dataset.people.count)
            var now = asOf
            let steps = 200
            started = Date()
            for _ in 0..<steps {
                now = now.adding(seconds: 60)
                live.move(to: now)
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
                "| \(length) (\(loaded.interactions.count) interactions) | \(ms(fullTime)) | \(ms(buildTime)) | \(ms(stepTime)) | \(equal ? "yes" : "NO") |")
            guard equal else { throw BenchError("the live figures differ from a full recompute") }
        }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}
