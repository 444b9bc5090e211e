import CodirModel
import GRDB

extension Store {
    /// The links of the posts with these keys, for those that have one.
    public func postURLs(keys: [String]) throws(StoreError) -> [String: String] {
        try read { db in
            var urls: [String: String] = [:]
            let statement = try db.cachedStatement(sql: "SELECT url FROM posts WHERE key = ? AND url IS NOT NULL")
            for key in keys {
                if let url = try String.fetchOne(statement, arguments: [key]) { urls[key] = url }
            }
            return urls
        }
    }

    /// The directory, in the order people were added.
    public func people() throws(StoreError) -> [Person] {
        try read { db in
            var people: [Person] = []
            try RawStatement(
                db,
                sql: """
                    SELECT p.key, p.name, d.name, p.role, p.login, p.linkedin
                    FROM people p JOIN departments d ON d.id = p.department ORDER BY p.id
                    """
            ).forEachRow { row in
                people.append(
                    Person(
                        id: row.string(0), name: row.string(1), department: row.string(2),
                        role: Role(rawValue: row.string(3)) ?? .employee, login: row.optionalString(4),
                        linkedin: row.optionalString(5)))
            }
            return people
        }
    }

    /// Loads what the metrics engine needs for `window`, its previous window and the weekly trend of
    /// `trendWeeks` weeks up to the window's end.
    ///
    /// Interactions are read for the window and the trend, plus the interactions at any earlier time on
    /// the posts published in the window; post counters for the posts published in the window or the previous
    /// one; daily rows for those two windows; every follower snapshot up to the end. With
    /// `previousInteractions`, every interaction of the previous window too (for `codir me`'s department
    /// trend).
    public func dataset(
        for window: TimeWindow, trendWeeks: Int = 12, previousInteractions: Bool = false
    ) throws(StoreError) -> Dataset {
        try read { db in
            try DatasetReader(db, window: window, trendWeeks: trendWeeks, previousInteractions: previousInteractions)
                .load(later: false).dataset
        }
    }

    /// Loads the dataset of `dataset(for:…)` for a live reader (`LiveMetrics`): with every post and every
    /// interaction after the window's end too (the clock will reach them), interactions linked to their posts
    /// whenever published, and the cursor from which `appended(since:window:)` reads what is added next.
    public func liveDataset(
        for window: TimeWindow, trendWeeks: Int = 12, previousInteractions: Bool = false
    ) throws(StoreError) -> (dataset: Dataset, cursor: LiveCursor) {
        try read { db in
            try DatasetReader(db, window: window, trendWeeks: trendWeeks, previousInteractions: previousInteractions)
                .load(later: true)
        }
    }

    /// How many interactions with someone else each person (by position) made in `(after, through]`, of those the
    /// cursor has read: what leaves a live reader's previous window as the clock moves.
    public func activityCounts(after: Int64, through: Int64, cursor: LiveCursor) throws(StoreError) -> [Int] {
        try read { db in
            try DatasetReader.activityCounts(
                db, after: after, through: through, upTo: cursor.lastInteraction, people: cursor.personIndex,
                count: cursor.personIndex.count)
        }
    }

    /// What was appended since `cursor`, and the small tables read again for `window` when they changed or the
    /// window moved; nil when something other than an append happened (rows deleted or rewritten, people changed,
    /// the schema migrated): the reader must then load everything again. Advances the cursor.
    public func appended(since cursor: inout LiveCursor, window: TimeWindow) throws(StoreError) -> LiveAppend? {
        let before = cursor
        return try read { db in
            let mark = try LiveCursor.mark(db)
            guard cursor.follows, mark.structure == before.mark.structure, mark.rewrites == before.mark.rewrites else { return nil }
            var append = LiveAppend()
            var state = cursor
            try DatasetReader.appended(db, cursor: &state, into: &append)
            try state.tables.refresh(
                db, window: window, countersChanged: mark.counters != before.mark.counters, people: state.personIndex,
                posts: state.postIndex)
            append.tables = state.tables.filtered(for: window)
            state.mark = mark
            cursor = state
            return append
        } ?? nil
    }
}

/// The small tables as a live reader keeps them: post counters and follower counts whole (read again when the
/// `counters` count moves) and filtered for each window in memory, exactly as `readTables` filters them; daily
/// rows and demographics as `readTables` reads them for the window's days (read again when the count moves or
/// those days change).
struct LiveTables: Sendable {
    /// Every believable post counter of a known post, with its post's publication time.
    var stats: [(postAt: Int64, record: PostStatRecord)] = []
    /// Every believable follower count, in time order.
    var followers: [FollowerRecord] = []
    var daily: [DailyRecord] = []
    var demographics: [DemographicRecord] = []
    /// Every press item, oldest first.
    var press: [PressRecord] = []
    /// The days `daily` and `demographics` were read for.
    var days: DatasetReader.TableDays?

    mutating func refresh(
        _ db: Database, window: TimeWindow, countersChanged: Bool, people: [Int64: Int32], posts: [Int64: Int32]
    ) throws {
        let days = DatasetReader.TableDays(window)
        if countersChanged || self.days == nil {
            stats = []
            followers = []
            try DatasetReader.allCounters(db, people: people, posts: posts, into: &self)
            var read = Dataset()
            try DatasetReader.readPress(db, after: .min, through: .max, people: people, into: &read)
            press = read.press
        }
        if countersChanged || days != self.days {
            var read = Dataset()
            try DatasetReader.readDaily(db, days: days, people: people, into: &read)
            daily = read.daily
            demographics = read.demographics
            self.days = days
        }
    }

    /// The tables `readTables` gives for `window`.
    func filtered(for window: TimeWindow) -> LiveAppend.Tables {
        let end = window.end.seconds
        let postsFrom: Int64 = window.previous?.start?.seconds ?? Int64.min
        return LiveAppend.Tables(
            postStats: stats.lazy.filter { $0.postAt > postsFrom && $0.postAt <= end && $0.record.at <= end }.map(\.record),
            daily: daily, followers: followers.filter { $0.at <= end }, demographics: demographics,
            press: press.filter { $0.at > postsFrom && $0.at <= end })
    }
}
/// Where a live reader stands in the database: the positions it gave people and posts, the last rows it read,
/// and the marks of any change other than an append.
public struct LiveCursor: Sendable {
    var personIndex: [Int64: Int32] = [:]
    var postIndex: [Int64: Int32] = [:]
    var posts = 0
    var lastInteraction: Int64 = 0
    var lastPost: Int64 = 0
    var mark = Mark(structure: 0, rewrites: 0, counters: 0)
    var tables = LiveTables()
    /// Whether the database counts its changes (every trigger of migration v8 in place): without the counts, a
    /// reader cannot tell an append from a rewrite and loads everything at each change.
    public internal(set) var follows = false

    struct Mark: Hashable {
        /// Migrations applied × 1000 + live triggers in place.
        var structure: Int64

        /// Whether every trigger of migration v8 is in place.
        var hasEveryTrigger: Bool { structure % 1000 == Int64(Schema.changeTriggers.count) }
        var rewrites: Int64
        var counters: Int64
    }

    /// The marks of what is not an append: the migrations applied and the triggers in place (a writer's every
    /// opening touches `PRAGMA schema_version`, which therefore says nothing), and the change counts.
    static func mark(_ db: Database) throws -> Mark {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT count(*) FROM grdb_migrations) * 1000
                    + (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'live\\_%' ESCAPE '\\'),
                    rewrites, counters
                FROM changes WHERE id = 1
                """)
        return Mark(structure: row?[0] ?? 0, rewrites: row?[1] ?? 0, counters: row?[2] ?? 0)
    }
}

/// The rows appended since a cursor, as positions in the reader's people and posts, and the small tables for the
/// window.
public struct LiveAppend: Sendable {
    public struct Tables: Sendable {
        public var postStats: [PostStatRecord]
        public var daily: [DailyRecord]
        public var followers: [FollowerRecord]
        public var demographics: [DemographicRecord]
        /// The press items of the window and the previous one, as `Dataset.press`.
        public var press: [PressRecord] = []
    }
    public var posts: [PostRecord] = []
    public var interactions: [InteractionRecord] = []
    public var tables = Tables(postStats: [], daily: [], followers: [], demographics: [])
}

/// Reads a dataset, whole for a window or what was appended since a cursor.
struct DatasetReader {
    let db: Database
    let window: TimeWindow
    let interactionsFrom: Int64

    init(_ db: Database, window: TimeWindow, trendWeeks: Int, previousInteractions: Bool) {
        self.db = db
        self.window = window
        let trendStart = window.end.adding(days: -7 * trendWeeks).seconds
        var from: Int64 = window.start.map { min($0.seconds, trendStart) } ?? Int64.min
        if previousInteractions, let previous = window.previous {
            from = min(from, previous.start?.seconds ?? Int64.min)
        }
        interactionsFrom = from
    }

    static let peopleSQL = """
        SELECT p.id, p.key, p.name, d.name, p.role, p.login, p.linkedin
        FROM people p JOIN departments d ON d.id = p.department ORDER BY p.id
        """
    static let interactionColumns = "i.id, i.actor, i.target, i.kind, i.post, i.at, i.origin"

    /// With `later`, every post and the interactions after the window's end are read too, and interactions keep
    /// their links to posts published after it.
    func load(later: Bool) throws -> (dataset: Dataset, cursor: LiveCursor) {
        let end = window.end.seconds
        let windowStart: Int64 = window.start?.seconds ?? Int64.min
        var cursor = LiveCursor()
        cursor.mark = try LiveCursor.mark(db)
        cursor.follows = later && cursor.mark.hasEveryTrigger
        cursor.lastInteraction = try Int64.fetchOne(db, sql: "SELECT max(id) FROM interactions") ?? 0
        cursor.lastPost = try Int64.fetchOne(db, sql: "SELECT max(id) FROM posts") ?? 0

        var dataset = Dataset()
        dataset.interactionsFrom = interactionsFrom
        try RawStatement(db, sql: Self.peopleSQL).forEachRow { row in
            cursor.personIndex[row.int64(0)] = Int32(dataset.people.count)
            dataset.people.append(Self.person(row))
        }

        let posts = try RawStatement(
            db, sql: "SELECT id, key, author, at, hashtags FROM posts WHERE at <= ? AND id <= ? ORDER BY at, id")
        posts.bind(1, later ? Int64.max : end)
        posts.bind(2, cursor.lastPost)
        try posts.forEachRow { row in
            // Rows beyond belief (written by another program) are left out rather than trusted.
            guard let author = cursor.personIndex[row.int64(2)], let at = row.time(3) else { return }
            cursor.postIndex[row.int64(0)] = Int32(dataset.posts.count)
            dataset.posts.append(PostRecord(id: row.string(1), author: author, at: at, hashtags: Self.hashtags(row, 4)))
        }
        cursor.posts = dataset.posts.count

        func append(_ row: RowReader) {
            if let record = Self.interaction(row, cursor: cursor) { dataset.interactions.append(record) }
        }
        let upTo = later ? Int64.max : end
        let recent = try RawStatement(
            db,
            // In time order, one second's rows in the order they were written: the scan of `interactions_by_time`,
            // whose entries are (at, rowid), gives that order (`ORDER BY at, id` would make SQLite sort each
            // second's rows again in a temporary tree).
            sql: "SELECT \(Self.interactionColumns) FROM interactions i WHERE i.at > ? AND i.at <= ? AND i.id <= ? ORDER BY i.at")
        recent.bind(1, interactionsFrom)
        recent.bind(2, upTo)
        recent.bind(3, cursor.lastInteraction)
        let estimate = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM interactions WHERE at > ? AND at <= ?", arguments: [interactionsFrom, upTo]) ?? 0
        dataset.interactions.reserveCapacity(estimate)
        try recent.forEachRow(append)
        if interactionsFrom != Int64.min {
            // Early engagement with the window's posts (clock skew between sources), for coverage.
            let early = try RawStatement(
                db,
                sql: """
                    SELECT \(Self.interactionColumns) FROM posts p JOIN interactions i ON i.post = p.id
                    WHERE p.at > ? AND p.at <= ? AND i.at <= ? AND i.id <= ?
                    """)
            early.bind(1, windowStart)
            early.bind(2, upTo)
            early.bind(3, interactionsFrom)
            early.bind(4, cursor.lastInteraction)
            try early.forEachRow(append)
        }
        if !later {
            // A post published after the window's end is not out yet: engagement with it is on no post.
            for index in dataset.interactions.indices where dataset.interactions[index].post >= 0 {
                if dataset.posts[Int(dataset.interactions[index].post)].at > end { dataset.interactions[index].post = -1 }
            }
        }
        if let previous = window.previous, let start = previous.start?.seconds {
            dataset.previousActivity = try Self.activityCounts(
                db, after: start, through: previous.end.seconds, upTo: cursor.lastInteraction,
                people: cursor.personIndex, count: dataset.people.count)
        }
        try Self.readTables(db, window: window, people: cursor.personIndex, posts: cursor.postIndex, into: &dataset)
        if later {
            try cursor.tables.refresh(
                db, window: window, countersChanged: true, people: cursor.personIndex, posts: cursor.postIndex)
        }
        return (dataset, cursor)
    }

    /// A post's hashtags as stored (normalised, separated by spaces); those that are not hashtags (written by
    /// another program) are left out.
    static func hashtags(_ row: RowReader, _ column: Int32) -> [String] {
        guard let text = row.optionalString(column), !text.isEmpty else { return [] }
        var tags: [String] = []
        for word in text.split(separator: " ").prefix(Self.hashtagLimit) {
            if let tag = Hashtag.normalised(word), !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    /// The most hashtags read for one post.
    static let hashtagLimit = 64

    static func person(_ row: RowReader) -> Person {
        Person(
            id: row.string(1), name: row.string(2), department: row.string(3),
            role: Role(rawValue: row.string(4)) ?? .employee, login: row.optionalString(5),
            linkedin: row.optionalString(6))
    }

    /// An interaction row of `interactionColumns`, as positions; nil for a row beyond belief or about someone
    /// unknown.
    static func interaction(_ row: RowReader, cursor: LiveCursor) -> InteractionRecord? {
        guard let actor = cursor.personIndex[row.int64(1)], let target = cursor.personIndex[row.int64(2)],
            let kind = InteractionKind(code: Int(truncatingIfNeeded: row.int64(3))), let at = row.time(5)
        else { return nil }
        let source = InteractionSource(code: Int(truncatingIfNeeded: row.int64(6))) ?? .events
        let post = row.optionalInt64(4).flatMap { cursor.postIndex[$0] } ?? -1
        return InteractionRecord(actor: actor, target: target, kind: kind, post: post, at: at, source: source)
    }

    /// The posts and interactions appended after the cursor's last ones, in the order they were written.
    static func appended(_ db: Database, cursor: inout LiveCursor, into append: inout LiveAppend) throws {
        let posts = try RawStatement(db, sql: "SELECT id, key, author, at, hashtags FROM posts WHERE id > ? ORDER BY id")
        posts.bind(1, cursor.lastPost)
        try posts.forEachRow { row in
            cursor.lastPost = max(cursor.lastPost, row.int64(0))
            guard let author = cursor.personIndex[row.int64(2)], let at = row.time(3) else { return }
            cursor.postIndex[row.int64(0)] = Int32(truncatingIfNeeded: cursor.posts)
            cursor.posts += 1
            append.posts.append(PostRecord(id: row.string(1), author: author, at: at, hashtags: Self.hashtags(row, 4)))
        }
        let interactions = try RawStatement(
            db, sql: "SELECT \(interactionColumns) FROM interactions i WHERE i.id > ? ORDER BY i.id")
        interactions.bind(1, cursor.lastInteraction)
        try interactions.forEachRow { row in
            cursor.lastInteraction = max(cursor.lastInteraction, row.int64(0))
            if let record = interaction(row, cursor: cursor) { append.interactions.append(record) }
        }
    }

    /// How many interactions with someone else each person (by position) made in `(after, through]`, of the rows
    /// up to id `upTo`.
    static func activityCounts(
        _ db: Database, after: Int64, through: Int64, upTo: Int64, people personIndex: [Int64: Int32], count: Int
    ) throws -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        let rows = try RawStatement(
            db,
            sql: """
                SELECT actor, count(*) FROM interactions
                WHERE at > ? AND at <= ? AND id <= ? AND actor != target GROUP BY actor
                """)
        rows.bind(1, after)
        rows.bind(2, through)
        rows.bind(3, upTo)
        try rows.forEachRow { row in
            guard let person = personIndex[row.int64(0)], counts.indices.contains(Int(person)) else { return }
            // One row per actor: a count SQLite made.
            counts[Int(person)] = max(0, Int(truncatingIfNeeded: row.int64(1)))
        }
        return counts
    }

    /// The days the daily rows and demographics of a window are read for.
    struct TableDays: Hashable, Sendable {
        var from: Int64
        var to: Int64

        init(_ window: TimeWindow) {
            let postsFrom: Int64 = window.previous?.start?.seconds ?? Int64.min
            from = postsFrom == Int64.min ? Int64.min : Int64(Timestamp(seconds: postsFrom).day.number - 1)
            to = Int64(window.end.day.number)
        }
    }

    /// Post counters for the posts published in the window or the previous one, daily rows for those two
    /// windows, every follower snapshot up to the end, and the latest demographics.
    static func readTables(
        _ db: Database, window: TimeWindow, people personIndex: [Int64: Int32], posts postIndex: [Int64: Int32],
        into dataset: inout Dataset
    ) throws {
        let end = window.end.seconds
        let postsFrom: Int64 = window.previous?.start?.seconds ?? Int64.min
        try readPress(db, after: postsFrom, through: end, people: personIndex, into: &dataset)
        let stats = try RawStatement(
            db,
            sql: """
                SELECT s.post, s.at, s.impressions, s.engagements FROM post_stats s
                CROSS JOIN posts p ON p.id = s.post
                WHERE p.at > ? AND p.at <= ? AND s.at <= ?
                """)
        stats.bind(1, postsFrom)
        stats.bind(2, end)
        stats.bind(3, end)
        try stats.forEachRow { row in
            if let record = postStat(row, posts: postIndex) { dataset.postStats.append(record) }
        }
        // A follower total is a figure of its day: known from the day's start (see `followerFigures`).
        let followers = try RawStatement(
            db, sql: "SELECT person, at, count FROM follower_snapshots WHERE at < ? ORDER BY at")
        followers.bind(1, window.end.day.advanced(by: 1).start.seconds)
        try followers.forEachRow { row in
            if let record = follower(row, people: personIndex) { dataset.followers.append(record) }
        }
        try readDaily(db, days: TableDays(window), people: personIndex, into: &dataset)
    }

    static func postStat(_ row: RowReader, posts postIndex: [Int64: Int32]) -> PostStatRecord? {
        guard let post = postIndex[row.int64(0)], let at = row.time(1), let impressions = row.count(2) else { return nil }
        return PostStatRecord(post: post, at: at, impressions: impressions, engagements: row.count(3))
    }

    static func follower(_ row: RowReader, people personIndex: [Int64: Int32]) -> FollowerRecord? {
        guard let person = personIndex[row.int64(0)], let at = row.time(1), let count = row.count(2) else { return nil }
        return FollowerRecord(person: person, at: at, count: count)
    }

    /// Every believable post counter and follower count, whatever its time, for a live reader to filter.
    static func allCounters(
        _ db: Database, people personIndex: [Int64: Int32], posts postIndex: [Int64: Int32], into tables: inout LiveTables
    ) throws {
        let stats = try RawStatement(
            db, sql: "SELECT s.post, s.at, s.impressions, s.engagements, p.at FROM post_stats s CROSS JOIN posts p ON p.id = s.post")
        try stats.forEachRow { row in
            guard let record = postStat(row, posts: postIndex), let postAt = row.time(4) else { return }
            tables.stats.append((postAt, record))
        }
        let followers = try RawStatement(db, sql: "SELECT person, at, count FROM follower_snapshots ORDER BY at")
        try followers.forEachRow { row in
            if let record = follower(row, people: personIndex) { tables.followers.append(record) }
        }
    }

    /// The press items dated in `(from, to]` (the window and the previous one), oldest first, with the people they
    /// mention; an item beyond belief (written by another program) is left out.
    static func readPress(
        _ db: Database, after from: Int64, through to: Int64, people personIndex: [Int64: Int32], into dataset: inout Dataset
    ) throws {
        let items = try RawStatement(
            db,
            sql: """
                SELECT i.id, i.at, i.outlet, i.title, i.url, i.audience,
                    (SELECT group_concat(m.person) FROM press_mentions m WHERE m.item = i.id)
                FROM press_items i WHERE i.at > ? AND i.at <= ? ORDER BY i.at, i.id
                """)
        items.bind(1, from)
        items.bind(2, to)
        try items.forEachRow { row in
            guard let at = row.time(1) else { return }
            let people = (row.optionalString(6) ?? "").split(separator: ",").compactMap { Int64($0).flatMap { personIndex[$0] } }
            dataset.press.append(
                PressRecord(
                    at: at, outlet: row.string(2), title: row.string(3), url: row.optionalString(4), audience: row.count(5),
                    people: Array(Set(people)).sorted()))
        }
    }

    /// Daily rows for the days, and the latest demographics up to the last.
    static func readDaily(
        _ db: Database, days: TableDays, people personIndex: [Int64: Int32], into dataset: inout Dataset
    ) throws {
        let daily = try RawStatement(
            db,
            sql: """
                SELECT person, day, impressions, engagements, new_followers FROM daily_stats
                WHERE day >= ? AND day <= ?
                """)
        daily.bind(1, days.from)
        daily.bind(2, days.to)
        try daily.forEachRow { row in
            guard let person = personIndex[row.int64(0)], let day = row.day(1) else { return }
            dataset.daily.append(
                DailyRecord(
                    person: person, day: day, impressions: row.count(2), engagements: row.count(3),
                    newFollowers: row.count(4)))
        }
        let demographics = try RawStatement(
            db,
            sql: """
                SELECT d.person, d.as_of, d.sheet, d.category, d.value, d.percentage FROM demographics d
                WHERE d.as_of = (SELECT max(as_of) FROM demographics e WHERE e.person = d.person AND e.as_of <= ?)
                ORDER BY d.person, d.sheet, d.category, d.value
                """)
        demographics.bind(1, days.to)
        try demographics.forEachRow { row in
            guard let person = personIndex[row.int64(0)], let asOf = row.day(1) else { return }
            dataset.demographics.append(
                DemographicRecord(
                    person: person, asOf: asOf, sheet: row.string(2),
                    category: row.string(3), value: row.string(4), percentage: row.string(5)))
        }
    }
}
