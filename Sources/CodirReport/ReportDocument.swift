import CodirMetrics
import CodirModel

/// A metrics report with what is needed to present it.
public struct ReportDocument: Sendable {
    public var organisation: String
    public var report: MetricsReport

    public init(organisation: String, report: MetricsReport) {
        self.organisation = organisation
        self.report = report
    }

    func person(_ index: Int) -> Person { report.people[index] }

    /// Reach rows ranked by impressions, unknown last, then by name.
    var rankedReach: [ReachRow] {
        report.reach.sorted {
            switch ($0.impressions, $1.impressions) {
            case (let a?, let b?) where a != b: a > b
            case (.some, nil): true
            case (nil, .some): false
            default: person($0.person).name < person($1.person).name
            }
        }
    }
}

/// The output formats of `codir report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv, md
}

/// The tables `--format csv` can write.
public enum CSVTable: String, Sendable, CaseIterable {
    /// One row per leader: reach and colleague engagement.
    case leaders
    /// One row per department: members, ties, E-I.
    case departments
    /// The department × department interaction counts.
    case matrix
    /// The top bridges.
    case bridges
    /// The weekly E-I trend.
    case weekly
}

extension ReportDocument {
    /// The report in the given format; `table` chooses the CSV table.
    public func rendered(as format: ReportFormat, table: CSVTable = .leaders) -> String {
        switch format {
        case .text: TextReport(document: self).render()
        case .json: JSONReport(document: self).render()
        case .csv: CSVReport(document: self).render(table)
        case .md: MarkdownReport(document: self).render()
        }
    }
}
