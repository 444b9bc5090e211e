import CodirModel
import Foundation
import GRDB

/// What importing LinkedIn member data archives needs: the directory by name, posts by their LinkedIn id, and
/// reactions and comments kept until an archive brings their post.
extension ImportWriter {
    /// The whole directory, as it stands in this transaction.
    public func directory() throws -> [Person] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.key, p.name, d.name, p.role, p.login, p.linkedin FROM people p
                JOIN departments d ON d.id = p.department ORDER BY p.id
                """
        ).map { row in
            Person(
                id: row[0], name: row[1], department: row[2], role: Role(rawValue: row[3]) ?? .employee, login: row[4],
                linkedin: row[5])
        }
    }

    /// The directory entries whose name is `name`, ignoring case: how an archive's owner is found.
    public func personKeys(named name: String) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT key FROM people WHERE lower(name) = lower(?) ORDER BY key", arguments: [name])
    }

    /// Every LinkedIn id known for a post (share, ugcPost or activity), with the post's key.
    public func linkedInPosts() throws -> [UInt64: String] {
        var posts: [UInt64: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT a.linkedin_id, p.key FROM post_aliases a JOIN posts p ON p.id = a.post WHERE a.linkedin_id IS NOT NULL")
        {
            let id: Int64 = row[0]
            posts[UInt64(bitPattern: id)] = row[1]
        }
        return posts
    }

    /// Keeps a reaction or comment whose post is not known yet; false when it was already kept.
    public func keepPending(actor: String, kind: InteractionKind, activityID: UInt64, at: Timestamp) throws -> Bool {
        guard let person = people[actor] else { return false }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO pending_interactions(actor, kind, activity_id, at, source)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [person.row, kind.code, Int64(bitPattern: activityID), at.seconds, importID])
        return db.changesCount > 0
    }

    /// A reaction or comment waiting for its post.
    public struct Pending: Sendable, Hashable {
        public var row: Int64
        public var actor: String
        public var kind: InteractionKind
        public var activityID: UInt64
        public var at: Timestamp
    }

    /// Everything still waiting for its post.
    public func pendingInteractions() throws -> [Pending] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, pe.key, p.kind, p.activity_id, p.at FROM pending_interactions p
                JOIN people pe ON pe.id = p.actor ORDER BY p.id
                """
        ).compactMap { row in
            guard let kind = InteractionKind(code: row[2]) else { return nil }
            let activity: Int64 = row[3]
            return Pending(
                row: row[0], actor: row[1], kind: kind, activityID: UInt64(bitPattern: activity),
                at: Timestamp(seconds: row[4]))
        }
    }

    /// Forgets a pending interaction once it has been written as an interaction.
    public func removePending(_ pending: Pending) throws {
        try db.execute(sql: "DELETE FROM pending_interactions WHERE id = ?", arguments: [pending.row])
    }
}
