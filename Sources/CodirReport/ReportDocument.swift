import CodirMetrics
import CodirModel
import CodirText

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
        let panes = Strings.current.panes
        return Strings.current.report.committeeLine(
            HumanFormat.count(c.impressions), HumanFormat.coverage(c), HumanFormat.change(c.impressionsChange),
            HumanFormat.window(report.length), plural(c.posts, panes.post), c.leadersWhoPosted, plural(c.leaders, panes.leader))
    }

    /// Why some rows are missing; nil when every row is shown.
    var withheldNote: String? {
        let words = Strings.current.report
        let note = report.disclosure.visibilityNote
        return switch report.disclosure.visibility {
        case .all: nil
        case .self where report.reach.isEmpty: words.withheldNotALeader(note)
        case .self: words.withheldSelf(note)
        case .aggregate: words.withheldAggregate(note)
        }
    }

    /// The rates of the earned media value, said with the figures so that nobody reads them as revenue.
    var ratesNote: String {
        let rates = report.influence.rates
        return Strings.current.report.ratesNote(
            HumanFormat.money(rates.cpm, rates.currency), HumanFormat.money(rates.cpe, rates.currency))
    }

    /// The committee's hashtags in one line: `#ia (12 posts, 4 leaders) · #rse (8, 3)`.
    var hashtagLine: String {
        let tags = report.influence.hashtags
        let panes = Strings.current.panes
        guard let first = tags.first else { return Strings.current.report.noHashtags }
        return "#\(sanitized(first.hashtag)) (\(plural(first.posts, panes.post)), \(plural(first.leaders, panes.leader)))"
            + tags.dropFirst().map { " · #\(sanitized($0.hashtag)) (\($0.posts), \($0.leaders))" }.joined()
    }

    /// The committee's press mentions in one line.
    var mentionsLine: String {
        let i = report.influence
        return Strings.current.report.mentions(i.mentions, HumanFormat.window(report.length), i.previousMentions)
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
