import CodirMetrics
import CodirModel

/// The Markdown report, for pasting into the weekly committee memo.
struct MarkdownReport {
    let document: ReportDocument

    private var report: MetricsReport { document.report }

    func render() -> String {
        var out: [String] = []
        let window = report.window
        let end = HumanFormat.longDate(window.end.day)
        let period =
            if let start = window.start {
                "\(HumanFormat.longDate(start.adding(seconds: 1).day)) to \(end)"
            } else {
                "everything up to \(end)"
            }
        out.append("# \(escape(document.organisation)): influence report")
        out.append("")
        out.append("_\(period)_")
        out.append("")
        // The headline: the committee's figures in one paragraph, for those who read only that.
        let c = report.committeeReach
        var headline = "**\(HumanFormat.count(c.impressions)) impressions** for the committee"
        headline += c.leadersWithImpressions < c.leaders ? " (data of \(c.coverageText))" : ""
        if let change = c.impressionsChange { headline += ", \(HumanFormat.change(change)) on the previous \(lengthText)" }
        headline += "; **\(plural(c.posts, "post"))** by \(c.leadersWhoPosted) of \(plural(c.leaders, "leader"))"
        headline += "; **\(HumanFormat.percent(report.summary.activeEmployeeShare))** of employees active"
        headline += " (\(HumanFormat.grouped(report.summary.activeEmployees)) of \(HumanFormat.grouped(report.summary.employees)))"
        if let reciprocity = report.committee.reciprocity {
            headline += "; leaders engage both ways in **\(HumanFormat.percent(reciprocity))** of their pairs"
        }
        if let ei = report.silo.eiIndex {
            let weekly = report.silo.weekly.compactMap(\.eiIndex)
            let direction = weekly.count >= 2 ? (weekly[weekly.count - 1] >= weekly[0] ? ", opening" : ", closing") : ""
            headline += "; silos: E-I index **\(HumanFormat.index(ei))**\(direction)"
        }
        out.append(headline + ".")
        out.append("")
        out.append("\(plural(report.summary.interactions, "interaction")) and \(plural(report.summary.posts, "post")) in the window.")
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
        var legend =
            "_Impressions and engagement rate (engagements / impressions) over the window; vs previous: the change on the \(lengthText) before"
        if report.reach.contains(where: \.previousIsPartial) { legend += " (partial: the leader's data starts inside it)" }
        legend += "; – unknown, never zero"
        if report.reach.contains(where: { $0.impressions == nil }) { legend += "; no rank: no impressions known" }
        out.append(legend + "._")
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
                + "(\(report.committee.reciprocalPairs) of \(plural(report.committee.engagedPairs, "engaged pair")) engage both ways).")
        out.append("")
        out.append(
            "_Reactions, comments and shares on posts, given and received; coverage: the share of the other leaders' posts "
                + "the leader engaged with._")
        out.append("")
        out.append("## Silos")
        out.append("")
        let silo = report.silo
        let trend = silo.weekly.map { HumanFormat.index($0.eiIndex) }.joined(separator: " → ")
        out.append(
            "E-I index **\(HumanFormat.index(silo.eiIndex))**, modularity **\(HumanFormat.decimal(silo.modularity))**. "
                + "Weekly E-I: \(trend).")
        out.append("")
        out.append(
            "_E-I index: (ties across departments − ties within) / all ties, from −1 (each department keeps to itself) to +1 "
                + "(every tie crosses a boundary); a tie is a pair of people with at least one interaction. Modularity: how much "
                + "departments keep to themselves (high: silos)._")
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

    /// `30 days`, as people write it.
    private var lengthText: String {
        switch report.length {
        case .days(let n): plural(n, "day")
        case .all: "whole history"
        }
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
