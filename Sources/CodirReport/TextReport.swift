import CodirMetrics
import CodirModel
import TerminalUI

/// The plain-text report: fits 80 columns.
struct TextReport {
    let document: ReportDocument
    static let width = 80

    private var report: MetricsReport { document.report }

    func render() -> String {
        var lines: [String] = []
        header(&lines)
        reach(&lines)
        engagement(&lines)
        silos(&lines)
        influence(&lines)
        return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    private func name(_ index: Int) -> String { sanitized(document.person(index).name) }
    private func department(_ index: Int) -> String { sanitized(document.person(index).department) }

    private func header(_ lines: inout [String]) {
        let window = report.window
        lines.append(TextWidth.fitted("\(sanitized(document.organisation)) · \(report.length) window", Self.width))
        lines.append("From \(window.start?.iso8601 ?? "the beginning") to \(window.end.iso8601)")
        let s = report.summary
        lines.append(
            "\(HumanFormat.grouped(s.people)) \(s.people == 1 ? "person" : "people") (\(counted(s.leaders, "leader")), \(plural(s.employees, "employee"))) · "
                + "\(HumanFormat.grouped(s.activeEmployees)) employees active (\(HumanFormat.percent(s.activeEmployeeShare)))")
        lines.append("\(plural(s.interactions, "interaction")) · \(plural(s.posts, "post")) published")
    }

    /// `text` cut into lines of at most 80 columns at spaces.
    private func wrapped(_ text: String) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, TextWidth.columns(of: line) + 1 + TextWidth.columns(of: String(word)) > Self.width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func section(_ title: String, _ lines: inout [String]) {
        lines.append("")
        lines.append(title)
        lines.append(String(repeating: "─", count: TextWidth.columns(of: title)))
    }

    private func reach(_ lines: inout [String]) {
        section("REACH", &lines)
        if let note = document.withheldNote { lines += wrapped(note) }
        guard !report.reach.isEmpty else {
            if report.committeeReach.leaders == 0 { lines.append("No leaders in the directory.") }
            lines += wrapped(document.committeeLine)
            return
        }
        lines.append(
            TextWidth.fitted("#", 3) + TextWidth.fitted("Leader", 18) + TextWidth.fitted("Department", 14) + TextWidth.fitted("Impr.", 7, alignRight: true)
                + TextWidth.fitted("vs prev", 8, alignRight: true) + TextWidth.fitted("Eng.", 6, alignRight: true)
                + TextWidth.fitted("Posts", 6, alignRight: true) + TextWidth.fitted("Follow.", 8, alignRight: true)
                + TextWidth.fitted("Growth", 8, alignRight: true))
        for (rank, row) in document.rankedReach.enumerated() {
            lines.append(
                TextWidth.fitted(document.rankText(rank, row), 3) + TextWidth.fitted(name(row.person), 17) + " " + TextWidth.fitted(department(row.person), 13)
                    + " " + TextWidth.fitted(HumanFormat.count(row.impressions), 7, alignRight: true)
                    + TextWidth.fitted(HumanFormat.change(row.impressionsChange, partial: row.previousIsPartial), 8, alignRight: true)
                    + TextWidth.fitted(HumanFormat.percent(row.engagementRate), 6, alignRight: true)
                    + TextWidth.fitted("\(row.posts)", 6, alignRight: true)
                    + TextWidth.fitted(HumanFormat.count(row.followers), 8, alignRight: true)
                    + TextWidth.fitted(HumanFormat.signedCount(row.followerGrowth), 8, alignRight: true))
        }
        lines += wrapped(document.committeeLine)
        lines.append("Impr.: impressions; vs prev: against the previous \(report.length); Eng.: engagement rate.")
        if report.reach.contains(where: \.previousIsPartial) {
            lines += wrapped("partial: the leader's data starts inside the previous \(report.length), so no change is given.")
        }
        if report.reach.contains(where: { $0.impressions == nil }) {
            lines += wrapped("A leader without a rank has no impressions in codir for this window: not zero, unknown.")
        }
    }

    private func engagement(_ lines: inout [String]) {
        section("COLLEAGUE ENGAGEMENT (reactions, comments, shares)", &lines)
        guard !report.engagement.isEmpty else { return }
        lines.append(
            TextWidth.fitted("Leader", 20) + TextWidth.fitted("to leaders", 11, alignRight: true)
                + TextWidth.fitted("to empl.", 10, alignRight: true) + TextWidth.fitted("from lead.", 11, alignRight: true)
                + TextWidth.fitted("from empl.", 11, alignRight: true) + TextWidth.fitted("Coverage", 10, alignRight: true))
        let rows = report.engagement.sorted {
            ($0.givenToLeaders + $0.givenToEmployees, name($1.person))
                > ($1.givenToLeaders + $1.givenToEmployees, name($0.person))
        }
        for row in rows {
            lines.append(
                TextWidth.fitted(name(row.person), 19) + " " + TextWidth.fitted("\(row.givenToLeaders)", 11, alignRight: true)
                    + TextWidth.fitted("\(row.givenToEmployees)", 10, alignRight: true)
                    + TextWidth.fitted("\(row.receivedFromLeaders)", 11, alignRight: true)
                    + TextWidth.fitted("\(row.receivedFromEmployees)", 11, alignRight: true)
                    + TextWidth.fitted(HumanFormat.percent(row.coverage), 10, alignRight: true))
        }
        lines.append("Coverage: share of the other leaders' posts of the window engaged with.")
        let committee = report.committee
        lines.append(
            "Committee reciprocity: \(HumanFormat.percent(committee.reciprocity)) "
                + "(\(committee.reciprocalPairs) of \(committee.engagedPairs) engaged leader pairs engage both ways)")
        if committee.leaders.count <= 12 && !committee.leaders.isEmpty {
            lines.append("")
            lines.append("Who engages with whose posts (row: engaging leader; column: post author)")
            let tags = committee.leaders.map { initials(of: name($0)) }
            lines.append(TextWidth.fitted("", 20) + tags.map { TextWidth.fitted($0, 5, alignRight: true) }.joined())
            for (i, leader) in committee.leaders.enumerated() {
                let cells = committee.counts[i].enumerated().map { j, count in
                    TextWidth.fitted(i == j ? "·" : (count == 0 ? "" : "\(count)"), 5, alignRight: true)
                }
                lines.append(TextWidth.fitted("\(tags[i]) \(name(leader))", 20) + cells.joined())
            }
        }
    }

    private func influence(_ lines: inout [String]) {
        let influence = report.influence
        let context = RenderContext()
        section("INFLUENCE: exemplarity, media impact, market value, fluidity", &lines)
        if let note = document.withheldNote { lines += wrapped(note) }

        lines.append("Exemplarity: each leader's team active in the window, their weekly posts")
        if !influence.exemplarity.isEmpty {
            lines.append(
                TextWidth.fitted("Leader", 19) + TextWidth.fitted("Team", 13) + TextWidth.fitted("Active", 8, alignRight: true)
                    + TextWidth.fitted("Prev.", 7, alignRight: true) + TextWidth.fitted("Change", 9, alignRight: true)
                    + "  " + TextWidth.fitted("Posts, 12 weeks", 16) + TextWidth.fitted("r", 6, alignRight: true))
            let top = influence.exemplarity.flatMap(\.weeklyPosts).max() ?? 0
            for row in influence.exemplarity {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " " + TextWidth.fitted(sanitized(row.department), 12) + " "
                        + TextWidth.fitted(HumanFormat.percent(row.share), 8, alignRight: true)
                        + TextWidth.fitted(HumanFormat.percent(row.previousShare), 7, alignRight: true)
                        + TextWidth.fitted(HumanFormat.points(row.change), 9, alignRight: true) + "  "
                        + TextWidth.fitted(context.heatStrip(row.weeklyPosts, top: top), 16)
                        + TextWidth.fitted(HumanFormat.index(row.correlation), 6, alignRight: true))
            }
            lines += wrapped(
                "Active: the department's employees who interacted with someone, of all of them. r: correlation of the "
                    + "leader's weekly posts with their team's weekly active share, over the weeks with data: an "
                    + "indication, not a cause (none with fewer than 4 weeks).")
        }

        lines.append("")
        lines.append("Editorial line")
        lines += wrapped("Committee hashtags: " + document.hashtagLine)
        if !influence.editorial.isEmpty {
            lines.append(
                TextWidth.fitted("Leader", 19) + TextWidth.fitted("Top hashtags", 33) + TextWidth.fitted("Cadence", 14)
                    + TextWidth.fitted("Regularity", 11, alignRight: true))
            let top = influence.editorial.flatMap(\.weeklyPosts).max() ?? 0
            for row in influence.editorial {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " "
                        + TextWidth.fitted(row.topHashtags.map { "#" + sanitized($0) }.joined(separator: " "), 32) + " "
                        + TextWidth.fitted(context.heatStrip(row.weeklyPosts, top: top), 14)
                        + TextWidth.fitted(HumanFormat.percent(row.regularity), 11, alignRight: true))
            }
            lines += wrapped("Cadence: posts per week over 12 weeks, oldest first. Regularity: the share of those weeks with a post.")
        }

        lines.append("")
        lines += wrapped("Media impact: " + document.mentionsLine)
        if !influence.press.isEmpty {
            lines.append(
                TextWidth.fitted("Leader", 19) + TextWidth.fitted("Mentions", 10, alignRight: true)
                    + TextWidth.fitted("Prev.", 7, alignRight: true) + TextWidth.fitted("Audience", 10, alignRight: true)
                    + TextWidth.fitted("Share of voice", 16, alignRight: true))
            for row in influence.press.sorted(by: { ($0.mentions, name($1.person)) > ($1.mentions, name($0.person)) }) {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " " + TextWidth.fitted("\(row.mentions)", 10, alignRight: true)
                        + TextWidth.fitted(row.previousMentions.map { "\($0)" } ?? HumanFormat.missing, 7, alignRight: true)
                        + TextWidth.fitted(HumanFormat.count(row.audience), 10, alignRight: true)
                        + TextWidth.fitted(HumanFormat.percent(row.shareOfVoice), 16, alignRight: true))
            }
        }
        if !influence.headlines.isEmpty {
            lines.append("Latest headlines")
            for headline in influence.headlines {
                let head = "\(headline.at.day.iso8601)  \(TextWidth.fitted(sanitized(headline.outlet), 16))  "
                lines.append(head + TextWidth.fitted(sanitized(headline.title), Self.width - TextWidth.columns(of: head)))
            }
        }

        lines.append("")
        let rates = influence.rates
        lines += wrapped("Market value: committee \(HumanFormat.money(influence.committeeValue, rates.currency)) earned media value")
        if !influence.value.isEmpty {
            lines.append(
                TextWidth.fitted("Leader", 19) + TextWidth.fitted("EMV", 12, alignRight: true)
                    + TextWidth.fitted("Follower growth", 17, alignRight: true) + TextWidth.fitted("Rank", 6, alignRight: true))
            for row in influence.value.sorted(by: { ($0.emv ?? -1, name($1.person)) > ($1.emv ?? -1, name($0.person)) }) {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " " + TextWidth.fitted(HumanFormat.money(row.emv, rates.currency), 12, alignRight: true)
                        + TextWidth.fitted(HumanFormat.change(row.followerGrowthRate), 17, alignRight: true)
                        + TextWidth.fitted(row.growthRank.map { "\($0.place)" } ?? "", 6, alignRight: true))
            }
        }
        lines += wrapped(document.ratesNote)
        lines.append("")
        lines += wrapped(
            "Organisational fluidity: E-I index \(HumanFormat.index(report.silo.eiIndex)) (SILOS above: from -1, all ties "
                + "within departments, to +1, all across).")
    }

    private func silos(_ lines: inout [String]) {
        if let sources = report.siloSources {
            let names = InteractionSource.allCases.filter(sources.contains).map(\.rawValue).joined(separator: ", ")
            section("SILOS (interactions from \(names) only)", &lines)
        } else {
            section("SILOS (all interactions between departments)", &lines)
        }
        let silo = report.silo
        lines.append(
            "E-I index \(HumanFormat.index(silo.eiIndex)) · modularity \(HumanFormat.decimal(silo.modularity))")
        lines.append(
            "Ties: \(HumanFormat.grouped(silo.externalTies)) across departments, "
                + "\(HumanFormat.grouped(silo.internalTies)) within")
        let weekly = silo.weekly
        if let first = weekly.first, let last = weekly.last {
            // A week without ties is a gap, not the bottom of the scale.
            let line = RenderContext().sparkline(weekly.map(\.eiIndex), width: weekly.count)
            lines.append(
                "E-I, last \(weekly.count) weeks: \(line)  \(HumanFormat.index(first.eiIndex)) → "
                    + "\(HumanFormat.index(last.eiIndex))")
        }
        lines.append("E-I runs from -1 (all ties within departments) to +1 (all ties across them).")
        lines.append("")
        lines.append(
            TextWidth.fitted("Department", 28) + TextWidth.fitted("Members", 9, alignRight: true) + TextWidth.fitted("Within", 9, alignRight: true)
                + TextWidth.fitted("Across", 9, alignRight: true) + TextWidth.fitted("E-I", 8, alignRight: true))
        for d in silo.departments {
            let figures =
                d.withheld
                ? TextWidth.fitted("withheld", 26, alignRight: true)
                : TextWidth.fitted(HumanFormat.grouped(d.internalTies), 9, alignRight: true)
                    + TextWidth.fitted(HumanFormat.grouped(d.externalTies), 9, alignRight: true)
                    + TextWidth.fitted(HumanFormat.index(d.eiIndex), 8, alignRight: true)
            lines.append(
                TextWidth.fitted(sanitized(d.department), 27) + " " + TextWidth.fitted(HumanFormat.grouped(d.members), 9, alignRight: true)
                    + figures)
        }
        if silo.departments.contains(where: \.withheld) {
            lines.append(
                "withheld: a department of fewer than \(report.disclosure.minGroupSize) members (min_group_size), whose figures are not shown.")
        }
        let matrix = silo.matrix
        if matrix.departments.count <= 9 && !matrix.departments.isEmpty {
            lines.append("")
            lines.append("Interactions from department (row) to department (column)")
            let tags = matrix.departments.map { abbreviation(of: sanitized($0)) }
            lines.append(TextWidth.fitted("", 14) + tags.map { TextWidth.fitted($0, 7, alignRight: true) }.joined())
            for (i, row) in matrix.counts.enumerated() {
                lines.append(
                    TextWidth.fitted(sanitized(matrix.departments[i]), 13) + " "
                        + row.indices.map { TextWidth.fitted(matrix.count(i, $0).map { HumanFormat.count($0) } ?? "w/h", 7, alignRight: true) }
                        .joined())
            }
            if !matrix.withheld.isEmpty {
                lines.append("w/h: withheld, a department of fewer than \(report.disclosure.minGroupSize) members.")
            }
        } else if !matrix.departments.isEmpty {
            lines.append("")
            lines.append(
                "Department matrix: \(matrix.departments.count) departments, too wide for text; use --format json or csv --table matrix.")
        }
        lines.append("")
        lines.append("Top bridges (people with ties to the most other departments)")
        if silo.bridges.isEmpty { lines.append("None in this window.") }
        for (rank, bridge) in silo.bridges.enumerated() {
            lines.append(
                TextWidth.fitted("\(rank + 1)", 4) + TextWidth.fitted(name(bridge.person), 24) + " " + TextWidth.fitted(department(bridge.person), 24)
                    + TextWidth.fitted("\(bridge.departmentsReached) dept.", 10, alignRight: true)
                    + TextWidth.fitted("\(bridge.crossInteractions) int.", 12, alignRight: true))
        }
    }

}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
