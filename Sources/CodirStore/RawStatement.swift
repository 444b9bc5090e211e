import CodirModel
import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the hot paths of imports and window reads where
/// GRDB's argument boxing would dominate.
struct RawStatement {
    private let statement: Statement
    private let connection: OpaquePointer?

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        connection = db.sqliteConnection
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var text = value
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), sqliteTransient)
            }
        }
    }

    /// Runs a statement that returns no row; returns the number of rows it changed.
    @discardableResult
    func run() throws -> Int {
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
        return Int(sqlite3_changes(connection))
    }

    /// Steps through the rows, calling `body` with a reader of the current row.
    func forEachRow(_ body: (RowReader) throws -> Void) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let reader = RowReader(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try body(reader)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}

/// Reads the columns of the current row of a `RawStatement`.
struct RowReader {
    let handle: OpaquePointer

    @inline(__always)
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    @inline(__always)
    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    /// An integer column holding a believable count (`Bounds`); nil for NULL, text, a real number or a value
    /// beyond 0…10¹², which another program may have written.
    func count(_ column: Int32) -> Int64? {
        guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else { return nil }
        let value = sqlite3_column_int64(handle, column)
        return Bounds.isPlausible(count: value) ? value : nil
    }

    /// An integer column holding a moment within `Bounds.seconds`, else nil.
    func time(_ column: Int32) -> Int64? {
        guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else { return nil }
        let value = sqlite3_column_int64(handle, column)
        return Bounds.seconds.contains(value) ? value : nil
    }

    /// An integer column holding a day number within `Bounds.days`, else nil.
    func day(_ column: Int32) -> Day? {
        guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else { return nil }
        let value = sqlite3_column_int64(handle, column)
        return value >= Int64(Bounds.days.lowerBound) && value <= Int64(Bounds.days.upperBound)
            ? Day(number: Int(value)) : nil
    }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: text)
    }

    func optionalString(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else {
            return nil
        }
        return String(cString: text)
    }
}

/// SQLITE_TRANSIENT, which Swift cannot import: SQLite copies the bound bytes.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
