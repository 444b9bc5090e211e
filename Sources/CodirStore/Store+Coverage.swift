import CodirModel
import Foundation
import GRDB

extension Store {
    /// What each source holds about each person, or each leader only (the Data view and `codir status` are about
    /// them, and a viewer reads this at each change): the period it covers, how many records, when its last file
    /// arrived. Values another program may have written beyond belief are left out.
    public func coverage(leadersOnly: Bool = false) throws(StoreError) -> [SourceCoverage] {
        try read { db in
            var rows: [SourceCoverage] = []
            let statement = try RawStatement(
                db,
                sql: """
                    SELECT p.key, c.source, c.first_at, c.last_at, c.records, ifnull(i.finished_at, i.started_at)
                    FROM coverage c JOIN people p ON p.id = c.person LEFT JOIN imports i ON i.id = c.last_import
                    WHERE ? = 0 OR p.role = 'leader'
                    ORDER BY p.id, c.source
                    """
            )
            statement.bind(1, leadersOnly ? 1 : 0)
            try statement.forEachRow { row in
                guard let source = DataSource(code: Int(truncatingIfNeeded: row.int64(1))), let first = row.time(2),
                    let last = row.time(3), first <= last
                else { return }
                rows.append(
                    SourceCoverage(
                        person: row.string(0), source: source, first: Timestamp(seconds: first),
                        last: Timestamp(seconds: last), records: row.count(4) ?? 0,
                        lastFile: row.time(5).map { Timestamp(seconds: $0) }))
            }
            return rows
        }
    }
}
