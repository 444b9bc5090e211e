import CodirMetrics
import CodirModel
import CodirText
import TerminalUI

/// The plain-text report: fits 80 columns.
struct TextReport {
    let document: ReportDocument
    static let width = 80

    private var report: MetricsReport { document.report }
    private var words: Strings.Report { Strings.current.report }
    private var columns: Strings.Panes { Strings.current.panes }
    private var window: String { HumanFormat.window(report.length) }

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
        let words = words
        lines.append(TextWidth.fitted(words.windowTitle(sanitized(document.organisation), self.window), Self.width))
        lines.append(words.fromTo(window.start?.iso8601, window.end.iso8601))
        let s = report.summary
        lines.append(
            words.peopleLine(
                plural(s.people, words.person), plural(s.leaders, columns.leader), plural(s.employees, words.employee),
                HumanFormat.grouped(s.activeEmployees), HumanFormat.percent(s.activeEmployeeShare)))
        lines.append(words.published(plural(s.interactions, words.interaction), plural(s.posts, columns.post)))
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
        let words = words, columns = columns
        section(words.sectionReach, &lines)
        if let note = document.withheldNote { lines += wrapped(note) }
        guard !report.reach.isEmpty else {
            if report.committeeReach.leaders == 0 { lines.append(words.noLeaders) }
            lines += wrapped(document.committeeLine)
            return
        }
        lines.append(
            TextWidth.fitted("#", 3) + TextWidth.fitted(columns.columnLeader, 18) + TextWidth.fitted(columns.columnDepartment, 14)
                + TextWidth.fitted(columns.columnImpressions, 7, alignRight: true)
                + TextWidth.fitted(columns.columnVersusPrevious, 9, alignRight: true) + TextWidth.fitted(columns.columnEngagement, 6, alignRight: true)
                + TextWidth.fitted(columns.columnPosts, 6, alignRight: true) + TextWidth.fitted(words.columnFollowers, 8, alignRight: true)
                + TextWidth.fitted(columns.columnGrowth, 8, alignRight: true))
        for (rank, row) in document.rankedReach.enumerated() {
            lines.append(
                TextWidth.fitted(document.rankText(rank, row), 3) + TextWidth.fitted(name(row.person), 17) + " " + TextWidth.fitted(department(row.person), 13)
                    + " " + TextWidth.fitted(HumanFormat.count(row.impressions), 7, alignRight: true)
                    + TextWidth.fitted(HumanFormat.change(row.impressionsChange, partial: row.previousIsPartial), 9, alignRight: true)
                    + TextWidth.fitted(HumanFormat.percent(row.engagementRate), 6, alignRight: true)
                    + TextWidth.fitted("\(row.posts)", 6, alignRight: true)
                    + TextWidth.fitted(HumanFormat.count(row.followers), 8, alignRight: true)
                    + TextWidth.fitted(HumanFormat.signedCount(row.followerGrowth), 8, alignRight: true))
        }
        lines += wrapped(document.committeeLine)
        lines += wrapped(words.reachLegend(window))
        if report.reach.contains(where: \.previousIsPartial) {
            lines += wrapped(words.partialNote(window))
        }
        if report.reach.contains(where: { $0.impressions == nil }) {
            lines += wrapped(words.unrankedNote)
        }
    }

    private func engagement(_ lines: inout [String]) {
        let words = words, columns = columns
        section(words.sectionEngagement, &lines)
        guard !report.engagement.isEmpty else { return }
        lines.append(
            TextWidth.fitted(columns.columnLeader, 20) + TextWidth.fitted(words.columnToLeaders, 11, alignRight: true)
                + TextWidth.fitted(columns.columnToEmployees, 10, alignRight: true) + TextWidth.fitted(columns.columnFromLeaders, 11, alignRight: true)
                + TextWidth.fitted(columns.columnFromEmployees, 11, alignRight: true) + TextWidth.fitted(columns.columnCoverage, 10, alignRight: true))
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
        lines.append(words.coverageNote)
        let committee = report.committee
        lines += wrapped(
            words.reciprocity(HumanFormat.percent(committee.reciprocity), committee.reciprocalPairs, committee.engagedPairs))
        if committee.leaders.count <= 12 && !committee.leaders.isEmpty {
            lines.append("")
            lines += wrapped(words.matrixTitle)
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
        let words = words, leader = columns.columnLeader
        section(words.sectionInfluence, &lines)
        if let note = document.withheldNote { lines += wrapped(note) }

        lines += wrapped(words.exemplarityIntro)
        if !influence.exemplarity.isEmpty {
            lines.append(
                TextWidth.fitted(leader, 19) + TextWidth.fitted(words.columnTeam, 13) + TextWidth.fitted(words.columnActive, 8, alignRight: true)
                    + TextWidth.fitted(words.columnPrevious, 7, alignRight: true) + TextWidth.fitted(words.columnChange, 9, alignRight: true)
                    + "  " + TextWidth.fitted(words.columnPosts12, 16) + TextWidth.fitted("r", 6, alignRight: true))
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
            lines += wrapped(words.activeNote)
        }

        lines.append("")
        lines.append(words.editorialLine)
        lines += wrapped(words.committeeHashtags + document.hashtagLine)
        if !influence.editorial.isEmpty {
            lines.append(
                TextWidth.fitted(leader, 19) + TextWidth.fitted(words.columnHashtags, 33) + TextWidth.fitted(words.columnCadence, 14)
                    + TextWidth.fitted(words.columnRegularity, 11, alignRight: true))
            let top = influence.editorial.flatMap(\.weeklyPosts).max() ?? 0
            for row in influence.editorial {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " "
                        + TextWidth.fitted(row.topHashtags.map { "#" + sanitized($0) }.joined(separator: " "), 32) + " "
                        + TextWidth.fitted(context.heatStrip(row.weeklyPosts, top: top), 14)
                        + TextWidth.fitted(HumanFormat.percent(row.regularity), 11, alignRight: true))
            }
            lines += wrapped(words.cadenceNote)
        }

        lines.append("")
        lines += wrapped(words.mediaImpactPrefix + document.mentionsLine)
        if !influence.press.isEmpty {
            lines.append(
                TextWidth.fitted(leader, 19) + TextWidth.fitted(words.columnMentions, 10, alignRight: true)
                    + TextWidth.fitted(words.columnPrevious, 7, alignRight: true) + TextWidth.fitted(words.columnAudience, 10, alignRight: true)
                    + TextWidth.fitted(words.columnShareOfVoice, 16, alignRight: true))
            for row in influence.press.sorted(by: { ($0.mentions, name($1.person)) > ($1.mentions, name($0.person)) }) {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " " + TextWidth.fitted("\(row.mentions)", 10, alignRight: true)
                        + TextWidth.fitted(row.previousMentions.map { "\($0)" } ?? HumanFormat.missing, 7, alignRight: true)
                        + TextWidth.fitted(HumanFormat.count(row.audience), 10, alignRight: true)
                        + TextWidth.fitted(HumanFormat.percent(row.shareOfVoice), 16, alignRight: true))
            }
        }
        if !influence.headlines.isEmpty {
            lines.append(words.latestHeadlines)
            for headline in influence.headlines {
                let head = "\(headline.at.day.iso8601)  \(TextWidth.fitted(sanitized(headline.outlet), 16))  "
                lines.append(head + TextWidth.fitted(sanitized(headline.title), Self.width - TextWidth.columns(of: head)))
            }
        }

        lines.append("")
        let rates = influence.rates
        lines += wrapped(words.marketValueLine(HumanFormat.money(influence.committeeValue, rates.currency)))
        if !influence.value.isEmpty {
            lines.append(
                TextWidth.fitted(leader, 19) + TextWidth.fitted("EMV", 12, alignRight: true)
                    + TextWidth.fitted(words.columnFollowerGrowth, 17, alignRight: true) + TextWidth.fitted(words.columnRank, 6, alignRight: true))
            for row in influence.value.sorted(by: { ($0.emv ?? -1, name($1.person)) > ($1.emv ?? -1, name($0.person)) }) {
                lines.append(
                    TextWidth.fitted(name(row.person), 18) + " " + TextWidth.fitted(HumanFormat.money(row.emv, rates.currency), 12, alignRight: true)
                        + TextWidth.fitted(HumanFormat.change(row.followerGrowthRate), 17, alignRight: true)
                        + TextWidth.fitted(row.growthRank.map { "\($0.place)" } ?? "", 6, alignRight: true))
            }
        }
        lines += wrapped(document.ratesNote)
        lines.append("")
        lines += wrapped(words.fluidityLine(HumanFormat.index(report.silo.eiIndex)))
    }

    private func silos(_ lines: inout [String]) {
        if let sources = report.siloSources {
            let names = InteractionSource.allCases.filter(sources.contains).map(\.rawValue).joined(separator: ", ")
            section(words.sectionSilosOf(names), &lines)
        } else {
            section(words.sectionSilos, &lines)
        }
        let words = words
        let silo = report.silo
        lines.append(words.eiModularity(HumanFormat.index(silo.eiIndex), HumanFormat.decimal(silo.modularity)))
        lines.append(words.tiesLine(HumanFormat.grouped(silo.externalTies), HumanFormat.grouped(silo.internalTies)))
        let weekly = silo.weekly
        if let first = weekly.first, let last = weekly.last {
            // A week without ties is a gap, not the bottom of the scale.
            let line = RenderContext().sparkline(weekly.map(\.eiIndex), width: weekly.count)
            lines.append(words.eiWeeks(weekly.count, line, HumanFormat.index(first.eiIndex), HumanFormat.index(last.eiIndex)))
        }
        lines += wrapped(words.eiRange)
        lines.append("")
        lines.append(
            TextWidth.fitted(columns.columnDepartment, 28) + TextWidth.fitted(words.columnMembers, 9, alignRight: true)
                + TextWidth.fitted(words.columnWithin, 9, alignRight: true)
                + TextWidth.fitted(words.columnAcross, 9, alignRight: true) + TextWidth.fitted("E-I", 8, alignRight: true))
        for d in silo.departments {
            let figures =
                d.withheld
                ? TextWidth.fitted(Strings.current.personal.withheld, 26, alignRight: true)
                : TextWidth.fitted(HumanFormat.grouped(d.internalTies), 9, alignRight: true)
                    + TextWidth.fitted(HumanFormat.grouped(d.externalTies), 9, alignRight: true)
                    + TextWidth.fitted(HumanFormat.index(d.eiIndex), 8, alignRight: true)
            lines.append(
                TextWidth.fitted(sanitized(d.department), 27) + " " + TextWidth.fitted(HumanFormat.grouped(d.members), 9, alignRight: true)
                    + figures)
        }
        if silo.departments.contains(where: \.withheld) {
            lines += wrapped(words.withheldDepartments(report.disclosure.minGroupSize))
        }
        let matrix = silo.matrix
        if matrix.departments.count <= 9 && !matrix.departments.isEmpty {
            lines.append("")
            lines.append(words.matrixCaption)
            let tags = matrix.departments.map { abbreviation(of: sanitized($0)) }
            lines.append(TextWidth.fitted("", 14) + tags.map { TextWidth.fitted($0, 7, alignRight: true) }.joined())
            for (i, row) in matrix.counts.enumerated() {
                lines.append(
                    TextWidth.fitted(sanitized(matrix.departments[i]), 13) + " "
                        + row.indices.map { TextWidth.fitted(matrix.count(i, $0).map { HumanFormat.count($0) } ?? words.withheldShort, 7, alignRight: true) }
                        .joined())
            }
            if !matrix.withheld.isEmpty {
                lines.append(words.withheldShortNote(report.disclosure.minGroupSize))
            }
        } else if !matrix.departments.isEmpty {
            lines.append("")
            lines += wrapped(words.matrixTooWide(matrix.departments.count))
        }
        lines.append("")
        lines.append(words.topBridges)
        if silo.bridges.isEmpty { lines.append(words.noneInWindow) }
        for (rank, bridge) in silo.bridges.enumerated() {
            lines.append(
                TextWidth.fitted("\(rank + 1)", 4) + TextWidth.fitted(name(bridge.person), 24) + " " + TextWidth.fitted(department(bridge.person), 24)
                    + TextWidth.fitted(words.bridgeDepartments(bridge.departmentsReached), 10, alignRight: true)
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
