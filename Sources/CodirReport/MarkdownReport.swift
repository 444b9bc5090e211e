import CodirMetrics
import CodirModel

/// The Markdown report, for pasting into the weekly committee memo.
struct MarkdownReport {
    let document: ReportDocument

    private var report: MetricsReport { document.report }

    func render() -> String {
        var out: [String] = []
        let window = report.window
        out.append("# \(escape(document.organisation)): influence report, \(report.length)")
        out.append("")
        out.append(
            "Window: \(window.start?.iso8601 ?? "the beginning") to \(window.end.iso8601). "
                + "\(HumanFormat.grouped(report.summary.activeEmployees)) of \(HumanFormat.grouped(report.summary.employees)) "
                + "employees active (\(HumanFormat.percent(report.summary.activeEmployeeShare))), "
                + "\(plural(report.summary.interactions, "interaction")), \(plural(report.summary.posts, "post")).")
        out.append("")
        out.append("## Reach")
        out.append("")
        if let note = document.withheldNote {
            out.append("_\(note)_")
            out.append("")
        }
        table(
            &out,
            ["#", "Leader", "Department", "Impressions", "vs previous", "Engagement rate", "Posts", "Followers", "Growth"],
            right: [0, 3, 4, 5, 6, 7, 8],
            document.rankedReach.enumerated().map { rank, row in
                let person = report.people[row.person]
                return [
                    document.rankText(rank, row), person.name, person.department, HumanFormat.count(row.impressions),
                    HumanFormat.change(row.impressionsChange, partial: row.previousIsPartial), HumanFormat.percent(row.engagementRate), "\(row.posts)",
                    HumanFormat.count(row.followers), HumanFormat.signedCount(row.followerGrowth),
                ]
            })
        out.append("")
        out.append("## Colleague engagement")
        out.append("")
        table(
            &out, ["Leader", "To leaders", "To employees", "From leaders", "From employees", "Coverage"],
            right: [1, 2, 3, 4, 5],
            report.engagement.map { row in
                [
                    report.people[row.person].name, "\(row.givenToLeaders)", "\(row.givenToEmployees)",
                    "\(row.receivedFromLeaders)", "\(row.receivedFromEmployees)", HumanFormat.percent(row.coverage),
                ]
            })
        out.append("")
        out.append(
            "Committee reciprocity: **\(HumanFormat.percent(report.committee.reciprocity))** "
                + "(\(report.committee.reciprocalPairs) of \(report.committee.engagedPairs) engaged pairs).")
        out.append("")
        out.append("## Silos")
        out.append("")
        let silo = report.silo
        let trend = silo.weekly.map { HumanFormat.index($0.eiIndex) }.joined(separator: " → ")
        out.append(
            "E-I index **\(HumanFormat.index(silo.eiIndex))**, modularity **\(HumanFormat.decimal(silo.modularity))**. "
                + "Weekly E-I: \(trend).")
        out.append("")
        table(
            &out, ["Department", "Members", "Ties within", "Ties across", "E-I"], right: [1, 2, 3, 4],
            silo.departments.map {
                $0.withheld
                    ? [$0.department, "\($0.members)", "withheld", "withheld", "withheld"]
                    : [
                        $0.department, "\($0.members)", "\($0.internalTies)", "\($0.externalTies)",
                        HumanFormat.index($0.eiIndex),
                    ]
            })
        out.append("")
        out.append("Top bridges:")
        out.append("")
        for (rank, bridge) in silo.bridges.enumerated() {
            let person = report.people[bridge.person]
            out.append(
                "\(rank + 1). \(escape(person.name)) (\(escape(person.department))): "
                    + "\(plural(bridge.departmentsReached, "other department"))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func table(_ out: inout [String], _ header: [String], right: Set<Int>, _ rows: [[String]]) {
        out.append("| " + header.map(escape).joined(separator: " | ") + " |")
        out.append("|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
        for row in rows { out.append("| " + row.map(escape).joined(separator: " | ") + " |") }
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for c in sanitized(text) {
            if "|\\*_`[]<>".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
