import CodirModel
import Foundation

/// Generates the demo organisation's events, one UTC day at a time.
///
/// Each day is generated from its own random stream, so any day can be produced again (to top the history
/// up to today, or by the simulator) and always gives the same events, with the same ids.
public struct DemoHistory: Sendable {
    public let organisation: DemoOrganisation
    public let seed: UInt64
    /// The first day of the history; silos open progressively from then on.
    public let startDay: Day
    /// How many days it takes the silos to open fully.
    public let openingDays: Int

    private let people: [Person]
    private let departmentOf: [Int]
    /// Running totals of employee activity per department, to draw active people more often.
    private let byDepartment: [[Int]]
    private let cumulativeByDepartment: [[Double]]
    private let weightOf: [Double]

    public init(organisation: DemoOrganisation, seed: UInt64, startDay: Day, openingDays: Int = 120) {
        self.organisation = organisation
        self.seed = seed
        self.startDay = startDay
        self.openingDays = openingDays
        let people = organisation.people
        self.people = people
        let departmentOf = people.map { organisation.departmentIndex(of: $0) }
        self.departmentOf = departmentOf
        let leaderCount = organisation.leaders.count
        let weights = people.indices.map { $0 < leaderCount ? 2.0 : organisation.activity[$0 - leaderCount] }
        weightOf = weights
        var groups = [[Int]](repeating: [], count: organisation.departments.count)
        for index in people.indices { groups[departmentOf[index]].append(index) }
        byDepartment = groups
        cumulativeByDepartment = groups.map { members in
            var total = 0.0
            return members.map { total += weights[$0]; return total }
        }
    }

    /// Every event whose time falls on `day`, up to `until` when given, in time order.
    public func events(on day: Day, until: Timestamp? = nil) -> [Event] {
        var events: [Event] = []
        // Engagement on a post runs for up to three days after it.
        // (Posts from before the history starts were never written: nothing engages with them.)
        for postDay in [day.advanced(by: -2), day.advanced(by: -1), day] where postDay >= startDay {
            for post in posts(on: postDay) {
                if postDay == day { events.append(.post(post.event)) }
                events += interactions(on: post).filter { $0.at.day == day }.map(Event.interaction)
            }
        }
        events += messages(on: day)
        events += analytics(on: day)
        let limit = until ?? Timestamp(seconds: .max)
        return events.filter { $0.time <= limit }.sorted { $0.time < $1.time }
    }

    // MARK: - Posts

    struct GeneratedPost {
        var event: PostEvent
        var author: Int
        var reach: Double
    }

    private func fraction(of day: Day) -> Double {
        min(1.0, max(0.0, Double(startDay.distance(to: day)) / Double(openingDays)))
    }

    private func activityFactor(_ day: Day) -> Double { day.weekday >= 5 ? 0.25 : 1.0 }

    /// A working-hours moment of the day.
    private func moment(on day: Day, _ rng: inout SeededGenerator) -> Timestamp {
        let hour = 7.5 + rng.unit() * 11.5
        return day.start.adding(seconds: Int64(hour * 3600))
    }

    func posts(on day: Day) -> [GeneratedPost] {
        var rng = SeededGenerator(seed: seed, stream: UInt64(bitPattern: Int64(day.number)) &* 31 &+ 1)
        let factor = activityFactor(day)
        var posts: [GeneratedPost] = []
        for (index, persona) in organisation.leaders.enumerated() {
            for _ in 0..<rng.poisson(persona.postsPerWeek / 7 * (day.weekday >= 5 ? 0.3 : 1.25)) {
                let reach = persona.impressionsPerPost * exp(0.45 * rng.normal())
                posts.append(GeneratedPost(event: makePost(index, day, posts.count, &rng), author: index, reach: reach))
            }
        }
        let leaderCount = organisation.leaders.count
        for (offset, activity) in organisation.activity.enumerated() where rng.chance(0.0022 * activity * factor) {
            let index = leaderCount + offset
            posts.append(
                GeneratedPost(
                    event: makePost(index, day, posts.count, &rng), author: index, reach: 300 * activity.squareRoot()))
        }
        return posts.sorted { $0.event.at < $1.event.at }
    }

    private func makePost(_ author: Int, _ day: Day, _ number: Int, _ rng: inout SeededGenerator) -> PostEvent {
        let id = "demo-\(day.iso8601)-p\(number)"
        let at = moment(on: day, &rng)
        // A LinkedIn id carries the moment it was minted in its high 41 bits, as real ones do.
        let share = UInt64(max(0, at.seconds)) * 1000 << 22 | UInt64(number & 0x3F_FFFF)
        return PostEvent(
            id: id, author: people[author].id, at: at, url: "https://www.linkedin.com/feed/update/urn:li:share:\(share)",
            hashtags: hashtags(author: author, post: id))
    }

    /// A post's hashtags: a leader's from their editorial line (the first most often), an employee's now and then
    /// one of the committee's. Drawn from the post's own stream, so that the rest of the history does not move.
    private func hashtags(author: Int, post: String) -> [String] {
        var rng = SeededGenerator(seed: seed ^ 0x7A65, stream: stableHash(post))
        let leaders = organisation.leaders
        guard author < leaders.count else {
            let line = leaders[0].hashtags
            return rng.chance(0.3) && !line.isEmpty ? [line[Int(rng.next() % UInt64(line.count))]] : []
        }
        var tags: [String] = []
        for (rank, tag) in leaders[author].hashtags.enumerated() where rng.chance(0.75 / Double(rank + 1)) { tags.append(tag) }
        return tags
    }

    // MARK: - Interactions

    /// Everyone's engagement with one post, over the three days after it.
    func interactions(on post: GeneratedPost) -> [InteractionEvent] {
        var rng = SeededGenerator(seed: seed ^ 0x1A7E, stream: stableHash(post.event.id))
        let author = post.author
        let f = fraction(of: post.event.at.day)
        let leaderCount = organisation.leaders.count
        var result: [InteractionEvent] = []
        var number = 0

        func add(_ actor: Int) {
            let roll = rng.unit()
            let kind: InteractionKind = roll < 0.74 ? .reaction : roll < 0.95 ? .comment : .share
            let delay = min(60 * 3600.0, -log(max(rng.unit(), 1e-9)) * 5 * 3600)
            result.append(
                InteractionEvent(
                    id: "\(post.event.id)-i\(number)", kind: kind, actor: people[actor].id, post: post.event.id,
                    at: post.event.at.adding(seconds: Int64(delay) + 60)))
            number += 1
        }

        // Leaders engage according to their persona.
        for (index, persona) in organisation.leaders.enumerated() where index != author {
            let sameDepartment = departmentOf[index] == departmentOf[author]
            let p =
                author < leaderCount
                ? persona.leaderEngagement
                : persona.employeeEngagement * (sameDepartment ? 1.6 : 0.6) * 0.35
            if rng.chance(min(1, p)) { add(index) }
        }
        // Employees: a leader's post draws more of them.
        let expected = author < leaderCount ? 4 + post.reach / 260 : 1.5 + post.reach / 120
        for _ in 0..<rng.poisson(expected) {
            let actor = counterpart(of: author, fraction: f, &rng)
            if actor != author && actor >= leaderCount { add(actor) }
        }
        return result
    }

    /// Someone for `person` to interact with: usually from their own department, more and more often from
    /// another one as the silos open.
    private func counterpart(of person: Int, fraction f: Double, _ rng: inout SeededGenerator) -> Int {
        let home = departmentOf[person]
        let crossChance = min(0.85, (0.1 + 0.42 * f) * organisation.openness[home])
        var department = home
        if rng.chance(crossChance) {
            department = Int(rng.next() % UInt64(organisation.departments.count - 1))
            if department >= home { department += 1 }
        }
        let members = byDepartment[department]
        return members[rng.pick(cumulative: cumulativeByDepartment[department])]
    }

    /// Messages and mentions between people, not tied to a post.
    func messages(on day: Day) -> [Event] {
        var rng = SeededGenerator(seed: seed ^ 0x3E55, stream: UInt64(bitPattern: Int64(day.number)))
        let f = fraction(of: day)
        let factor = activityFactor(day)
        var events: [Event] = []
        let around = (-3...3).flatMap { posts(on: day.advanced(by: $0)) }
        let following = organisation.departments.indices.map { followBoost(department: $0, posts: around) }
        for index in people.indices {
            // The programme draws people in: activity grows as the silos open, and a team follows its leader.
            let rate = 0.022 * weightOf[index] * factor * (0.6 + 0.6 * f) * following[departmentOf[index]]
            for number in 0..<rng.poisson(rate) {
                let target = counterpart(of: index, fraction: f, &rng)
                guard target != index else { continue }
                events.append(
                    .interaction(
                        InteractionEvent(
                            id: "demo-\(day.iso8601)-m\(index)-\(number)",
                            kind: rng.chance(0.85) ? .message : .mention, actor: people[index].id,
                            target: people[target].id, at: moment(on: day, &rng))))
            }
        }
        return events
    }

    /// How much a department's activity rises or falls with its leader's posting in `posts` (those of the days from
    /// three before a day to three after): 1 when the leader posts as usual or the team does not follow them.
    func followBoost(department: Int, posts: [GeneratedPost]) -> Double {
        let leaders = organisation.leaders
        guard let head = leaders.indices.filter({ departmentOf[$0] == department }).max(by: { leaders[$0].teamFollowing < leaders[$1].teamFollowing })
        else { return 1 }
        let persona = leaders[head]
        let expected = persona.postsPerWeek * (5 * 1.25 + 2 * 0.3) / 7
        guard expected > 0, persona.teamFollowing > 0 else { return 1 }
        let posted = posts.count(where: { $0.author == head })
        return min(2.2, max(0.35, 1 + persona.teamFollowing * (Double(posted) / expected - 1)))
    }

    // MARK: - Press

    /// What a leader's first hashtag is about, as a headline says it.
    static let topics = [
        "transformation": "la transformation", "finance": "la finance", "clients": "l'expérience client",
        "marque": "la marque", "industrie": "l'industrie", "innovation": "l'innovation", "talents": "les talents",
        "cybersécurité": "la cybersécurité", "rse": "la RSE", "ia": "l'IA",
    ]

    /// The outlets of the demo's press coverage, with their estimated readership.
    static let outlets: [(name: String, host: String, audience: Int64)] = [
        ("Les Echos", "lesechos", 640_000), ("Le Figaro", "lefigaro", 1_200_000), ("L'Usine Nouvelle", "usinenouvelle", 310_000),
        ("BFM Business", "bfmbusiness", 950_000), ("Challenges", "challenges", 420_000), ("Maddyness", "maddyness", 180_000),
        ("Ouest-France", "ouestfrance", 2_300_000), ("Décideurs Magazine", "decideurs", 90_000),
    ]

    /// The press items of `day` up to `until` as a press CSV (`date,outlet,title,url,audience,people`), nil when
    /// there are none. Items name leaders in their titles only: the import finds them by name, as it would in a
    /// media-monitoring export.
    public func pressCSV(on day: Day, until: Timestamp? = nil) -> [UInt8]? {
        var rng = SeededGenerator(seed: seed ^ 0x9E55, stream: UInt64(bitPattern: Int64(day.number)))
        let leaders = organisation.leaders
        let name = DemoOrganisation.name.replacingOccurrences(of: " (démo)", with: "")
        var rows: [String] = []
        for (index, persona) in leaders.enumerated() where rng.chance(persona.pressPerMonth / 30 * (day.weekday >= 5 ? 0.3 : 1.3)) {
            let at = moment(on: day, &rng)
            guard at <= until ?? at else { continue }
            let outlet = Self.outlets[Int(rng.next() % UInt64(Self.outlets.count))]
            let topic = Self.topics[persona.hashtags.first ?? ""] ?? "la transformation"
            var title: String
            switch rng.next() % 4 {
            case 0: title = "\(persona.person.name) (\(name)) : « Sur \(topic), tout se joue avec les équipes »"
            case 1:
                let of = topic.hasPrefix("les ") ? "des " + topic.dropFirst(4) : "de " + topic
                title = "Comment \(persona.person.name) fait \(of) un levier de croissance"
            case 2: title = "\(name) : entretien avec \(persona.person.name)"
            default: title = "Les dirigeants qui comptent sur LinkedIn : \(persona.person.name)"
            }
            if rng.chance(0.12) {
                let other = leaders[(index + 1 + Int(rng.next() % UInt64(leaders.count - 1))) % leaders.count]
                title += ", avec \(other.person.name)"
            }
            let url = "https://\(outlet.host).example/\(day.iso8601)/\(index)-\(rows.count)"
            let audience = rng.chance(0.8) ? String(outlet.audience) : ""
            let fields = [at.iso8601, outlet.name, title, url, audience, ""]
            rows.append(fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ","))
        }
        guard !rows.isEmpty else { return nil }
        return Array(("date,outlet,title,url,audience,people\n" + rows.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: - Analytics

    /// Leaders' numbers: daily analytics rows for some, cumulative post counters for the others, and a
    /// follower count every Monday.
    func analytics(on day: Day) -> [Event] {
        var events: [Event] = []
        let recent = (0...6).flatMap { back in posts(on: day.advanced(by: -back)) }
            .filter { $0.author < organisation.leaders.count }
        let endOfDay = day.start.adding(seconds: 23 * 3600)
        var rng = SeededGenerator(seed: seed ^ 0xDA11, stream: UInt64(bitPattern: Int64(day.number)))
        for (index, persona) in organisation.leaders.enumerated() {
            let mine = recent.filter { $0.author == index }
            let followers = followerCount(persona, on: day)
            if persona.exportsDailyAnalytics {
                var impressions = Double(followers) * 0.012 * (0.7 + 0.6 * rng.unit())
                for post in mine {
                    impressions += post.reach * (cumulativeShare(post, at: day.advanced(by: 1).start)
                        - cumulativeShare(post, at: day.start))
                }
                let rate = 0.025 + 0.02 * rng.unit()
                events.append(
                    .daily(
                        DailyStatsEvent(
                            person: persona.person.id, day: day, impressions: Int64(impressions),
                            engagements: Int64(impressions * rate),
                            newFollowers: Int64(rng.poisson(persona.followerGrowth)))))
            } else {
                // Counters only for the posts the history holds (it starts on `startDay`).
                for post in mine where post.event.at <= endOfDay && post.event.at.day >= startDay {
                    let impressions = post.reach * cumulativeShare(post, at: endOfDay)
                    events.append(
                        .stats(
                            PostStatsEvent(
                                post: post.event.id, at: endOfDay, impressions: Int64(impressions),
                                engagements: Int64(impressions * 0.03))))
                }
            }
            if day.weekday == 0 {
                events.append(
                    .followers(
                        FollowersEvent(
                            person: persona.person.id, at: day.start.adding(seconds: 8 * 3600), count: Int64(followers)))
                )
            }
        }
        return events
    }

    /// The share of a post's impressions reached by `t`.
    private func cumulativeShare(_ post: GeneratedPost, at t: Timestamp) -> Double {
        let hours = Double(t.seconds - post.event.at.seconds) / 3600
        return hours <= 0 ? 0 : 1 - exp(-hours / 20)
    }

    private func followerCount(_ persona: LeaderPersona, on day: Day) -> Int {
        let reference = Day(year: 2025, month: 1, day: 1)
        return persona.baseFollowers + Int(persona.followerGrowth * Double(reference.distance(to: day)))
    }
}

/// FNV-1a, for stable per-item random streams (Swift's `Hasher` is seeded per process).
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}
