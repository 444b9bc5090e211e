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
        let end = window.end.seconds
        let trendStart = window.end.adding(days: -7 * trendWeeks).seconds
        var interactionsFrom: Int64 = window.start.map { min($0.seconds, trendStart) } ?? Int64.min
        if previousInteractions, let previous = window.previous {
            interactionsFrom = min(interactionsFrom, previous.start?.seconds ?? Int64.min)
        }
        let postsFrom: Int64 = window.previous?.start?.seconds ?? Int64.min
        let daysFrom: Int64 = postsFrom == Int64.min ? Int64.min : Int64(Timestamp(seconds: postsFrom).day.number - 1)
        let windowStart: Int64 = window.start?.seconds ?? Int64.min

        return try read { db in
            var dataset = Dataset()
            dataset.interactionsFrom = interactionsFrom
            var personIndex: [Int64: Int32] = [:]
            try RawStatement(
                db,
                sql: """
                    SELECT p.id, p.key, p.name, d.name, p.role, p.login, p.linkedin
                    FROM people p JOIN departments d ON d.id = p.department ORDER BY p.id
                    """
            ).forEachRow { row in
                personIndex[row.int64(0)] = Int32(dataset.people.count)
                dataset.people.append(
                    Person(
                        id: row.string(1), name: row.string(2), department: row.string(3),
                        role: Role(rawValue: row.string(4)) ?? .employee, login: row.optionalString(5),
                        linkedin: row.optionalString(6)))
            }

            var postIndex: [Int64: Int32] = [:]
            let posts = try RawStatement(db, sql: "SELECT id, key, author, at FROM posts WHERE at <= ? ORDER BY at, id")
            posts.bind(1, end)
            try posts.forEachRow { row in
                // Rows beyond belief (written by another program) are left out rather than trusted.
                guard let author = personIndex[row.int64(2)], let at = row.time(3) else { return }
                postIndex[row.int64(0)] = Int32(dataset.posts.count)
                dataset.posts.append(PostRecord(id: row.string(1), author: author, at: at))
            }

            func appendInteraction(_ row: RowReader) {
                guard let actor = personIndex[row.int64(0)], let target = personIndex[row.int64(1)],
                    let kind = InteractionKind(code: Int(row.int64(2))), let at = row.time(4)
                else { return }
                let source = InteractionSource(code: Int(truncatingIfNeeded: row.int64(5))) ?? .events
                let post = row.optionalInt64(3).flatMap { postIndex[$0] } ?? -1
                dataset.interactions.append(
                    InteractionRecord(actor: actor, target: target, kind: kind, post: post, at: at, source: source))
            }
            let recent = try RawStatement(
                db,
                sql: """
                    SELECT actor, target, kind, post, at, origin FROM interactions
                    WHERE at > ? AND at <= ? ORDER BY at
                    """)
            recent.bind(1, interactionsFrom)
            recent.bind(2, end)
            let estimate = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interactions WHERE at > ? AND at <= ?",
                arguments: [interactionsFrom, end]) ?? 0
            dataset.interactions.reserveCapacity(estimate)
            try recent.forEachRow(appendInteraction)
            if interactionsFrom != Int64.min {
                // Early engagement with the window's posts (clock skew between sources), for coverage.
                let early = try RawStatement(
                    db,
                    sql: """
                        SELECT i.actor, i.target, i.kind, i.post, i.at, i.origin FROM posts p
                        JOIN interactions i ON i.post = p.id
                        WHERE p.at > ? AND p.at <= ? AND i.at <= ?
                        """)
                early.bind(1, windowStart)
                early.bind(2, end)
                early.bind(3, interactionsFrom)
                try early.forEachRow(appendInteraction)
            }

            let stats = try RawStatement(
                db,
                sql: """
                    SELECT s.post, s.at, s.impressions, s.engagements FROM posts p
                    JOIN post_stats s ON s.post = p.id
                    WHERE p.at > ? AND p.at <= ? AND s.at <= ?
                    """)
            stats.bind(1, postsFrom)
            stats.bind(2, end)
            stats.bind(3, end)
            try stats.forEachRow { row in
                guard let post = postIndex[row.int64(0)], let at = row.time(1), let impressions = row.count(2) else {
                    return
                }
                dataset.postStats.append(
                    PostStatRecord(post: post, at: at, impressions: impressions, engagements: row.count(3)))
            }

            let daily = try RawStatement(
                db,
                sql: """
                    SELECT person, day, impressions, engagements, new_followers FROM daily_stats
                    WHERE day >= ? AND day <= ?
                    """)
            daily.bind(1, daysFrom)
            daily.bind(2, Int64(window.end.day.number))
            try daily.forEachRow { row in
                guard let person = personIndex[row.int64(0)], let day = row.day(1) else { return }
                dataset.daily.append(
                    DailyRecord(
                        person: person, day: day, impressions: row.count(2), engagements: row.count(3),
                        newFollowers: row.count(4)))
            }

            let followers = try RawStatement(
                db, sql: "SELECT person, at, count FROM follower_snapshots WHERE at <= ? ORDER BY at")
            followers.bind(1, end)
            try followers.forEachRow { row in
                guard let person = personIndex[row.int64(0)], let at = row.time(1), let count = row.count(2) else {
                    return
                }
                dataset.followers.append(FollowerRecord(person: person, at: at, count: count))
            }
            let demographics = try RawStatement(
                db,
                sql: """
                    SELECT d.person, d.as_of, d.sheet, d.category, d.value, d.percentage FROM demographics d
                    WHERE d.as_of = (SELECT max(as_of) FROM demographics e WHERE e.person = d.person AND e.as_of <= ?)
                    ORDER BY d.person, d.sheet, d.category, d.value
                    """)
            demographics.bind(1, Int64(window.end.day.number))
            try demographics.forEachRow { row in
                guard let person = personIndex[row.int64(0)], let asOf = row.day(1) else { return }
                dataset.demographics.append(
                    DemographicRecord(
                        person: person, asOf: asOf, sheet: row.string(2),
                        category: row.string(3), value: row.string(4), percentage: row.string(5)))
            }
            return dataset
        }
    }
}
