import CodirModel
import Foundation
import GRDB

extension Store {
    /// Runs `body` in one transaction for one input file, logging the import with its counts.
    ///
    /// When `commit` is false (a dry run) everything is rolled back, so the counts are exactly what a real
    /// import would give but the database is left as it was. An error thrown by `body` rolls back too.
    public func importFile<T>(
        file: String, sha256: String, format: String, commit: Bool = true,
        _ body: (ImportWriter) throws -> T
    ) throws -> (result: T, counts: ImportCounts) {
        try inImportTransaction(commit: commit) { db in
            try db.execute(
                sql: "INSERT INTO imports(file, sha256, format, started_at) VALUES (?, ?, ?, ?)",
                arguments: [file, sha256, format, Int64(Date().timeIntervalSince1970)])
            return db.lastInsertedRowID
        } body: { writer in try body(writer) }
    }

    /// Starts a long-running source of events (the simulator, a followed file), logged as one import whose
    /// counts grow with each `append`.
    public func beginSession(label: String, format: String) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO imports(file, sha256, format, started_at) VALUES (?, '', ?, ?)",
                arguments: [label, format, Int64(Date().timeIntervalSince1970)])
            return db.lastInsertedRowID
        }
    }

    /// Writes one batch of a session in its own transaction.
    public func append<T>(toSession session: Int64, _ body: (ImportWriter) throws -> T) throws -> (
        result: T, counts: ImportCounts
    ) {
        try inImportTransaction(commit: true) { _ in session } body: { writer in try body(writer) }
    }

    private func inImportTransaction<T>(
        commit: Bool, importRow: (Database) throws -> Int64, body: (ImportWriter) throws -> T
    ) throws -> (result: T, counts: ImportCounts) {
        do {
            return try queue.inDatabase { db in
                // The writer resolves every person and post against this very database inside the
                // transaction before it writes a row, so SQLite's foreign-key checks would only repeat that
                // work (they cost a sixth of an import). They stay on for every other connection.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var outcome: (T, ImportCounts)?
                try db.inTransaction(.immediate) {
                    let writer = try ImportWriter(db: db, importID: try importRow(db))
                    let result = try body(writer)
                    try writer.flushCoverage()
                    let counts = writer.counts
                    try db.execute(
                        sql: """
                            UPDATE imports SET accepted = accepted + ?, duplicates = duplicates + ?,
                                rejected = rejected + ?, finished_at = ?
                            WHERE id = ?
                            """,
                        arguments: [
                            counts.imported, counts.duplicates, counts.rejected, Int64(Date().timeIntervalSince1970),
                            writer.importID,
                        ])
                    outcome = (result, counts)
                    return commit ? .commit : .rollback
                }
                guard let outcome else { throw StoreError.io(path: path, reason: "the import returned nothing") }
                return outcome
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }
}
