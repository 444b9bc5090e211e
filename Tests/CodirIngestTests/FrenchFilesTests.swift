import CodirModel
import CodirTestSupport
import Foundation
import GRDB
import Testing

@testable import CodirIngest
@testable import CodirStore

/// Files as a French comms team saves them: Excel's `;`-separated CSV, department names typed by hand, a
/// creator-analytics workbook with day-first dates, a header with a typo.
@Suite("French files", .serialized)
struct FrenchFilesTests {
    func departments(_ store: Store) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM departments ORDER BY id") }
    }

    @Test func aSemicolonSeparatedPeopleFileWithDepartmentVariants() throws {
        let store = try Store.inMemory()
        let text = """
            id;name;department;role;login;linkedin
            ceo;Claire Martin;Direction générale;leader;cmartin;
            cfo;Paul Durand;Finance;leader;;
            e1;Zoé Lefèvre;finance;employee;;
            e2;"Durand; Luc";Finance ;employee;;
            e3;Inès Petit;DIRECTION GENERALE;employee;;
            e4;Hugo Roux;Opérations;employee;;
            e5;Léa Blanc;Operations;employee;;
            """
        let result = try Importer(store: store).importBytes(Array(text.utf8), file: "personnes.csv")
        #expect(result.format == .people)
        #expect(result.counts.imported == 7 && result.counts.rejected == 0, "\(result.diagnostics)")
        #expect(try departments(store) == ["Direction générale", "Finance", "Opérations"])
        #expect(result.summary.contains("(read as ';'-separated)"), "\(result.summary)")
        #expect(result.summary.contains("department 'DIRECTION GENERALE' read as 'Direction générale'"), "\(result.summary)")
        #expect(result.summary.contains("department 'Finance ', 'finance' read as 'Finance'"), "\(result.summary)")
        #expect(result.summary.contains("department 'Operations' read as 'Opérations'"), "\(result.summary)")
        // A quoted field may hold the separator.
        #expect(try store.people().contains { $0.name == "Durand; Luc" && $0.department == "Finance" })

        // Events saved the same way.
        let events = "type;actor;target;at\nmessage;e1;ceo;2026-11-02T09:00:00Z\nmention;e4;cfo;2026-11-02T10:00:00Z\n"
        let imported = try Importer(store: store).importBytes(Array(events.utf8), file: "evenements.csv")
        #expect(imported.format == .csv && imported.counts.imported == 2, "\(imported.diagnostics)")
    }

    /// A database that already holds variants has them merged when a writer opens it.
    @Test func variantsInAnOlderDatabaseBecomeOneDepartment() throws {
        let (scratch, path) = try olderDatabase(upTo: "v6-coverage") { db in
            try db.execute(sql: "INSERT INTO departments(id, name) VALUES (1, 'Finance'), (2, 'finance'), (3, 'R&D')")
            try db.execute(sql: "INSERT INTO people(key, name, department, role) VALUES ('a', 'A', 1, 'leader'), ('b', 'B', 2, 'employee'), ('c', 'C', 3, 'employee')")
        }
        defer { scratch.remove() }
        let store = try Store.open(path: path, access: .readWrite)
        #expect(try departments(store) == ["Finance", "R&D"])
        #expect(try store.people().map(\.department) == ["Finance", "Finance", "R&D"])
    }

    @Test func aWindows1252FileIsOneSentenceAndNothingImported() throws {
        let store = try Store.inMemory()
        // "Zoé" and "générale" as Windows-1252 writes them: 0xE9.
        var bytes = Array("id;name;department;role\nceo;Claire Martin;Direction g".utf8) + [0xE9] + Array("n".utf8) + [0xE9]
        bytes += Array("rale;leader\ne1;Zo".utf8) + [0xE9] + Array(";Finance;employee\n".utf8)
        #expect {
            try Importer(store: store).importBytes(bytes, file: "personnes.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("personnes.csv:2: error: the file is not UTF-8") && text.contains("iconv -f WINDOWS-1252 -t UTF-8")
        }
        #expect(try store.people().isEmpty)
    }

    @Test func aHeaderTypoIsOneErrorWithTheCloseMatch() throws {
        let store = try Store.inMemory()
        _ = try Importer(store: store).importBytes(Array("id,name,department,role\nceo,Claire Martin,Direction,leader\n".utf8), file: "p.csv")
        var lines = ["type,actr,target,at"]
        for minute in 0..<500 { lines.append("message,ceo,ceo,2026-11-02T09:\(String(format: "%02d", minute % 60)):00Z") }
        #expect {
            try Importer(store: store).importBytes(Array(lines.joined(separator: "\n").utf8), file: "events.csv")
        } throws: { error in
            "\(error)" == "events.csv:1: error: unknown column 'actr' in the header; did you mean 'actor'? Nothing was imported from the file"
        }
        #expect(try store.counts().rejects == 0)
        // In a people file, the missing column is named with the close one.
        #expect {
            try Importer(store: store).importBytes(Array("id,name,departement,role\nx,X,D,leader\n".utf8), file: "people.csv")
        } throws: { error in
            "\(error)".contains("lacks 'department'") && "\(error)".contains("did you mean 'departement' for 'department'?")
        }
        // An extra column that is no typo is only a warning.
        let extra = try Importer(store: store).importBytes(
            Array("type,actor,target,at,commentaire\nmessage,ceo,ceo,2026-11-02T09:00:00Z,x\n".utf8), file: "extra.csv")
        #expect(extra.diagnostics.map(\.description) == ["extra.csv:1: warning: ignoring unknown column 'commentaire'"])
    }
}

/// Creator-analytics workbooks with day-first dates, as a French export or a French Excel writes them.
@Suite("Day-first analytics workbooks", .serialized)
struct DayFirstWorkbookTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }
    let store: Store

    init() throws {
        scratch = try ScratchFolder("dmy")
        store = try Store.inMemory()
        _ = try Importer(store: store).importBytes(Array("id,name,department,role\nceo,Claire Martin,Direction,leader\n".utf8), file: "p.csv")
    }

    func days() throws -> [String] {
        try store.read { db in
            try Int.fetchAll(db, sql: "SELECT day FROM daily_stats ORDER BY day").map { Day(number: $0).iso8601 }
        }
    }

    /// November 2026, day first: `20/11/2026` says the order, and days 1–12 land in November too.
    @Test func aFirstNumberAbove12SaysDayFirst() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var engagement: [[XLSXValue?]] = [[.text("Date"), .text("Impressions"), .text("Engagements")]]
        for day in 1...20 { engagement.append([.text("\(day)/11/2026"), .number(Double(100 + day)), .number(1)]) }
        let file = folder.appendingPathComponent("Content_ClaireMartin.xlsx")
        try makeXLSX(
            at: file,
            sheets: [
                ("DISCOVERY", [[.text("Overall Performance"), .text("1/11/2026 - 20/11/2026")]]), ("ENGAGEMENT", engagement),
                ("FOLLOWERS", [[.text("Total followers on 20/11/2026:"), .number(500)], [], [.text("Date"), .text("New followers")], [.text("5/11/2026"), .number(2)]]),
            ])
        let result = try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        #expect(result.dateOrder == .dayFirst)
        #expect(result.range == Day(iso8601: "2026-11-01")!...Day(iso8601: "2026-11-20")!)
        #expect(result.summary.contains("dates read as D/M/YYYY ('20/11/2026' can only be day-first)"), "\(result.summary)")
        #expect(try days() == (1...20).map { String(format: "2026-11-%02d", $0) })
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    /// Only days 1–12 (the first twelve days of a month): the stated range read against the file name's dates
    /// decides; rows outside the stated range are never written.
    @Test func theFileNamesRangeDecidesWhenEveryNumberIs12OrLess() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var engagement: [[XLSXValue?]] = [[.text("Date"), .text("Impressions"), .text("Engagements")]]
        for day in 1...12 { engagement.append([.text("\(day)/11/2026"), .number(10), .number(1)]) }
        // A row the export's range does not cover.
        engagement.append([.text("1/12/2026"), .number(10), .number(1)])
        let file = folder.appendingPathComponent("Content_2026-11-01_2026-11-12_ClaireMartin.xlsx")
        try makeXLSX(
            at: file,
            sheets: [("DISCOVERY", [[.text("Overall Performance"), .text("1/11/2026 - 12/11/2026")]]), ("ENGAGEMENT", engagement)])
        let result = try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        #expect(result.dateOrder == .dayFirst)
        #expect(result.dateOrderReason == "the stated range matches the file name's dates")
        #expect(result.outsideRange == 1)
        #expect(try days() == (1...12).map { String(format: "2026-11-%02d", $0) })
    }

    @Test func consecutiveDailyRowsDecideWithoutARange() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var engagement: [[XLSXValue?]] = [[.text("Date"), .text("Impressions"), .text("Engagements")]]
        for day in 3...9 { engagement.append([.text("\(day)/10/2026"), .number(10), .number(1)]) }
        let file = folder.appendingPathComponent("export.xlsx")
        try makeXLSX(at: file, sheets: [("ENGAGEMENT", engagement)])
        let result = try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        #expect(result.dateOrder == .dayFirst)
        #expect(try days().first == "2026-10-03")
    }

    /// A French Excel may write `13.11.2026`: the same rules read it.
    @Test func dottedDatesReadTheSameWay() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var engagement: [[XLSXValue?]] = [[.text("Date"), .text("Impressions"), .text("Engagements")]]
        for day in 10...14 { engagement.append([.text("\(day).11.2026"), .number(10), .number(1)]) }
        let file = folder.appendingPathComponent("export.xlsx")
        try makeXLSX(at: file, sheets: [("ENGAGEMENT", engagement)])
        let result = try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        #expect(result.dateOrder == .dayFirst)
        #expect(try days() == (10...14).map { "2026-11-\($0)" })
    }

    @Test func aWorkbookMixingBothOrdersIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.xlsx")
        try makeXLSX(
            at: file,
            sheets: [("ENGAGEMENT", [[.text("Date"), .text("Impressions"), .text("Engagements")], [.text("13/10/2026"), .number(1), .number(1)], [.text("10/14/2026"), .number(1), .number(1)]])])
        #expect {
            try Importer(store: store).importAnalytics(at: file.path, person: "ceo")
        } throws: { error in
            "\(error)".contains("mixes day-first ('13/10/2026') and month-first ('10/14/2026') dates")
        }
        #expect(try days().isEmpty)
    }
}
