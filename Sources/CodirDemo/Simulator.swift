import CodirModel
import CodirStore
import CodirText
import Foundation

/// Appends live events to a database: engagement on recent posts, messages, new posts and growing counters,
/// drawn the same way as the demo history, at a given average rate.
public final class Simulator {
    public let store: Store
    public let rate: Double
    private var rng: SeededGenerator
    private var session: Int64?
    private var people: [Person] = []
    private var departmentMembers: [String: [Int]] = [:]
    private var recentPosts: [PostRecord] = []
    private var todayImpressions: [Int32: Int64] = [:]
    private var dailyLeaders: Set<Int32> = []
    private var lastRefresh: Timestamp?
    private var sequence = 0
    /// Events written so far.
    public private(set) var written = 0

    public init(store: Store, rate: Double, seed: UInt64) {
        self.store = store
        self.rate = rate
        self.rng = SeededGenerator(seed: seed, stream: 0x5133)
    }

    /// Writes the events of the last `seconds` seconds ending at `now`, in one transaction; returns their count.
    @discardableResult
    public func step(now: Timestamp, seconds: Double) throws -> Int {
        if lastRefresh.map({ now.seconds - $0.seconds >= 30 || now.day != $0.day }) ?? true {
            try refresh(now: now)
        }
        guard !people.isEmpty else {
            throw StoreError.io(path: store.path, reason: Strings.current.commands.noPeopleToSimulate)
        }
        var events: [Event] = []
        let count = rng.poisson(rate * seconds)
        for _ in 0..<count {
            let at = now.adding(seconds: -Int64(rng.unit() * seconds))
            let roll = rng.unit()
            if roll < 0.68, let event = engagement(at: at) {
                events.append(event)
            } else if roll < 0.9 {
                if let event = message(at: at) { events.append(event) }
            } else if roll < 0.95 {
                events.append(newPost(at: at))
            } else {
                events += counters(at: now)
            }
        }
        guard !events.isEmpty else { return 0 }
        let session = try self.session ?? store.beginSession(label: "simulate", format: "simulate")
        self.session = session
        let (_, counts) = try store.append(toSession: session) { writer in
            for event in events.sorted(by: { $0.time < $1.time }) {
                if case .post(let post) = event {
                    if let author = people.firstIndex(where: { $0.id == post.author }) {
                        recentPosts.append(PostRecord(id: post.id, author: Int32(author), at: post.at.seconds))
                    }
                }
                _ = try writer.write(event)
            }
        }
        written += counts.imported
        return counts.imported
    }

    private func refresh(now: Timestamp) throws {
        let dataset = try store.dataset(for: TimeWindow(start: now.adding(days: -3), end: now), trendWeeks: 0)
        people = dataset.people
        departmentMembers = Dictionary(grouping: people.indices, by: { people[$0].department })
        recentPosts = dataset.posts.filter { $0.at > now.adding(days: -3).seconds }
        todayImpressions = [:]
        dailyLeaders = []
        for row in dataset.daily where people[Int(row.person)].isLeader {
            dailyLeaders.insert(row.person)
            if row.day == now.day { todayImpressions[row.person] = row.impressions ?? 0 }
        }
        lastRefresh = now
    }

    private func nextID(_ prefix: String, _ at: Timestamp) -> String {
        sequence += 1
        return "sim-\(prefix)-\(at.seconds)-\(rng.next() % 1_000_000)-\(sequence)"
    }

    /// Someone from `person`'s department most of the time, from another one otherwise.
    private func counterpart(of person: Int) -> Int {
        let home = people[person].department
        let departments = Array(departmentMembers.keys).sorted()
        let department = rng.chance(0.45) ? departments[Int(rng.next() % UInt64(departments.count))] : home
        let members = departmentMembers[department] ?? [person]
        return members[Int(rng.next() % UInt64(members.count))]
    }

    private func engagement(at: Timestamp) -> Event? {
        let candidates = recentPosts.filter { $0.at <= at.seconds }
        guard !candidates.isEmpty else { return nil }
        // Newer posts and leaders' posts draw more engagement.
        let weights = candidates.map { post -> Double in
            let ageHours = Double(at.seconds - post.at) / 3600
            return exp(-ageHours / 24) * (people[Int(post.author)].isLeader ? 4 : 1)
        }
        var running = 0.0
        let cumulative = weights.map { running += $0; return running }
        let post = candidates[rng.pick(cumulative: cumulative)]
        let actor = counterpart(of: Int(post.author))
        guard actor != Int(post.author) else { return nil }
        let roll = rng.unit()
        let kind: InteractionKind = roll < 0.74 ? .reaction : roll < 0.95 ? .comment : .share
        return .interaction(
            InteractionEvent(id: nextID("i", at), kind: kind, actor: people[actor].id, post: post.id, at: at))
    }

    private func message(at: Timestamp) -> Event? {
        let actor = Int(rng.next() % UInt64(people.count))
        let target = counterpart(of: actor)
        guard actor != target else { return nil }
        return .interaction(
            InteractionEvent(
                id: nextID("m", at), kind: rng.chance(0.85) ? .message : .mention, actor: people[actor].id,
                target: people[target].id, at: at))
    }

    private func newPost(at: Timestamp) -> Event {
        let leaders = people.indices.filter { people[$0].isLeader }
        let author =
            rng.chance(0.4) && !leaders.isEmpty
            ? leaders[Int(rng.next() % UInt64(leaders.count))] : Int(rng.next() % UInt64(people.count))
        return .post(PostEvent(id: nextID("p", at), author: people[author].id, at: at))
    }

    /// Counters that grow: today's impressions of leaders with daily analytics, and the cumulative counters
    /// of leaders' recent posts.
    private func counters(at now: Timestamp) -> [Event] {
        var events: [Event] = []
        for person in dailyLeaders.sorted() {
            let value = (todayImpressions[person] ?? 0) + Int64(20 + rng.unit() * 200)
            todayImpressions[person] = value
            events.append(
                .daily(
                    DailyStatsEvent(
                        person: people[Int(person)].id, day: now.day, impressions: value,
                        engagements: value * 3 / 100)))
        }
        for post in recentPosts where people[Int(post.author)].isLeader && !dailyLeaders.contains(post.author) {
            let hours = Double(now.seconds - post.at) / 3600
            let reach = 800 + Double(stableHash(post.id) % 5000)
            let impressions = Int64(reach * (1 - exp(-max(0, hours) / 20)))
            events.append(
                .stats(PostStatsEvent(post: post.id, at: now, impressions: impressions, engagements: impressions / 30)))
        }
        return events
    }
}
