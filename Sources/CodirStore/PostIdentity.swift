import CodirModel
import Foundation
import GRDB

/// One LinkedIn post under its several names.
///
/// LinkedIn names a post by different URNs in different exports: a member archive's `Shares.csv` links it as
/// `urn:li:share:…` or `urn:li:ugcPost:…`, creator analytics list it as `urn:li:activity:…`. Every one of these
/// ids carries the moment it was minted (`LinkedInReference.minted`), and a post's ids are minted within
/// seconds of each other: a post of the same author whose ids agree within `tolerance` seconds is the same post,
/// whatever the kind of its URN. The first row written for it stays; every other key it is known by is kept in
/// `post_aliases`, so that later files naming it by any of them find that row directly.
enum PostIdentity {
    /// How far apart, in seconds, two ids of one post may have been minted.
    static let tolerance = LinkedInPostMatcher.tolerance

    /// The LinkedIn post a key or link names (never a comment).
    static func reference(key: String, url: String?) -> LinkedInReference? {
        for text in [key, url] {
            if let text, let reference = LinkedInReference(link: text), !reference.isComment { return reference }
        }
        return nil
    }

    /// Whether a post's id says when it was published: minted within a day and a half of the post's time (an
    /// analytics sheet gives only the day, in its own time zone). An id that does not is no evidence of which
    /// post it is, and merges nothing.
    static func isBelievable(_ reference: LinkedInReference, at seconds: Int64) -> Bool {
        let minted = reference.minted.seconds
        return (minted > seconds ? minted - seconds : seconds - minted) <= 36 * 3600
    }

    /// A post as the merge sees it.
    struct Moment: Sendable {
        var seconds: Int64
        var row: Int64
        /// Its time comes from an activity id (creator analytics), not from the member's own archive.
        var isActivity: Bool
    }

    /// Each author's posts by the moment their LinkedIn ids were minted, sorted.
    struct Index {
        private var byAuthor: [Int64: [Moment]] = [:]

        mutating func add(author: Int64, _ moment: Moment) {
            var list = byAuthor[author, default: []]
            list.insert(moment, at: Self.firstIndex(in: list, after: moment.seconds))
            byAuthor[author] = list
        }

        /// The author's post whose id was minted closest to `seconds`, within the tolerance: a binary search, then
        /// the few posts within the tolerance on either side (an import writes many posts of few authors).
        func post(of author: Int64, near seconds: Int64) -> Moment? {
            guard let list = byAuthor[author] else { return nil }
            // Minted times are below 2^42 / 1000 seconds and never negative: their differences cannot overflow.
            func distance(_ moment: Moment) -> Int64 { moment.seconds > seconds ? moment.seconds - seconds : seconds - moment.seconds }
            var best: Moment?
            var index = Self.firstIndex(in: list, after: seconds - tolerance - 1)
            while index < list.count, list[index].seconds <= seconds + tolerance {
                if best.map({ distance(list[index]) < distance($0) }) ?? true { best = list[index] }
                index += 1
            }
            return best
        }

        /// The first position in `list` (sorted by time) whose time is after `t`.
        private static func firstIndex(in list: [Moment], after t: Int64) -> Int {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].seconds <= t { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    /// Records every LinkedIn id the existing posts carry, then merges the posts that are one post: the
    /// duplicates databases written before the merge existed hold (creator analytics and archives of one
    /// leader, imported in either order).
    static func migrate(_ db: Database) throws {
        var index = Index()
        var moments: [(author: Int64, moment: Moment)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, key, author, url, at FROM posts ORDER BY id") {
            let id: Int64 = row[0], key: String = row[1], author: Int64 = row[2], url: String? = row[3]
            guard let reference = reference(key: key, url: url) else { continue }
            try addAlias(db, key: reference.urn, post: id, linkedInID: reference.id)
            // Another program may have written any time here: a non-integer reads as 0 and merges nothing.
            guard isBelievable(reference, at: (row[4] as Int64?) ?? 0) else { continue }
            let moment = Moment(seconds: reference.minted.seconds, row: id, isActivity: reference.kind == .activity)
            moments.append((author, moment))
        }
        // The oldest row of each group stays, as the writer keeps the first one it wrote.
        var merged: Set<Int64> = []
        for (author, moment) in moments {
            if let survivor = index.post(of: author, near: moment.seconds), !merged.contains(moment.row) {
                try merge(db, duplicate: moment.row, into: survivor, newcomerIsActivity: moment.isActivity)
                merged.insert(moment.row)
            } else {
                index.add(author: author, moment)
            }
        }
    }

    /// Moves everything of post `duplicate` to `survivor`, keeps its key as an alias and removes it. An
    /// interaction or counter the survivor already has identically is the same one, counted once.
    static func merge(_ db: Database, duplicate: Int64, into survivor: Moment, newcomerIsActivity: Bool) throws {
        let arguments: StatementArguments = [survivor.row, duplicate]
        try db.execute(sql: "UPDATE OR IGNORE interactions SET post = ? WHERE post = ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM interactions WHERE post = ?", arguments: [duplicate])
        try db.execute(sql: "UPDATE OR IGNORE post_stats SET post = ? WHERE post = ?", arguments: arguments)
        try db.execute(sql: "DELETE FROM post_stats WHERE post = ?", arguments: [duplicate])
        try db.execute(sql: "UPDATE post_aliases SET post = ? WHERE post = ?", arguments: arguments)
        if survivor.isActivity && !newcomerIsActivity {
            // The member's own archive knows the post's exact time and link.
            try db.execute(
                sql: """
                    UPDATE posts SET at = (SELECT at FROM posts WHERE id = ?1),
                        url = ifnull((SELECT url FROM posts WHERE id = ?1), url)
                    WHERE id = ?2
                    """,
                arguments: [duplicate, survivor.row])
        }
        try db.execute(
            sql: "INSERT OR IGNORE INTO post_aliases(key, post, linkedin_id) SELECT key, ?, NULL FROM posts WHERE id = ?",
            arguments: arguments)
        try db.execute(sql: "DELETE FROM posts WHERE id = ?", arguments: [duplicate])
    }

    static func addAlias(_ db: Database, key: String, post: Int64, linkedInID: UInt64?) throws {
        try db.execute(
            sql: """
                INSERT INTO post_aliases(key, post, linkedin_id) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET linkedin_id = ifnull(excluded.linkedin_id, linkedin_id)
                """,
            arguments: [key, post, linkedInID.map { Int64(bitPattern: $0) }])
    }
}
