import CodirModel

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
        switch self {
        case .missing(let path):
            "no codir database at \(path); create one with 'codir import FILE' or 'codir demo', or point --db at an existing one"
        case .cannotCreate(let path, let reason):
            "cannot create the database at \(path) (\(reason)); choose a writable location with --db or $CODIR_DB"
        case .cannotOpen(let path, let reason):
            "cannot open the database at \(path) (\(reason)); check the file's permissions"
        case .notCodirDatabase(let path):
            "\(path) is not a codir database; point --db at a codir database or at a new file"
        case .newerSchema(let path):
            "\(path) was written by a newer version of codir; upgrade codir to read it"
        case .locked(let path):
            "the database at \(path) is locked by another process; try again when it has finished"
        case .walFilesMissing(let path):
            "cannot read the database at \(path): its -wal and -shm files are missing and this user may not create "
                + "them; run any codir import once as the writer (for instance 'codir import --organisation NAME') to create them"
        case .full(let path):
            "the disk holding the database at \(path) is full, so nothing of this import was written; free some space and run it again"
        case .unknownPerson(let path, let key):
            "no one with the id '\(quoted(key))' is in the directory of \(path) (ids are the people file's 'id' column); nothing was changed"
        case .io(let path, let reason):
            "cannot use the database at \(path): \(reason)"
        }
    }

    public var description: String { message }
}
