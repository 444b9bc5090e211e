import CodirModel
import CodirText
import Foundation
import GRDB

/// What erasing one person removed (or, in a dry run, would remove).
public struct ForgetReport: Sendable, Hashable {
    public var person: String
    public var name: String
    public var interactions = 0
    public var posts = 0
    public var postCounters = 0
    public var dailyRows = 0
    public var followerCounts = 0
    public var demographics = 0
    public var addresses = 0
    public var waiting = 0
    public var rejects = 0
    public var fileNames = 0
    /// Press items that mentioned them (their titles may name them).
    public var pressItems = 0

    /// One line: what was (or would be) removed.
    public var summary: String {
        let words = Strings.current.commands
        let parts = [
            (interactions, words.forgotInteraction), (posts, words.forgotPost), (postCounters, words.forgotPostCounter),
            (dailyRows, words.forgotDailyRow), (followerCounts, words.forgotFollowerCount),
            (demographics, words.forgotDemographics), (addresses, words.forgotAddress), (waiting, words.forgotWaiting),
            (rejects, words.forgotRejected), (fileNames, words.forgotFileName), (pressItems, words.forgotPressItem),
        ].filter { $0.0 > 0 }.map { $0.1.counted($0.0) }
        return words.forgetSummary(sanitized(name), sanitized(person), parts)
    }
}

extension Store {
    /// Erases people and every trace of them: their interactions in both directions, their posts with their
    /// counters and the interactions on them, their daily rows, follower counts, demographics, addresses, what
    /// waits for a post in their name, the press items that mention them, the rejected lines that name them, the
    /// file names that name them, their directory entry. Deleted content is overwritten (`secure_delete`), the file rebuilt (`VACUUM`) and the
    /// write-ahead log emptied, so that their name and id appear nowhere in the database's files.
    ///
    /// Unknown ids are refused before anything is removed. With `dryRun`, nothing is removed: the report says what
    /// would be.
    public func forget(_ keys: [String], dryRun: Bool) throws(StoreError) -> [ForgetReport] {
        let reports: [ForgetReport] = try forgetTransaction { db in
            // Read as another program may have written them (text read as text, whatever its storage).
            var known: [(id: Int64, key: String, name: String, login: String?, linkedin: String?)] = []
            let statement = try RawStatement(db, sql: "SELECT id, key, name, login, linkedin FROM people")
            let wanted = Set(keys)
            try statement.forEachRow { r in
                let key = r.string(1)
                if wanted.contains(key) { known.append((r.int64(0), key, r.string(2), r.optionalString(3), r.optionalString(4))) }
            }
            let unknown = keys.filter { key in !known.contains { $0.key == key } }
            if let first = unknown.first { throw StoreError.unknownPerson(path: path, key: first) }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var reports: [ForgetReport] = []
            for row in known {
                let (id, key, name) = (row.id, row.key, row.name)
                var emails: [String] = []
                let addresses = try RawStatement(db, sql: "SELECT email FROM person_emails WHERE person = ?")
                addresses.bind(1, id)
                try addresses.forEachRow { emails.append($0.string(0)) }
                // What names them in free text: their id, name (also without spaces, as in analytics file names),
                // login, profile and addresses.
                var words = [key, name, name.filter { !$0.isWhitespace }] + emails
                if let login = row.login { words.append(login) }
                if let linkedin = row.linkedin { words.append(linkedin) }
                words = words.filter { $0.count >= 3 }
                // In file names, a part of the name is enough to name them (`Quartzenberg-events.jsonl`).
                let nameParts = name.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
                reports.append(try Self.erase(id: id, key: key, name: name, words: words, fileWords: words + nameParts, db: db))
            }
            if dryRun { throw DryRun(reports: reports) }
            return reports
        } catchingDryRun: { $0 }
        guard !dryRun else { return reports }
        try rebuildAndEmptyLog()
        return reports
    }

    /// A dry run's way out of its transaction: the work is rolled back, its report kept.
    struct DryRun: Error {
        var reports: [ForgetReport]
    }

    private func forgetTransaction(_ body: (Database) throws -> [ForgetReport], catchingDryRun: ([ForgetReport]) -> [ForgetReport])
        throws(StoreError) -> [ForgetReport]
    {
        do {
            return try queue.inDatabase { db in
                var result: [ForgetReport] = []
                do {
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                } catch let dry as DryRun {
                    result = catchingDryRun(dry.reports)
                }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private static func erase(id: Int64, key: String, name: String, words: [String], fileWords: [String], db: Database) throws
        -> ForgetReport
    {
        var report = ForgetReport(person: key, name: name)
        func delete(_ sql: String, _ arguments: StatementArguments = [id]) throws -> Int {
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
        let posts = "SELECT id FROM posts WHERE author = ?"
        report.interactions = try delete(
            "DELETE FROM interactions WHERE actor = ?1 OR target = ?1 OR post IN (\(posts.replacingOccurrences(of: "?", with: "?1")))")
        report.postCounters = try delete("DELETE FROM post_stats WHERE post IN (\(posts))")
        _ = try delete("DELETE FROM post_aliases WHERE post IN (\(posts))")
        report.posts = try delete("DELETE FROM posts WHERE author = ?")
        report.dailyRows = try delete("DELETE FROM daily_stats WHERE person = ?")
        report.followerCounts = try delete("DELETE FROM follower_snapshots WHERE person = ?")
        report.demographics = try delete("DELETE FROM demographics WHERE person = ?")
        report.addresses = try delete("DELETE FROM person_emails WHERE person = ?")
        report.waiting = try delete("DELETE FROM pending_interactions WHERE actor = ?")
        _ = try delete("DELETE FROM coverage WHERE person = ?")
        // A press item about them goes whole: its title may name them.
        report.pressItems = try delete("DELETE FROM press_items WHERE id IN (SELECT item FROM press_mentions WHERE person = ?)")
        _ = try delete("DELETE FROM press_mentions WHERE person = ? OR item NOT IN (SELECT id FROM press_items)")
        // Rejected lines and file names that name them, whole word or not: a rejected line is only evidence.
        for word in Set(words) {
            let pattern = "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            report.rejects += try delete("DELETE FROM rejects WHERE text LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\'", [pattern, pattern])
        }
        for word in Set(fileWords) {
            try db.execute(
                sql: "UPDATE imports SET file = replace(file, ?, '(someone forgotten)') WHERE instr(lower(file), lower(?)) > 0",
                arguments: [word, word])
            let renamed = db.changesCount
            // `replace` is case-sensitive: a name in another case is replaced whole.
            try db.execute(
                sql: "UPDATE imports SET file = '(a file naming someone forgotten)' WHERE instr(lower(file), lower(?)) > 0",
                arguments: [word])
            report.fileNames += renamed + db.changesCount
            try db.execute(
                sql: "UPDATE meta SET value = replace(value, ?, '(someone forgotten)') WHERE instr(value, ?) > 0",
                arguments: [word, word])
        }
        _ = try delete("DELETE FROM people WHERE id = ?")
        return report
    }

    /// Rebuilds the file without free pages and empties the write-ahead log, waiting (up to ten seconds) for
    /// readers that still hold old pages of it.
    private func rebuildAndEmptyLog() throws(StoreError) {
        do {
            try queue.inDatabase { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try db.execute(sql: "VACUUM")
                let deadline = Date().addingTimeInterval(10)
                while true {
                    let busy = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                    if busy == 0 { return }
                    guard Date() < deadline else {
                        throw StoreError.io(
                            path: path,
                            reason: Strings.current.commands.readerHoldsPages)
                    }
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }
}

extension Store {
    /// Removes the interactions older than `days` days before `now` (and what waits for a post, and the rejected
    /// lines of imports, as old): the history the company decided to keep, and no more. Returns how many
    /// interactions went.
    @discardableResult
    public func applyRetention(days: Int, now: Timestamp) throws(StoreError) -> Int {
        let cutoff = now.seconds.saturatingSubtracting(Int64(days).multipliedReportingOverflow(by: 86_400).partialValue)
        return try write { db in
            try db.execute(sql: "DELETE FROM interactions WHERE at < ?", arguments: [cutoff])
            let removed = db.changesCount
            try db.execute(sql: "DELETE FROM pending_interactions WHERE at < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM rejects WHERE import IN (SELECT id FROM imports WHERE started_at < ?)", arguments: [cutoff])
            try db.execute(sql: "UPDATE coverage SET first_at = ? WHERE first_at < ? AND last_at >= ?", arguments: [cutoff, cutoff, cutoff])
            return removed
        }
    }

    /// Everything codir holds about one person, for their right of access: their directory entry, their
    /// interactions given and received (who, whom, when, kind, source: never content), their posts with their
    /// counters, their daily rows, follower counts, demographics and what each source holds.
    public func records(of key: String) throws(StoreError) -> PersonRecords? {
        guard let person = try people().first(where: { $0.id == key }) else { return nil }
        return try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM people WHERE key = ?", arguments: [key]) else { return nil }
            var records = PersonRecords(person: person)
            // Read as another program may have written them: values beyond belief are left out, never trapped on.
            func rows(_ sql: String, _ body: (RowReader) -> Void) throws {
                let statement = try RawStatement(db, sql: sql)
                statement.bind(1, id)
                try statement.forEachRow(body)
            }
            try rows(
                """
                SELECT i.kind, a.key, t.key, i.at, i.origin, p.key FROM interactions i
                JOIN people a ON a.id = i.actor JOIN people t ON t.id = i.target LEFT JOIN posts p ON p.id = i.post
                WHERE i.actor = ?1 OR i.target = ?1 ORDER BY i.at
                """
            ) { r in
                guard let kind = InteractionKind(code: Int(truncatingIfNeeded: r.int64(0))), let at = r.time(3) else { return }
                records.interactions.append(
                    .init(
                        kind: kind, actor: r.string(1), target: r.string(2), at: Timestamp(seconds: at),
                        source: InteractionSource(code: Int(truncatingIfNeeded: r.int64(4))) ?? .events, post: r.optionalString(5)))
            }
            try rows("SELECT key, at, url FROM posts WHERE author = ?1 ORDER BY at") { r in
                guard let at = r.time(1) else { return }
                records.posts.append(.init(key: r.string(0), at: Timestamp(seconds: at), url: r.optionalString(2)))
            }
            try rows(
                "SELECT p.key, s.at, s.impressions, s.engagements FROM post_stats s JOIN posts p ON p.id = s.post WHERE p.author = ?1 ORDER BY s.at"
            ) { r in
                guard let at = r.time(1) else { return }
                records.postCounters.append(.init(post: r.string(0), at: Timestamp(seconds: at), impressions: r.count(2), engagements: r.count(3)))
            }
            try rows("SELECT day, impressions, engagements, new_followers FROM daily_stats WHERE person = ?1 ORDER BY day") { r in
                guard let day = r.day(0) else { return }
                records.daily.append(.init(day: day, impressions: r.count(1), engagements: r.count(2), newFollowers: r.count(3)))
            }
            try rows("SELECT at, count FROM follower_snapshots WHERE person = ?1 ORDER BY at") { r in
                guard let at = r.time(0) else { return }
                records.followers.append(.init(at: Timestamp(seconds: at), count: r.count(1)))
            }
            try rows("SELECT as_of, sheet, category, value, percentage FROM demographics WHERE person = ?1 ORDER BY as_of, sheet") { r in
                guard let day = r.day(0) else { return }
                records.demographics.append(
                    .init(asOf: day, sheet: r.string(1), category: r.string(2), value: r.string(3), percentage: r.string(4)))
            }
            try rows("SELECT email FROM person_emails WHERE person = ?1 ORDER BY email") { r in records.emails.append(r.string(0)) }
            return records
        }
    }
}


extension Store {
    /// Writes a consistent, compacted copy of the database to `destination` (`VACUUM INTO`), which must not exist
    /// and whose folder must. Readers and writers carry on meanwhile. Returns the copy's size in bytes.
    @discardableResult
    public func backup(to destination: String) throws(StoreError) -> Int64 {
        let fileManager = FileManager.default
        let folder = (destination as NSString).deletingLastPathComponent
        if fileManager.fileExists(atPath: destination) {
            throw .cannotCreate(path: destination, reason: Strings.current.commands.backupExists)
        }
        if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
            throw .cannotCreate(path: destination, reason: Strings.current.commands.folderMissing(folder))
        }
        do {
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [destination]) }
        } catch {
            throw .cannotCreate(path: destination, reason: (error as? DatabaseError)?.message ?? "\(error)")
        }
        let size = (try? fileManager.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value
        return size ?? 0
    }
}

/// The configuration's `retention_days` for a long-running writer: applied after every import that brought
/// something (`afterImport`), and otherwise at most once an hour, as time makes more rows too old.
public final class Retention {
    public let days: Int?
    private var last: Date?

    public init(days: Int?) { self.days = days }

    /// Removes what is older than the retention from `store`, unless that was done less than an hour ago; says
    /// what it removed through `log`. A busy database is tried again at the next call.
    public func apply(to store: Store, afterImport: Bool = false, now: Date = Date(), log: (String) -> Void) {
        guard let days else { return }
        if !afterImport, let last, now.timeIntervalSince(last) < 3600 { return }
        do {
            let removed = try store.applyRetention(days: days, now: Timestamp(seconds: Int64(now.timeIntervalSince1970)))
            last = now
            if removed > 0 { log(Strings.current.files.retentionRemoved(removed, days)) }
        } catch {
            if error != .locked(path: store.path) { log("error: \(error.message)") }
        }
    }
}
