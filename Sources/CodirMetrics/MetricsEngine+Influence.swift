import CodirModel

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

    public init(
        exemplarity: [TeamActivation] = [], hashtags: [HashtagUse] = [], editorial: [EditorialLeader] = [],
        mentions: Int = 0, previousMentions: Int? = nil, press: [LeaderPress] = [], headlines: [Headline] = [],
        rates: ValueRates, committeeValue: Double? = nil, value: [LeaderValue] = []
    ) {
        self.exemplarity = exemplarity
        self.hashtags = hashtags
        self.editorial = editorial
        self.mentions = mentions
        self.previousMentions = previousMentions
        self.press = press
        self.headlines = headlines
        self.rates = rates
        self.committeeValue = committeeValue
        self.value = value
    }

    /// The report as `disclosure` lets its viewer see it: the rows of the leaders whose numbers they may not see
    /// are removed, and so are the team figures of a department too small to hide in; shares of voice, ranks and
    /// headlines (which name people) are kept only when individuals may be named. The committee's figures (top
    /// hashtags, mentions, earned media value) stay whole.
    public func disclosed(to disclosure: Disclosure, people: [Person]) -> InfluenceReport {
        guard disclosure.visibility != .all else { return self }
        func shown(_ person: Int) -> Bool { people.indices.contains(person) && disclosure.showsNumbers(of: people[person]) }
        var copy = self
        copy.exemplarity = exemplarity.filter { shown($0.person) && !disclosure.withholds(departmentOf: $0.employees) }
        copy.editorial = editorial.filter { shown($0.person) }
        copy.press = press.filter { shown($0.person) }.map {
            var row = $0
            row.shareOfVoice = nil
            return row
        }
        copy.value = value.filter { shown($0.person) }.map {
            var row = $0
            row.growthRank = nil
            return row
        }
        copy.headlines = []
        return copy
    }
}

/// Who interacted with someone (a person with themself left out): in the window, in each week of the trend
/// (the 12 weeks up to the window's end) and in the previous window.
public struct TrendActivity: Sendable, Hashable {
    /// By person position.
    public var activeNow: [Bool]
    /// By week, oldest first, then by person.
    public var activeWeek: [[Bool]]
    /// The weeks with at least one interaction.
    public var interactionWeeks: [Bool]
    /// By person; nil when unknown (`all`, or not read).
    public var previousActive: [Bool]?
    let window: TimeWindow

    public init(people: Int, window: TimeWindow) {
        self.window = window
        activeNow = [Bool](repeating: false, count: people)
        activeWeek = [[Bool]](repeating: activeNow, count: MetricsEngine.trendWeeks)
        interactionWeeks = [Bool](repeating: false, count: MetricsEngine.trendWeeks)
    }

    /// Counts one interaction made by `actor` (a known person) at `at`.
    public mutating func count(actor: Int, at: Int64) {
        if window.contains(seconds: at) { activeNow[actor] = true }
        if let week = Self.week(of: at, window: window) {
            activeWeek[week][actor] = true
            interactionWeeks[week] = true
        }
    }

    /// The week of the trend ending with `window` that `at` falls in; nil outside the trend.
    public static func week(of at: Int64, window: TimeWindow) -> Int? {
        let end = window.end.seconds
        let start = window.end.adding(days: -7 * MetricsEngine.trendWeeks).seconds
        guard at > start, at <= end else { return nil }
        return Int((at - start - 1) / (7 * Timestamp.secondsPerDay))
    }
}

extension MetricsEngine {
    /// How many hashtags and headlines the influence report lists.
    public static let hashtagLimit = 10
    public static let headlineLimit = 10

    /// The influence report for `reach` (computed from `dataset` for `window`): who was active in the previous
    /// window comes from `dataset.previousActivity` (unknown without it); the trend's weeks are those of the E-I
    /// trend.
    public static func influence(
        in dataset: Dataset, window: TimeWindow, reach: [ReachRow], rates: ValueRates = .defaults
    ) -> InfluenceReport {
        let people = dataset.people
        var activity = TrendActivity(people: people.count, window: window)
        for i in dataset.interactions where i.actor != i.target {
            guard people.indices.contains(Int(i.actor)) else { continue }
            activity.count(actor: Int(i.actor), at: i.at)
        }
        activity.previousActive = dataset.previousActivity.map { counts in
            people.indices.map { counts.indices.contains($0) && counts[$0] > 0 }
        }
        return influence(
            people: people, posts: dataset.posts, press: dataset.press, window: window, activity: activity, reach: reach,
            rates: rates)
    }

    /// The influence report from who was active (`activity`), the posts, the press items and the reach rows.
    public static func influence(
        people: [Person], posts: [PostRecord], press: [PressRecord], window: TimeWindow, activity: TrendActivity,
        reach: [ReachRow], rates: ValueRates
    ) -> InfluenceReport {
        let leaders = people.indices.filter { people[$0].isLeader }
        func week(_ at: Int64) -> Int? { TrendActivity.week(of: at, window: window) }
        let activeNow = activity.activeNow, activeWeek = activity.activeWeek
        var weeksWithData = activity.interactionWeeks
        var employeesOf: [String: [Int]] = [:]
        for (index, person) in people.enumerated() where !person.isLeader { employeesOf[person.department, default: []].append(index) }

        var postsByLeaderWeek: [Int: [Int]] = [:]
        for post in posts where people.indices.contains(Int(post.author)) {
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
                previousActive: activity.previousActive.map { set in employees.count(where: { set[$0] }) },
                weeklyPosts: weeklyPosts, weeklyActiveShare: weeklyShare,
                correlation: pairs.count >= 4 ? pearson(pairs) : nil)
        }

        // Editorial line: the leaders' posts of the window.
        var tagPosts: [String: Int] = [:]
        var tagLeaders: [String: Set<Int>] = [:]
        var leaderTags: [Int: [String: Int]] = [:]
        for post in posts where window.contains(seconds: post.at) && people.indices.contains(Int(post.author)) {
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
        let inWindow = press.filter { window.contains(seconds: $0.at) && !namesLeaders($0).isEmpty }
        let inPrevious = window.previous.map { previous in
            press.filter { previous.contains(seconds: $0.at) && !namesLeaders($0).isEmpty }
        }
        let allMentions = inWindow.reduce(0) { $0 + namesLeaders($1).count }
        let leaderPress = leaders.map { leader -> LeaderPress in
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
            previousMentions: inPrevious?.count, press: leaderPress, headlines: Array(headlines), rates: rates,
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
