import CodirModel
import Foundation
import GRDB

/// What importing creator analytics exports needs beyond the canonical events.
extension ImportWriter {
    /// Stores one demographics row of a creator analytics export (`< 1%` percentages are kept as text).
    public func writeDemographic(
        person: String, asOf: Day, sheet: String, category: String, value: String, percentage: String
    ) throws -> Result<WriteOutcome, RecordRejection> {
        let row: Int64
        switch personRow(person, as: "person") {
        case .success(let found): row = found
        case .failure(let rejection): return .failure(rejection)
        }
        try db.execute(
            sql: """
                INSERT INTO demographics(person, as_of, sheet, category, value, percentage, source)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(person, as_of, sheet, category, value) DO UPDATE SET percentage = excluded.percentage,
                    source = excluded.source
                WHERE percentage IS NOT excluded.percentage
                """,
            arguments: [row, asOf.number, sheet, category, value, percentage, importID])
        return count(.success(db.changesCount > 0 ? .inserted : .duplicate))
    }
}
