import Foundation
import GRDB

import LibC

extension Store {
    /// SQLite's `PRAGMA data_version` on this connection: it changes whenever another connection (another
    /// process) commits. GRDB's observation does not see other processes' writes; this does.
    public func dataVersion() throws(StoreError) -> Int64 {
        do {
            // A cached statement: a viewer asks once a second for weeks.
            return try queue.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}

/// Which file a path names: when the database is replaced by another file, the identity changes.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of the file at `path`, or nil when there is none.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
