import CodirModel

/// Every figure a viewer shows for a window that slides with the clock, kept up to date by what changes: the
/// interactions and posts another process appends are added, the rows the window lets go as time passes are
/// removed, and the small tables (daily totals, post counters, follower counts, demographics) are replaced whole
/// when they change. The silo figures live in a `SlidingSilos`, the activity and colleague engagement in a
/// `SlidingActivity`; reach is computed from the small tables and the posts at each report, with the engagement
/// recorded on posts kept by the live path.
///
/// `report()` equals `MetricsEngine.report` on the dataset a full load would give at `asOf`, field by field, and
/// `personalReport` equals `MetricsEngine.personal` (property test). What is not an append (rows deleted or
/// rewritten, people changed) is the reader's to detect; it then builds a new `LiveMetrics`.
public struct LiveMetrics: Sendable {
    public let length: WindowLength
    /// The sources the silo figures count; nil for all.
    public let sources: Set<InteractionSource>?
    public let bridgeLimit: Int
    public private(set) var asOf: Timestamp
    /// The people, every post (later ones too: the clock will reach them) and the small tables; no interactions.
    public private(set) var base: Dataset
    /// The interactions of the window and of the trend, and those after `asOf`, in time order: held once for the
    /// silo figures and the activity alike.
    private var rows = HeldRows()
    private var silos: SlidingSilos
    private var activity: SlidingActivity
    private var personal: PersonalSlice?
    /// The first moment the live path cannot move to: an interaction made before its post was published counts
    /// as on no post until the post is out, and on it after; moving past that moment needs a new build. Nil when
    /// there is no such interaction.
    public private(set) var rebuildAt: Int64?

    /// Builds the live figures from a dataset loaded for the window of `length` ending at `asOf`, holding every
    /// post and every interaction from the dataset's `interactionsFrom` on, later ones included, with their real
    /// post positions (`Dataset.linkingPublishedPosts(asOf:)` is applied here). With `person`, keeps what that
    /// person's personal report needs.
    public init(
        dataset: Dataset, length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>? = nil,
        person: Int? = nil, bridgeLimit: Int = 10
    ) {
        self.length = length
        self.sources = sources
        self.bridgeLimit = bridgeLimit
        self.asOf = asOf
        var base = dataset
        base.interactions = []
        self.base = base
        silos = SlidingSilos(people: dataset.people, length: length, asOf: asOf, sources: sources)
        activity = SlidingActivity(people: dataset.people, length: length, asOf: asOf)
        if let person, dataset.people.indices.contains(person) {
            personal = PersonalSlice(person: person, people: dataset.people, from: dataset.interactionsFrom)
        }
        add(dataset.interactions)
    }

    /// Adds posts appended after those held (their positions follow on) and interactions of any time, which refer
    /// to people and posts by position.
    public mutating func append(posts: [PostRecord], interactions: [InteractionRecord]) {
        base.posts += posts
        add(interactions)
    }

    /// Replaces the small tables, read whole again.
    public mutating func replaceTables(
        postStats: [PostStatRecord], daily: [DailyRecord], followers: [FollowerRecord], demographics: [DemographicRecord]
    ) {
        base.postStats = postStats
        base.daily = daily
        base.followers = followers
        base.demographics = demographics
    }

    private mutating func add(_ interactions: [InteractionRecord]) {
        var live: [LiveInteraction] = []
        live.reserveCapacity(interactions.count)
        var mine: [InteractionRecord] = []
        for var record in interactions where record.actor != record.target {
            guard base.people.indices.contains(Int(record.actor)), base.people.indices.contains(Int(record.target)) else {
                continue
            }
            if record.post >= 0 {
                if !base.posts.indices.contains(Int(record.post)) {
                    record.post = -1
                } else {
                    let published = base.posts[Int(record.post)].at
                    // Engagement dated before its post (clock skew between sources), while the post is not out:
                    // a full load counts it on no post, and on the post once it is out.
                    if published > asOf.seconds && record.at < published {
                        record.post = -1
                        rebuildAt = min(rebuildAt ?? .max, published)
                    }
                }
            }
            live.append(LiveInteraction(record))
            if personal?.wants(record) == true { mine.append(record) }
        }
        activity.add(live)
        silos.add(live)
        let keepFrom = silos.keepFrom(asOf)
        rows.insert(live.lazy.filter { $0.at > keepFrom })
        personal?.held += mine
    }

    /// Moves the window forward to end at `newAsOf`. False, with nothing changed, when the live figures cannot get
    /// there (an earlier moment, or past `rebuildAt`): build anew from the data.
    @discardableResult
    public mutating func move(to newAsOf: Timestamp) -> Bool {
        guard newAsOf >= asOf, newAsOf.seconds < rebuildAt ?? .max else { return false }
        guard newAsOf != asOf else { return true }
        activity.move(to: newAsOf, rows: rows)
        silos.move(to: newAsOf, rows: rows)
        asOf = newAsOf
        rows.drop(through: silos.keepFrom(newAsOf))
        if let window = personal.map({ _ in TimeWindow(length: length, asOf: newAsOf) }) {
            personal?.forget(before: window.previous?.start?.seconds ?? window.start?.seconds ?? .min)
        }
        return true
    }

    /// The full report, as `MetricsEngine.report` gives it.
    public func report() -> MetricsReport {
        let window = TimeWindow(length: length, asOf: asOf)
        let leaders = base.people.indices.filter { base.people[$0].isLeader }
        let reach = MetricsEngine.reachRows(for: leaders, in: base, window: window, receivedOnPosts: activity.receivedOnPosts(by:))
        let (engagement, committee) = activity.engagement(posts: base.posts)
        var report = MetricsReport(
            length: length, window: window, people: base.people, summary: activity.summary(posts: base.posts),
            reach: reach, engagement: engagement, committee: committee, silo: silos.report(bridgeLimit: bridgeLimit))
        report.siloSources = sources
        report.interactionsBySource = activity.interactionsBySource
        return report
    }

    /// The personal report of the person given at the build, as `MetricsEngine.personal` gives it from `report`
    /// (this value's own, every row in); nil without one.
    public func personalReport(_ report: MetricsReport) -> PersonalReport? {
        guard let personal else { return nil }
        var dataset = base
        dataset.interactions = personal.held
        dataset.interactionsFrom = personal.from
        return MetricsEngine.personal(for: personal.person, in: dataset, report: report)
    }

    /// The leader detail of each of these leaders, as `MetricsEngine.leaderDetails` gives it.
    public func leaderDetails(for persons: [Int]) -> [Int: LeaderDetail] {
        var details: [Int: LeaderDetail] = [:]
        for person in persons { details[person] = activity.leaderDetail(person) }
        return details
    }

    /// The latest `count` interactions of the window, newest first (`LiveInteraction.newest`).
    public func latest(_ count: Int) -> [LiveInteraction] {
        let window = TimeWindow(length: length, asOf: asOf)
        let end = rows.indices(after: .min, through: asOf.seconds).upperBound
        let newestFirst = (0..<end).reversed().lazy.map { rows[$0] }.prefix { window.contains(seconds: $0.at) }
        return LiveInteraction.newest(newestFirst, count: count)
    }
}

/// What one person's report needs beyond the report: the interactions that touch their department (every
/// interaction of theirs does), from the previous window's start on, and their own engagement with posts at any
/// time (whether they engaged with a colleague's post).
struct PersonalSlice: Sendable {
    let person: Int
    let inside: [Bool]
    private(set) var from: Int64
    var held: [InteractionRecord] = []

    init(person: Int, people: [Person], from: Int64) {
        self.person = person
        let department = people[person].department
        inside = people.map { $0.department == department }
        self.from = from
    }

    func wants(_ record: InteractionRecord) -> Bool { inside[Int(record.actor)] || inside[Int(record.target)] }

    /// Lets go of what no report from `start` on needs.
    mutating func forget(before start: Int64) {
        guard start > from else { return }
        from = start
        let me = Int32(person)
        held.removeAll { $0.at <= start && !($0.actor == me && $0.kind.isPostBased && $0.post >= 0) }
    }
}

extension Dataset {
    /// The dataset as a full load at `asOf` gives it: an interaction on a post published after `asOf` counts as on
    /// no post (the post is not out yet). Returns the dataset itself when there is none.
    public func linkingPublishedPosts(asOf: Timestamp) -> Dataset {
        let end = asOf.seconds
        func later(_ i: InteractionRecord) -> Bool {
            i.post >= 0 && posts.indices.contains(Int(i.post)) && posts[Int(i.post)].at > end
        }
        guard interactions.contains(where: later) else { return self }
        var copy = self
        for index in copy.interactions.indices where later(copy.interactions[index]) { copy.interactions[index].post = -1 }
        return copy
    }
}
