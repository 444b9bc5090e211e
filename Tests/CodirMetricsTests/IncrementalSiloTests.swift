import CodirModel
import Testing

@testable import CodirMetrics

/// The live path's silo figures are exactly what a full recompute gives: random streams of appends, removals,
/// clock moves and window lengths, compared field by field with `MetricsEngine.silos` on the same data.
@Suite("Incremental silos equal a full recompute")
struct IncrementalSiloTests {
    /// 30 people in 4 departments (one of them alone), names unique so that bridges order the same way.
    static let people: [Person] = (0..<30).map { i in
        Person(
            id: "p\(i)", name: "Person \(String(format: "%02d", i))",
            department: i == 29 ? "Solo" : ["Ventes", "R&D", "Finance"][i % 3], role: i < 5 ? .leader : .employee)
    }

    func full(_ interactions: [(at: Int64, actor: Int32, target: Int32)], length: WindowLength, asOf: Timestamp) -> SiloReport {
        let dataset = Dataset(
            people: Self.people,
            interactions: interactions.map { InteractionRecord(actor: $0.actor, target: $0.target, kind: .message, at: $0.at) })
        return MetricsEngine.silos(in: dataset, window: TimeWindow(length: length, asOf: asOf))
    }

    @Test func addingAndRemovingInAnyOrder() {
        var rng = SeededGenerator(seed: 20261201)
        for _ in 0..<20 {
            var accumulator = SiloAccumulator(people: Self.people)
            var present: [(at: Int64, actor: Int32, target: Int32)] = []
            for _ in 0..<400 {
                if !present.isEmpty && rng.chance(0.35) {
                    let gone = present.remove(at: Int(rng.next() % UInt64(present.count)))
                    accumulator.remove(actor: gone.actor, target: gone.target)
                } else {
                    // Few people, so ties repeat and weights grow and shrink; some with oneself.
                    let item = (at: Int64(1000), actor: Int32(rng.next() % 30), target: Int32(rng.next() % 30))
                    present.append(item)
                    accumulator.add(actor: item.actor, target: item.target)
                }
            }
            let expected = full(present, length: .all, asOf: Timestamp(seconds: 2000))
            var got = accumulator.report()
            got.weekly = expected.weekly
            #expect(got == expected)
        }
    }

    @Test(arguments: [WindowLength.days(7), .days(30), .days(90), .days(365), .all])
    func appendsAndTheClockMovingForward(length: WindowLength) {
        var rng = SeededGenerator(seed: 42 &+ UInt64(length.description.count))
        let start = Timestamp(iso8601: "2026-01-01T00:00:00Z")!.seconds
        var asOf = Timestamp(seconds: start + 200 * 86_400)
        var all: [(at: Int64, actor: Int32, target: Int32)] = []
        // A history before the live path starts, over 200 days.
        for _ in 0..<3000 {
            all.append((start + Int64(rng.unit() * 200 * 86_400), Int32(rng.next() % 30), Int32(rng.next() % 30)))
        }
        func live(_ items: [(at: Int64, actor: Int32, target: Int32)]) -> [InteractionRecord] {
            items.map { InteractionRecord(actor: $0.actor, target: $0.target, kind: .message, at: $0.at) }
        }
        // The rows are held by the owner (LiveMetrics), which lets go of those before the window and the trend.
        var rows = HeldRows()
        var sliding = SlidingSilos(people: Self.people, length: length, asOf: asOf)
        sliding.add(live(all))
        rows.insert(live(all.sorted { $0.at < $1.at }))
        #expect(sliding.report() == full(all, length: length, asOf: asOf))
        for step in 0..<60 {
            if rng.chance(0.6) {
                // A batch another process appended: mostly just now, some a little ahead or late, some old.
                var batch: [(at: Int64, actor: Int32, target: Int32)] = []
                for _ in 0..<Int(rng.next() % 20) {
                    let offset: Int64 =
                        rng.chance(0.8) ? -Int64(rng.next() % 120) : rng.chance(0.5) ? Int64(rng.next() % 3600) : -Int64(rng.next() % (90 * 86_400))
                    batch.append((asOf.seconds + offset, Int32(rng.next() % 30), Int32(rng.next() % 30)))
                }
                all += batch
                sliding.add(live(batch))
                rows.insert(live(batch))
            } else {
                // The clock moves: a minute, an hour, a day or a week.
                let moves: [Int64] = [60, 3600, 86_400, 7 * 86_400, 1]
                asOf = asOf.adding(seconds: moves[Int(rng.next() % UInt64(moves.count))])
                let moved = sliding.move(to: asOf, rows: rows)
                #expect(moved)
                rows.drop(through: sliding.keepFrom(asOf))
            }
            let expected = full(all, length: length, asOf: asOf)
            let got = sliding.report()
            #expect(got == expected, "step \(step), \(length), as of \(asOf.iso8601)")
            if got != expected { break }
        }
        // Moving back cannot be exact once rows were let go: it says so and changes nothing.
        let movedBack = sliding.move(to: asOf.adding(seconds: -60), rows: rows)
        #expect(!movedBack)
        #expect(sliding.report() == full(all, length: length, asOf: asOf))
    }
}

/// The live path's activity summary, interactions by source and colleague engagement equal a full recompute.
@Suite("Incremental activity equals a full recompute")
struct IncrementalActivityTests {
    @Test(arguments: [WindowLength.days(7), .days(30), .days(365), .all])
    func appendsAndTheClockMovingForward(length: WindowLength) {
        let people = IncrementalSiloTests.people
        var rng = SeededGenerator(seed: 7 &+ UInt64(length.description.count))
        let start = Timestamp(iso8601: "2026-01-01T00:00:00Z")!.seconds
        var asOf = Timestamp(seconds: start + 120 * 86_400)
        // Posts over the whole span, leaders' and employees'; some published after the clock.
        let posts = (0..<150).map { n in
            PostRecord(id: "p\(n)", author: Int32(rng.next() % 30), at: start + Int64(rng.unit() * 200 * 86_400))
        }
        let kinds: [InteractionKind] = [.reaction, .comment, .share, .message, .mention]
        let sources: [InteractionSource] = [.events, .linkedin, .slack, .email]
        func random(at: Int64) -> InteractionRecord {
            let kind = kinds[Int(rng.next() % 5)]
            let post: Int32 = kind.isPostBased && rng.chance(0.9) ? Int32(rng.next() % 150) : -1
            let actor = Int32(rng.next() % 30)
            let target = post >= 0 ? posts[Int(post)].author : Int32(rng.next() % 30)
            return InteractionRecord(actor: actor, target: target, kind: kind, post: post, at: at, source: sources[Int(rng.next() % 4)])
        }
        var all = (0..<2000).map { _ in random(at: start + Int64(rng.unit() * 120 * 86_400)) }
        var live = SlidingActivity(people: people, length: length, asOf: asOf)
        var rows = HeldRows()
        live.add(all)
        rows.insert(all.sorted { $0.at < $1.at }.filter { $0.actor != $0.target })
        for step in 0..<50 {
            if rng.chance(0.6) {
                let batch = (0..<Int(rng.next() % 15)).map { _ in
                    random(at: asOf.seconds + (rng.chance(0.8) ? -Int64(rng.next() % 600) : Int64(rng.next() % 7200)))
                }
                all += batch
                live.add(batch)
                rows.insert(batch.filter { $0.actor != $0.target })
            } else {
                asOf = asOf.adding(seconds: [60, 3600, 86_400, 7 * 86_400][Int(rng.next() % 4)])
                let moved = live.move(to: asOf, rows: rows)
                #expect(moved)
                rows.drop(through: live.keepFrom(asOf))
            }
            let dataset = Dataset(people: people, posts: posts, interactions: all)
            let full = MetricsEngine.report(for: dataset, length: length, asOf: asOf)
            let window = TimeWindow(length: length, asOf: asOf)
            let (rows, committee) = live.engagement(posts: posts)
            #expect(live.summary(posts: posts) == MetricsEngine.summary(of: dataset, window: window), "step \(step)")
            #expect(live.interactionsBySource == full.interactionsBySource, "step \(step)")
            #expect(rows == full.engagement, "step \(step)")
            #expect(committee == full.committee, "step \(step)")
        }
    }
}

/// The silo figures' compact table of counts behaves as a dictionary through any mix of sets and removals (the
/// removals move entries back along their probe run, where a mistake loses them).
@Suite("Count map")
struct CountMapTests {
    @Test func behavesAsADictionary() {
        var rng = SeededGenerator(seed: 99)
        var map = CountMap()
        var reference: [UInt64: Int32] = [:]
        for step in 0..<60_000 {
            // Few keys, so that probe runs collide and wrap around the table's end, and many removals; the key
            // space grows with the steps so that the table grows too.
            let space = UInt64(step < 30_000 ? 40 : 3000)
            let key = rng.next() % space | (rng.chance(0.1) ? UInt64(rng.next() % 50) << 32 : 0)
            let value: Int32 = rng.chance(0.4) ? 0 : Int32(rng.next() % 9)
            map[key] = value
            reference[key] = value == 0 ? nil : value
            if step % 97 == 0 || step == 59_999 {
                #expect(map.count == reference.count, "step \(step)")
                for probe in 0..<UInt64(3000) where map[probe] != (reference[probe] ?? 0) {
                    Issue.record("key \(probe) at step \(step): \(map[probe]) instead of \(reference[probe] ?? 0)")
                    return
                }
            }
        }
        #expect(map[0] == (reference[0] ?? 0))
    }
}
