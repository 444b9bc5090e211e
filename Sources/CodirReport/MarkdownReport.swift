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
        headline += c.leadersWithImpressions < c.leaders ? " (data of \(HumanFormat.coverage(c)))" : ""
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
        influence(&out)
        return out.joined(separator: "\n") + "\n"
    }

    /// The first three benefits of the committee's public presence: exemplarity, media impact, market value.
    private func influence(_ out: inout [String]) {
        let influence = report.influence
        func name(_ index: Int) -> String { report.people.indices.contains(index) ? report.people[index].name : "?" }
        out.append("")
        out.append("## Influence")
        out.append("")
        if let note = document.withheldNote {
            out.append("_\(note)_")
            out.append("")
        }
        out.append("### Exemplarity")
        out.append("")
        if influence.exemplarity.isEmpty {
            out.append("No team figures to show.")
        } else {
            table(
                &out, ["Leader", "Team", "Active", "Previous", "Change", "Posts per week (12)", "r"], right: [2, 3, 4, 6],
                influence.exemplarity.map { row in
                    [
                        name(row.person), row.department, HumanFormat.percent(row.share),
                        HumanFormat.percent(row.previousShare), HumanFormat.points(row.change),
                        row.weeklyPosts.map(String.init).joined(separator: " "), HumanFormat.index(row.correlation),
                    ]
                })
            out.append("")
            out.append(
                "_Active: the department's employees who interacted with someone in the window, of all of them. r: Pearson's "
                    + "correlation of the leader's weekly posts with their team's weekly active share over 12 weeks, an "
                    + "indication, not a cause (none when either is constant or fewer than 4 weeks have data)._")
        }
        out.append("")
        out.append("### Editorial line")
        out.append("")
        out.append(escape(document.hashtagLine))
        if !influence.editorial.isEmpty {
            out.append("")
            table(
                &out, ["Leader", "Top hashtags", "Posts per week (12)", "Regularity"], right: [3],
                influence.editorial.map { row in
                    [
                        name(row.person), row.topHashtags.map { "#" + $0 }.joined(separator: " "),
                        row.weeklyPosts.map(String.init).joined(separator: " "), HumanFormat.percent(row.regularity),
                    ]
                })
            out.append("")
            out.append("_Regularity: the share of the 12 weeks in which the leader posted._")
        }
        out.append("")
        out.append("### Media impact")
        out.append("")
        out.append(escape(document.mentionsLine) + ".")
        if !influence.press.isEmpty {
            out.append("")
            table(
                &out, ["Leader", "Mentions", "Previous", "Audience", "Share of voice"], right: [1, 2, 3, 4],
                influence.press.sorted { ($0.mentions, name($1.person)) > ($1.mentions, name($0.person)) }.map { row in
                    [
                        name(row.person), "\(row.mentions)", row.previousMentions.map { "\($0)" } ?? HumanFormat.missing,
                        HumanFormat.count(row.audience), HumanFormat.percent(row.shareOfVoice),
                    ]
                })
        }
        if !influence.headlines.isEmpty {
            out.append("")
            out.append("Latest headlines:")
            out.append("")
            for headline in influence.headlines {
                let title = escape(headline.title)
                // A link only to a web address: anything else stays text, never a link a reader could follow.
                let linked =
                    if let url = headline.url, url.hasPrefix("https://") || url.hasPrefix("http://"),
                        !url.contains(where: { $0 == "(" || $0 == ")" || $0 == " " || $0 == "<" || $0 == ">" })
                    {
                        "[\(title)](\(sanitized(url)))"
                    } else {
                        title
                    }
                out.append("- \(headline.at.day.iso8601), \(escape(headline.outlet)): \(linked)")
            }
        }
        out.append("")
        out.append("### Market value")
        out.append("")
        out.append(
            "Committee: **\(HumanFormat.money(influence.committeeValue, influence.rates.currency))** earned media value.")
        if !influence.value.isEmpty {
            out.append("")
            table(
                &out, ["Leader", "EMV", "Follower growth", "Rank"], right: [1, 2, 3],
                influence.value.sorted { ($0.emv ?? -1, name($1.person)) > ($1.emv ?? -1, name($0.person)) }.map { row in
                    [
                        name(row.person), HumanFormat.money(row.emv, influence.rates.currency),
                        HumanFormat.change(row.followerGrowthRate), row.growthRank.map { "\($0.place)" } ?? "",
                    ]
                })
        }
        out.append("")
        out.append("_\(escape(document.ratesNote))_")
        out.append("")
        out.append("### Organisational fluidity")
        out.append("")
        out.append("E-I index **\(HumanFormat.index(report.silo.eiIndex))**: the Silos section above.")
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
