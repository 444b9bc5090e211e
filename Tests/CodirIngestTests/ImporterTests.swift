import CodirModel
import CodirStore
import Foundation
import Testing

@testable import CodirIngest

let peopleCSV = """
    id,name,department,role,login,linkedin
    ceo,Claire Martin,Direction,leader,cmartin,https://www.linkedin.com/in/claire
    cfo,Paul Durand,Finance,leader,,
    e1,Léa Roux,Sales,employee,lroux,
    e2,Karim Haddad,Sales,employee,,

    """

func importText(_ text: String, into store: Store, file: String = "test", format: InputFormat? = nil, dryRun: Bool = false)
    throws -> FileImport
{
    try Importer(store: store, dryRun: dryRun).importBytes(Array(text.utf8), file: file, format: format)
}

func storeWithPeople() throws -> Store {
    let store = try Store.inMemory()
    _ = try importText(peopleCSV, into: store, file: "people.csv")
    return store
}

@Suite("Importing canonical files")
struct ImporterTests {
    @Test func recognisesEachFormat() throws {
        #expect(InputFormat.detect(Array(peopleCSV.utf8)) == .people)
        #expect(InputFormat.detect(Array("\n{\"type\":\"post\"}".utf8)) == .jsonl)
        #expect(InputFormat.detect(Array("type,id,at\n".utf8)) == .csv)
        #expect(InputFormat.detect(Array("foo,bar\n1,2\n".utf8)) == nil)
    }

    @Test func importsPeopleAndUpdatesThemById() throws {
        let store = try Store.inMemory()
        let first = try importText(peopleCSV, into: store, file: "people.csv")
        #expect(first.counts.imported == 4 && first.counts.rejected == 0)
        #expect(first.summary == "people.csv: 4 imported, 0 duplicates, 0 rejected")
        let again = try importText(peopleCSV, into: store)
        #expect(again.counts.duplicates == 4 && again.counts.imported == 0)
        let renamed = try importText(
            "id,name,department,role\ne2,Karim Haddad-Leroy,Marketing,employee\n", into: store)
        #expect(renamed.counts.imported == 1)
        let people = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(seconds: 0))).people
        #expect(people.first { $0.id == "e2" }?.department == "Marketing")
        #expect(people.count == 4)
    }

    @Test func badPeopleRowsAreRejectedWithTheirLine() throws {
        let store = try Store.inMemory()
        let result = try importText(
            "id,name,department,role,login\nx1,Ann,Sales,boss,\nx2,,Sales,employee,\nx3,Bob,Sales,employee,bob smith\nx4,Cy,Sales,employee,cy\n",
            into: store, file: "p.csv")
        #expect(result.counts.imported == 1)
        #expect(result.diagnostics.map(\.description) == [
            "p.csv:2: error: bad role 'boss' (expected leader or employee)",
            "p.csv:3: error: missing field 'name'",
            "p.csv:4: error: bad login 'bob smith' (expected a unix login: letters, digits, '.', '_', '-')",
        ])
    }

    @Test func jsonLinesAreIdempotent() throws {
        let store = try storeWithPeople()
        let events = """
            {"type":"post","id":"p1","author":"ceo","at":"2026-11-02T08:30:00+01:00"}
            {"type":"reaction","actor":"e1","post":"p1","at":"2026-11-02T09:00:00Z"}
            {"type":"comment","id":"c1","actor":"cfo","post":"p1","at":"2026-11-02T09:10:00Z"}
            {"type":"message","actor":"e1","target":"e2","at":"2026-11-02T10:00:00Z"}
            {"type":"stats","post":"p1","at":"2026-11-03T00:00:00Z","impressions":100,"engagements":4}
            {"type":"daily","person":"ceo","day":"2026-11-02","impressions":1200}
            {"type":"followers","person":"ceo","at":"2026-11-02T00:00:00Z","count":5000}
            """
        let first = try importText(events, into: store)
        #expect(first.counts.imported == 7 && first.counts.rejected == 0)
        let second = try importText(events, into: store)
        #expect(second.counts.imported == 0 && second.counts.duplicates == 7)
        #expect(try store.counts().interactions == 3)
    }

    @Test func theSameEventFromAnotherFileIsADuplicate() throws {
        let store = try storeWithPeople()
        _ = try importText(
            #"{"type":"post","id":"p1","author":"ceo","at":"2026-11-02T08:30:00Z"}"#, into: store, file: "a.jsonl")
        let csv = "type,id,author,actor,post,at\npost,p1,ceo,,,2026-11-02T09:30:00+01:00\nreaction,,,e1,p1,2026-11-02T10:00:00Z\n"
        let json = #"{"type":"reaction","actor":"e1","post":"p1","at":"2026-11-02T11:00:00+01:00"}"#
        #expect(try importText(csv, into: store, file: "b.csv").counts.duplicates == 1)
        let fromJSON = try importText(json, into: store, file: "c.jsonl")
        #expect(fromJSON.counts.duplicates == 1 && fromJSON.counts.imported == 0)
    }

    @Test func everyKindOfBadLineIsReportedKeptAndTheRestImported() throws {
        let store = try storeWithPeople()
        let text = """
            {"type":"post","id":"p1","author":"ceo","at":"2026-11-02T08:30:00Z"}
            {"type":"reaction","actor":"e1","post":"p1","at":"2026-11-02T09:00:00Z"}
            not json at all
            {"type":"like","actor":"e1","post":"p1","at":"2026-11-02T09:00:00Z"}
            {"type":"reaction","post":"p1","at":"2026-11-02T09:00:00Z"}
            {"type":"reaction","actor":"e1","post":"p1","at":"yesterday"}
            {"type":"stats","post":"p1","at":"2026-11-03T00:00:00Z","impressions":-1}
            {"type":"stats","post":"p1","at":"2026-11-03T00:00:00Z","impressions":"many"}
            {"type":"reaction","actor":"nobody","post":"p1","at":"2026-11-02T09:00:00Z"}
            {"type":"reaction","actor":"e1","post":"ghost","at":"2026-11-02T09:00:00Z"}
            {"type":"daily","person":"ceo","day":"2026-13-01","impressions":3}
            [1,2]
            """
        let result = try importText(text, into: store, file: "bad.jsonl")
        #expect(result.counts.imported == 2)
        #expect(result.counts.rejected == 10)
        let lines = result.diagnostics.map(\.description)
        #expect(lines[0].hasPrefix("bad.jsonl:3: error: malformed JSON"))
        #expect(lines[1] == "bad.jsonl:4: error: unknown type 'like' (expected post, reaction, comment, share, message, mention, stats, daily or followers)")
        #expect(lines[2] == "bad.jsonl:5: error: missing field 'actor'")
        #expect(lines[3].hasPrefix("bad.jsonl:6: error: bad timestamp 'yesterday' in 'at'"))
        #expect(lines[4] == "bad.jsonl:7: error: negative count -1 in 'impressions'")
        #expect(lines[5] == "bad.jsonl:8: error: non-numeric count 'many' in 'impressions'")
        #expect(lines[6] == "bad.jsonl:9: error: unknown person 'nobody' in 'actor'; import the people file first")
        #expect(lines[7] == "bad.jsonl:10: error: unknown post 'ghost'; import the post first")
        #expect(lines[8] == "bad.jsonl:11: error: bad day '2026-13-01' in 'day' (expected YYYY-MM-DD)")
        #expect(lines[9] == "bad.jsonl:12: error: malformed JSON: expected one object per line")
        // Kept verbatim, in the database too.
        #expect(result.rejectedLines.map(\.text)[0] == "not json at all")
        #expect(try store.counts().rejects == 10)
    }

    @Test func aPostMayComeAfterTheInteractionsOnIt() throws {
        let store = try storeWithPeople()
        let csv = """
            type,id,author,actor,post,at,impressions
            reaction,,,e1,p9,2026-11-02T09:00:00Z,
            stats,,,,p9,2026-11-03T00:00:00Z,10
            post,p9,cfo,,,2026-11-02T08:00:00Z,

            """
        let result = try importText(csv, into: store)
        #expect(result.counts.imported == 3 && result.counts.rejected == 0)
    }

    @Test func selfEngagementIsAccepted() throws {
        let store = try storeWithPeople()
        let result = try importText(
            """
            {"type":"post","id":"p1","author":"ceo","at":"2026-11-02T08:30:00Z"}
            {"type":"reaction","actor":"ceo","post":"p1","at":"2026-11-02T09:00:00Z"}
            """, into: store)
        #expect(result.counts.imported == 2)
    }

    @Test func csvRowsWithTheWrongWidthAreRejected() throws {
        let store = try storeWithPeople()
        let result = try importText("type,id,author,at\npost,p1,ceo\n", into: store, file: "e.csv")
        #expect(result.diagnostics.map(\.description) == ["e.csv:2: error: expected 4 fields as in the header, found 3"])
    }

    @Test func unknownColumnsAreWarnedAbout() throws {
        let store = try storeWithPeople()
        let result = try importText("type,id,author,at,colour\npost,p1,ceo,2026-11-02T08:00:00Z,blue\n", into: store, file: "e.csv")
        #expect(result.counts.imported == 1)
        #expect(result.diagnostics.map(\.description) == ["e.csv:1: warning: ignoring unknown column 'colour'"])
    }

    @Test func unrecognisedFilesAndUnreadableFilesFailAsAWhole() throws {
        let store = try Store.inMemory()
        #expect(throws: ImportFailure.self) { try importText("hello,world\n1,2\n", into: store) }
        #expect(throws: ImportFailure.self) {
            try Importer(store: store).importFile(at: "/nonexistent/file.csv")
        }
        #expect(try store.counts().imports == 0)
    }

    @Test func formatOverrideReadsAFileAsEvents() throws {
        let store = try storeWithPeople()
        // A people-shaped header read as events lacks a type column: refused clearly.
        #expect(throws: ImportFailure.self) { try importText(peopleCSV, into: store, format: .csv) }
    }

    @Test func dryRunCountsButWritesNothing() throws {
        let store = try storeWithPeople()
        let before = try store.counts()
        let result = try importText(
            #"{"type":"message","actor":"e1","target":"e2","at":"2026-11-02T10:00:00Z"}"#, into: store, dryRun: true)
        #expect(result.counts.imported == 1)
        #expect(try store.counts() == before)
    }

    @Test func importsAreLoggedWithTheirFingerprint() throws {
        let store = try Store.inMemory()
        let result = try importText(peopleCSV, into: store)
        #expect(result.sha256.count == 64)
        #expect(try store.counts().imports == 1)
    }
}
