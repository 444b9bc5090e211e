import CodirModel

extension MetricsEngine {
    /// A leader's impressions, engagements, posts and followers over the window, with the daily series.
    /// `receivedOnPosts`, when given, is the engagement recorded on the leader's posts in the window (the live path
    /// keeps it without the interactions); else it is counted from the dataset.
    public static func reachRow(
        for person: Int, in dataset: Dataset, window: TimeWindow, receivedOnPosts: Int? = nil
    ) -> ReachRow {
        reachRows(for: [person], in: dataset, window: window, receivedOnPosts: { _ in receivedOnPosts })[0]
    }

    /// The reach rows of these people, the posts and daily rows grouped by person once for all of them.
    public static func reachRows(
        for persons: [Int], in dataset: Dataset, window: TimeWindow, receivedOnPosts: (Int) -> Int? = { _ in nil }
    ) -> [ReachRow] {
        // Grouped by position, without hashing: this runs at every live report.
        var slot = [Int](repeating: -1, count: dataset.people.count)
        for (index, person) in persons.enumerated() where slot.indices.contains(person) { slot[person] = index }
        func slotOf(_ person: Int32) -> Int? {
            let p = Int(person)
            return p >= 0 && p < slot.count && slot[p] >= 0 ? slot[p] : nil
        }
        var postsBy = [[Int]](repeating: [], count: persons.count)
        for (index, post) in dataset.posts.enumerated() { if let s = slotOf(post.author) { postsBy[s].append(index) } }
        var dailyBy = [[DailyRecord]](repeating: [], count: persons.count)
        for row in dataset.daily { if let s = slotOf(row.person) { dailyBy[s].append(row) } }
        var followersBy = [[FollowerRecord]](repeating: [], count: persons.count)
        for row in dataset.followers { if let s = slotOf(row.person) { followersBy[s].append(row) } }
        var statsBy = [[PostStatRecord]](repeating: [], count: persons.count)
        for stat in dataset.postStats where dataset.posts.indices.contains(Int(stat.post)) {
            if let s = slotOf(dataset.posts[Int(stat.post)].author) { statsBy[s].append(stat) }
        }
        let days = seriesDays(window: window, dataset: dataset)
        return persons.enumerated().map { index, person in
            // A person given twice gets the rows of their first place.
            let s = slotOf(Int32(truncatingIfNeeded: person)) ?? index
            return reachRow(
                for: person, posts: postsBy[s], daily: dailyBy[s], stats: statsBy[s], followers: followersBy[s], days: days,
                in: dataset, window: window, receivedOnPosts: receivedOnPosts(person))
        }
    }

    private static func reachRow(
        for person: Int, posts: [Int], daily: [DailyRecord], stats postStats: [PostStatRecord],
        followers snapshots: [FollowerRecord], days: Range<Day>,
        in dataset: Dataset, window: TimeWindow, receivedOnPosts: Int?
    ) -> ReachRow {
        let p = Int32(person)
        let stats = statsByPost(postStats)

        let impressions = total(
            window: window, daily: daily, field: \.impressions, posts: posts, dataset: dataset, stats: stats,
            statField: { $0.impressions })
        let engagements = total(
            window: window, daily: daily, field: \.engagements, posts: posts, dataset: dataset, stats: stats,
            statField: { $0.engagements })

        var previous: Int64? = nil
        var partial = false
        if let prior = window.previous {
            let before = total(
                window: prior, daily: daily, field: \.impressions, posts: posts, dataset: dataset, stats: stats,
                statField: { $0.impressions })
            previous = before.value
            // Daily rows that start after the previous window's first day cover only part of it: a change against
            // that part would be a change against days without data.
            if before.source == .daily, let start = prior.start,
                let first = daily.lazy.filter({ $0.impressions != nil }).map(\.day).min(),
                first > lastDay(withNoonAtOrBefore: start).advanced(by: 1)
            {
                partial = true
            }
        }
        let change: Double? =
            if !partial, let now = impressions.value, let before = previous, before > 0 {
                (Double(now) - Double(before)) / Double(before)
            } else { nil }

        let (followers, growth, growthSource) = followerFigures(snapshots: snapshots, daily: daily, window: window)
        let series = dailyImpressions(
            days: days, window: window, source: impressions.source, daily: daily, posts: posts, dataset: dataset,
            stats: stats)

        var row = ReachRow(
            person: person, impressions: impressions.value, impressionSource: impressions.source,
            engagements: engagements.value, engagementSource: engagements.source,
            engagementRate: engagementRate(impressions.value, engagements.value),
            posts: posts.count(where: { window.contains(seconds: dataset.posts[$0].at) }), followers: followers,
            followerGrowth: growth, followerGrowthSource: growthSource, previousImpressions: previous,
            previousIsPartial: partial, impressionsChange: change,
            dailyImpressions: series, seriesStart: days.lowerBound)
        if engagements.source == .none {
            // Neither daily totals nor post counters: count the interactions recorded on the leader's posts.
            row.countEngagement(
                receivedOnPosts
                    ?? dataset.interactions.count(where: {
                        $0.target == p && $0.actor != p && $0.kind.isPostBased && $0.post >= 0
                            && window.contains(seconds: $0.at)
                    }))
        }
        return row
    }

    static func engagementRate(_ impressions: Int64?, _ engagements: Int64?) -> Double? {
        if let i = impressions, let e = engagements, i > 0 { Double(e) / Double(i) } else { nil }
    }

    /// The days whose noon falls in the window. An unbounded window starts on the first day with data.
    static func seriesDays(window: TimeWindow, dataset: Dataset) -> Range<Day> {
        let last = lastDay(withNoonAtOrBefore: window.end)
        let first: Day
        if let start = window.start {
            first = lastDay(withNoonAtOrBefore: start).advanced(by: 1)
        } else {
            var earliest = Int64.max
            for post in dataset.posts { earliest = min(earliest, post.at) }
            for stat in dataset.postStats { earliest = min(earliest, stat.at) }
            for row in dataset.daily { earliest = min(earliest, row.day.noon.seconds) }
            first = earliest == Int64.max ? last : min(last, Timestamp(seconds: earliest).day)
        }
        return first..<max(first, last.advanced(by: 1))
    }

    static func lastDay(withNoonAtOrBefore t: Timestamp) -> Day {
        let day = t.day
        return day.noon <= t ? day : day.advanced(by: -1)
    }

    /// Each post's counters, oldest first.
    private static func statsByPost(_ stats: [PostStatRecord]) -> [Int32: [PostStatRecord]] {
        var byPost: [Int32: [PostStatRecord]] = [:]
        for stat in stats { byPost[stat.post, default: []].append(stat) }
        for key in byPost.keys { byPost[key]?.sort { $0.at < $1.at } }
        return byPost
    }

    /// The reach rule: daily totals when there are any in the window, else the latest counters of the posts
    /// published in the window, as of the window's end.
    private static func total(
        window: TimeWindow, daily: [DailyRecord], field: KeyPath<DailyRecord, Int64?>, posts: [Int],
        dataset: Dataset, stats: [Int32: [PostStatRecord]], statField: (PostStatRecord) -> Int64?
    ) -> (value: Int64?, source: ReachSource) {
        var sum: Int64 = 0
        var found = false
        for row in daily where window.contains(row.day.noon) {
            if let v = row[keyPath: field] {
                sum = sum.saturatingAdding(v)
                found = true
            }
        }
        if found { return (sum, .daily) }
        for post in posts where window.contains(seconds: dataset.posts[post].at) {
            if let v = latest(stats[Int32(post)], atOrBefore: window.end.seconds).flatMap(statField) {
                sum = sum.saturatingAdding(v)
                found = true
            }
        }
        return found ? (sum, .postStats) : (nil, .none)
    }

    private static func latest(_ stats: [PostStatRecord]?, atOrBefore t: Int64) -> PostStatRecord? {
        guard let stats else { return nil }
        return stats.last(where: { $0.at <= t })
    }

    /// Followers at the end of the window and their growth over it, with where the growth comes from.
    ///
    /// A follower total is a figure of its day (LinkedIn's "Total followers on 4/23/2023"): it is known from the start
    /// of that day, so a report run on the day of an export shows it. The count at the end is the latest total known
    /// by then, plus the new followers of the days after that total's day. The growth is the difference of the counts at the window's start and end when snapshots give
    /// both; else the sum of the daily new followers in the window (creator analytics give one total and 90 days of
    /// new followers: the count at the start is then the total minus the new followers after it).
    private static func followerFigures(
        snapshots unsorted: [FollowerRecord], daily: [DailyRecord], window: TimeWindow
    ) -> (Int64?, Int64?, FollowerGrowthSource) {
        let snapshots = unsorted.sorted { $0.at < $1.at }
        var newInWindow: Int64 = 0
        var foundNew = false
        for row in daily where window.contains(row.day.noon) {
            if let v = row.newFollowers {
                newInWindow = newInWindow.saturatingAdding(v)
                foundNew = true
            }
        }
        /// The count at `t`: the latest total known by then and the new followers of the days since its day.
        func count(at t: Timestamp) -> Int64? {
            guard let last = snapshots.last(where: { Timestamp(seconds: $0.at).day.start <= t }) else { return nil }
            var count = last.count
            let day = Timestamp(seconds: last.at).day
            for row in daily where row.day > day && row.day.noon <= t {
                count = count.saturatingAdding(row.newFollowers ?? 0)
            }
            return count
        }
        let atEnd = count(at: window.end)
        if let atEnd, let start = window.start, let atStart = count(at: start) {
            return (atEnd, atEnd.saturatingSubtracting(atStart), .snapshots)
        }
        return (atEnd, foundNew ? newInWindow : nil, foundNew ? .newFollowers : .none)
    }

    /// Impressions per day. From daily rows, each day's value; from post counters, each day's increase of the
    /// summed latest counters, so that the series adds up to the window's total.
    private static func dailyImpressions(
        days: Range<Day>, window: TimeWindow, source: ReachSource, daily: [DailyRecord], posts: [Int],
        dataset: Dataset, stats: [Int32: [PostStatRecord]]
    ) -> [Int64] {
        var series = [Int64](repeating: 0, count: days.count)
        switch source {
        case .daily:
            for row in daily where days.contains(row.day) {
                let offset = days.lowerBound.distance(to: row.day)
                series[offset] = series[offset].saturatingAdding(row.impressions ?? 0)
            }
        case .postStats:
            let inWindow = posts.filter { window.contains(seconds: dataset.posts[$0].at) }
            var previousTotal: Int64 = 0
            for (offset, day) in days.enumerated() {
                let t = min(day.advanced(by: 1).start.seconds, window.end.seconds)
                var totalAtT: Int64 = 0
                for post in inWindow where dataset.posts[post].at <= t {
                    totalAtT = totalAtT.saturatingAdding(latest(stats[Int32(post)], atOrBefore: t)?.impressions ?? 0)
                }
                series[offset] = totalAtT.saturatingSubtracting(previousTotal)
                previousTotal = totalAtT
            }
        case .interactions, .none:
            break
        }
        return series
    }
}

extension ReachRow {
    /// Takes `count`, the engagement recorded on the leader's posts in the window, as the row's engagement: the
    /// rule when neither daily totals nor post counters give one.
    mutating func countEngagement(_ count: Int) {
        engagements = Int64(count)
        engagementSource = .interactions
        engagementRate = MetricsEngine.engagementRate(impressions, engagements)
    }
}
