import CodirMetrics
import CodirModel
import CodirReport
import CodirText
import TerminalUI

/// The first three benefits of a committee that embodies the transformation, beside the fourth: exemplarity (their
/// team's activation, their posting beside it), media impact (press mentions), market value (earned media value,
/// audience growth), and the organisation's E-I trend. One row per leader in the Reach order, then the committee's
/// editorial line, latest headlines, value and fluidity.
struct InfluencePane {
    let snapshot: DashboardSnapshot
    let state: DashboardState
    let context: RenderContext

    private var report: MetricsReport { snapshot.report }
    private var influence: InfluenceReport { snapshot.report.influence }

    func draw(into buffer: inout CellBuffer, _ rect: Rect, focused: Bool) {
        let sep = context.glyphs.separator
        let words = Strings.current.panes
        let window = HumanFormat.window(report.length)
        let inner = buffer.box(rect, title: words.influenceTitle(String(sep)), focused: focused, context: context)
        guard !inner.isEmpty else { return }
        let rows = DashboardView.leaderRows(snapshot, state)
        let people = report.people
        let team = Dictionary(influence.exemplarity.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let editorial = Dictionary(influence.editorial.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let press = Dictionary(influence.press.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let value = Dictionary(influence.value.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        let topPosts = max(1, influence.editorial.flatMap(\.weeklyPosts).max() ?? 1)
        let currency = influence.rates.currency
        // A column as wide as its figures, or its heading in the language shown.
        func fit(_ heading: String, _ width: Int) -> Int { max(width, TextWidth.columns(of: heading)) }
        let columns = [
            TableColumn(words.columnLeader, width: 16, alignment: .left, priority: 10),
            TableColumn(words.columnTeam, width: 9, priority: 9),
            TableColumn(words.columnVersusPrevious, width: fit(words.columnVersusPrevious, 7), priority: 8),
            TableColumn(words.columnPosts12, width: fit(words.columnPosts12, 12), alignment: .left, priority: 7),
            TableColumn("r", width: 5, priority: 5),
            TableColumn(words.columnPress, width: fit(words.columnPress, 5), priority: 8),
            TableColumn(words.columnShare, width: 6, priority: 3),
            TableColumn(words.columnAudience, width: 8, priority: 1),
            TableColumn("EMV", width: 9, priority: 9),
            TableColumn(words.columnGrowth, width: fit(words.columnGrowth, 6), priority: 4),
            TableColumn(words.columnHashtags, width: 26, alignment: .left, priority: 2),
            TableColumn(words.columnRegular, width: 7, priority: 3),
        ]
        let tableRows = rows.map { row -> [TableCell] in
            let person = row.person
            let t = team[person], e = editorial[person], p = press[person], v = value[person]
            let change = t?.change
            return [
                TableCell(sanitized(people[person].name), style: Style(.normal, [.bold])),
                TableCell(HumanFormat.percent(t?.share)),
                TableCell(
                    HumanFormat.points(change),
                    style: Style(change.map { $0 > 0 ? .good : ($0 < 0 ? .bad : .normal) } ?? .dim)),
                TableCell(context.heatStrip(e?.weeklyPosts ?? t?.weeklyPosts ?? [], top: topPosts), style: Style(.accent)),
                TableCell(HumanFormat.index(t?.correlation), style: Style(.dim)),
                TableCell(p.map { "\($0.mentions)" } ?? HumanFormat.missing, style: Style(.normal, [.bold])),
                TableCell(HumanFormat.percent(p?.shareOfVoice)),
                TableCell(HumanFormat.count(p?.audience), style: Style(.dim)),
                TableCell(HumanFormat.money(v?.emv, currency), style: Style(.normal, [.bold])),
                TableCell(
                    HumanFormat.change(v?.followerGrowthRate),
                    style: Style(v?.followerGrowthRate.map { $0 > 0 ? .good : .normal } ?? .dim)),
                TableCell(e.map { $0.topHashtags.map { "#" + sanitized($0) }.joined(separator: " ") } ?? "", style: Style(.dim)),
                TableCell(HumanFormat.percent(e?.regularity)),
            ]
        }
        let selected = rows.firstIndex { people[$0.person].id == state.selectedLeader }
        let table = Table(columns: columns, rows: tableRows, selected: focused ? selected ?? 0 : nil, flexibleColumn: 0)
        // Room for the committee's lines below: at least four of them.
        let tableHeight = max(0, min(tableRows.count + 1, inner.height - 5))
        if tableHeight >= 2 {
            buffer.table(table, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight), context: context)
        }
        var y = inner.y + tableHeight
        func line(_ text: String, _ style: Style = Style(.dim)) {
            guard y < inner.y + inner.height else { return }
            buffer.text(text, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style, context: context)
            y += 1
        }
        if let note = DashboardView.withheldNote(report) { line(note) }
        if rows.contains(where: { team[$0.person] == nil }) && report.disclosure.visibility != .all {
            line(words.teamWithheld(report.disclosure.minGroupSize))
        }
        // The committee: tiles on a tall pane, else one line each.
        let remaining = inner.y + inner.height - y
        if remaining >= 14 && inner.width >= 64 {
            y += 1
            let tiles = Rect(x: inner.x, y: y, width: inner.width, height: 4)
                .split(.horizontal, [.ratio(1, min: 14), .ratio(1, min: 14), .ratio(1, min: 14), .ratio(1, min: 14)], spacing: 1)
            let wall = Strings.current.wall
            let mentionsChange = influence.previousMentions.map { wall.previousWindow(window, $0) } ?? wall.inTheWindow
            buffer.tile(
                value: HumanFormat.money(influence.committeeValue, currency), caption: wall.earnedMediaValue,
                detail: words.notRevenue, in: tiles[0], context: context)
            buffer.tile(value: "\(influence.mentions)", caption: words.pressItems, detail: mentionsChange, in: tiles[1], context: context)
            buffer.tile(
                value: HumanFormat.percent(report.summary.activeEmployeeShare), caption: wall.employeesActive,
                detail: wall.ofTotal(HumanFormat.grouped(report.summary.activeEmployees), HumanFormat.grouped(report.summary.employees)),
                in: tiles[2], context: context)
            buffer.tile(
                value: HumanFormat.index(report.silo.eiIndex), caption: words.eiIndexSilos, detail: words.closedOpen,
                in: tiles[3], context: context)
            y += 4
        }
        y += y < inner.y + inner.height - 4 ? 1 : 0
        line(words.editorialLine + Self.hashtags(influence.hashtags), Style(.normal))
        let cpm = HumanFormat.money(influence.rates.cpm, currency), cpe = HumanFormat.money(influence.rates.cpe, currency)
        let emv = HumanFormat.money(influence.committeeValue, currency)
        let long = words.marketValue(emv, words.rates(cpm, cpe))
        line(TextWidth.columns(of: long) <= inner.width ? long : words.marketValueShort(emv, cpm, cpe), Style(.normal))
        let weekly = report.silo.weekly
        let arrow = context.isASCII ? "->" : "→"
        line(
            words.fluidity(
                HumanFormat.index(report.silo.eiIndex), context.sparkline(weekly.map(\.eiIndex), width: 12), weekly.count,
                HumanFormat.index(weekly.first?.eiIndex), arrow, HumanFormat.index(weekly.last?.eiIndex)),
            Style(.normal))
        line(words.mediaImpact(influence.mentions, window, influence.previousMentions), Style(.header, [.bold]))
        let room = inner.y + inner.height - y
        if influence.headlines.isEmpty, room > 0 {
            line(
                report.withholdsIndividuals ? words.headlinesWithheld(report.disclosure.visibilityNote) : words.noPressItem)
        }
        for headline in influence.headlines.prefix(max(0, room)) {
            Self.headline(headline, into: &buffer, Rect(x: inner.x, y: y, width: inner.width, height: 1), context: context)
            y += 1
        }
    }

    /// `#ia 23 posts, 4 leaders · #clients 20, 3 · …`
    static func hashtags(_ tags: [HashtagUse]) -> String {
        let words = Strings.current.panes
        guard let first = tags.first else { return words.noHashtags }
        return "#\(sanitized(first.hashtag)) \(plural(first.posts, words.post)), \(plural(first.leaders, words.leader))"
            + tags.dropFirst().map { " · #\(sanitized($0.hashtag)) \($0.posts), \($0.leaders)" }.joined()
    }

    /// `11-27 Les Echos  Title…`: the day, the outlet dim, the title.
    static func headline(_ headline: Headline, into buffer: inout CellBuffer, _ rect: Rect, context: RenderContext) {
        let day = Strings.current.format.monthDay(headline.at.day)
        let outlet = TextWidth.fitted(sanitized(headline.outlet), 16)
        let used = buffer.write(day + " ", x: rect.x, y: rect.y, style: Style(.dim), clip: rect)
        let outletWidth = buffer.write(outlet + " ", x: rect.x + used, y: rect.y, style: Style(.accent), clip: rect)
        let left = rect.width - used - outletWidth
        guard left > 0 else { return }
        buffer.text(
            sanitized(headline.title), in: Rect(x: rect.x + used + outletWidth, y: rect.y, width: left, height: 1),
            context: context)
    }
}
