import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CodirIngest

/// Writes a zip of the given parts, deflated.
func makeZip(at url: URL, parts: [(String, Data)]) throws {
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in parts {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// An xlsx whose one sheet, `ENGAGEMENT`, is `sheetXML` (inside `<sheetData>`), with `shared` strings.
func makeCraftedXLSX(at url: URL, sheetXML: String, shared: [String] = ["Date"], sharedPrefix: String = "",
    extraSheets: String = "")
    throws
{
    let workbook = """
        <?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="ENGAGEMENT" sheetId="1" r:id="rId1"/>\(extraSheets)</sheets></workbook>
        """
    let rels = """
        <?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>
        """
    let strings = "<?xml version=\"1.0\"?>\(sharedPrefix)<sst>" + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
    let sheet = "<?xml version=\"1.0\"?><worksheet><sheetData>\(sheetXML)</sheetData></worksheet>"
    try makeZip(
        at: url,
        parts: [
            ("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
            ("xl/sharedStrings.xml", Data(strings.utf8)), ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ])
}


@Suite("Hostile input")
struct HostileInputTests {
    // MARK: - Counts and dates

    @Test func countsAboveATrillionAndFarDatesAreRejectedWithTheirLine() throws {
        let store = try storeWithPeople()
        let result = try importText(
            """
            {"type":"daily","person":"ceo","day":"2026-10-01","impressions":9223372036854775000}
            {"type":"daily","person":"ceo","day":"2026-10-02","impressions":1000000000001}
            {"type":"daily","person":"ceo","day":"2026-10-03","impressions":1000000000000}
            {"type":"post","id":"p1","author":"ceo","at":"0001-01-01T00:00:00Z"}
            {"type":"post","id":"p2","author":"ceo","at":"2101-01-01T00:00:00Z"}
            {"type":"daily","person":"ceo","day":"1969-12-31","impressions":1}
            {"type":"followers","person":"ceo","at":"2026-10-01T00:00:00Z","count":-1}

            """, into: store, file: "events.jsonl")
        #expect(result.counts.imported == 1)
        #expect(result.counts.rejected == 6)
        let lines = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(lines.contains { $0.hasPrefix("events.jsonl:1: error: implausible count") })
        #expect(lines.contains { $0.hasPrefix("events.jsonl:4: error: date 0001-01-01 in 'at' is outside 1970-01-01 to 2100-12-31") })
        #expect(lines.contains { $0.hasPrefix("events.jsonl:6: error: day 1969-12-31") })
    }

    @Test func twoCountsThatAddPastInt64AreNeverBothStored() throws {
        let store = try storeWithPeople()
        _ = try importText(
            """
            type,person,day,impressions
            daily,ceo,2026-10-01,9223372036854775000
            daily,ceo,2026-10-02,9223372036854775000

            """, into: store, file: "events.csv")
        let asOf = Timestamp(iso8601: "2026-10-10T00:00:00Z")!
        let report = MetricsEngine.report(for: try store.dataset(for: TimeWindow(length: .days(30), asOf: asOf)), length: .days(30), asOf: asOf)
        #expect(report.reach.first { report.people[$0.person].id == "ceo" }?.impressions == nil)
    }

    @Test func linkedInDatesBeyondBeliefAreProblemsNotTraps() {
        #expect(LinkedInArchive.day("16 Jun 9223372036854775807") == nil)
        #expect(LinkedInArchive.day("16 Jun 2026") == Day(iso8601: "2026-06-16"))
        #expect(LinkedInArchive.date("0001-01-01 00:00:00") == nil)
        #expect(LinkedInArchive.date("2025-07-01 14:33:22") != nil)
    }

    // MARK: - Crafted workbooks

    func analytics(_ sheetXML: String, shared: [String] = ["Date"], sharedPrefix: String = "", extraSheets: String = "")
        throws -> (Result<AnalyticsImport, ImportFailure>, Store)
    {
        let scratch = try ScratchFolder()
        let file = scratch.file("Content_2026-10-01_2026-10-31_ClaireMartin.xlsx")
        try makeCraftedXLSX(at: file, sheetXML: sheetXML, shared: shared, sharedPrefix: sharedPrefix, extraSheets: extraSheets)
        let store = try storeWithPeople()
        let result = Result { () throws(ImportFailure) in try Importer(store: store).importAnalytics(at: file.path, person: "ceo") }
        return (result, store)
    }

    func expectRefused(_ sheetXML: String, shared: [String] = ["Date"], sharedPrefix: String = "", saying words: String)
        throws
    {
        let (result, store) = try analytics(sheetXML, shared: shared, sharedPrefix: sharedPrefix)
        guard case .failure(let failure) = result else {
            Issue.record("a crafted workbook was imported: \(sheetXML.suffix(60)) \(sharedPrefix)")
            return
        }
        #expect(failure.description.contains(words), "\(failure.description)")
        // Refused whole: nothing from it is in the database.
        #expect(try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)).daily.isEmpty)
    }

    @Test func aCraftedWorkbookIsRefusedWholeWithOneSentence() throws {
        let header = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Impressions</t></is></c><c r="C1" t="inlineStr"><is><t>Engagements</t></is></c></row>"#
        try expectRefused(header + #"<row r="2"><c r="A2" t="s"><v>-1</v></c></row>"#, saying: "shared string index '-1'")
        try expectRefused(header + #"<row r="2"><c r="A2" t="s"><v>7</v></c></row>"#, saying: "shared string index '7'")
        try expectRefused(header + #"<row r="2"><c r="ZZZZZZZZZZZZZZ1"><v>1</v></c></row>"#, saying: "cell reference 'ZZZZZZZZZZZZZZ1'")
        try expectRefused(header + #"<row r="2"><c r="XFE2"><v>1</v></c></row>"#, saying: "cell reference 'XFE2'")
        try expectRefused(header + #"<row r="-9223372036854775808"/>"#, saying: "row number '-9223372036854775808'")
        try expectRefused(header + #"<row r="50000000"/>"#, saying: "row number '50000000'")
        try expectRefused(header + "<row r=\"2\"><c r=\"A2\"><v>1</v>", saying: "not well-formed")
        let entity = #"<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]>"#
        try expectRefused(header, shared: ["Date", "&a;&a;&a;&a;"], sharedPrefix: entity, saying: "declares a DTD")
        // An element name that is not UTF-8 made Foundation's XMLParser trap (found by codir-fuzz).
        #expect(throws: XLSXError.self) { try XMLSafety.check(Array("<sst><si><".utf8) + [0xF4] + Array("></si></sst>".utf8), part: "x") }
        #expect(throws: XLSXError.self) { try XMLSafety.check(Array("<sst>".utf8) + [0] + Array("</sst>".utf8), part: "x") }
    }

    @Test func nonFiniteAndHugeNumbersAreBadRowsNotTraps() throws {
        let header = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Impressions</t></is></c><c r="C1" t="inlineStr"><is><t>Engagements</t></is></c></row>"#
        let rows = [
            #"<row r="2"><c r="A2"><v>NaN</v></c><c r="B2"><v>5</v></c></row>"#,
            #"<row r="3"><c r="A3"><v>1e300</v></c><c r="B3"><v>5</v></c></row>"#,
            #"<row r="4"><c r="A4"><v>46297</v></c><c r="B4"><v>1e300</v></c><c r="C4"><v>NaN</v></c></row>"#,
            #"<row r="5"><c r="A5"><v>46298</v></c><c r="B5"><v>7</v></c></row>"#,
            #"<row r="6"><c r="A6" t="inlineStr"><is><t>1/1/9223372036854775807</t></is></c><c r="B6"><v>5</v></c></row>"#,
            #"<row r="7"><c r="A7" t="inlineStr"><is><t>9223372036854775807-01-01</t></is></c><c r="B7"><v>5</v></c></row>"#,
        ]
        let (result, _) = try analytics(header + rows.joined())
        let imported = try result.get()
        #expect(imported.days == 1)
        #expect(imported.diagnostics.filter { $0.message.hasPrefix("bad date") }.count == 4)
        // Never dropped silently: each unusable count is reported with its sheet and row.
        #expect(imported.diagnostics.map(\.description).contains { $0.hasSuffix(":ENGAGEMENT:4: error: '1e+300' in 'Impressions' is not a count from 0 to 10^12") })
        #expect(imported.diagnostics.map(\.description).contains { $0.hasSuffix(":ENGAGEMENT:4: error: 'nan' in 'Engagements' is not a count from 0 to 10^12") })
    }

    @Test func thousandsOfSheetEntriesOnOnePartAreParsedOnce() throws {
        let header = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Impressions</t></is></c></row>"#
        let extra = (2...3000).map { #"<sheet name="S\#($0)" sheetId="\#($0)" r:id="rId1"/>"# }.joined()
        let started = Date()
        let (result, _) = try analytics(header, extraSheets: extra)
        _ = try result.get()
        #expect(Date().timeIntervalSince(started) < 10)
    }

    // MARK: - Zip archives

    @Test func aZipBombIsRefusedBeforeItUnpacks() throws {
        let scratch = try ScratchFolder()
        let file = scratch.file("archive.zip")
        try makeZip(at: file, parts: [("Shares.csv", Data(count: 40 << 20))])
        let store = try storeWithPeople()
        #expect(throws: ImportFailure.self) { try Importer(store: store).importArchive(at: file.path, person: "ceo") }
        do {
            _ = try Importer(store: store).importArchive(at: file.path, person: "ceo")
        } catch {
            #expect(error.description.contains("compression ratio above 1000:1"))
        }
    }

    @Test func anEntryThatDeliversMoreThanItsHeaderSaysIsStoppedAtTheClaim() throws {
        let scratch = try ScratchFolder()
        let file = scratch.file("archive.zip")
        let csv = "Date,ShareLink,ShareCommentary\n" + String(repeating: "2025-07-01 14:33:22,x,y\n", count: 50_000)
        try makeZip(at: file, parts: [("Shares.csv", Data(csv.utf8))])
        // Lie in both headers: the entry claims 100 bytes.
        var bytes = [UInt8](try Data(contentsOf: file))
        func patch(signature: [UInt8], offset: Int) {
            var i = 0
            while i + 4 <= bytes.count {
                if Array(bytes[i..<(i + 4)]) == signature {
                    bytes.replaceSubrange((i + offset)..<(i + offset + 4), with: [100, 0, 0, 0])
                }
                i += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        try Data(bytes).write(to: file)
        let store = try storeWithPeople()
        do {
            _ = try Importer(store: store).importArchive(at: file.path, person: "ceo")
            Issue.record("the lying archive was imported")
        } catch {
            #expect(error.description.contains("more bytes than its header declares"), "\(error.description)")
        }
    }

    @Test func anArchiveListingTooManyEntriesIsRefusedBeforeTheyFillMemory() throws {
        let scratch = try ScratchFolder()
        let file = scratch.file("archive.zip")
        try makeZip(at: file, parts: (0...10).map { ("notes/\($0).txt", Data("x".utf8)) } + [("Shares.csv", Data("Date,ShareLink,ShareCommentary\n".utf8))])
        var importer = Importer(store: try storeWithPeople())
        importer.zipLimits.entries = 10
        do {
            _ = try importer.importArchive(at: file.path, person: "ceo")
            Issue.record("an archive of 12 entries went through a limit of 10")
        } catch {
            #expect(error.description.contains("lists more than 10 entries"), "\(error.description)")
        }
        importer.zipLimits.entries = 12
        #expect(throws: Never.self) { try importer.importArchive(at: file.path, person: "ceo") }
    }

    // MARK: - Files that are not files

    @Test func aFIFOOrADeviceIsRefusedNotReadForEver() throws {
        let scratch = try ScratchFolder()
        let fifo = scratch.file("events.jsonl").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let store = try storeWithPeople()
        for path in [fifo, "/dev/zero"] {
            do {
                _ = try Importer(store: store).importFile(at: path)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.description.contains("not a regular file"), "\(error.description)")
            }
        }
    }

    // MARK: - Messages

    @Test func escapeSequencesAndNewlinesInValuesNeverReachAMessage() throws {
        let store = try storeWithPeople()
        let result = try importText(
            #"{"type":"\u001b]0;owned\u0007post\nforged: error: x","id":"p"}"# + "\n" + #"{"type":"post","id":"p","author":"\u001b[2J","at":"2026-10-01T00:00:00Z"}"# + "\n",
            into: store, file: "evil\u{1B}[31m\nname.jsonl")
        #expect(result.counts.rejected == 2)
        for line in result.diagnostics.map(\.description) {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(line.debugDescription)")
        }
    }

    @Test func aHugeFieldIsQuotedShort() throws {
        let store = try storeWithPeople()
        let huge = String(repeating: "x", count: 1_000_000)
        let result = try importText(#"{"type":"\#(huge)"}"# + "\n", into: store, file: "big.jsonl")
        let line = try #require(result.diagnostics.first).description
        #expect(line.count < 400)
        #expect(line.contains("(1000000 bytes)"))
    }
}

/// One way in: every input is recognised by what it holds, whatever its name.
@Suite("Recognising inputs")
struct InputRecognitionTests {
    @Test func zipsWorkbooksFoldersAndTextAreToldApartByContent() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("export.bin")
        try makeZip(at: archive, parts: [("Shares.csv", Data("Date,ShareLink,ShareCommentary\n".utf8))])
        let workbook = scratch.file("analytics.dat")
        try makeCraftedXLSX(at: workbook, sheetXML: "")
        let text = scratch.file("events.zip")
        try Data(postLine("p1").utf8).write(to: text)
        let events = scratch.file("events.data")
        try Data(postLine("p2").utf8).write(to: events)
        #expect(InputKind.recognise(archive.path) == .linkedInArchive)
        #expect(InputKind.recognise(workbook.path) == .linkedInAnalytics)
        #expect(InputKind.recognise(scratch.path) == .linkedInArchive)
        #expect(InputKind.recognise(events.path) == .canonical)
        // Named like a zip but not one: its import says so rather than reading it as events.
        #expect(InputKind.recognise(text.path) == .linkedInArchive)

        let importer = Importer(store: try storeWithPeople())
        #expect(try importer.importInput(at: events.path).summary.hasSuffix("1 imported, 0 duplicates, 0 rejected"))
        #expect(try importer.importInput(at: archive.path, person: "ceo").kind == .linkedInArchive)
        #expect(try importer.importInput(at: workbook.path, person: "ceo").kind == .linkedInAnalytics)
        do {
            _ = try importer.importInput(at: text.path)
            Issue.record("a text file named .zip was imported")
        } catch {
            #expect(error.description.contains("not a readable zip archive"), "\(error.description)")
        }
        // --format forces a canonical reading, or a kind of export.
        #expect(try importer.importInput(at: text.path, format: .jsonl).kind == .canonical)
        #expect(ForcedFormat("email") == .kind(.email) && ForcedFormat("csv") == .canonical(.csv) && ForcedFormat("fax") == nil)
        let mail = scratch.file("mail.txt")
        try Data("X-Mailer: something\nFrom: a@x.example\nTo: b@x.example\nDate: Mon, 2 Nov 2026 09:30:00 +0000\n\nhi\n".utf8).write(to: mail)
        #expect(try importer.importInput(at: mail.path, forced: .kind(.email)).kind == .email)
    }
}
