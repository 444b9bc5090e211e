import CodirMetrics
import CodirModel
import Foundation

/// One table of the report as RFC 4180 CSV, for spreadsheets; unknown values are empty cells.
struct CSVReport {
    let document: ReportDocument

    private var report: MetricsReport { document.report }

    func render(_ table: CSVTable) -> String {
        var rows: [[String]] = []
        switch table {
        case .leaders:
            rows.append([
                "rank", "person", "name", "department", "impressions", "previous_impressions", "impressions_change",
                "engagements", "engagement_rate", "posts", "followers", "follower_growth", "given_to_leaders",
                "given_to_employees", "received_from_leaders", "received_from_employees", "coverage",
            ])
            let engagement = Dictionary(uniqueKeysWithValues: report.engagement.map { ($0.person, $0) })
            for (rank, row) in document.rankedReach.enumerated() {
                let person = report.people[row.person]
                let e = engagement[row.person]
                rows.append([
                    document.rankText(rank, row), person.id, person.name, person.department, cell(row.impressions),
                    cell(row.previousImpressions), cell(row.impressionsChange), cell(row.engagements),
                    cell(row.engagementRate), "\(row.posts)", cell(row.followers), cell(row.followerGrowth),
                    cell(e?.givenToLeaders), cell(e?.givenToEmployees), cell(e?.receivedFromLeaders),
                    cell(e?.receivedFromEmployees), cell(e?.coverage),
                ])
            }
        case .departments:
            rows.append(["department", "members", "internal_ties", "external_ties", "ei_index", "withheld"])
            for d in report.silo.departments {
                // A withheld department's figures are left empty, never written as zero.
                rows.append(
                    d.withheld
                        ? [d.department, "\(d.members)", "", "", "", "true"]
                        : [d.department, "\(d.members)", "\(d.internalTies)", "\(d.externalTies)", cell(d.eiIndex), "false"])
            }
        case .matrix:
            let matrix = report.silo.matrix
            rows.append(["from \\ to"] + matrix.departments)
            for (i, counts) in matrix.counts.enumerated() {
                rows.append([matrix.departments[i]] + counts.indices.map { matrix.count(i, $0).map { "\($0)" } ?? "" })
            }
        case .bridges:
            rows.append(["rank", "person", "name", "department", "departments_reached", "cross_interactions"])
            for (rank, bridge) in report.silo.bridges.enumerated() {
                let person = report.people[bridge.person]
                rows.append([
                    "\(rank + 1)", person.id, person.name, person.department, "\(bridge.departmentsReached)",
                    "\(bridge.crossInteractions)",
                ])
            }
        case .weekly:
            rows.append(["week_start", "ei_index", "internal_ties", "external_ties", "modularity"])
            for week in report.silo.weekly {
                rows.append([
                    week.start.iso8601, cell(week.eiIndex), "\(week.internalTies)", "\(week.externalTies)",
                    cell(week.modularity),
                ])
            }
        }
        return rows.map { $0.map(escaped).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func cell(_ value: Int64?) -> String { value.map { "\($0)" } ?? "" }
    private func cell(_ value: Int?) -> String { value.map { "\($0)" } ?? "" }
    private func cell(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value)
    }

    private func escaped(_ field: String) -> String {
        // A leading = + - @ TAB or CR would run as a formula in a spreadsheet: quote-prefix it (checked before
        // sanitising, which turns TAB and CR into `?`). Control characters are then made harmless, since a CSV
        // file is also read in a terminal.
        let guarded = field.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) && Double(field) == nil } ?? false
        var text = sanitized(field)
        if guarded { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
