import CodirModel
import CodirText
import Foundation
import GRDB

/// What writing one record did.
public enum WriteOutcome: Sendable, Hashable {
    case inserted
    case updated
    /// The record was already there, identical.
    case duplicate
}

/// Why a well-formed record cannot be stored: it refers to something the database does not know.
public struct RecordRejection: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Counts of one import.
public struct ImportCounts: Sendable, Hashable {
    public var imported = 0
    public var duplicates = 0
    public var rejected = 0
    public init() {}
}

/// Writes the records of one file inside that file's transaction, resolving people and posts by their keys.
///
/// Only valid inside `Store.importFile`; every record either lands, is recognised as a duplicate, or is
/// rejected with a reason, and the counts follow. This file holds the core records (people, the canonical
/// events, rejects); `ImportWriter+LinkedIn.swift` and `ImportWriter+Analytics.swift` what those sources need,
/// and `Store+Import.swift` the transactions.
public final class ImportWriter {
    let db: Database
    /// The `imports` row of this file.
    public let importID: Int64
    public private(set) var counts = ImportCounts()

    struct KnownPost {
        var row: Int64
        var author: Int64
        /// The row's own key (a post found by an alias has another).
        var key: String
    }
    struct KnownPerson {
        var row: Int64
        var login: String?
    }
    var people: [String: KnownPerson] = [:]
    private var loginOwners: [String: String] = [:]
    /// Each address's person key, and each person's addresses (by key).
    private var emailOwners: [String: String] = [:]
    private var emailsByPerson: [String: Set<String>] = [:]
    /// Departments by `Person.departmentKey`, with the spelling first imported.
    private var departments: [String: Int64] = [:]
    private var departmentNames: [String: String] = [:]
    /// The spellings this import found for a department already known under another: variant → the name kept.
    public private(set) var departmentVariants: [String: String] = [:]
    /// Posts by key and by alias.
    var posts: [String: KnownPost] = [:]
    /// LinkedIn posts by author and by the moment their ids were minted, to recognise one post under another URN.
    private var moments = PostIdentity.Index()
    /// The keys `post_aliases` holds.
    private var aliasKeys: Set<String> = []
    /// Where this import's posts and counters come from (its format's source).
    private let recordSource: DataSource
    /// What this import brought about each person, by source: flushed to `coverage` at its end.
    private var coverage: [Int64: CoverageSpan] = [:]
    struct CoverageSpan {
        var first: Int64
        var last: Int64
        var records: Int64
    }
    /// Posts of this import found to be one already known under another LinkedIn URN.
    public private(set) var mergedPosts = 0

    private let upsertDepartment: RawStatement
    private let upsertPerson: RawStatement
    private let upsertPost: RawStatement
    private let insertInteraction: RawStatement
    private let upsertStats: RawStatement
    private let upsertDaily: RawStatement
    private let upsertFollowers: RawStatement
    private let insertReject: RawStatement

    init(db: Database, importID: Int64) throws {
        self.db = db
        self.importID = importID
        recordSource = DataSource(
            importFormat: try String.fetchOne(db, sql: "SELECT format FROM imports WHERE id = ?", arguments: [importID]) ?? "")
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM departments ORDER BY id") {
            let name: String = row[1]
            let key = Person.departmentKey(name)
            if departments[key] == nil { departments[key] = row[0] }
            departmentNames[key] = departmentNames[key] ?? name
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, key, login FROM people") {
            let key: String = row[1]
            let login: String? = row[2]
            people[key] = KnownPerson(row: row[0], login: login)
            if let login { loginOwners[login] = key }
        }
        for row in try Row.fetchAll(db, sql: "SELECT e.email, p.key FROM person_emails e JOIN people p ON p.id = e.person") {
            let email: String = row[0], key: String = row[1]
            emailOwners[email] = key
            emailsByPerson[key, default: []].insert(email)
        }
        var knownPosts: [String: KnownPost] = [:]
        try RawStatement(db, sql: "SELECT id, key, author FROM posts").forEachRow { row in
            let key = row.string(1)
            knownPosts[key] = KnownPost(row: row.int64(0), author: row.int64(2), key: key)
        }
        var index = PostIdentity.Index()
        var keys: Set<String> = []
        try RawStatement(
            db, sql: "SELECT a.key, p.id, p.author, p.key, a.linkedin_id, p.at FROM post_aliases a JOIN posts p ON p.id = a.post"
        ).forEachRow { row in
            let alias = row.string(0)
            let post = KnownPost(row: row.int64(1), author: row.int64(2), key: row.string(3))
            if knownPosts[alias] == nil { knownPosts[alias] = post }
            keys.insert(alias)
            if row.optionalInt64(4) != nil, let reference = LinkedInReference(link: alias),
                PostIdentity.isBelievable(reference, at: row.int64(5))
            {
                index.add(
                    author: post.author,
                    .init(seconds: reference.minted.seconds, row: post.row, isActivity: reference.kind == .activity))
            }
        }
        posts = knownPosts
        moments = index
        aliasKeys = keys
        upsertDepartment = try RawStatement(
            db, sql: "INSERT INTO departments(name) VALUES (?) ON CONFLICT(name) DO NOTHING")
        upsertPerson = try RawStatement(
            db,
            sql: """
                INSERT INTO people(key, name, department, role, login, linkedin) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET name = excluded.name, department = excluded.department,
                    role = excluded.role, login = excluded.login, linkedin = excluded.linkedin
                WHERE name IS NOT excluded.name OR department IS NOT excluded.department OR role IS NOT excluded.role
                    OR login IS NOT excluded.login OR linkedin IS NOT excluded.linkedin
                """)
        upsertPost = try RawStatement(
            db,
            sql: """
                INSERT INTO posts(key, author, at, network, url, source, hashtags) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET author = excluded.author, at = excluded.at,
                    network = excluded.network, url = ifnull(excluded.url, url), source = excluded.source,
                    hashtags = ifnull(excluded.hashtags, hashtags)
                WHERE author IS NOT excluded.author OR at IS NOT excluded.at OR network IS NOT excluded.network
                    OR (excluded.url IS NOT NULL AND url IS NOT excluded.url)
                    OR (excluded.hashtags IS NOT NULL AND hashtags IS NOT excluded.hashtags)
                """)
        insertInteraction = try RawStatement(
            db,
            sql: """
                INSERT OR IGNORE INTO interactions(event_id, kind, actor, target, post, at, source, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        upsertStats = try RawStatement(
            db,
            sql: """
                INSERT INTO post_stats(post, at, impressions, engagements, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(post, at) DO UPDATE SET impressions = excluded.impressions,
                    engagements = excluded.engagements, source = excluded.source
                WHERE impressions IS NOT excluded.impressions OR engagements IS NOT excluded.engagements
                """)
        upsertDaily = try RawStatement(
            db,
            sql: """
                INSERT INTO daily_stats(person, day, impressions, engagements, new_followers, source)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(person, day) DO UPDATE SET
                    impressions = ifnull(excluded.impressions, impressions),
                    engagements = ifnull(excluded.engagements, engagements),
                    new_followers = ifnull(excluded.new_followers, new_followers),
                    source = excluded.source
                WHERE (excluded.impressions IS NOT NULL AND impressions IS NOT excluded.impressions)
                    OR (excluded.engagements IS NOT NULL AND engagements IS NOT excluded.engagements)
                    OR (excluded.new_followers IS NOT NULL AND new_followers IS NOT excluded.new_followers)
                """)
        upsertFollowers = try RawStatement(
            db,
            sql: """
                INSERT INTO follower_snapshots(person, at, count, source) VALUES (?, ?, ?, ?)
                ON CONFLICT(person, at) DO UPDATE SET count = excluded.count, source = excluded.source
                WHERE count IS NOT excluded.count
                """)
        insertReject = try RawStatement(
            db, sql: "INSERT INTO rejects(import, line, text, reason) VALUES (?, ?, ?, ?)")
    }

    /// Whether a post with this key is in the database or was written earlier in this import.
    public func knowsPost(_ key: String) -> Bool { posts[key] != nil }

    /// Sets the fingerprint of the imported file, when it is computed alongside the import.
    public func setFingerprint(_ sha256: String) throws {
        try db.execute(sql: "UPDATE imports SET sha256 = ? WHERE id = ?", arguments: [sha256, importID])
    }

    /// Records a piece of metadata (organisation name, demo settings) in the same transaction.
    public func setMetadata(_ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Whether a person with this id is in the directory.
    public func knowsPerson(_ key: String) -> Bool { people[key] != nil }

    // MARK: - Records

    /// Adds a person to the directory, or updates them when their id is known.
    public func write(_ person: Person) throws -> Result<WriteOutcome, RecordRejection> {
        if let login = person.login, let owner = loginOwners[login], owner != person.id {
            return count(.failure(RecordRejection(Strings.current.lines.loginTaken(quoted(login), quoted(owner)))))
        }
        for email in person.emails ?? [] {
            if let owner = emailOwners[email], owner != person.id {
                return count(
                    .failure(RecordRejection(Strings.current.lines.emailTaken(quoted(email), quoted(owner)))))
            }
        }
        let department = try departmentRow(person.department)
        upsertPerson.bind(1, person.id)
        upsertPerson.bind(2, person.name)
        upsertPerson.bind(3, department)
        upsertPerson.bind(4, person.role.rawValue)
        upsertPerson.bind(5, person.login)
        upsertPerson.bind(6, person.linkedin)
        let changed = try upsertPerson.run() > 0
        let existing = people[person.id]
        if let old = existing?.login, old != person.login { loginOwners[old] = nil }
        if let login = person.login { loginOwners[login] = person.id }
        let row = existing?.row ?? db.lastInsertedRowID
        let emailsChanged = try person.emails.map { try writeEmails(Set($0), of: person.id, row: row) } ?? false
        if existing == nil {
            people[person.id] = KnownPerson(row: row, login: person.login)
            return count(.success(.inserted))
        }
        people[person.id]?.login = person.login
        return count(.success(changed || emailsChanged ? .updated : .duplicate))
    }

    /// Replaces a person's addresses with `emails`; whether they changed.
    private func writeEmails(_ emails: Set<String>, of key: String, row: Int64) throws -> Bool {
        let old = emailsByPerson[key] ?? []
        guard emails != old else { return false }
        for email in old.subtracting(emails) {
            try db.execute(sql: "DELETE FROM person_emails WHERE email = ?", arguments: [email])
            emailOwners[email] = nil
        }
        for email in emails.subtracting(old) {
            try db.execute(sql: "INSERT INTO person_emails(email, person) VALUES (?, ?)", arguments: [email, row])
            emailOwners[email] = key
        }
        emailsByPerson[key] = emails
        return true
    }

    /// The key of the person an address (any case) belongs to, if any.
    public func person(forEmail email: String) -> String? { emailOwners[Person.normalised(email: email)] }

    /// The same, for an address already trimmed and lower-cased (the mail importer's hot path).
    public func person(forNormalisedEmail email: String) -> String? { emailOwners[email] }

    /// Writes one event, resolving the people and posts it names.
    public func write(_ event: Event) throws -> Result<WriteOutcome, RecordRejection> {
        // Every importer's decoder checks its own fields; this is the last word, whatever the source.
        if let problem = event.boundsProblem { return count(.failure(RecordRejection(problem))) }
        switch event {
        case .post(let post): return count(try write(post))
        case .interaction(let interaction): return count(try write(interaction))
        case .stats(let stats): return count(try write(stats))
        case .daily(let daily): return count(try write(daily))
        case .followers(let followers): return count(try write(followers))
        }
    }

    /// Keeps a line that could not be imported, verbatim (up to 64 KiB), with the reason.
    public func reject(line: Int, text: String, reason: String) throws {
        insertReject.bind(1, importID)
        insertReject.bind(2, Int64(line))
        insertReject.bind(3, text.utf8.count > Self.rejectedTextLimit ? String(decoding: text.utf8.prefix(Self.rejectedTextLimit), as: UTF8.self) : text)
        insertReject.bind(4, reason)
        try insertReject.run()
        counts.rejected += 1
    }

    /// The most of a rejected line kept in `rejects`.
    static let rejectedTextLimit = 65_536

    func count(_ result: Result<WriteOutcome, RecordRejection>) -> Result<WriteOutcome, RecordRejection> {
        switch result {
        case .success(.duplicate): counts.duplicates += 1
        case .success: counts.imported += 1
        case .failure: break  // counted by `reject`, which the caller makes with the line's text
        }
        return result
    }

    private func departmentRow(_ name: String) throws -> Int64 {
        let key = Person.departmentKey(name)
        if let row = departments[key] {
            if let kept = departmentNames[key], kept != name { departmentVariants[name] = kept }
            return row
        }
        let spelling = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        upsertDepartment.bind(1, spelling)
        try upsertDepartment.run()
        guard let row = try Int64.fetchOne(db, sql: "SELECT id FROM departments WHERE name = ?", arguments: [spelling]) else {
            throw StoreError.io(path: "", reason: "the department \(quoted(name)) could not be found after it was written")
        }
        departments[key] = row
        departmentNames[key] = spelling
        if spelling != name { departmentVariants[name] = spelling }
        return row
    }

    func personRow(_ key: String, as field: String) -> Result<Int64, RecordRejection> {
        guard let person = people[key] else {
            return .failure(RecordRejection(Strings.current.lines.unknownPerson(quoted(key), quoted(field))))
        }
        return .success(person.row)
    }

    /// Hashtags as the `posts.hashtags` column keeps them: normalised, separated by spaces.
    static func storedHashtags(_ tags: [String]) -> String { tags.joined(separator: " ") }

    /// Gives a post known under another key the hashtags an import says it has.
    private func setHashtags(_ tags: [String]?, row: Int64) throws {
        guard let tags else { return }
        try db.execute(
            sql: "UPDATE posts SET hashtags = ? WHERE id = ? AND hashtags IS NOT ?",
            arguments: [Self.storedHashtags(tags), row, Self.storedHashtags(tags)])
    }

    private func write(_ post: PostEvent) throws -> Result<WriteOutcome, RecordRejection> {
        let author: Int64
        switch personRow(post.author, as: "author") {
        case .success(let row): author = row
        case .failure(let rejection): return .failure(rejection)
        }
        let reference = PostIdentity.reference(key: post.id, url: post.url)
        if let known = posts[post.id], known.key != post.id {
            // Known under another key already: the row stays as it is, but for hashtags it did not know.
            if let reference { try alias(reference, of: known, at: post.at.seconds) }
            try setHashtags(post.hashtags, row: known.row)
            cover(author, recordSource, at: post.at.seconds, isNew: false)
            return .success(.duplicate)
        }
        if posts[post.id] == nil, let reference, PostIdentity.isBelievable(reference, at: post.at.seconds),
            let same = moments.post(of: author, near: reference.minted.seconds)
        {
            // The same post under another URN (creator analytics name posts by activity, archives by share).
            let key = try String.fetchOne(db, sql: "SELECT key FROM posts WHERE id = ?", arguments: [same.row]) ?? post.id
            let known = KnownPost(row: same.row, author: author, key: key)
            if post.id != reference.urn {
                try PostIdentity.addAlias(db, key: post.id, post: same.row, linkedInID: nil)
                aliasKeys.insert(post.id)
                posts[post.id] = known
            }
            try alias(reference, of: known, at: post.at.seconds)
            try setHashtags(post.hashtags, row: same.row)
            if same.isActivity && reference.kind != .activity {
                // The member's own archive knows the post's exact time and link.
                try db.execute(
                    sql: "UPDATE posts SET at = ?, url = ifnull(?, url) WHERE id = ?", arguments: [post.at.seconds, post.url, same.row])
            }
            mergedPosts += 1
            cover(author, recordSource, at: post.at.seconds, isNew: false)
            return .success(.updated)
        }
        upsertPost.bind(1, post.id)
        upsertPost.bind(2, author)
        upsertPost.bind(3, post.at.seconds)
        upsertPost.bind(4, post.network)
        upsertPost.bind(5, post.url)
        upsertPost.bind(6, importID)
        upsertPost.bind(7, post.hashtags.map(Self.storedHashtags))
        let changed = try upsertPost.run() > 0
        let outcome: WriteOutcome
        let known: KnownPost
        if let existing = posts[post.id] {
            known = KnownPost(row: existing.row, author: author, key: post.id)
            outcome = changed ? .updated : .duplicate
        } else {
            known = KnownPost(row: db.lastInsertedRowID, author: author, key: post.id)
            outcome = .inserted
        }
        posts[post.id] = known
        if let reference { try alias(reference, of: known, at: post.at.seconds) }
        cover(author, recordSource, at: post.at.seconds, isNew: outcome != .duplicate)
        return .success(outcome)
    }

    /// Notes that this import holds a record about `person` at `seconds` (new or not, when `isNew` is false).
    @inline(__always)
    private func cover(_ person: Int64, _ source: DataSource, at seconds: Int64, isNew: Bool) {
        let key = person &* 8 &+ Int64(source.code)
        if var span = coverage[key] {
            if seconds < span.first { span.first = seconds }
            if seconds > span.last { span.last = seconds }
            if isNew { span.records &+= 1 }
            coverage[key] = span
        } else {
            coverage[key] = CoverageSpan(first: seconds, last: seconds, records: isNew ? 1 : 0)
        }
    }

    /// Writes what this import brought about each person into `coverage`; called once, at the end of the import.
    func flushCoverage() throws {
        guard !coverage.isEmpty else { return }
        let upsert = try RawStatement(
            db,
            sql: """
                INSERT INTO coverage(person, source, first_at, last_at, records, last_import) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(person, source) DO UPDATE SET first_at = min(first_at, excluded.first_at),
                    last_at = max(last_at, excluded.last_at), records = records + excluded.records,
                    last_import = excluded.last_import
                """)
        for (key, span) in coverage {
            upsert.bind(1, key / 8)
            upsert.bind(2, key % 8)
            upsert.bind(3, span.first)
            upsert.bind(4, span.last)
            upsert.bind(5, span.records)
            upsert.bind(6, importID)
            _ = try upsert.run()
        }
        coverage.removeAll()
    }

    /// Records a LinkedIn URN of a post, so that later files naming it find the row.
    private func alias(_ reference: LinkedInReference, of post: KnownPost, at seconds: Int64) throws {
        guard !aliasKeys.contains(reference.urn) else { return }
        try PostIdentity.addAlias(db, key: reference.urn, post: post.row, linkedInID: reference.id)
        aliasKeys.insert(reference.urn)
        if posts[reference.urn] == nil { posts[reference.urn] = post }
        if PostIdentity.isBelievable(reference, at: seconds) {
            moments.add(
                author: post.author, .init(seconds: reference.minted.seconds, row: post.row, isActivity: reference.kind == .activity))
        }
    }

    private func write(_ interaction: InteractionEvent) throws -> Result<WriteOutcome, RecordRejection> {
        let actor: Int64
        switch personRow(interaction.actor, as: "actor") {
        case .success(let row): actor = row
        case .failure(let rejection): return .failure(rejection)
        }
        var post: Int64? = nil
        let target: Int64
        // A reaction or comment in a chat (Slack, Viva Engage) is to a person's message, not to a post: it names
        // its target instead.
        if interaction.kind.isPostBased, interaction.post != nil || interaction.target == nil {
            guard let key = interaction.post else { return .failure(RecordRejection(Strings.current.lines.missingField("post"))) }
            guard let known = posts[key] else {
                return .failure(RecordRejection(Strings.current.lines.unknownPost(quoted(key))))
            }
            post = known.row
            target = known.author
        } else {
            guard let key = interaction.target else { return .failure(RecordRejection(Strings.current.lines.missingField("target"))) }
            switch personRow(key, as: "target") {
            case .success(let row): target = row
            case .failure(let rejection): return .failure(rejection)
            }
        }
        insertInteraction.bind(1, interaction.id)
        insertInteraction.bind(2, Int64(interaction.kind.code))
        insertInteraction.bind(3, actor)
        insertInteraction.bind(4, target)
        insertInteraction.bind(5, post)
        insertInteraction.bind(6, interaction.at.seconds)
        insertInteraction.bind(7, importID)
        insertInteraction.bind(8, Int64(interaction.source.code))
        let inserted = try insertInteraction.run() > 0
        let source = DataSource(interaction.source)
        cover(actor, source, at: interaction.at.seconds, isNew: inserted)
        // An archive speaks for its owner only; the other sources for both ends.
        if source != .archive, target != actor { cover(target, source, at: interaction.at.seconds, isNew: inserted) }
        return .success(inserted ? .inserted : .duplicate)
    }

    private func write(_ stats: PostStatsEvent) throws -> Result<WriteOutcome, RecordRejection> {
        guard let post = posts[stats.post] else {
            return .failure(RecordRejection(Strings.current.lines.unknownPost(quoted(stats.post))))
        }
        upsertStats.bind(1, post.row)
        upsertStats.bind(2, stats.at.seconds)
        upsertStats.bind(3, stats.impressions)
        upsertStats.bind(4, stats.engagements)
        upsertStats.bind(5, importID)
        let changed = try upsertStats.run() > 0
        cover(post.author, recordSource, at: stats.at.seconds, isNew: changed)
        return .success(changed ? .inserted : .duplicate)
    }

    private func write(_ daily: DailyStatsEvent) throws -> Result<WriteOutcome, RecordRejection> {
        let person: Int64
        switch personRow(daily.person, as: "person") {
        case .success(let row): person = row
        case .failure(let rejection): return .failure(rejection)
        }
        upsertDaily.bind(1, person)
        upsertDaily.bind(2, Int64(daily.day.number))
        upsertDaily.bind(3, daily.impressions)
        upsertDaily.bind(4, daily.engagements)
        upsertDaily.bind(5, daily.newFollowers)
        upsertDaily.bind(6, importID)
        let changed = try upsertDaily.run() > 0
        cover(person, recordSource, at: daily.day.noon.seconds, isNew: changed)
        return .success(changed ? .inserted : .duplicate)
    }

    private func write(_ followers: FollowersEvent) throws -> Result<WriteOutcome, RecordRejection> {
        let person: Int64
        switch personRow(followers.person, as: "person") {
        case .success(let row): person = row
        case .failure(let rejection): return .failure(rejection)
        }
        upsertFollowers.bind(1, person)
        upsertFollowers.bind(2, followers.at.seconds)
        upsertFollowers.bind(3, followers.count)
        upsertFollowers.bind(4, importID)
        let changed = try upsertFollowers.run() > 0
        cover(person, recordSource, at: followers.at.seconds, isNew: changed)
        return .success(changed ? .inserted : .duplicate)
    }
}

extension Event {
    /// Why the event's counts or dates are beyond belief (`Bounds`), or nil.
    var boundsProblem: String? {
        switch self {
        case .post(let e): return Bounds.problem(e.at, field: "at")
        case .interaction(let e): return Bounds.problem(e.at, field: "at")
        case .stats(let e):
            return Bounds.problem(e.at, field: "at") ?? Bounds.problem(count: e.impressions, field: "impressions")
                ?? e.engagements.flatMap { Bounds.problem(count: $0, field: "engagements") }
        case .daily(let e):
            return Bounds.problem(e.day, field: "day")
                ?? e.impressions.flatMap { Bounds.problem(count: $0, field: "impressions") }
                ?? e.engagements.flatMap { Bounds.problem(count: $0, field: "engagements") }
                ?? e.newFollowers.flatMap { Bounds.problem(count: $0, field: "new_followers") }
        case .followers(let e):
            return Bounds.problem(e.at, field: "at") ?? Bounds.problem(count: e.count, field: "count")
        }
    }
}
