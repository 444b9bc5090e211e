import CodirModel

/// The rates that turn reach into earned media value (`[value]` in the configuration): what the same impressions
/// and engagements would have cost as advertising. An estimate, never revenue.
public struct ValueRates: Sendable, Hashable {
    /// Cost per 1,000 impressions.
    public var cpm: Double
    /// Cost per engagement.
    public var cpe: Double
    public var currency: String

    public init(cpm: Double, cpe: Double, currency: String) {
        self.cpm = cpm
        self.cpe = cpe
        self.currency = currency
    }

    /// docs/metrics.md says where they come from.
    public static let defaults = ValueRates(cpm: 30, cpe: 1, currency: "EUR")
}

/// Exemplarity for one leader: their team's activation, and their posting beside it week by week.
public struct TeamActivation: Sendable, Hashable {
    public var person: Int
    public var department: String
    /// The department's employees (leaders not counted).
    public var employees: Int
    /// Of them, those who interacted with someone at least once in the window / the previous window.
    public var active: Int
    public var previousActive: Int?
    /// The leader's posts in each of the 12 weeks of the trend, oldest first.
    public var weeklyPosts: [Int]
    /// The department's active share in each of those weeks; nil without employees.
    public var weeklyActiveShare: [Double?]
    /// Pearson's correlation of the two series over the weeks with data (an indication, not a cause); nil when
    /// either is constant or fewer than 4 weeks have data.
    public var correlation: Double?

    /// `active / employees`; nil without employees.
    public var share: Double? { employees > 0 ? Double(active) / Double(employees) : nil }
    public var previousShare: Double? { employees > 0 ? previousActive.map { Double($0) / Double(employees) } : nil }
    /// The change of the share, in points of share (0.05 = five points).
    public var change: Double? { share.flatMap { now in previousShare.map { now - $0 } } }
}

/// One hashtag of the committee's editorial line.
public struct HashtagUse: Sendable, Hashable {
    public var hashtag: String
    /// The leaders' posts of the window that carry it, and how many leaders wrote them.
    public var posts: Int
    public var leaders: Int
}

/// One leader's editorial line: their top hashtags and how regularly they post.
public struct EditorialLeader: Sendable, Hashable {
    public var person: Int
    /// Their three most used hashtags in the window (most posts first, then alphabetical).
    public var topHashtags: [String]
    /// Posts in each of the 12 weeks of the trend, oldest first (the cadence strip).
    public var weeklyPosts: [Int]
    /// The share of those 12 weeks with at least one post.
    public var regularity: Double
}

/// Press coverage of one leader in the window.
public struct LeaderPress: Sendable, Hashable {
    public var person: Int
    public var mentions: Int
    /// The sum of the known audiences of those items; nil when none is known.
    public var audience: Int64?
    /// Mentions in the previous window; nil for `all`.
    public var previousMentions: Int?
    /// Their mentions over all the leaders' mentions; nil when there are none.
    public var shareOfVoice: Double?
}

/// A press item naming leaders, as the pane and the ticker list it.
public struct Headline: Sendable, Hashable {
    public var at: Timestamp
    public var outlet: String
    public var title: String
    public var url: String?
    /// The leaders it names, by position.
    public var people: [Int]
}

/// Market value of one leader: what their reach would have cost, and how fast their audience grows.
public struct LeaderValue: Sendable, Hashable {
    public var person: Int
    /// Earned media value in the window: impressions × cpm / 1000 + engagements × cpe (unknown engagements count
    /// as none); nil when the impressions are unknown.
    public var emv: Double?
    /// Follower growth over the window / followers at its start; nil when unknown or nothing at the start.
    public var followerGrowthRate: Double?
    /// Their place among the leaders with a growth rate (1 = fastest).
    public var growthRank: Placing?
}

/// The first three benefits of a committee that embodies the transformation, measured (the fourth, the end of
/// silos, is `SiloReport`).
public struct InfluenceReport: Sendable, Hashable {
    public var exemplarity: [TeamActivation]
    public var hashtags: [HashtagUse]
    public var editorial: [EditorialLeader]
    /// Press items of the window naming at least one leader, and in the previous window (nil for `all`).
    public var mentions: Int
    public var previousMentions: Int?
    public var press: [LeaderPress]
    /// The latest items naming leaders, newest first.
    public var headlines: [Headline]
    public var rates: ValueRates
    /// The committee's earned media value: the sum of the leaders' known values; nil when none is known.
    public var committeeValue: Double?
    public var value: [LeaderValue]
}

extension MetricsEngine {
    /// How many hashtags and headlines the influence report lists.
    public static let hashtagLimit = 10
    public static let headlineLimit = 10

    /// The influence report for `reach` (computed from `dataset` for `window`). `previousActive`: the people who
    /// interacted with someone in the previous window (nil when unknown); the trend's weeks are those of the E-I
    /// trend.
    public static func influence(
        in dataset: Dataset, window: TimeWindow, reach: [ReachRow], previousActive: Set<Int32>?,
        rates: ValueRates = .defaults
    ) -> InfluenceReport {
        let people = dataset.people
        let leaders = people.indices.filter { people[$0].isLeader }
        let end = window.end.seconds
        let trendStart = window.end.adding(days: -7 * trendWeeks).seconds
        let weekSeconds = Int64(7 * Timestamp.secondsPerDay)
        func week(_ at: Int64) -> Int? {
            guard at > trendStart, at <= end else { return nil }
            return Int((at - trendStart - 1) / weekSeconds)
        }

        // Who interacted, in the window and in each week.
        var activeNow = [Bool](repeating: false, count: people.count)
        var activeWeek = [[Bool]](repeating: [Bool](repeating: false, count: people.count), count: trendWeeks)
        var weeksWithData = [Bool](repeating: false, count: trendWeeks)
        for i in dataset.interactions where i.actor != i.target {
            let actor = Int(i.actor)
            guard people.indices.contains(actor) else { continue }
            if window.contains(seconds: i.at) { activeNow[actor] = true }
            if let w = week(i.at) {
                activeWeek[w][actor] = true
                weeksWithData[w] = true
            }
        }
        var employeesOf: [String: [Int]] = [:]
        for (index, person) in people.enumerated() where !person.isLeader { employeesOf[person.department, default: []].append(index) }

        var postsByLeaderWeek: [Int: [Int]] = [:]
        for post in dataset.posts {
            guard let w = week(post.at) else { continue }
            postsByLeaderWeek[Int(post.author), default: [Int](repeating: 0, count: trendWeeks)][w] += 1
            weeksWithData[w] = true
        }

        let exemplarity = leaders.map { leader -> TeamActivation in
            let department = people[leader].department
            let employees = employeesOf[department] ?? []
            let weeklyPosts = postsByLeaderWeek[leader] ?? [Int](repeating: 0, count: trendWeeks)
            let weeklyShare: [Double?] = (0..<trendWeeks).map { w in
                employees.isEmpty ? nil : Double(employees.count(where: { activeWeek[w][$0] })) / Double(employees.count)
            }
            let weeks = (0..<trendWeeks).filter { weeksWithData[$0] }
            let pairs = weeks.compactMap { w in weeklyShare[w].map { (Double(weeklyPosts[w]), $0) } }
            return TeamActivation(
                person: leader, department: department, employees: employees.count,
                active: employees.count(where: { activeNow[$0] }),
                previousActive: previousActive.map { set in employees.count(where: { set.contains(Int32($0)) }) },
                weeklyPosts: weeklyPosts, weeklyActiveShare: weeklyShare,
                correlation: pairs.count >= 4 ? pearson(pairs) : nil)
        }

        // Editorial line: the leaders' posts of the window.
        var tagPosts: [String: Int] = [:]
        var tagLeaders: [String: Set<Int>] = [:]
        var leaderTags: [Int: [String: Int]] = [:]
        for post in dataset.posts where window.contains(seconds: post.at) && people.indices.contains(Int(post.author)) {
            let author = Int(post.author)
            guard people[author].isLeader else { continue }
            for tag in Set(post.hashtags) {
                tagPosts[tag, default: 0] += 1
                tagLeaders[tag, default: []].insert(author)
                leaderTags[author, default: [:]][tag, default: 0] += 1
            }
        }
        let hashtags = tagPosts.map { HashtagUse(hashtag: $0.key, posts: $0.value, leaders: tagLeaders[$0.key]?.count ?? 0) }
            .sorted { ($0.posts, $0.leaders, $1.hashtag) > ($1.posts, $1.leaders, $0.hashtag) }
            .prefix(hashtagLimit)
        let editorial = leaders.map { leader -> EditorialLeader in
            let weekly = postsByLeaderWeek[leader] ?? [Int](repeating: 0, count: trendWeeks)
            let top = (leaderTags[leader] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key)
            return EditorialLeader(
                person: leader, topHashtags: Array(top), weeklyPosts: weekly,
                regularity: Double(weekly.count(where: { $0 > 0 })) / Double(trendWeeks))
        }

        // Media impact.
        let isLeader = Set(leaders)
        func namesLeaders(_ item: PressRecord) -> [Int] { item.people.map(Int.init).filter(isLeader.contains) }
        let inWindow = dataset.press.filter { window.contains(seconds: $0.at) && !namesLeaders($0).isEmpty }
        let inPrevious = window.previous.map { previous in
            dataset.press.filter { previous.contains(seconds: $0.at) && !namesLeaders($0).isEmpty }
        }
        let allMentions = inWindow.reduce(0) { $0 + namesLeaders($1).count }
        let press = leaders.map { leader -> LeaderPress in
            let items = inWindow.filter { $0.people.contains(Int32(leader)) }
            let audiences = items.compactMap(\.audience)
            return LeaderPress(
                person: leader, mentions: items.count,
                audience: audiences.isEmpty ? nil : audiences.reduce(0) { $0.saturatingAdding($1) },
                previousMentions: inPrevious.map { $0.count(where: { $0.people.contains(Int32(leader)) }) },
                shareOfVoice: allMentions > 0 ? Double(items.count) / Double(allMentions) : nil)
        }
        let headlines = inWindow.sorted { ($0.at, $0.title) > ($1.at, $1.title) }.prefix(headlineLimit).map {
            Headline(at: Timestamp(seconds: $0.at), outlet: $0.outlet, title: $0.title, url: $0.url, people: namesLeaders($0))
        }

        // Market value.
        var value = reach.filter { isLeader.contains($0.person) }.map { row -> LeaderValue in
            // Without impressions, no value: engagement alone would understate it as if seen by nobody.
            let emv = row.impressions.map { Double($0) * rates.cpm / 1000 + Double(row.engagements ?? 0) * rates.cpe }
            var rate: Double?
            if let followers = row.followers, let growth = row.followerGrowth {
                let start = followers.saturatingSubtracting(growth)
                if start > 0 { rate = Double(growth) / Double(start) }
            }
            return LeaderValue(person: row.person, emv: emv, followerGrowthRate: rate, growthRank: nil)
        }
        let growthRates = value.compactMap(\.followerGrowthRate)
        for index in value.indices {
            value[index].growthRank = value[index].followerGrowthRate.map { Placing($0, among: growthRates) }
        }
        let known = value.compactMap(\.emv)
        return InfluenceReport(
            exemplarity: exemplarity, hashtags: Array(hashtags), editorial: editorial, mentions: inWindow.count,
            previousMentions: inPrevious?.count, press: press, headlines: Array(headlines), rates: rates,
            committeeValue: known.isEmpty ? nil : known.reduce(0, +), value: value)
    }

    /// Pearson's correlation coefficient of paired values; nil when either side is constant.
    static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let n = Double(pairs.count)
        guard n >= 2 else { return nil }
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n, meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
            syy += (y - meanY) * (y - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
