import CodirModel
import CodirStore
import CodirText
import Foundation

/// What importing one creator analytics export did.
public struct AnalyticsImport: Sendable {
    public var file: String
    public var person: String
    /// The export's range, when it says it.
    public var range: ClosedRange<Day>?
    public var days = 0
    public var followerSnapshots = 0
    public var postStats = 0
    /// Posts listed by engagements but not by impressions: no counters are written for them.
    public var postsWithoutImpressions = 0
    /// Posts the member's archive had already brought under their share or ugcPost URN.
    public var postsKnownFromArchive = 0
    public var demographics = 0
    public var unchanged = 0
    /// DISCOVERY's totals for the whole range.
    public var rangeImpressions: Int64?
    public var membersReached: Int64?
    public var sheetsUsed: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// How the workbook's `N/N/YYYY` dates were read, and why.
    public var dateOrder: AnalyticsDateOrder = .monthFirst
    public var dateOrderReason = Strings.current.sources.enUSDefault
    /// Rows dated outside the export's stated range: never written.
    public var outsideRange = 0

    public var summary: String {
        let words = Strings.current.sources
        var text = words.analyticsHead(file, person, range.map { words.range($0.lowerBound.iso8601, $0.upperBound.iso8601) })
        text += words.analyticsCounts(days, followerSnapshots, postStats)
        if postsWithoutImpressions > 0 { text += words.withoutImpressions(postsWithoutImpressions) }
        if postsKnownFromArchive > 0 { text += words.knownFromArchive(postsKnownFromArchive) }
        text += words.demographics(demographics)
        if unchanged > 0 { text += words.unchanged(unchanged) }
        if let rangeImpressions { text += words.rangeImpressions(rangeImpressions) }
        if let membersReached { text += words.membersReached(membersReached) }
        if outsideRange > 0 { text += words.outsideRangeLeftOut(outsideRange) }
        return text + words.datesReadAs(dateOrder.title, dateOrderReason, sheetsUsed.joined(separator: ", "))
    }
}

extension Importer {
    /// Imports a creator analytics export (`Content_…xlsx` or `AggregateAnalytics_…xlsx`) for `person`, as one
    /// transaction. Days and posts already imported from an overlapping export are updated, never added twice.
    /// `name` is what messages call the file (default: `path`); the owner's name is read from it.
    public func importAnalytics(at path: String, person: String?, as name: String? = nil) throws(ImportFailure)
        -> AnalyticsImport
    {
        let shown = name ?? path
        let owner: String
        if let person { owner = person } else { owner = try self.owner(fromFileName: shown) }
        let workbook: XLSXWorkbook
        do {
            workbook = try XLSXWorkbook(path: path, sheets: AnalyticsJob.sheets, limits: zipLimits)
        } catch {
            throw .unrecognised(file: shown, line: nil, reason: error.reason)
        }
        do {
            let (result, _) = try store.importFile(file: shown, sha256: "", format: "linkedin-analytics", commit: !dryRun) {
                writer in try AnalyticsJob(file: shown, workbook: workbook, person: owner).run(writer)
            }
            return result
        } catch {
            throw ImportFailure(error, store: store)
        }
    }
}

extension Importer {
    /// The directory entry named in an export's file name: `Content_2026-10-01_2026-10-31_ClaireMartin.xlsx`,
    /// `AggregateAnalytics_Claire Martin_2026-10-01_2026-10-31.xlsx`; names compare without spaces, accents or case.
    func owner(fromFileName path: String) throws(ImportFailure) -> String {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = stem.split(separator: "_").filter { Day(iso8601: $0) == nil }.dropFirst()  // drop the prefix
        let wanted = Self.folded(words.joined())
        let people: [Person]
        do {
            people = try store.people()
        } catch {
            throw .store(error)
        }
        let matches = people.filter { !wanted.isEmpty && Self.folded($0.name) == wanted }
        guard matches.count == 1, let match = matches.first else {
            throw .unrecognised(
                file: path, line: nil,
                reason: matches.isEmpty
                    ? Strings.current.sources.noOneMatchesFileName
                    : Strings.current.sources.severalMatchFileName(matches.count))
        }
        return match.id
    }

    static func folded(_ name: some StringProtocol) -> String {
        String(name).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }
}

/// How a workbook writes its `N/N/YYYY` dates: LinkedIn's en-US exports write M/D/YYYY, a workbook saved by a
/// French Excel (or exported in French) D/M/YYYY.
public enum AnalyticsDateOrder: Sendable, Hashable {
    case monthFirst, dayFirst

    public var title: String {
        switch self {
        case .monthFirst: "M/D/YYYY"
        case .dayFirst: "D/M/YYYY"
        }
    }

    /// `10/11/2026` (or `10.11.2026`, as a French Excel may write it) as a day in this order, or nil;
    /// `2026-11-10` in any.
    func day(text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = Day(iso8601: trimmed) { return Bounds.isPlausible(iso) ? iso : nil }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return self == .monthFirst
            ? Bounds.day(year: parts[2], month: parts[0], day: parts[1])
            : Bounds.day(year: parts[2], month: parts[1], day: parts[0])
    }

    /// The order of a workbook's dates, from its content: a first number above 12 can only be a day, a second
    /// one above 12 only a day too; when every number is 12 or less, the order under which the export's stated
    /// range matches the dates in its file name, else the one under which the daily rows follow each other. A
    /// workbook that mixes both is refused.
    static func detect(in texts: [String], fileRange: ClosedRange<Day>?, rangeText: String?, dailyTexts: [String])
        -> Result<(AnalyticsDateOrder, String), LineError>
    {
        var firstAbove12: String?, secondAbove12: String?
        for text in texts {
            for match in slashDates(in: text) {
                if match.first > 12 { firstAbove12 = firstAbove12 ?? match.text }
                if match.second > 12 { secondAbove12 = secondAbove12 ?? match.text }
            }
        }
        switch (firstAbove12, secondAbove12) {
        case (let day?, let month?):
            return .failure(LineError(Strings.current.sources.mixedOrders(quoted(day), quoted(month))))
        case (let day?, nil): return .success((.dayFirst, Strings.current.sources.onlyDayFirst(quoted(day))))
        case (nil, let month?): return .success((.monthFirst, Strings.current.sources.onlyMonthFirst(quoted(month))))
        case (nil, nil): break
        }
        if let fileRange, let rangeText {
            let parts = rangeText.components(separatedBy: " - ")
            for order in [AnalyticsDateOrder.monthFirst, .dayFirst] where parts.count == 2 {
                if order.day(text: parts[0]) == fileRange.lowerBound, order.day(text: parts[1]) == fileRange.upperBound {
                    return .success((order, Strings.current.sources.rangeMatchesFileName))
                }
            }
        }
        func steps(_ order: AnalyticsDateOrder) -> Int {
            let days = dailyTexts.compactMap(order.day(text:))
            return zip(days, days.dropFirst()).count { $0.0.distance(to: $0.1) == 1 }
        }
        let (monthSteps, daySteps) = (steps(.monthFirst), steps(.dayFirst))
        if daySteps > monthSteps { return .success((.dayFirst, Strings.current.sources.rowsFollowDayFirst)) }
        if monthSteps > daySteps { return .success((.monthFirst, Strings.current.sources.rowsFollowMonthFirst)) }
        return .success((.monthFirst, Strings.current.sources.enUSDefault))
    }

    /// The `N/N/YYYY` dates in a text, with their two first numbers.
    static func slashDates(in text: String) -> [(text: String, first: Int, second: Int)] {
        var found: [(String, Int, Int)] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "," }) {
            let parts = word.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
            // Day and month of one or two digits, a year of four: not a count written with dots (`1.234.567`).
            guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
                let a = Int(parts[0]), let b = Int(parts[1]), Int(parts[2]) != nil
            else { continue }
            found.append((String(word), a, b))
        }
        return found
    }
}

/// Reading the sheets of one export inside its transaction.
private struct AnalyticsJob {
    /// The sheets read; the others are never parsed.
    static let sheets: Set<String> = [
        "DISCOVERY", "ENGAGEMENT", "FOLLOWERS", "TOP POSTS", "DEMOGRAPHICS", "AUDIENCE DEMOGRAPHICS",
        "CONTENT DEMOGRAPHICS",
    ]

    let file: String
    let workbook: XLSXWorkbook
    let person: String
    /// How the workbook's dates read, from its content.
    let order: Result<(AnalyticsDateOrder, String), LineError>
    var dateOrder: AnalyticsDateOrder { (try? order.get().0) ?? .monthFirst }

    init(file: String, workbook: XLSXWorkbook, person: String) {
        self.file = file
        self.workbook = workbook
        self.person = person
        var texts: [String] = []
        for sheet in ["DISCOVERY", "ENGAGEMENT", "FOLLOWERS", "TOP POSTS"] {
            for row in workbook.rows(of: sheet) ?? [] {
                for (_, value) in row.sorted(by: { $0.key < $1.key }) {
                    if case .text(let text) = value, text.contains("/") || text.contains(".") { texts.append(text) }
                }
            }
        }
        let rangeText = (workbook.rows(of: "DISCOVERY") ?? []).lazy.flatMap { $0.sorted(by: { $0.key < $1.key }).map(\.value) }.compactMap { value -> String? in
            if case .text(let text) = value, text.components(separatedBy: " - ").count == 2 { return text }
            return nil
        }.first
        let daily = (workbook.rows(of: "ENGAGEMENT") ?? []).compactMap { row -> String? in
            if case .text(let text)? = row[0] { return text }
            return nil
        }
        order = AnalyticsDateOrder.detect(in: texts, fileRange: Self.fileRange(file), rangeText: rangeText, dailyTexts: daily)
    }

    /// The range in a file name: `Content_2026-10-01_2026-10-31_ClaireMartin.xlsx`.
    static func fileRange(_ file: String) -> ClosedRange<Day>? {
        let days = (file as NSString).lastPathComponent.split(whereSeparator: { $0 == "_" || $0 == "." })
            .compactMap { Day(iso8601: $0) }
        return days.count >= 2 && days[0] <= days[1] ? days[0]...days[1] : nil
    }

    func run(_ writer: ImportWriter) throws -> AnalyticsImport {
        guard writer.knowsPerson(person) else {
            throw ImportFailure.unrecognised(
                file: file, line: nil, reason: Strings.current.sources.personNotInDirectory(quoted(person)))
        }
        let (dateOrder, reason): (AnalyticsDateOrder, String)
        switch order {
        case .success(let found): (dateOrder, reason) = found
        case .failure(let error): throw ImportFailure.unrecognised(file: file, line: nil, reason: Strings.current.sources.nothingImported(error.reason))
        }
        var result = AnalyticsImport(file: file, person: person)
        result.dateOrder = dateOrder
        result.dateOrderReason = reason
        var outsideRange = 0
        // Kept apart from `result`, whose counters are passed inout while these are written.
        var diagnostics: [Diagnostic] = []
        var unchanged = 0
        func problem(_ sheet: String, _ row: Int?, _ reason: String) {
            diagnostics.append(Diagnostic(file: "\(file):\(sheet)", line: row, severity: .error, message: reason))
        }
        func tally(_ outcome: Result<WriteOutcome, RecordRejection>, _ counter: inout Int, sheet: String, row: Int) {
            switch outcome {
            case .success(.duplicate): unchanged += 1
            case .success: counter += 1
            case .failure(let rejection): problem(sheet, row, rejection.reason)
            }
        }

        /// A cell's count; a cell that holds something else (text, a negative, non-finite or implausible
        /// number) is reported, never dropped silently.
        func checkedCount(_ value: XLSXValue?, _ sheet: String, _ row: Int, _ column: String) -> Int64? {
            guard let value else { return nil }
            if let number = count(value) { return number }
            if value.text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            problem(sheet, row, Strings.current.sources.notACount(quoted(value.text), column))
            return nil
        }

        result.range = range()
        if let rows = workbook.rows(of: "DISCOVERY") {
            result.sheetsUsed.append("DISCOVERY")
            for (index, row) in rows.enumerated() {
                switch row[0]?.text.lowercased() {
                case "impressions"?: result.rangeImpressions = checkedCount(row[1], "DISCOVERY", index + 1, "Impressions")
                case "members reached"?:
                    result.membersReached = checkedCount(row[1], "DISCOVERY", index + 1, "Members reached")
                default: break
                }
            }
        }
        var dailyImpressions: Int64 = 0
        // ENGAGEMENT: one row a day.
        if let rows = workbook.rows(of: "ENGAGEMENT") {
            result.sheetsUsed.append("ENGAGEMENT")
            if let (header, columns) = header(in: rows, first: "Date", needing: ["Impressions", "Engagements"], sheet: "ENGAGEMENT", problem: problem) {
                for (index, row) in rows.enumerated().dropFirst(header + 1) where !row.isEmpty {
                    guard let day = day(row[0]) else {
                        problem("ENGAGEMENT", index + 1, Strings.current.sources.badDate(quoted(row[0]?.text ?? "")))
                        continue
                    }
                    if let range = result.range, !range.contains(day) {
                        outsideRange += 1
                        continue
                    }
                    let event = DailyStatsEvent(
                        person: person, day: day,
                        impressions: checkedCount(row[columns["Impressions"] ?? -1], "ENGAGEMENT", index + 1, "Impressions"),
                        engagements: checkedCount(row[columns["Engagements"] ?? -1], "ENGAGEMENT", index + 1, "Engagements"))
                    guard event.impressions != nil || event.engagements != nil else { continue }
                    dailyImpressions = dailyImpressions.saturatingAdding(event.impressions ?? 0)
                    let outcome = try writer.write(.daily(event))
                    tally(outcome, &result.days, sheet: "ENGAGEMENT", row: index + 1)
                }
            }
            if let total = result.rangeImpressions, total != dailyImpressions, dailyImpressions > 0 {
                diagnostics.append(
                    Diagnostic(
                        file: "\(file):ENGAGEMENT", line: nil, severity: .warning,
                        message: Strings.current.sources.daysAddUp(dailyImpressions, total)))
            }
        } else {
            problem("ENGAGEMENT", nil, Strings.current.sources.sheetMissing)
        }

        // FOLLOWERS: the total on the first row, then new followers a day.
        if let rows = workbook.rows(of: "FOLLOWERS") {
            result.sheetsUsed.append("FOLLOWERS")
            if let first = rows.first, let label = first[0]?.text, label.lowercased().hasPrefix("total followers on"),
                let total = checkedCount(first[1], "FOLLOWERS", 1, "Total followers")
            {
                let dateText = label.dropFirst("total followers on".count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                if let day = dateOrder.day(text: dateText) {
                    let event = FollowersEvent(person: person, at: day.advanced(by: 1).start.adding(seconds: -1), count: total)
                    let outcome = try writer.write(.followers(event))
                    tally(outcome, &result.followerSnapshots, sheet: "FOLLOWERS", row: 1)
                } else {
                    problem("FOLLOWERS", 1, Strings.current.sources.badDateInTotal(quoted(dateText)))
                }
            }
            if let (header, columns) = header(in: rows, first: "Date", needing: ["New followers"], sheet: "FOLLOWERS", problem: problem) {
                var newDays = 0
                for (index, row) in rows.enumerated().dropFirst(header + 1) where !row.isEmpty {
                    guard let day = day(row[0]), let added = count(row[columns["New followers"] ?? -1]) else {
                        problem("FOLLOWERS", index + 1, Strings.current.sources.badRow)
                        continue
                    }
                    if let range = result.range, !range.contains(day) {
                        outsideRange += 1
                        continue
                    }
                    let outcome = try writer.write(.daily(DailyStatsEvent(person: person, day: day, newFollowers: added)))
                    tally(outcome, &newDays, sheet: "FOLLOWERS", row: index + 1)
                }
                result.days = max(result.days, newDays)
            }
        } else {
            problem("FOLLOWERS", nil, Strings.current.sources.sheetMissing)
        }

        // TOP POSTS: two side-by-side lists, by engagements and by impressions.
        if let rows = workbook.rows(of: "TOP POSTS") {
            result.sheetsUsed.append("TOP POSTS")
            try topPosts(rows, writer: writer, result: &result, unchanged: &unchanged, problem: problem)
        }

        // Demographics, as rows of category, value, percentage.
        for sheet in ["DEMOGRAPHICS", "AUDIENCE DEMOGRAPHICS", "CONTENT DEMOGRAPHICS"] {
            guard let rows = workbook.rows(of: sheet) else { continue }
            result.sheetsUsed.append(sheet)
            let asOf = result.range?.upperBound ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970)).day
            for (index, row) in rows.enumerated().dropFirst() where row.count >= 3 {
                guard let category = row[0]?.text, let value = row[1]?.text, let share = row[2] else { continue }
                let percentage = share.text.hasSuffix("%") || share.text.hasPrefix("<") ? share.text : Self.percent(share)
                let outcome = try writer.writeDemographic(
                    person: person, asOf: asOf, sheet: sheet, category: category, value: value, percentage: percentage)
                tally(outcome, &result.demographics, sheet: sheet, row: index + 1)
            }
        }
        if outsideRange > 0 {
            diagnostics.append(
                Diagnostic(
                    file: file, line: nil, severity: .warning,
                    message: Strings.current.sources.outsideRangeWarning(outsideRange, dateOrder.title)))
        }
        result.outsideRange = outsideRange
        result.diagnostics = diagnostics
        result.unchanged = unchanged
        return result
    }

    private func topPosts(
        _ rows: [[Int: XLSXValue]], writer: ImportWriter, result: inout AnalyticsImport, unchanged: inout Int,
        problem: (String, Int?, String) -> Void
    ) throws {
        guard let header = rows.firstIndex(where: { $0.values.contains(.text("Post URL")) }) else {
            problem("TOP POSTS", nil, Strings.current.sources.noPostURLHeader)
            return
        }
        var byEngagements: [String: (day: Day?, value: Int64)] = [:]
        var byImpressions: [String: (day: Day?, value: Int64)] = [:]
        for (column, value) in rows[header] where value == .text("Post URL") {
            let metric = rows[header][column + 2]?.text.lowercased() ?? ""
            for (index, row) in rows.enumerated().dropFirst(header + 1) {
                guard let url = row[column]?.text, !url.isEmpty else { continue }
                guard let number = count(row[column + 2]) else {
                    problem("TOP POSTS", index + 1, Strings.current.sources.cellNotACount(quoted(row[column + 2]?.text ?? "")))
                    continue
                }
                let entry = (day(row[column + 1]), number)
                if metric.hasPrefix("impression") { byImpressions[url] = entry } else if metric.hasPrefix("engagement") { byEngagements[url] = entry }
            }
        }
        let asOf = (result.range?.upperBound).map { $0.advanced(by: 1).start.adding(seconds: -1) }
            ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        result.postsWithoutImpressions = byEngagements.keys.filter { byImpressions[$0] == nil }.count
        for (url, listed) in byImpressions.sorted(by: { $0.key < $1.key }) {
            let reference = LinkedInReference(link: url)
            let key = reference.map(\.urn) ?? url
            if !writer.knowsPost(key) {
                // Not known under this URN: the writer finds it if the member's archive brought it under another
                // (an activity id is minted within seconds of its post's share id), else it is a new post. Its
                // time is the id's, when that falls on the day the sheet gives.
                var at = (listed.day ?? asOf.day).noon
                if let minted = reference?.minted, Bounds.isPlausible(minted.day),
                    listed.day.map({ abs(minted.day.number - $0.number) <= 1 }) ?? true
                {
                    at = minted
                }
                let merged = writer.mergedPosts
                if case .failure(let rejection) = try writer.write(.post(PostEvent(id: key, author: person, at: at, url: url))) {
                    problem("TOP POSTS", nil, rejection.reason)
                    continue
                }
                if writer.mergedPosts > merged { result.postsKnownFromArchive += 1 }
            }
            let stats = PostStatsEvent(post: key, at: asOf, impressions: listed.value, engagements: byEngagements[url]?.value)
            switch try writer.write(.stats(stats)) {
            case .success(.duplicate): unchanged += 1
            case .success: result.postStats += 1
            case .failure(let rejection): problem("TOP POSTS", nil, rejection.reason)
            }
        }
    }

    /// The export's range: from DISCOVERY's `Overall Performance` row, else from the file's name.
    private func range() -> ClosedRange<Day>? {
        if let rows = workbook.rows(of: "DISCOVERY") {
            for row in rows {
                for value in row.values {
                    let parts = value.text.components(separatedBy: " - ")
                    if parts.count == 2, let start = dateOrder.day(text: parts[0]), let end = dateOrder.day(text: parts[1]),
                        start <= end
                    {
                        return start...end
                    }
                }
            }
        }
        return Self.fileRange(file)
    }

    private func header(
        in rows: [[Int: XLSXValue]], first: String, needing: [String], sheet: String,
        problem: (String, Int?, String) -> Void
    ) -> (Int, [String: Int])? {
        guard let index = rows.firstIndex(where: { $0[0]?.text == first }) else {
            problem(sheet, nil, Strings.current.sources.noHeaderRow(quoted(first)))
            return nil
        }
        var columns: [String: Int] = [:]
        for (column, value) in rows[index] { columns[value.text] = column }
        // The 2026 exports capitalise some headers differently.
        for name in needing where columns[name] == nil {
            if let match = columns.keys.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                columns[name] = columns[match]
            } else {
                problem(sheet, index + 1, Strings.current.sources.columnMissing(quoted(name)))
                return nil
            }
        }
        return (index, columns)
    }

    private func day(_ value: XLSXValue?) -> Day? {
        switch value {
        case .number(let serial)?:
            // Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug); NaN, infinities and serials
            // beyond 1970…2100 are no day.
            guard serial.isFinite, serial >= 0, serial < 100_000 else { return nil }
            let day = Day(year: 1899, month: 12, day: 30).advanced(by: Int(serial))
            return Bounds.isPlausible(day) ? day : nil
        case .text(let text)?: return dateOrder.day(text: text)
        case nil: return nil
        }
    }

    /// Numbers stored as numbers or as text with thousands separators (`5,537`).
    private func count(_ value: XLSXValue?) -> Int64? {
        switch value {
        case .number(let number)?: return Bounds.count(number)
        case .text(let text)?:
            let digits = text.filter { $0 != "," && $0 != " " && $0 != "\u{A0}" }
            return Int64(digits).flatMap { Bounds.isPlausible(count: $0) ? $0 : nil }
        case nil: return nil
        }
    }

    private static func percent(_ value: XLSXValue) -> String {
        if case .number(let fraction) = value { return HumanPercent.text(fraction) }
        return value.text
    }
}

private enum HumanPercent {
    static func text(_ fraction: Double) -> String {
        let percent = fraction <= 1 ? fraction * 100 : fraction
        return "\((percent * 10).rounded() / 10)%"
    }
}
