import CodirModel
import Testing

@testable import CodirMetrics

/// The live path as a whole equals a full recompute: random streams of appended posts and interactions (some
/// late, some ahead of the clock, some engaging with a post before it was published), counter updates, clock
/// moves and window changes, and after each step the live report, personal report, leader details and latest
/// interactions compared field by field with `MetricsEngine` on the same data.
@Suite("The live path equals a full recompute")
struct LiveMetricsTests {
    static let people = IncrementalSiloTests.people
    static let start = Timestamp(iso8601: "2026-01-01T00:00:00Z")!.seconds
    static let kinds: [InteractionKind] = [.reaction, .comment, .share, .message, .mention]
    static let sources: [InteractionSource] = [.events, .linkedin, .slack, .email]

    /// Everything written so far, as a database would hold it.
    struct World {
        var rng: SeededGenerator
        var posts: [PostRecord] = []
        var interactions: [InteractionRecord] = []
        var postStats: [PostStatRecord] = []
        var daily: [DailyRecord] = []
        var followers: [FollowerRecord] = []
        var demographics: [DemographicRecord] = []
        var press: [PressRecord] = []

        mutating func post(at: Int64) -> PostRecord {
            // Leaders post more than their share.
            let author = rng.chance(0.5) ? Int32(rng.next() % 5) : Int32(rng.next() % 30)
            let tags = ["ia", "data", "rse", "climat"].filter { _ in rng.chance(0.3) }
            return PostRecord(id: "post-\(posts.count)-\(rng.next() % 1000)", author: author, at: at, hashtags: tags)
        }

        mutating func interaction(at: Int64, posts known: Int) -> InteractionRecord {
            let kind = LiveMetricsTests.kinds[Int(rng.next() % 5)]
            var post: Int32 = kind.isPostBased && known > 0 && rng.chance(0.9) ? Int32(rng.next() % UInt64(known)) : -1
            var at = at
            if post >= 0, rng.chance(0.1) {
                // Clock skew: engagement dated before its post.
                at = posts[Int(post)].at - Int64(rng.next() % 7200) - 1
            }
            let actor = Int32(rng.next() % 30)
            let target = post >= 0 ? posts[Int(post)].author : Int32(rng.next() % 30)
            if post >= 0 && rng.chance(0.02) { post = -1 }
            return InteractionRecord(
                actor: actor, target: target, kind: kind, post: post, at: at,
                source: LiveMetricsTests.sources[Int(rng.next() % 4)])
        }

        /// New counters: daily rows for two leaders, post counters, follower counts and an audience.
        mutating func counters(asOf: Timestamp) {
            let day = asOf.day
            for person: Int32 in [0, 1] {
                daily.removeAll { $0.person == person && $0.day == day }
                daily.append(
                    DailyRecord(
                        person: person, day: day, impressions: Int64(rng.next() % 5000), engagements: Int64(rng.next() % 90),
                        newFollowers: Int64(rng.next() % 12)))
            }
            if !posts.isEmpty {
                for _ in 0..<3 {
                    let post = Int32(rng.next() % UInt64(posts.count))
                    postStats.append(
                        PostStatRecord(post: post, at: asOf.seconds - Int64(rng.next() % 600), impressions: Int64(rng.next() % 9000), engagements: Int64(rng.next() % 300)))
                }
            }
            followers.append(FollowerRecord(person: Int32(rng.next() % 5), at: asOf.seconds - 30, count: Int64(1000 + rng.next() % 500)))
            demographics.append(
                DemographicRecord(
                    person: 2, asOf: day, sheet: "Job titles", category: "title", value: "Value \(rng.next() % 4)",
                    percentage: "\(rng.next() % 40)%"))
            // A press item, naming up to two leaders, some of them before the window.
            press.append(
                PressRecord(
                    at: asOf.seconds - Int64(rng.next() % (40 * 86_400)), outlet: "Outlet \(rng.next() % 3)",
                    title: "Headline \(press.count)", url: rng.chance(0.5) ? "https://news.example/\(press.count)" : nil,
                    audience: rng.chance(0.5) ? Int64(rng.next() % 90_000) : nil,
                    people: Array(Set([Int32(rng.next() % 5), Int32(rng.next() % 8)])).sorted()))
            press.sort { $0.at < $1.at }
        }

        /// The press items a load at `asOf` reads for a window of `length`: the window and the previous one.
        func pressRead(length: WindowLength, asOf: Timestamp) -> [PressRecord] {
            let window = TimeWindow(length: length, asOf: asOf)
            let from = window.previous?.start?.seconds ?? .min
            return press.filter { $0.at > from && $0.at <= asOf.seconds }
        }

        /// How many interactions with someone else each person made in `(after, through]`.
        func activity(after: Int64, through: Int64) -> [Int] {
            var counts = [Int](repeating: 0, count: LiveMetricsTests.people.count)
            for i in interactions where i.actor != i.target && i.at > after && i.at <= through { counts[Int(i.actor)] += 1 }
            return counts
        }

        /// The dataset a full load at `asOf` gives the engine.
        func dataset(asOf: Timestamp) -> Dataset {
            var dataset = Dataset(
                people: LiveMetricsTests.people, posts: posts, interactions: interactions, postStats: postStats, daily: daily,
                followers: followers)
            dataset.demographics = demographics
            return dataset.linkingPublishedPosts(asOf: asOf)
        }

        /// The dataset a full load of a window of `length` at `asOf` gives the engine, with the press items and the
        /// previous window's activity the store reads.
        func dataset(length: WindowLength, asOf: Timestamp) -> Dataset {
            var dataset = dataset(asOf: asOf)
            dataset.press = pressRead(length: length, asOf: asOf)
            if let previous = TimeWindow(length: length, asOf: asOf).previous, let start = previous.start {
                dataset.previousActivity = activity(after: start.seconds, through: previous.end.seconds)
            }
            return dataset
        }
    }

    func build(_ world: World, length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>?) -> LiveMetrics {
        var dataset = world.dataset(length: length, asOf: asOf)
        // The live load keeps its links to posts not out yet: the live path decides.
        dataset.interactions = world.interactions
        return LiveMetrics(dataset: dataset, length: length, asOf: asOf, sources: sources, person: 7)
    }

    func check(_ live: inout LiveMetrics, _ world: World, step: Int) {
        let asOf = live.asOf
        let dataset = world.dataset(length: live.length, asOf: asOf)
        let expected = MetricsEngine.report(for: dataset, length: live.length, asOf: asOf, sources: live.sources)
        let got = live.report()
        let context = "step \(step), \(live.length), as of \(asOf.iso8601)"
        #expect(got.summary == expected.summary, "\(context)")
        #expect(got.reach == expected.reach, "\(context)")
        #expect(got.engagement == expected.engagement, "\(context)")
        #expect(got.committee == expected.committee, "\(context)")
        #expect(got.silo == expected.silo, "\(context)")
        #expect(got.interactionsBySource == expected.interactionsBySource, "\(context)")
        #expect(got.committeeReach == expected.committeeReach, "\(context)")
        #expect(got.window == expected.window && got.siloSources == expected.siloSources, "\(context)")
        #expect(got.influence == expected.influence, "\(context)")

        let personal = live.personalReport(got)
        let reference = MetricsEngine.personal(for: 7, in: dataset, report: expected)
        #expect(personal == reference, "\(context)")

        let leaders = Array(0..<5)
        #expect(live.leaderDetails(for: leaders) == MetricsEngine.leaderDetails(for: leaders, in: dataset, window: got.window), "\(context)")

        let window = got.window
        let latest = InteractionRecord.newest(
            dataset.interactions.filter { $0.actor != $0.target && window.contains(seconds: $0.at) }
                .sorted { $0.at > $1.at }, count: 6)
        #expect(live.latest(6) == latest, "\(context)")
    }

    @Test(arguments: [WindowLength.days(7), .days(30), .days(90), .days(365), .all])
    func randomStreams(length: WindowLength) {
        var world = World(rng: SeededGenerator(seed: 1201 &+ UInt64(length.description.count)))
        var asOf = Timestamp(seconds: Self.start + 150 * 86_400)
        // A history of 150 days, with some posts published after the clock.
        for _ in 0..<120 { world.posts.append(world.post(at: Self.start + Int64(world.rng.unit() * 160 * 86_400))) }
        for _ in 0..<2500 {
            world.interactions.append(
                world.interaction(at: Self.start + Int64(world.rng.unit() * 150 * 86_400), posts: world.posts.count))
        }
        world.counters(asOf: asOf)
        var sources: Set<InteractionSource>? = nil
        var live = build(world, length: length, asOf: asOf, sources: sources)
        var rebuilds = 0
        check(&live, world, step: -1)
        for step in 0..<60 {
            let roll = world.rng.unit()
            if roll < 0.45 {
                // A batch another process appended: posts, then interactions mostly just now, some late, some ahead.
                var posts: [PostRecord] = []
                for _ in 0..<Int(world.rng.next() % 3) {
                    posts.append(world.post(at: asOf.seconds + (world.rng.chance(0.7) ? -Int64(world.rng.next() % 600) : Int64(world.rng.next() % 7200))))
                }
                world.posts += posts
                var batch: [InteractionRecord] = []
                for _ in 0..<Int(world.rng.next() % 15) {
                    let offset =
                        world.rng.chance(0.8) ? -Int64(world.rng.next() % 600)
                        : world.rng.chance(0.5) ? Int64(world.rng.next() % 7200) : -Int64(world.rng.next() % (60 * 86_400))
                    batch.append(world.interaction(at: asOf.seconds + offset, posts: world.posts.count))
                }
                world.interactions += batch
                live.append(posts: posts, interactions: batch)
            } else if roll < 0.6 {
                world.counters(asOf: asOf)
                live.replaceTables(
                    postStats: world.postStats, daily: world.daily, followers: world.followers, demographics: world.demographics,
                    press: world.pressRead(length: length, asOf: asOf))
            } else if roll < 0.95 {
                asOf = asOf.adding(seconds: [60, 3600, 86_400, 7 * 86_400, 1][Int(world.rng.next() % 5)])
                let moved = live.move(to: asOf, activity: world.activity(after:through:))
                if !moved {
                    // Past an engagement dated before its post: the reader builds anew, as it would from the database.
                    #expect(live.rebuildAt.map { asOf.seconds >= $0 } == true)
                    live = build(world, length: length, asOf: asOf, sources: sources)
                    rebuilds += 1
                }
            } else {
                // The viewer changes what the silo figures count: a new build.
                sources = sources == nil ? [.slack, .email] : nil
                live = build(world, length: length, asOf: asOf, sources: sources)
            }
            check(&live, world, step: step)
        }
        // Moving back is refused and changes nothing.
        let movedBack = live.move(to: asOf.adding(seconds: -60), activity: world.activity(after:through:))
        #expect(!movedBack)
        check(&live, world, step: 60)
        _ = rebuilds
    }
}
