import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// One leader: their numbers and series, who engages with their posts by department, whose posts they
/// engage with.
struct LeaderDetailPane {
    let snapshot: DashboardSnapshot
    let person: Int
    let context: RenderContext

    func draw(into buffer: inout CellBuffer, _ rect: Rect) {
        let report = snapshot.report
        let people = report.people
        let leader = people[person]
        let inner = buffer.box(
            rect, title: "\(sanitized(leader.name)) \(context.glyphs.separator) \(sanitized(leader.department))",
            focused: true, context: context)
        guard !inner.isEmpty else { return }
        let reach = report.reach.first { $0.person == person }
        let engagement = report.engagement.first { $0.person == person }
        let words = Strings.current.panes, mine = Strings.current.personal
        let window = HumanFormat.window(report.length)
        let figures: [(String, String)] = [
            (mine.impressions, HumanFormat.count(reach?.impressions)),
            (mine.versusPrevious(window), HumanFormat.change(reach?.impressionsChange, partial: reach?.previousIsPartial ?? false)),
            (words.engagements, HumanFormat.count(reach?.engagements)),
            (mine.engagementRate, HumanFormat.percent(reach?.engagementRate)),
            (mine.posts, reach.map { "\($0.posts)" } ?? HumanFormat.missing),
            (mine.followers, HumanFormat.count(reach?.followers)),
            (Self.growthLabel(reach?.followerGrowthSource), HumanFormat.signedCount(reach?.followerGrowth)),
            (words.givenToLeaders, engagement.map { "\($0.givenToLeaders)" } ?? HumanFormat.missing),
            (words.givenToEmployees, engagement.map { "\($0.givenToEmployees)" } ?? HumanFormat.missing),
            (words.receivedFromLeaders, engagement.map { "\($0.receivedFromLeaders)" } ?? HumanFormat.missing),
            (words.receivedFromEmployees, engagement.map { "\($0.receivedFromEmployees)" } ?? HumanFormat.missing),
            (words.coverageOfLeaders, HumanFormat.percent(engagement?.coverage)),
        ]
        let columns = inner.split(.horizontal, [.fixed(36), .ratio(1, min: 20)], spacing: 2)
        for (index, (label, value)) in figures.prefix(columns[0].height).enumerated() {
            buffer.text(label, in: columns[0], line: index, style: Style(.dim), context: context)
            buffer.text(value, in: columns[0], line: index, style: Style(.normal, [.bold]), align: .right, context: context)
        }
        // Their influence (team, cadence, hashtags, press, value), under the figures as room allows.
        let left = columns[0]
        var below = figures.count
        let influence = influenceFigures()
        if left.height >= below + 3 {
            let top = left.y + below + 1
            buffer.text(words.influence, in: Rect(x: left.x, y: top, width: left.width, height: 1), style: Style(.header, [.bold]), context: context)
            let shown = influence.prefix(max(0, left.maxY - top - 1))
            for (index, (label, value)) in shown.enumerated() {
                let line = Rect(x: left.x, y: top + 1 + index, width: left.width, height: 1)
                let used = buffer.text(label, in: line, style: Style(.dim), context: context)
                buffer.text(
                    value, in: Rect(x: line.x + used + 1, y: line.y, width: max(0, line.width - used - 1), height: 1),
                    style: Style(.normal, [.bold]), align: .right, context: context)
            }
            below += 2 + shown.count
        }
        // The audience, from the leader's latest analytics export, under the figures when there is room.
        let audience = snapshot.audience(of: person)
        if let first = audience.first, left.height >= below + 4 {
            let top = left.y + below + 1
            buffer.text(
                words.audienceOf(first.asOf.iso8601), in: Rect(x: left.x, y: top, width: left.width, height: 1),
                style: Style(.header, [.bold]), context: context)
            for (index, row) in audience.prefix(left.maxY - top - 1).enumerated() {
                let line = Rect(x: left.x, y: top + 1 + index, width: left.width, height: 1)
                buffer.text("\(sanitized(row.category))\(HumanFormat.colon) \(sanitized(row.value))", in: Rect(x: line.x, y: line.y, width: line.width - 6, height: 1), context: context)
                buffer.text(sanitized(row.percentage), in: line, style: Style(.normal, [.bold]), align: .right, context: context)
            }
        }
        var right = columns[1]
        guard right.width >= 20 else { return }
        if let series = reach?.dailyImpressions, !series.isEmpty {
            buffer.text(words.dailyFrom(window, reach?.seriesStart.iso8601 ?? ""), in: right, style: Style(.header, [.bold]), context: context)
            let values = series.map { Optional(Double($0)) }
            let width = min(right.width, max(series.count, min(right.width, series.count * 2)))
            let factor = max(1, width / max(1, series.count))
            buffer.sparkline(values.flatMap { Array(repeating: $0, count: factor) }, in: Rect(x: right.x, y: right.y + 1, width: right.width, height: 1), context: context)
            right = Rect(x: right.x, y: right.y + 3, width: right.width, height: right.height - 3)
        }
        guard let detail = snapshot.leaderDetail(person) else {
            // The leader is shown (the detail is open on them), their detail not computed yet: a viewer's first
            // seconds, while its live figures are built.
            buffer.text(words.loadingWho, in: right, style: Style(.dim), context: context)
            return
        }
        let halves = right.split(.horizontal, [.ratio(1, min: 20), .ratio(1, min: 20)], spacing: 2)
        let received = right.width >= 60 ? halves[0] : right
        buffer.text(words.whoEngages, in: received, style: Style(.header, [.bold]), context: context)
        // Departments too small to hide in (min_group_size) are named, their counts withheld.
        let withheld = Set(report.silo.departments.filter(\.withheld).map(\.department))
        let top = max(1, detail.receivedByDepartment.first { !withheld.contains($0.department) }?.count ?? 1)
        for (index, entry) in detail.receivedByDepartment.prefix(max(0, received.height - 1)).enumerated() {
            let line = Rect(x: received.x, y: received.y + 1 + index, width: received.width, height: 1)
            buffer.text(sanitized(entry.department), in: Rect(x: line.x, y: line.y, width: 16, height: 1), context: context)
            if withheld.contains(entry.department) {
                buffer.text(mine.withheld, in: Rect(x: line.x + 16, y: line.y, width: max(0, line.width - 16), height: 1), style: Style(.dim), align: .right, context: context)
                continue
            }
            buffer.text("\(entry.count)", in: Rect(x: line.x + 16, y: line.y, width: 5, height: 1), style: Style(.normal, [.bold]), align: .right, context: context)
            buffer.bar(Double(entry.count) / Double(top), in: Rect(x: line.x + 22, y: line.y, width: max(0, line.width - 22), height: 1), context: context)
        }
        if detail.receivedByDepartment.isEmpty {
            buffer.text(words.noOne, in: received, line: 1, style: Style(.dim), context: context)
        }
        let given =
            right.width >= 60
            ? halves[1]
            : Rect(x: right.x, y: received.y + 2 + min(detail.receivedByDepartment.count, 8), width: right.width, height: right.maxY - received.y - 2 - min(detail.receivedByDepartment.count, 8))
        guard given.height >= 2 else { return }
        buffer.text(words.whosePosts, in: given, style: Style(.header, [.bold]), context: context)
        for (index, entry) in detail.engagedWith.prefix(given.height - 1).enumerated() {
            let other = people[entry.person]
            let role = other.isLeader ? words.leaderRole : ""
            buffer.text("\(entry.count)", in: Rect(x: given.x, y: given.y + 1 + index, width: 4, height: 1), style: Style(.accent, [.bold]), align: .right, context: context)
            buffer.text(
                "\(sanitized(other.name))\(role) \(context.glyphs.separator) \(sanitized(other.department))",
                in: Rect(x: given.x + 5, y: given.y + 1 + index, width: given.width - 5, height: 1), context: context)
        }
        if detail.engagedWith.isEmpty {
            buffer.text(words.noOnesPosts, in: given, line: 1, style: Style(.dim), context: context)
        }
        // The press items naming them, under both lists when there is room.
        let listed = max(
            received.y + 1 + max(1, min(detail.receivedByDepartment.count, received.height - 1)),
            given.y + 1 + max(1, min(detail.engagedWith.count, given.height - 1)))
        let headlines = report.influence.headlines.filter { $0.people.contains(person) }
        let press = Rect(x: right.x, y: listed + 1, width: right.width, height: right.maxY - listed - 1)
        guard press.height >= 2, !headlines.isEmpty else { return }
        buffer.text(words.inThePress, in: press, style: Style(.header, [.bold]), context: context)
        for (index, headline) in headlines.prefix(press.height - 1).enumerated() {
            InfluencePane.headline(
                headline, into: &buffer, Rect(x: press.x, y: press.y + 1 + index, width: press.width, height: 1), context: context)
        }
    }

    /// The leader's influence figures, most telling first: what is cut at the bottom of a small screen matters least.
    private func influenceFigures() -> [(String, String)] {
        let influence = snapshot.report.influence
        let team = influence.exemplarity.first { $0.person == person }
        let editorial = influence.editorial.first { $0.person == person }
        let press = influence.press.first { $0.person == person }
        let value = influence.value.first { $0.person == person }
        let top = max(1, influence.editorial.flatMap(\.weeklyPosts).max() ?? 1)
        var teamText = HumanFormat.percent(team?.share)
        if let change = team?.change { teamText += " " + HumanFormat.points(change) }
        var pressText = press.map { "\($0.mentions)" } ?? HumanFormat.missing
        let words = Strings.current.panes, mine = Strings.current.personal
        if let previous = press?.previousMentions { pressText += words.previousShort(previous) }
        if let share = press?.shareOfVoice { pressText += " \(context.glyphs.separator) \(HumanFormat.percent(share))" }
        var growth = HumanFormat.change(value?.followerGrowthRate)
        if let rank = value?.growthRank {
            growth += " \(context.glyphs.separator) \(Strings.current.format.rankOf(String(rank.place), rank.of))"
        }
        return [
            (mine.teamActive, team == nil ? HumanFormat.missing : teamText),
            (
                words.posts12r,
                context.heatStrip(editorial?.weeklyPosts ?? team?.weeklyPosts ?? [], top: top) + " "
                    + HumanFormat.index(team?.correlation)
            ),
            (words.hashtags, editorial.map { $0.topHashtags.map { "#" + sanitized($0) }.joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 } ?? words.none),
            (mine.pressMentions, pressText),
            (mine.earnedMediaValue, HumanFormat.money(value?.emv, influence.rates.currency)),
            (words.growthRate, growth),
            (words.regularity, HumanFormat.percent(editorial?.regularity)),
        ]
    }

    /// Says where the follower growth comes from: the counts at both ends, or the daily new followers.
    static func growthLabel(_ source: FollowerGrowthSource?) -> String {
        let words = Strings.current.panes
        return switch source {
        case .snapshots?: words.growthCounts
        case .newFollowers?: words.growthDaily
        case .none?, nil: words.growth
        }
    }
}
