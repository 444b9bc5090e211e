import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CodirIngest

/// Writes a minimal xlsx (as Excel and LinkedIn write them: shared strings, numbers, some inline strings).
func makeXLSX(at url: URL, sheets: [(String, [[XLSXValue?]])]) throws {
    var shared: [String] = []
    func escaped(_ text: some StringProtocol) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
    func cell(_ value: XLSXValue?, _ reference: String) -> String {
        switch value {
        case .text(let text)?:
            if text.hasPrefix("inline:") {
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text.dropFirst(7)))</t></is></c>"
            }
            let index = shared.firstIndex(of: text) ?? { shared.append(text); return shared.count - 1 }()
            return "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
        case .number(let number)?: return "<c r=\"\(reference)\"><v>\(number)</v></c>"
        case nil: return ""
        }
    }
    var parts: [(String, String)] = []
    var sheetList = "", relationships = ""
    for (index, (name, rows)) in sheets.enumerated() {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                xml += cell(value, String(UnicodeScalar(UInt8(65 + c))) + "\(r + 1)")
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
        sheetList += "<sheet name=\"\(name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    parts.append((
        "xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>"
    ))
    parts.append((
        "xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"
    ))
    parts.append((
        "xl/sharedStrings.xml",
        "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + shared.map { "<si><t>\(escaped($0))</t></si>" }.joined() + "</sst>"
    ))
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

@Suite("Importing creator analytics", .serialized)
struct CreatorAnalyticsTests {
    static let share = linkedInID("2026-10-05T08:00:00Z", low: 55)

    /// October's export: LinkedIn writes dates as M/D/YYYY text or Excel serials, counts as numbers or `5,537`.
    static func october() -> [(String, [[XLSXValue?]])] {
        [
            ("DISCOVERY", [[.text("Overall Performance"), .text("10/1/2026 - 10/31/2026")], [.text("Impressions"), .text("2,537")], [.text("Members reached"), .number(3210)]]),
            ("ENGAGEMENT", [
                [.text("Date"), .text("Impressions"), .text("Engagements")],
                [.text("10/1/2026"), .number(1200), .number(40)],
                [.number(46_297), .text("1,337"), .text("41")],  // serial 46297 = 2026-10-02
            ]),
            ("TOP POSTS", [
                [.text("inline:Maximum of 50 posts available to include in this list")], [],
                [.text("Post URL"), .text("Post publish date"), .text("Engagements"), nil, .text("Post URL"), .text("Post Publish Date"), .text("Impressions")],
                [.text("https://www.linkedin.com/feed/update/urn:li:share:\(share)"), .text("10/5/2026"), .number(77),
                 nil, .text("https://www.linkedin.com/feed/update/urn:li:share:\(share)"), .text("10/5/2026"), .number(2410)],
                [.text("https://www.linkedin.com/feed/update/urn:li:share:1234"), .text("10/6/2026"), .number(3)],
            ]),
            ("FOLLOWERS", [
                [.text("Total followers on 10/31/2026:"), .text("8,210")], [],
                [.text("Date"), .text("New followers")],
                [.text("10/1/2026"), .number(12)], [.text("10/2/2026"), .number(4)],
            ]),
            ("DEMOGRAPHICS", [
                [.text("Top Demographics"), .text("Value"), .text("Percentage")],
                [.text("Job titles"), .text("Chef de projet"), .text("12%")],
                [.text("Locations"), .text("Lyon"), .text("< 1%")],
            ]),
        ]
    }

    func store() throws -> Store {
        let store = try Store.inMemory()
        _ = try Importer(store: store).importBytes(
            Array("id,name,department,role\nceo,Claire Martin,Direction,leader\n".utf8), file: "people.csv")
        return store
    }

    @Test func everySheetLandsWhereTheDashboardReadsIt() throws {
        let scratch = try ScratchFolder("xlsx")
        defer { scratch.remove() }
        let folder = scratch.url
        let file = folder.appendingPathComponent("Content_2026-10-01_2026-10-31_ClaireMartin.xlsx")
        try makeXLSX(at: file, sheets: Self.october())
        let store = try store()

        // Whose the export is comes from its file name.
        let result = try Importer(store: store).importAnalytics(at: file.path, person: nil)
        #expect(result.person == "ceo")
        #expect(result.range == Day(iso8601: "2026-10-01")!...Day(iso8601: "2026-10-31")!)
        #expect(result.days == 2)
        #expect(result.followerSnapshots == 1)
        #expect(result.postStats == 1)
        #expect(result.postsWithoutImpressions == 1)  // listed by engagements only: not taken as zero impressions
        #expect(result.demographics == 2)
        #expect(result.rangeImpressions == 2537 && result.membersReached == 3210)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")

        let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")!
        let report = MetricsEngine.report(
            for: try store.dataset(for: TimeWindow(length: .days(31), asOf: asOf)), length: .days(31), asOf: asOf)
        let reach = try #require(report.reach.first)
        #expect(reach.impressions == 2537)  // the daily rows win over the post counters
        #expect(reach.engagements == 81)
        #expect(reach.followers == 8210)
        #expect(reach.posts == 1)

        // Next month's export overlaps: the same days are updated, not added.
        var november = Self.october()
        november[1].1[2] = [.number(46_297), .text("1,500"), .number(45)]
        november[0].1[1] = [.text("Impressions"), .text("2,700")]
        try makeXLSX(at: file, sheets: november)
        let again = try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        #expect(again.days == 1)
        let updated = MetricsEngine.report(
            for: try store.dataset(for: TimeWindow(length: .days(31), asOf: asOf)), length: .days(31), asOf: asOf)
        #expect(updated.reach.first?.impressions == 2700)
    }

    /// A workbook gives one total ("Total followers on D") and 90 days of new followers: the growth over any
    /// window inside those days is the sum of its new followers, and the leader detail says so.
    @Test func followerGrowthComesFromTheDailyNewFollowers() throws {
        let scratch = try ScratchFolder("xlsx")
        defer { scratch.remove() }
        let folder = scratch.url
        let file = folder.appendingPathComponent("Content_2026-08-03_2026-10-31_ClaireMartin.xlsx")
        let first = Day(iso8601: "2026-08-03")!
        var followers: [[XLSXValue?]] = [[.text("Total followers on 10/31/2026:"), .text("8,210")], [], [.text("Date"), .text("New followers")]]
        for offset in 0..<90 {
            let day = first.advanced(by: offset).components
            // 1 a day in August and September, 3 a day in October.
            followers.append([.text("\(day.month)/\(day.day)/\(day.year)"), .number(day.month == 10 ? 3 : 1)])
        }
        try makeXLSX(
            at: file,
            sheets: [
                ("ENGAGEMENT", [[.text("Date"), .text("Impressions"), .text("Engagements")], [.text("10/1/2026"), .number(10), .number(1)]]),
                ("FOLLOWERS", followers),
            ])
        let store = try store()
        let result = try Importer(store: store).importAnalytics(at: file.path, person: nil)
        #expect(result.followerSnapshots == 1 && result.diagnostics.isEmpty, "\(result.diagnostics)")

        func reach(days: Int, asOf: String) throws -> ReachRow {
            let end = Timestamp(iso8601: asOf)!
            let report = MetricsEngine.report(
                for: try store.dataset(for: TimeWindow(length: .days(days), asOf: end)), length: .days(days), asOf: end)
            return try #require(report.reach.first)
        }
        let october = try reach(days: 31, asOf: "2026-11-01T00:00:00Z")
        #expect(october.followers == 8210)
        #expect(october.followerGrowth == 93)
        #expect(october.followerGrowthSource == .newFollowers)
        // Over 90 days: 29 days of August, 30 of September, 31 of October.
        let quarter = try reach(days: 90, asOf: "2026-11-01T00:00:00Z")
        #expect(quarter.followerGrowth == Int64(29 + 30 + 93))
        // The total is a figure of its day: a report run on the export's day, before midnight, shows it.
        #expect(try reach(days: 30, asOf: "2026-10-31T00:00:00Z").followers == 8210)
        #expect(try reach(days: 30, asOf: "2026-10-31T23:00:00Z").followers == 8210)
        #expect(try reach(days: 30, asOf: "2026-10-30T23:59:59Z").followers == nil)
    }

    @Test func badWorkbooksAreExplained() throws {
        let scratch = try ScratchFolder("xlsx")
        defer { scratch.remove() }
        let folder = scratch.url
        let store = try store()
        let corrupt = folder.appendingPathComponent("broken.xlsx")
        try Data("not a zip".utf8).write(to: corrupt)
        #expect(throws: ImportFailure.self) { try Importer(store: store).importAnalytics(at: corrupt.path, person: "ceo") }
        #expect(throws: ImportFailure.self) { try Importer(store: store).importAnalytics(at: corrupt.path, person: nil) }
        let stranger = folder.appendingPathComponent("AggregateAnalytics_Jean Inconnu_2026-10-01_2026-10-31.xlsx")
        try makeXLSX(at: stranger, sheets: Self.october())
        #expect(throws: ImportFailure.self) { try Importer(store: store).importAnalytics(at: stranger.path, person: nil) }

        let renamed = folder.appendingPathComponent("renamed.xlsx")
        try makeXLSX(at: renamed, sheets: [("ENGAGEMENT", [[.text("Date"), .text("Views"), .text("Engagements")], [.text("10/1/2026"), .number(1), .number(2)]])])
        let result = try Importer(store: store).importAnalytics(at: renamed.path, person: "ceo")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains("\(renamed.path):ENGAGEMENT:1: error: column 'Impressions' missing from the header"))
        #expect(messages.contains("\(renamed.path):FOLLOWERS: error: sheet missing"))
        #expect(result.days == 0)
    }
}
