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
    private var influence: SlidingInfluence
    /// The rates of the earned media value.
    public let rates: ValueRates
    private var personal: PersonalSlice?
    /// The first moment the live path cannot move to: an interaction made before its post was published counts
    /// as on no post until the post is out, and on it after; moving past that moment needs a new build. Nil when
    /// there is no such interaction.
    public private(set) var rebuildAt: Int64?
    /// Counts the replacements of the small tables that changed them (the reach rows are computed again only
    /// when the tables, the posts or the moment changed).
    private var tablesVersion = 0
    private var reach: (key: ReachKey, rows: [ReachRow])?

    /// What the reach rows depend on besides the engagement counted on posts.
    private struct ReachKey: Equatable {
        var asOf: Timestamp
        var posts: Int
        var tables: Int
    }

    /// Builds the live figures from a dataset loaded for the window of `length` ending at `asOf`, holding every
    /// post and every interaction from the dataset's `interactionsFrom` on, later ones included, with their real
    /// post positions (`Dataset.linkingPublishedPosts(asOf:)` is applied here). With `person`, keeps what that
    /// person's personal report needs.
    ///
    /// The rows kept are held in the dataset's own storage: given the only reference to it (the cold start's
    /// full read), nothing is copied.
    public init(
        dataset: consuming Dataset, length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>? = nil,
        person: Int? = nil, bridgeLimit: Int = 10, rates: ValueRates = .defaults
    ) {
        self.length = length
        self.rates = rates
        self.sources = sources
        self.bridgeLimit = bridgeLimit
        self.asOf = asOf
        var interactions = dataset.interactions
        dataset.interactions = []
        let from = dataset.interactionsFrom
        base = dataset
        silos = SlidingSilos(people: base.people, length: length, asOf: asOf, sources: sources)
        activity = SlidingActivity(people: base.people, length: length, asOf: asOf)
        influence = SlidingInfluence(
            people: base.people.count, length: length, asOf: asOf, previous: dataset.previousActivity)
        if let person, base.people.indices.contains(person) {
            personal = PersonalSlice(person: person, people: base.people, length: length, asOf: asOf, from: from)
        }
        // One pass: each row is linked and counted, and those to hold are moved down in place.
        let keepFrom = silos.keepFrom(asOf)
        var kept = 0
        for index in interactions.indices {
            guard let record = counted(interactions[index], countsPrevious: false) else { continue }
            if record.at > keepFrom {
                interactions[kept] = record
                kept += 1
            }
        }
        interactions.removeLast(interactions.count - kept)
        rows = HeldRows(sorted: interactions)
    }

    /// Adds posts appended after those held (their positions follow on) and interactions of any time, which refer
    /// to people and posts by position.
    public mutating func append(posts: [PostRecord], interactions: [InteractionRecord]) {
        base.posts += posts
        let keepFrom = silos.keepFrom(asOf)
        for record in interactions {
            if let counted = counted(record, countsPrevious: true), counted.at > keepFrom { rows.insert(CollectionOfOne(counted)) }
        }
    }

    /// Replaces the small tables, read whole again.
    public mutating func replaceTables(
        postStats: [PostStatRecord], daily: [DailyRecord], followers: [FollowerRecord], demographics: [DemographicRecord],
        press: [PressRecord]
    ) {
        base.press = press
        guard postStats != base.postStats || daily != base.daily || followers != base.followers
            || demographics != base.demographics
        else { return }
        base.postStats = postStats
        base.daily = daily
        base.followers = followers
        base.demographics = demographics
        tablesVersion += 1
    }

    /// Links one interaction to its post as a full load at `asOf` does and counts it; nil for one that counts
    /// nowhere (with oneself, or about someone unknown). `countsPrevious`: whether it counts in the previous
    /// window's activity (not the rows of the build: the store counted those).
    private mutating func counted(_ interaction: InteractionRecord, countsPrevious: Bool) -> InteractionRecord? {
        var record = interaction
        guard record.actor != record.target, base.people.indices.contains(Int(record.actor)),
            base.people.indices.contains(Int(record.target))
        else { return nil }
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
        let one = CollectionOfOne(record)
        activity.add(one)
        silos.add(one)
        influence.add(record, previous: countsPrevious)
        personal?.add(record)
        return record
    }

    /// Moves the window forward to end at `newAsOf`. False, with nothing changed, when the live figures cannot get
    /// there (an earlier moment, past `rebuildAt`, or `activity` gives nothing): build anew from the data.
    ///
    /// `activity(after, through)`: how many interactions with someone else each person made in those moments, of
    /// the rows read so far (`Store.activityCounts`); the rows that leave the previous window are not held.
    @discardableResult
    public mutating func move(to newAsOf: Timestamp, activity counts: (Int64, Int64) -> [Int]?) -> Bool {
        guard newAsOf >= asOf, newAsOf.seconds < rebuildAt ?? .max else { return false }
        guard newAsOf != asOf else { return true }
        var leaving: [Int]?
        if let range = influence.previousLeaving(to: newAsOf) {
            guard let read = counts(range.after, range.through) else { return false }
            leaving = read
        }
        influence.move(to: newAsOf, rows: rows, leaving: leaving)
        activity.move(to: newAsOf, rows: rows)
        silos.move(to: newAsOf, rows: rows)
        personal?.move(to: newAsOf, rows: rows)
        asOf = newAsOf
        rows.drop(through: silos.keepFrom(newAsOf))
        return true
    }

    /// The full report, as `MetricsEngine.report` gives it.
    public mutating func report() -> MetricsReport {
        let window = TimeWindow(length: length, asOf: asOf)
        let (engagement, committee) = activity.engagement(posts: base.posts)
        var report = MetricsReport(
            length: length, window: window, people: base.people, summary: activity.summary(posts: base.posts),
            reach: reachRows(window), engagement: engagement, committee: committee,
            silo: silos.report(bridgeLimit: bridgeLimit))
        report.siloSources = sources
        report.interactionsBySource = activity.interactionsBySource
        report.influence = MetricsEngine.influence(
            people: base.people, posts: base.posts, press: base.press, window: window,
            activity: influence.activity(activeNow: activity.activeInWindow), reach: report.reach, rates: rates)
        return report
    }

    /// The leaders' reach rows: computed from the small tables and the posts when they or the moment changed, else
    /// the last ones with the engagement counted on posts brought up to date.
    private mutating func reachRows(_ window: TimeWindow) -> [ReachRow] {
        let key = ReachKey(asOf: asOf, posts: base.posts.count, tables: tablesVersion)
        if let reach, reach.key == key {
            return reach.rows.map { row in
                guard row.engagementSource == .interactions else { return row }
                var counted = row
                counted.countEngagement(activity.receivedOnPosts(by: row.person) ?? 0)
                return counted
            }
        }
        let leaders = base.people.indices.filter { base.people[$0].isLeader }
        let rows = MetricsEngine.reachRows(
            for: leaders, in: base, window: window, receivedOnPosts: activity.receivedOnPosts(by:))
        reach = (key, rows)
        return rows
    }

    /// The personal report of the person given at the build, as `MetricsEngine.personal` gives it from `report`
    /// (this value's own, every row in); nil without one.
    public mutating func personalReport(_ report: MetricsReport) -> PersonalReport? {
        guard var slice = personal.take() else { return nil }
        defer { personal = slice }
        var dataset = base
        dataset.interactions = slice.own
        dataset.interactionsFrom = slice.from
        let window = report.window
        let posts = slice.posts(window: window, posts: base.posts)
        let previous = slice.previousDepartment(people: base.people, window: window)
        return MetricsEngine.personal(
            for: slice.person, in: dataset, report: report, posts: posts, previousDepartment: .some(previous))
    }

    /// The leader detail of each of these leaders, as `MetricsEngine.leaderDetails` gives it.
    public func leaderDetails(for persons: [Int]) -> [Int: LeaderDetail] {
        var details: [Int: LeaderDetail] = [:]
        for person in persons { details[person] = activity.leaderDetail(person) }
        return details
    }

    /// The latest `count` interactions of the window, newest first (`InteractionRecord.newest`).
    public func latest(_ count: Int) -> [InteractionRecord] {
        let window = TimeWindow(length: length, asOf: asOf)
        let end = rows.indices(after: .min, through: asOf.seconds).upperBound
        let newestFirst = (0..<end).reversed().lazy.map { rows[$0] }.prefix { window.contains(seconds: $0.at) }
        return InteractionRecord.newest(newestFirst, count: count)
    }
}

/// What one person's report needs beyond the report and the rows the live figures hold: their own interactions
/// (in the window, and their engagement with posts at any time: whether they engaged with a colleague's post),
/// and the interactions that touch their department in the previous window (its ties then). The post list and
/// the previous ties are kept until what they depend on changes.
struct PersonalSlice: Sendable {
    let person: Int
    let length: WindowLength
    let inside: [Bool]
    private(set) var from: Int64
    private(set) var asOf: Timestamp
    /// Their own interactions, in no order.
    private(set) var own: [InteractionRecord] = []
    /// The interactions that touch their department in the previous window, in no order.
    private var previous: [InteractionRecord] = []
    /// Moves at each change of `own` and `previous`.
    private var ownVersion = 0
    private var previousVersion = 0
    private var postList: (key: [Int], value: (toEngage: [Int], colleaguePosts: Int))?
    private var previousTies: (key: [Int], value: DepartmentSilo?)?

    init(person: Int, people: [Person], length: WindowLength, asOf: Timestamp, from: Int64) {
        self.person = person
        self.length = length
        let department = people[person].department
        inside = people.map { $0.department == department }
        self.from = from
        self.asOf = asOf
    }

    private var window: TimeWindow { TimeWindow(length: length, asOf: asOf) }

    private func isOwn(_ record: InteractionRecord) -> Bool { record.actor == Int32(person) || record.target == Int32(person) }

    private func inPrevious(_ at: Int64, window: TimeWindow) -> Bool { Self.inPrevious(at, window: window, from: from) }

    private static func inPrevious(_ at: Int64, window: TimeWindow, from: Int64) -> Bool {
        guard let before = window.previous, let start = before.start?.seconds else { return false }
        return at > max(start, from) && at <= before.end.seconds
    }

    private func keepsOwn(_ record: InteractionRecord, window: TimeWindow) -> Bool {
        Self.keepsOwn(record, person: Int32(person), window: window)
    }

    /// Whether an own row is still needed by a report from `window` on: in the window or after it, or their
    /// engagement with a post.
    private static func keepsOwn(_ record: InteractionRecord, person: Int32, window: TimeWindow) -> Bool {
        (record.actor == person && record.kind.isPostBased && record.post >= 0)
            || record.at > (window.start?.seconds ?? .min)
    }

    /// Takes a linked interaction of any time.
    mutating func add(_ record: InteractionRecord) {
        if isOwn(record) && (record.at > from || keepsOwn(record, window: window)) {
            own.append(record)
            ownVersion += 1
        }
        if inside[Int(record.actor)] || inside[Int(record.target)], inPrevious(record.at, window: window) {
            previous.append(record)
            previousVersion += 1
        }
    }

    /// Moves to `newAsOf`: the rows the window's start passes (held in `rows`) enter the previous window, and the
    /// rows the previous window's start passes leave it.
    mutating func move(to newAsOf: Timestamp, rows: HeldRows) {
        let old = window
        let new = TimeWindow(length: length, asOf: newAsOf)
        asOf = newAsOf
        var entered = false
        if let oldStart = old.start?.seconds, let newStart = new.start?.seconds {
            for index in rows.indices(after: oldStart, through: newStart) {
                let record = rows[index]
                if inside[Int(record.actor)] || inside[Int(record.target)], inPrevious(record.at, window: new) {
                    previous.append(record)
                    entered = true
                }
            }
        }
        let start = new.previous?.start?.seconds ?? new.start?.seconds ?? .min
        if start > from { from = start }
        let (from, me) = (self.from, Int32(person))
        let counts = (previous.count, own.count)
        previous.removeAll { !Self.inPrevious($0.at, window: new, from: from) }
        own.removeAll { !Self.keepsOwn($0, person: me, window: new) }
        // Only what changed moves the versions: a viewer's clock moves every second.
        if own.count != counts.1 { ownVersion += 1 }
        if previous.count != counts.0 || entered { previousVersion += 1 }
    }

    /// The post list of the personal report, as `MetricsEngine.personal` makes it.
    mutating func posts(window: TimeWindow, posts: [PostRecord]) -> (toEngage: [Int], colleaguePosts: Int) {
        // The list changes only when a post or an engagement of theirs crosses the window's start or end: the
        // counts of those at or before each (time only moves forward) say whether one did.
        let start = window.start?.seconds ?? .min, end = window.end.seconds
        let me = Int32(person)
        let engagements = own.lazy.filter { $0.actor == me && $0.kind.isPostBased && $0.post >= 0 }
        let key = [
            posts.count, ownVersion, posts.count(where: { $0.at <= end }), posts.count(where: { $0.at <= start }),
            engagements.count(where: { $0.at <= end }),
        ]
        if let postList, postList.key == key { return postList.value }
        var engaged = Set<Int32>()
        for i in own where i.actor == Int32(person) && i.kind.isPostBased && i.post >= 0 && i.at <= window.end.seconds {
            engaged.insert(i.post)
        }
        let value = MetricsEngine.postsToEngage(for: person, posts: posts, window: window, engaged: engaged)
        postList = (key, value)
        return value
    }

    /// The department's ties in the previous window, as `MetricsEngine.personal` counts them.
    mutating func previousDepartment(people: [Person], window: TimeWindow) -> DepartmentSilo? {
        // The rows held are those of the previous window: the same rows give the same ties. Whether it is whole
        // (held from its start on) moves with the clock.
        let whole = (window.previous?.start).map { $0.seconds >= from } ?? false
        let key = [previousVersion, whole ? 1 : 0]
        if let previousTies, previousTies.key == key { return previousTies.value }
        var dataset = Dataset()
        dataset.people = people
        dataset.interactions = previous
        dataset.interactionsFrom = from
        let value = MetricsEngine.previousDepartment(of: people[person].department, in: dataset, window: window)
        previousTies = (key, value)
        return value
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
