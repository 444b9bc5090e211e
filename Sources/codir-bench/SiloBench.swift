import CodirMetrics
import CodirModel
import CodirStore
import Foundation

/// `codir-bench --silos DATABASE`: what keeping the silo figures up to date costs (`SlidingSilos`), against
/// recomputing them from the window (`MetricsEngine.silos`), on an existing database, for 30 and 365 days.
enum SiloBench {
    static func run(db: String, asOf: Timestamp) throws {
        let store = try Store.open(path: db, access: .readOnly)
        print("| window | full recompute | build the live path | 5 appends + a minute + report | equal |")
        print("|---|---:|---:|---:|---|")
        for length in [WindowLength.days(30), .days(365)] {
            let window = TimeWindow(length: length, asOf: asOf)
            let dataset = try store.dataset(for: window, trendWeeks: MetricsEngine.trendWeeks)
            let rows = dataset.interactions.map { (at: $0.at, actor: $0.actor, target: $0.target) }.sorted { $0.at < $1.at }

            var started = Date()
            let repeats = 5
            var full = MetricsEngine.silos(in: dataset, window: window)
            for _ in 1..<repeats { full = MetricsEngine.silos(in: dataset, window: window) }
            let fullTime = Date().timeIntervalSince(started) / Double(repeats)

            started = Date()
            var sliding = SlidingSilos(people: dataset.people, length: length, asOf: asOf)
            sliding.add(rows)
            let buildTime = Date().timeIntervalSince(started)
            let equal = sliding.report() == full

            // A live minute: five events arrive, the clock moves, the figures are read.
            var rng = SeededGenerator(seed: 11)
            let people = Int32(dataset.people.count)
            var now = asOf
            let steps = 200
            started = Date()
            for _ in 0..<steps {
                now = now.adding(seconds: 60)
                sliding.add((0..<5).map { _ in (now.seconds, Int32(rng.next() % UInt64(people)), Int32(rng.next() % UInt64(people))) })
                sliding.move(to: now)
                _ = sliding.report()
            }
            let stepTime = Date().timeIntervalSince(started) / Double(steps)
            print(
                "| \(length) (\(rows.count) interactions) | \(ms(fullTime)) | \(ms(buildTime)) | \(ms(stepTime)) | \(equal ? "yes" : "NO") |")
            guard equal else { throw BenchError("the live path's silo figures differ from a full recompute") }
        }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}
