import CodirModel
import CodirText
import Foundation
import GRDB
import GRDBSQLite

/// The codir database: one SQLite file in WAL mode, opened either to read or to write.
///
/// Viewers open it read-only; only importers and the simulator write.
public final class Store: Sendable {
    /// How a store is opened.
    public enum Access: Sendable {
        /// Never writes; the file must exist.
        case readOnly
        /// Creates the file and its folder when missing, and migrates the schema.
        case readWrite
    }

    /// SQLite's page cache per connection, in KiB: large for a writer, whose imports revisit index pages; small
    /// for a reader, whose window reads are scans the system's file cache serves as well (a viewer lives for weeks
    /// beside others).
    static let cacheKibibytes = 65_536
    static let readerCacheKibibytes = 4_096

    /// The database file, or `:memory:`.
    public let path: String
    public let access: Access
    let queue: DatabaseQueue

    private init(path: String, access: Access, queue: DatabaseQueue) {
        self.path = path
        self.access = access
        self.queue = queue
    }

    /// Opens the database at `path`.
    /// Opens the database at `path`. A writer creates the file, and its folder when `createFolder` is true (the
    /// default location); a path the user typed must be in a folder that exists, so that a typo does not start
    /// a new, empty database.
    public static func open(path: String, access: Access, createFolder: Bool = true) throws(StoreError) -> Store {
        let fileManager = FileManager.default
        switch access {
        case .readOnly:
            guard fileManager.fileExists(atPath: path) else { throw .missing(path: path) }
        case .readWrite:
            let folder = (path as NSString).deletingLastPathComponent
            if !createFolder, !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
                throw .cannotCreate(path: path, reason: Strings.current.commands.folderMissingTypo(folder))
            }
            if !folder.isEmpty && !fileManager.fileExists(atPath: folder) {
                do {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .cannotCreate(path: path, reason: Strings.current.commands.folderCannotBeCreated(folder))
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = access == .readOnly
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        if access == .readWrite { configuration.journalMode = .wal }
        configuration.prepareDatabase { db in
            if access == .readWrite {
                // Keep the -wal and -shm files when the last writer closes: a reader that may read but not
                // write the database's folder cannot create them, and SQLite needs them to read a WAL
                // database (see "Serving the committee over ssh" in the README).
                var persist: Int32 = 1
                sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
                // A limit, any limit, makes the last writer's close empty the kept -wal file, so that no
                // stale frame waits in it; 64 MiB keeps a big import from shrinking it between checkpoints.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
                // Safe from corruption in WAL mode; a power cut may undo the last commits, which imports and
                // ingest repeat without duplicates (the follow offset is committed with its lines).
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // A large page cache keeps a big import's index pages in memory instead of re-reading them.
            try db.execute(
                sql: "PRAGMA cache_size = -\(access == .readWrite ? Store.cacheKibibytes : Store.readerCacheKibibytes)")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let store = Store(path: path, access: access, queue: queue)
            try store.prepareSchema()
            return store
        } catch let error as StoreError {
            throw error
        } catch {
            if access == .readOnly, Self.lacksWalFiles(path) { throw .walFilesMissing(path: path) }
            throw StoreError(error, path: path)
        }
    }

    /// Whether a WAL database's -wal or -shm file is missing and this user cannot create it: a reader then
    /// cannot open the database (SQLite's "Read-Only Databases" in its WAL notes).
    static func lacksWalFiles(_ path: String) -> Bool {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        let missing = !fileManager.fileExists(atPath: path + "-wal") || !fileManager.fileExists(atPath: path + "-shm")
        return missing && !fileManager.isWritableFile(atPath: folder.isEmpty ? "." : folder)
    }

    /// A private database in memory, migrated and empty: for tests and dry runs.
    public static func inMemory() throws(StoreError) -> Store {
        do {
            let queue = try DatabaseQueue()
            let store = Store(path: ":memory:", access: .readWrite, queue: queue)
            try store.prepareSchema()
            return store
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: ":memory:")
        }
    }

    /// A private in-memory copy of the database at `path`, for dry runs: whatever is done to it, the file is
    /// never written.
    public static func copyInMemory(of path: String) throws(StoreError) -> Store {
        do {
            // Checks the file first, so that a foreign file gets the usual sentence.
            _ = try Store.open(path: path, access: .readOnly)
            let queue = try DatabaseQueue.inMemoryCopy(fromPath: path)
            let store = Store(path: path, access: .readWrite, queue: queue)
            try store.prepareSchema()
            return store
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Checks that the file is a codir database and brings its schema up to date (writers only).
    private func prepareSchema() throws {
        let migrator = Schema.migrator
        let path = self.path
        switch access {
        case .readOnly:
            try queue.inDatabase { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard id == Schema.applicationID else { throw StoreError.notCodirDatabase(path: path) }
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                guard try migrator.hasCompletedMigrations(db) else {
                    throw StoreError.io(
                        path: path, reason: Strings.current.commands.schemaOlder)
                }
            }
        case .readWrite:
            try queue.inDatabase { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if id != Schema.applicationID {
                    let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    guard id == 0 && objects == 0 else { throw StoreError.notCodirDatabase(path: path) }
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            }
            try migrator.migrate(queue)
        }
    }

    // MARK: - Metadata

    /// The metadata key of the organisation's display name.
    public static let organisationKey = "organisation"

    /// A piece of metadata, such as the organisation's display name (`organisationKey`).
    public func metadata(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Sets a piece of metadata.
    public func setMetadata(_ key: String, _ value: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    /// When the data last changed: the end of the latest import or batch; nil for an empty database.
    public func lastChange() throws(StoreError) -> Timestamp? {
        try read { db in
            // Only believable times: another program may have written anything here.
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT max(t) FROM (SELECT ifnull(finished_at, started_at) AS t FROM imports)
                    WHERE typeof(t) = 'integer' AND t BETWEEN ? AND ?
                    """, arguments: [Bounds.seconds.lowerBound, Bounds.seconds.upperBound]
            ).map { Timestamp(seconds: $0) }
        }
    }

    /// Counts of the main tables, for summaries.
    public func counts() throws(StoreError) -> StoreCounts {
        try read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return StoreCounts(
                people: try count("people"), posts: try count("posts"), interactions: try count("interactions"),
                postStats: try count("post_stats"), dailyStats: try count("daily_stats"),
                followerSnapshots: try count("follower_snapshots"), imports: try count("imports"),
                rejects: try count("rejects"))
        }
    }

    /// How many interactions each source brought, all time.
    public func interactionsBySource() throws(StoreError) -> [InteractionSource: Int] {
        try read { db in
            var counts: [InteractionSource: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT origin, count(*) FROM interactions GROUP BY origin") {
                if let source = InteractionSource(code: row[0]) { counts[source] = row[1] }
            }
            return counts
        }
    }

    /// What SQLite's `integrity_check` and `foreign_key_check` find wrong; empty for a sound database.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let dangling = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += dangling.map { "a row of \($0[0] as String? ?? "?") refers to a missing \($0[2] as String? ?? "?")" }
            return problems
        }
    }

    // MARK: - Access

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.io(path: path, reason: "the read returned nothing") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.io(path: path, reason: "the write returned nothing") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }
}

/// Row counts of the store's main tables.
public struct StoreCounts: Sendable, Hashable {
    public var people, posts, interactions, postStats, dailyStats, followerSnapshots, imports, rejects: Int
}

extension StoreError {
    /// Translates a SQLite failure into a sentence for the user.
    init(_ error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self = .io(path: path, reason: "\(error)")
            return
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .notCodirDatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path)
        case .SQLITE_CANTOPEN: self = .cannotOpen(path: path, reason: Strings.current.commands.sqliteCannotOpen)
        case .SQLITE_READONLY: self = .cannotOpen(path: path, reason: Strings.current.commands.readOnlyForUser)
        case .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path: path, reason: Strings.current.files.permissionDenied)
        case .SQLITE_FULL: self = .full(path: path)
        default: self = .io(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
