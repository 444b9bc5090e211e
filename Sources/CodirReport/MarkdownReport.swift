import CodirMetrics
import CodirModel
import CodirText

/// The Markdown report, for pasting into the weekly committee memo.
struct MarkdownReport {
    let document: ReportDocument

    private var report: MetricsReport { document.report }

    func render() -> String {
        var out: [String] = []
        let words = Strings.current.report, panes = Strings.current.panes, frame = Strings.current.frame
        let window = report.window
        let end = HumanFormat.longDate(window.end.day)
        let period =
            if let start = window.start {
                words.period(HumanFormat.longDate(start.adding(seconds: 1).day), end)
            } else {
                words.everythingUpTo(end)
            }
        out.append("# " + words.title(escape(document.organisation)))
        out.append("")
        out.append("_\(period)_")
        out.append("")
        // The headline: the committee's figures in one paragraph, for those who read only that.
        let c = report.committeeReach
        var headline = words.headlineImpressions(HumanFormat.count(c.impressions))
        headline += c.leadersWithImpressions < c.leaders ? words.headlineCoverage(HumanFormat.coverage(c)) : ""
        if let change = c.impressionsChange { headline += words.headlineChange(HumanFormat.change(change), lengthText) }
        headline += words.headlinePosts(plural(c.posts, panes.post), c.leadersWhoPosted, plural(c.leaders, panes.leader))
        headline += words.headlineActive(
            HumanFormat.percent(report.summary.activeEmployeeShare), HumanFormat.grouped(report.summary.activeEmployees),
            HumanFormat.grouped(report.summary.employees))
        if let reciprocity = report.committee.reciprocity {
            headline += words.headlineReciprocity(HumanFormat.percent(reciprocity))
        }
        if let ei = report.silo.eiIndex {
            let weekly = report.silo.weekly.compactMap(\.eiIndex)
            let direction = weekly.count >= 2 ? (weekly[weekly.count - 1] >= weekly[0] ? words.opening : words.closing) : ""
            headline += words.headlineSilos(HumanFormat.index(ei), direction)
        }
        out.append(headline + ".")
        out.append("")
        out.append(
            words.interactionsAndPosts(plural(report.summary.interactions, words.interaction), plural(report.summary.posts, panes.post)))
        out.append("")
        out.append("## " + words.reachHeading)
        out.append("")
        if let note = document.withheldNote {
            out.append("_\(note)_")
            out.append("")
        }
        table(
            &out,
            [
                "#", panes.columnLeader, panes.columnDepartment, words.columnImpressions, words.columnVersusPrevious,
                words.columnEngagementRate, panes.columnPosts, Strings.current.personal.followers, words.columnGrowth,
            ],
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
        out.append(
            words.reachNote(
                lengthText, report.reach.contains(where: \.previousIsPartial), report.reach.contains(where: { $0.impressions == nil })))
        out.append("")
        out.append("## " + frame.paneEngagement)
        out.append("")
        table(
            &out,
            [
                panes.columnLeader, words.columnToLeadersLong, words.columnToEmployeesLong, words.columnFromLeadersLong,
                words.columnFromEmployeesLong, words.columnCoverageLong,
            ],
            right: [1, 2, 3, 4, 5],
            report.engagement.map { row in
                [
                    report.people[row.person].name, "\(row.givenToLeaders)", "\(row.givenToEmployees)",
                    "\(row.receivedFromLeaders)", "\(row.receivedFromEmployees)", HumanFormat.percent(row.coverage),
                ]
            })
        out.append("")
        out.append(
            words.reciprocityBold(
                HumanFormat.percent(report.committee.reciprocity), report.committee.reciprocalPairs,
                plural(report.committee.engagedPairs, words.engagedPair)))
        out.append("")
        out.append(words.engagementNote)
        out.append("")
        out.append("## " + frame.paneSilos)
        out.append("")
        let silo = report.silo
        let trend = silo.weekly.map { HumanFormat.index($0.eiIndex) }.joined(separator: " → ")
        out.append(words.silosLine(HumanFormat.index(silo.eiIndex), HumanFormat.decimal(silo.modularity), trend))
        out.append("")
        out.append(words.silosNote)
        out.append("")
        let withheld = Strings.current.personal.withheld
        table(
            &out, [panes.columnDepartment, words.columnMembers, words.columnTiesWithin, words.columnTiesAcross, "E-I"],
            right: [1, 2, 3, 4],
            silo.departments.map {
                $0.withheld
                    ? [$0.department, "\($0.members)", withheld, withheld, withheld]
                    : [
                        $0.department, "\($0.members)", "\($0.internalTies)", "\($0.externalTies)",
                        HumanFormat.index($0.eiIndex),
                    ]
            })
        out.append("")
        out.append(words.topBridgesColon)
        out.append("")
        for (rank, bridge) in silo.bridges.enumerated() {
            let person = report.people[bridge.person]
            out.append(
                "\(rank + 1). \(escape(person.name)) (\(escape(person.department)))\(HumanFormat.colon) "
                    + "\(plural(bridge.departmentsReached, words.otherDepartment))")
        }
        influence(&out)
        return out.joined(separator: "\n") + "\n"
    }

    /// The first three benefits of the committee's public presence: exemplarity, media impact, market value.
    private func influence(_ out: inout [String]) {
        let influence = report.influence
        let words = Strings.current.report, leader = Strings.current.panes.columnLeader
        func name(_ index: Int) -> String { report.people.indices.contains(index) ? report.people[index].name : "?" }
        out.append("")
        out.append("## Influence")
        out.append("")
        if let note = document.withheldNote {
            out.append("_\(note)_")
            out.append("")
        }
        out.append("### " + words.exemplarity)
        out.append("")
        if influence.exemplarity.isEmpty {
            out.append(words.noTeamFigures)
        } else {
            table(
                &out,
                [
                    leader, words.columnTeam, words.columnActive, words.columnPreviousLong, words.columnChange,
                    words.columnPostsPerWeek, "r",
                ], right: [2, 3, 4, 6],
                influence.exemplarity.map { row in
                    [
                        name(row.person), row.department, HumanFormat.percent(row.share),
                        HumanFormat.percent(row.previousShare), HumanFormat.points(row.change),
                        row.weeklyPosts.map(String.init).joined(separator: " "), HumanFormat.index(row.correlation),
                    ]
                })
            out.append("")
            out.append(words.activeNoteLong)
        }
        out.append("")
        out.append("### " + words.editorialLine)
        out.append("")
        out.append(escape(document.hashtagLine))
        if !influence.editorial.isEmpty {
            out.append("")
            table(
                &out, [leader, words.columnHashtags, words.columnPostsPerWeek, words.columnRegularity], right: [3],
                influence.editorial.map { row in
                    [
                        name(row.person), row.topHashtags.map { "#" + $0 }.joined(separator: " "),
                        row.weeklyPosts.map(String.init).joined(separator: " "), HumanFormat.percent(row.regularity),
                    ]
                })
            out.append("")
            out.append(words.regularityNote)
        }
        out.append("")
        out.append("### " + words.mediaImpact)
        out.append("")
        out.append(escape(document.mentionsLine) + ".")
        if !influence.press.isEmpty {
            out.append("")
            table(
                &out,
                [leader, words.columnMentions, words.columnPreviousLong, words.columnAudience, words.columnShareOfVoice],
                right: [1, 2, 3, 4],
                influence.press.sorted { ($0.mentions, name($1.person)) > ($1.mentions, name($0.person)) }.map { row in
                    [
                        name(row.person), "\(row.mentions)", row.previousMentions.map { "\($0)" } ?? HumanFormat.missing,
                        HumanFormat.count(row.audience), HumanFormat.percent(row.shareOfVoice),
                    ]
                })
        }
        if !influence.headlines.isEmpty {
            out.append("")
            out.append(words.latestHeadlinesColon)
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
                out.append("- \(headline.at.day.iso8601), \(escape(headline.outlet))\(HumanFormat.colon) \(linked)")
            }
        }
        out.append("")
        out.append("### " + words.marketValue)
        out.append("")
        out.append(words.committeeValue(HumanFormat.money(influence.committeeValue, influence.rates.currency)))
        if !influence.value.isEmpty {
            out.append("")
            table(
                &out, [leader, "EMV", words.columnFollowerGrowth, words.columnRank], right: [1, 2, 3],
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
        out.append("### " + words.fluidity)
        out.append("")
        out.append(words.fluidityBold(HumanFormat.index(report.silo.eiIndex)))
    }

    /// `30 days`, as people write it.
    private var lengthText: String {
        switch report.length {
        case .days(let n): plural(n, Strings.current.panes.day)
        case .all: Strings.current.report.wholeHistory
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
