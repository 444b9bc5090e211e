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

    /// The rank shown in the first column; empty when other leaders' rows are withheld (a rank among rows
    /// that are not shown would mislead), and for a leader whose impressions are unknown: not ranked, not zero.
    func rankText(_ rank: Int, _ row: ReachRow) -> String {
        report.withholdsIndividuals || row.impressions == nil ? "" : "\(rank + 1)"
    }

    /// The committee's totals in one line, over every leader.
    var committeeLine: String {
        let c = report.committeeReach
        return "Committee: \(HumanFormat.count(c.impressions)) impressions (data of \(HumanFormat.coverage(c))) "
            + "\(HumanFormat.change(c.impressionsChange)) vs previous \(report.length) · \(plural(c.posts, "post")) · \(c.leadersWhoPosted) of \(counted(c.leaders, "leader")) posted"
    }

    /// Why some rows are missing; nil when every row is shown.
    var withheldNote: String? {
        switch report.disclosure.visibility {
        case .all: nil
        case .self where report.reach.isEmpty:
            "Leaders' individual numbers are not shown: this installation's configuration sets "
                + "\(report.disclosure.visibilityNote), and your login is not a leader's in the directory."
        case .self: "Only your own row is shown: this installation's configuration sets \(report.disclosure.visibilityNote)."
        case .aggregate: "Leaders' individual numbers are not shown: this installation's configuration sets \(report.disclosure.visibilityNote)."
        }
    }

    /// The rates of the earned media value, said with the figures so that nobody reads them as revenue.
    var ratesNote: String {
        let rates = report.influence.rates
        return "Earned media value: what the same reach would cost as advertising, at \(HumanFormat.money(rates.cpm, rates.currency)) "
            + "per 1,000 impressions and \(HumanFormat.money(rates.cpe, rates.currency)) per engagement ([value] in the "
            + "configuration). An estimate, not revenue."
    }

    /// The committee's hashtags in one line: `#ia (12 posts, 4 leaders) · #rse (8, 3)`.
    var hashtagLine: String {
        let tags = report.influence.hashtags
        guard let first = tags.first else { return "No hashtags on the leaders' posts in this window." }
        return "#\(sanitized(first.hashtag)) (\(plural(first.posts, "post")), \(plural(first.leaders, "leader")))"
            + tags.dropFirst().map { " · #\(sanitized($0.hashtag)) (\($0.posts), \($0.leaders))" }.joined()
    }

    /// The committee's press mentions in one line.
    var mentionsLine: String {
        let i = report.influence
        let previous = i.previousMentions.map { " (previous \(report.length): \($0))" } ?? ""
        return "\(plural(i.mentions, "press item")) naming a leader\(previous)"
    }

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
    /// One row per leader: team activation, editorial line, press mentions, earned media value.
    case influence
    /// The committee's hashtags of the window.
    case hashtags
    /// The latest press items naming leaders.
    case headlines
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
