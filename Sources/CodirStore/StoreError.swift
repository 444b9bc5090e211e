import CodirModel
import CodirText

/// A failure of the store that a user can cause and fix; `message` is one sentence saying what, where and what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file does not exist and the caller only reads.
    case missing(path: String)
    /// The folder of the database cannot be created or written.
    case cannotCreate(path: String, reason: String)
    /// The file exists but cannot be opened.
    case cannotOpen(path: String, reason: String)
    /// The file is not a SQLite database written by codir.
    case notCodirDatabase(path: String)
    /// The database was written by a newer codir.
    case newerSchema(path: String)
    /// Another process holds the database's write lock.
    case locked(path: String)
    /// A reader that may not write the database's folder finds no -wal and -shm files beside it.
    case walFilesMissing(path: String)
    /// The file system holding the database is full; the transaction was rolled back.
    case full(path: String)
    /// A person named on the command line is not in the directory.
    case unknownPerson(path: String, key: String)
    /// Any other SQLite failure.
    case io(path: String, reason: String)

    public var message: String {
        let words = Strings.current.database
        return switch self {
        case .missing(let path): words.missing(path)
        case .cannotCreate(let path, let reason): words.cannotCreate(path, reason)
        case .cannotOpen(let path, let reason): words.cannotOpen(path, reason)
        case .notCodirDatabase(let path): words.notCodirDatabase(path)
        case .newerSchema(let path): words.newerSchema(path)
        case .locked(let path): words.locked(path)
        case .walFilesMissing(let path): words.walFilesMissing(path)
        case .full(let path): words.full(path)
        case .unknownPerson(let path, let key): words.unknownPerson(path, quoted(key))
        case .io(let path, let reason): words.io(path, reason)
        }
    }

    public var description: String { message }
}
