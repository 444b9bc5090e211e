import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// `codir me`: one person's numbers, made for an ssh session at 80×24. Their reach and rank, their
/// engagement with colleagues by role and by department, the colleagues' posts they have not engaged with
/// yet (what to go and like or comment), and how their department does on silos.
///
/// What the configuration's visibility withholds is not drawn: under `self` the rank, under `aggregate`
/// every individual number (the committee's figures take their place).
public struct PersonalView {
    public var snapshot: DashboardSnapshot?
    public var staleReason: String?
    public var state: DashboardState
    public var context: RenderContext
    public var now: Timestamp
    /// The login the view is for, to say who is missing when they are not in the directory.
    public var login: String
    /// The selected post of the "to engage with" list (↑ ↓ move it); its link is shown under the list.
    public var scroll: Int

    public init(
        snapshot: DashboardSnapshot?, staleReason: String?, state: DashboardState, context: RenderContext,
        now: Timestamp, login: String, scroll: Int = 0
    ) {
        self.snapshot = snapshot
        self.staleReason = staleReason
        self.state = state
        self.context = context
        self.now = now
        self.login = login
        self.scroll = scroll
    }

    public func render(size: Size) -> CellBuffer {
        let dashboard = DashboardView(snapshot: snapshot, staleReason: staleReason, state: state, context: context, now: now)
        return dashboard.frame(size: size) { buffer, snapshot in draw(into: &buffer, snapshot: snapshot, dashboard: dashboard) }
    }

    private func draw(into buffer: inout CellBuffer, snapshot: DashboardSnapshot, dashboard: DashboardView) {
        let rows = buffer.bounds.split(.vertical, [.fixed(1), .ratio(1, min: 1), .fixed(1)])
        let person = snapshot.personal.map { snapshot.report.people[$0.person] }
        dashboard.header(into: &buffer, rows[0], subject: person.map { sanitized($0.name) })
        let frame = Strings.current.frame
        buffer.keyBar(
            [
                ("q", frame.keyQuit), (context.isASCII ? "j/k" : "↑↓", words.keySelectPost), ("w", frame.keyWindow),
                ("r", words.keyRefresh),
            ],
            in: rows[2], context: context)
        guard let personal = snapshot.personal, let person else {
            DashboardView.message(words.noLongerInDirectory(sanitized(login)), into: &buffer, rows[1], context: context)
            return
        }
        // The selected post's link gets a line of its own across the screen, so that it can be copied whole.
        let parts = rows[1].split(.vertical, [.ratio(1, min: 10), .fixed(1)])
        let body = parts[0]
        link(personal, into: &buffer, parts[1], snapshot: snapshot)
        // The figures on top (taller screens list more departments), the list of posts below.
        let topHeight = max(min(10, body.height / 2), min(16, body.height * 45 / 100))
        let halves = body.split(.vertical, [.fixed(topHeight), .ratio(1, min: 4)])
        let top = halves[0].split(.horizontal, [.ratio(0.48, min: 34), .ratio(0.52, min: 30)])
        let bottom = halves[1].split(.horizontal, [.ratio(0.56, min: 36), .ratio(0.44, min: 26)])
        if snapshot.report.disclosure.showsNumbers(of: person) {
            reach(personal, into: &buffer, top[0])
            engagement(personal, into: &buffer, top[1], snapshot: snapshot)
        } else {
            committee(into: &buffer, top[0], snapshot: snapshot)
            withheld(into: &buffer, top[1], snapshot: snapshot)
        }
        postsToEngage(personal, into: &buffer, bottom[0], snapshot: snapshot)
        department(personal, into: &buffer, bottom[1], snapshot: snapshot)
    }

    // MARK: Boxes

    private var words: Strings.Personal { Strings.current.personal }
    private var window: String { HumanFormat.window(state.window) }

    private func reach(_ personal: PersonalReport, into buffer: inout CellBuffer, _ rect: Rect) {
        let words = words
        let inner = buffer.box(rect, title: words.yourReach(window), context: context)
        guard !inner.isEmpty else { return }
        let row = personal.reach
        let change = row.impressionsChange
        var changeText = HumanFormat.change(change, partial: row.previousIsPartial)
        if let change, change != 0 { changeText = String(change > 0 ? context.glyphs.up : context.glyphs.down) + changeText.dropFirst() }
        var lines: [(String, String, Style)] = [
            (words.impressions, HumanFormat.count(row.impressions), Style(.normal, [.bold])),
            (words.versusPrevious(window), changeText, Style(change.map { $0 > 0 ? .good : ($0 < 0 ? .bad : .normal) } ?? .dim, [.bold])),
            (words.engagementRate, HumanFormat.percent(row.engagementRate), Style(.normal, [.bold])),
            (words.posts, "\(row.posts)", Style(.normal, [.bold])),
            (words.followers, "\(HumanFormat.count(row.followers)) (\(HumanFormat.signedCount(row.followerGrowth)))", Style(.normal, [.bold])),
        ]
        if snapshot?.report.disclosure.namesIndividuals == true {
            let rank = personal.rank.map { words.rankOfLeaders(HumanFormat.ordinal($0.place), $0.of) } ?? HumanFormat.missing
            lines.append((words.rankByImpressions, rank, Style(.accent, [.bold])))
        } else {
            lines.append((words.rank, words.notShown, Style(.dim)))
        }
        // A leader's market value and press: what their reach would cost as advertising, the items naming them.
        let influence = snapshot?.report.influence
        if let value = influence?.value.first(where: { $0.person == personal.person }), let influence {
            lines.append((words.earnedMediaValue, HumanFormat.money(value.emv, influence.rates.currency), Style(.normal, [.bold])))
        }
        if let press = influence?.press.first(where: { $0.person == personal.person }) {
            let previous = press.previousMentions.map(words.before) ?? ""
            lines.append((words.pressMentions, "\(press.mentions)\(previous)", Style(.normal, [.bold])))
        }
        for (index, line) in lines.prefix(inner.height).enumerated() {
            buffer.text(line.0, in: inner, line: index, style: Style(.dim), context: context)
            buffer.text(line.1, in: inner, line: index, style: line.2, align: .right, context: context)
        }
        if inner.height >= lines.count + 2, !row.dailyImpressions.isEmpty {
            let series = row.dailyImpressions.map { Optional(Double($0)) }
            let factor = max(1, inner.width / max(1, series.count))
            buffer.text(words.dailyImpressions, in: inner, line: lines.count, style: Style(.dim), context: context)
            buffer.sparkline(
                series.flatMap { Array(repeating: $0, count: factor) },
                in: Rect(x: inner.x, y: inner.y + lines.count + 1, width: inner.width, height: 1), context: context)
        }
    }

    private func engagement(_ personal: PersonalReport, into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let words = words
        let inner = buffer.box(rect, title: words.yourEngagement, context: context)
        guard !inner.isEmpty else { return }
        let column = max(9, (inner.width - 14) / 2)
        func row(_ label: String, _ a: String, _ b: String, line: Int, style: Style) {
            buffer.text(label, in: inner, line: line, style: Style(.dim), context: context)
            buffer.text(a, in: Rect(x: inner.x + 12, y: inner.y, width: column, height: inner.height), line: line, style: style, align: .right, context: context)
            buffer.text(b, in: Rect(x: inner.x + 12 + column, y: inner.y, width: column, height: inner.height), line: line, style: style, align: .right, context: context)
        }
        row("", words.leaders, words.employees, line: 0, style: Style(.header, [.bold]))
        row(words.given, "\(personal.givenToLeaders)", "\(personal.givenToEmployees)", line: 1, style: Style(.normal, [.bold]))
        row(words.received, "\(personal.receivedFromLeaders)", "\(personal.receivedFromEmployees)", line: 2, style: Style(.normal, [.bold]))
        guard inner.height >= 5 else { return }
        buffer.text(words.byDepartment, in: inner, line: 4, style: Style(.header, [.bold]), context: context)
        buffer.text(words.givenReceived, in: inner, line: 4, style: Style(.dim), align: .right, context: context)
        let shown = personal.byDepartment.prefix(max(0, inner.height - 5))
        for (index, exchange) in shown.enumerated() {
            let line = 5 + index
            buffer.text(sanitized(exchange.department), in: Rect(x: inner.x, y: inner.y, width: max(0, inner.width - 16), height: inner.height), line: line, context: context)
            if exchange.withheld {
                buffer.text(words.withheld, in: inner, line: line, style: Style(.dim), align: .right, context: context)
                continue
            }
            buffer.text("\(exchange.given)", in: Rect(x: inner.maxX - 16, y: inner.y, width: 5, height: inner.height), line: line, style: Style(.normal, [.bold]), align: .right, context: context)
            buffer.text("\(exchange.received)", in: inner, line: line, style: Style(.normal, [.bold]), align: .right, context: context)
        }
        if personal.byDepartment.isEmpty {
            buffer.text(words.noExchange, in: inner, line: 5, style: Style(.dim), context: context)
        }
    }

    /// In place of the person's own figures when only aggregates may be shown.
    private func committee(into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let words = words
        let inner = buffer.box(rect, title: words.committeeReach(window), context: context)
        guard !inner.isEmpty else { return }
        let committee = snapshot.report.committeeReach
        let summary = snapshot.report.summary
        let lines: [(String, String)] = [
            (words.impressions, "\(HumanFormat.count(committee.impressions)) (\(HumanFormat.coverage(committee)))"),
            (words.versusPrevious(window), HumanFormat.change(committee.impressionsChange)),
            (words.postsByLeaders, "\(committee.posts)"),
            (words.leadersWhoPosted, words.ofLeaders(committee.leadersWhoPosted, committee.leaders)),
            (words.employeesActive, HumanFormat.percent(summary.activeEmployeeShare)),
            (words.pairsBothWays, HumanFormat.percent(snapshot.report.committee.reciprocity)),
            (
                words.earnedMediaValue,
                HumanFormat.money(snapshot.report.influence.committeeValue, snapshot.report.influence.rates.currency)
            ),
            (words.pressItems, "\(snapshot.report.influence.mentions)"),
        ]
        for (index, line) in lines.prefix(inner.height).enumerated() {
            buffer.text(line.0, in: inner, line: index, style: Style(.dim), context: context)
            buffer.text(line.1, in: inner, line: index, style: Style(.normal, [.bold]), align: .right, context: context)
        }
    }

    private func withheld(into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let inner = buffer.box(rect, title: words.yourNumbers, context: context)
        guard !inner.isEmpty else { return }
        let lines = words.numbersWithheld(snapshot.report.disclosure.visibilityNote)
        for (index, line) in lines.prefix(inner.height).enumerated() {
            buffer.text(line, in: inner, line: index, style: Style(.dim), context: context)
        }
    }

    private func postsToEngage(_ personal: PersonalReport, into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let words = words
        let count = personal.postsToEngage.count
        let title = count == 0 ? words.postsToEngageEmpty : words.postsToEngage(count, personal.colleaguePosts)
        let inner = buffer.box(rect, title: title, focused: true, context: context)
        guard !inner.isEmpty else { return }
        guard count > 0 else {
            let text =
                personal.colleaguePosts == 0 ? words.noColleaguePosted : words.engagedWithAll(personal.colleaguePosts)
            buffer.text(text, in: inner, line: 0, style: Style(.good), context: context)
            return
        }
        let listHeight = inner.height
        let selected = max(0, min(scroll, count - 1))
        let first = max(0, min(selected - listHeight / 2, count - listHeight))
        let people = snapshot.report.people
        for (index, record) in snapshot.postsToEngage.enumerated().dropFirst(first).prefix(listHeight) {
            guard people.indices.contains(record.author) else { continue }
            let author = people[record.author]
            let line = Rect(x: inner.x, y: inner.y + index - first, width: inner.width, height: 1)
            let isSelected = index == selected
            if isSelected { buffer.fill(line, style: Style(.selection, [.reverse])) }
            let base: Style = isSelected ? Style(.selection, [.reverse]) : Style(.dim)
            if isSelected { buffer.text(String(context.glyphs.selection), in: line, style: Style(.selection, [.reverse, .bold]), context: context) }
            buffer.text(ago(record.at.seconds), in: Rect(x: line.x + 1, y: line.y, width: 6, height: 1), style: base, align: .right, context: context)
            let role = isSelected ? Style(.selection, [.reverse, .bold]) : (author.isLeader ? Style(.accent, [.bold]) : Style(.normal))
            buffer.text(
                "\(sanitized(author.name)) \(context.glyphs.separator) \(sanitized(author.department))",
                in: Rect(x: line.x + 8, y: line.y, width: line.width - 8, height: 1), style: role, context: context)
        }
        // Where the list stands, on the box's bottom border.
        var position: [String] = []
        if first > 0 { position.append("\(words.above(first)) \(context.glyphs.up)") }
        if first + listHeight < count { position.append("\(words.more(count - first - listHeight)) \(context.glyphs.down)") }
        if !position.isEmpty {
            buffer.text(
                " \(position.joined(separator: " \(context.glyphs.separator) ")) ",
                in: Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1), style: Style(.dim),
                align: .right, context: context)
        }
    }

    /// The selected post's link, whole when the line can hold it.
    private func link(_ personal: PersonalReport, into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        guard !snapshot.postsToEngage.isEmpty else { return }
        let record = snapshot.postsToEngage[max(0, min(scroll, snapshot.postsToEngage.count - 1))]
        guard let url = record.url.map(sanitized) else {
            buffer.text(words.noLink(sanitized(record.id)), in: rect, style: Style(.dim), context: context)
            return
        }
        let labelled = " \(context.glyphs.selection) \(url)"
        let text = TextWidth.columns(of: labelled) <= rect.width ? labelled : url
        buffer.text(text, in: rect, style: Style(.accent), context: context)
    }

    private func department(_ personal: PersonalReport, into buffer: inout CellBuffer, _ rect: Rect, snapshot: DashboardSnapshot) {
        let silo = personal.department
        let words = words
        let inner = buffer.box(rect, title: words.yourDepartment(sanitized(silo.department)), context: context)
        guard !inner.isEmpty else { return }
        if silo.withheld {
            let note =
                words.departmentWithheld(silo.members, snapshot.report.disclosure.minGroupSize)
                + ["", "\(words.organisationEI) \(HumanFormat.index(snapshot.report.silo.eiIndex))"]
            for (index, line) in note.prefix(inner.height).enumerated() {
                buffer.text(line, in: inner, line: index, style: Style(index < 3 ? .dim : .normal), context: context)
            }
            return
        }
        let ei = silo.eiIndex
        let previous = personal.previousDepartment?.eiIndex
        // Unknown: no earlier window (all), or a dataset loaded without the previous window's interactions.
        var trend =
            snapshot.report.window.previous == nil
            ? words.noEarlierWindow : (personal.previousDepartment == nil ? HumanFormat.missing : words.noPrevious(window))
        var trendStyle = Style(.dim)
        if let ei, let previous {
            let delta = ei - previous
            let before = HumanFormat.index(previous)
            trend = delta > 0.005 ? words.opening(before) : delta < -0.005 ? words.closing(before) : words.steady
            trendStyle = Style(delta > 0.005 ? .good : (delta < -0.005 ? .bad : .normal))
        }
        var lines: [(String, String, Style)] = [
            (words.eiIndex, HumanFormat.index(ei), Style(ei.map { $0 >= 0 ? .good : .bad } ?? .dim, [.bold])),
            (words.trend, trend, trendStyle),
            (words.tiesInside, "\(silo.internalTies)", Style(.normal, [.bold])),
            (words.tiesAcross, "\(silo.externalTies)", Style(.normal, [.bold])),
            (words.rank, personal.departmentRank.map { words.departmentRank(HumanFormat.ordinal($0.place), $0.of) } ?? HumanFormat.missing, Style(.accent, [.bold])),
            (words.organisationEI, HumanFormat.index(snapshot.report.silo.eiIndex), Style(.normal, [.bold])),
        ]
        // A leader's team: its employees active in the window, against the previous one.
        if snapshot.report.people[personal.person].isLeader {
            if let team = snapshot.report.influence.exemplarity.first(where: { $0.person == personal.person }) {
                let change = team.change.map { " (\(HumanFormat.points($0)))" } ?? ""
                lines.insert(
                    (words.teamActive, HumanFormat.percent(team.share) + change, Style(team.change.map { $0 > 0 ? .good : ($0 < 0 ? .bad : .normal) } ?? .normal, [.bold])),
                    at: 2)
            } else if snapshot.report.disclosure.visibility != .all {
                lines.insert((words.teamActive, words.withheld, Style(.dim)), at: 2)
            }
        }
        for (index, line) in lines.prefix(inner.height).enumerated() {
            buffer.text(line.0, in: inner, line: index, style: Style(.dim), context: context)
            buffer.text(line.1, in: Rect(x: inner.x + 12, y: inner.y, width: inner.width - 12, height: inner.height), line: index, style: line.2, align: .right, context: context)
        }
        if inner.height >= lines.count + 2 {
            buffer.bar(((ei ?? -1) + 1) / 2, in: Rect(x: inner.x, y: inner.y + lines.count + 1, width: inner.width, height: 1), style: Style(ei.map { $0 >= 0 ? .good : .bad } ?? .dim), context: context)
            if inner.height >= lines.count + 3 {
                buffer.text(words.closed, in: inner, line: lines.count + 2, style: Style(.dim), context: context)
                buffer.text(words.open, in: inner, line: lines.count + 2, style: Style(.dim), align: .right, context: context)
            }
        }
    }

    private func ago(_ seconds: Int64) -> String {
        HumanFormat.elapsed(from: seconds, to: now.seconds) ?? Strings.current.format.now
    }
}
