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
        case .influence:
            rows.append([
                "person", "name", "department", "team_employees", "team_active", "team_active_share",
                "team_active_share_previous", "team_active_change", "correlation", "weekly_posts", "top_hashtags",
                "regularity", "mentions", "audience", "previous_mentions", "share_of_voice", "emv", "currency",
                "follower_growth_rate", "follower_growth_rank",
            ])
            rows += influenceRows()
        case .hashtags:
            rows.append(["hashtag", "posts", "leaders"])
            for tag in report.influence.hashtags { rows.append([tag.hashtag, "\(tag.posts)", "\(tag.leaders)"]) }
        case .headlines:
            rows.append(["date", "outlet", "title", "url", "people"])
            for headline in report.influence.headlines {
                rows.append([
                    headline.at.iso8601, headline.outlet, headline.title, headline.url ?? "",
                    headline.people.map { report.people[$0].id }.joined(separator: ";"),
                ])
            }
        }
        return rows.map { $0.map(escaped).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One row per leader with any influence figure the viewer may see, by name; a block withheld for that leader
    /// (a team too small to hide in, a share of voice or rank under `self`/`aggregate`) is left empty.
    private func influenceRows() -> [[String]] {
        let influence = report.influence
        let team = Dictionary(influence.exemplarity.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let editorial = Dictionary(influence.editorial.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let press = Dictionary(influence.press.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let value = Dictionary(influence.value.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let leaders = Set(team.keys).union(editorial.keys).union(press.keys).union(value.keys)
            .filter(report.people.indices.contains)
            .sorted { (report.people[$0].name, $0) < (report.people[$1].name, $1) }
        return leaders.map { index in
            let person = report.people[index]
            let t = team[index], e = editorial[index], p = press[index], v = value[index]
            return [
                person.id, person.name, person.department, cell(t?.employees), cell(t?.active), cell(t?.share),
                cell(t?.previousShare), cell(t?.change), cell(t?.correlation),
                (t?.weeklyPosts ?? e?.weeklyPosts).map { $0.map(String.init).joined(separator: ";") } ?? "",
                e?.topHashtags.joined(separator: ";") ?? "", cell(e?.regularity), cell(p?.mentions),
                cell(p?.audience), cell(p?.previousMentions), cell(p?.shareOfVoice), cell(v?.emv),
                v == nil ? "" : influence.rates.currency, cell(v?.followerGrowthRate), cell(v?.growthRank?.place),
            ]
        }
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
