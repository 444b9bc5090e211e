import CodirMetrics
import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

/// A directory with e-mail addresses: two departments.
let mailPeople = """
    id,name,department,role,email
    alice,Alice Martin,Sales,leader,alice@horizon.example
    bob,Bob Durand,Finance,employee,bob@horizon.example;robert.durand@horizon.example
    carol,Carol Roux,Sales,employee,carol@horizon.example
    dave,Dave Haddad,Finance,employee,dave@horizon.example

    """

func message(
    from: String, to: String, cc: String? = nil, date: String? = "Mon, 2 Nov 2026 09:30:00 +0100", id: String?,
    subject: String = "Quarterly figures", body: String = "The secret word is pamplemousse."
) -> String {
    var text = "Return-Path: <\(from)>\nFrom: \(from)\nTo: \(to)\n"
    if let cc { text += "Cc: \(cc)\n" }
    if let date { text += "Date: \(date)\n" }
    if let id { text += "Message-ID: <\(id)>\n" }
    return text + "Subject: \(subject)\nMIME-Version: 1.0\n\n\(body)\n"
}

@Suite("Importing e-mail metadata", .serialized)
struct MailImportTests {
    func store() throws -> Store {
        let store = try Store.inMemory()
        _ = try importText(mailPeople, into: store, file: "people.csv")
        return store
    }

    func pairs(_ store: Store) throws -> [String] {
        let dataset = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
        return dataset.interactions.map { "\(dataset.people[Int($0.actor)].id)→\(dataset.people[Int($0.target)].id)" }.sorted()
    }

    @Test func aMaildirCountsEachMessageOnceWhereverItIsFound() throws {
        let scratch = try ScratchFolder()
        let mail = scratch.file("mail").path
        for folder in ["alice/cur", "alice/new", "alice/tmp", "alice/.Sent/cur", "bob/cur", "bob/new"] {
            try FileManager.default.createDirectory(atPath: mail + "/" + folder, withIntermediateDirectories: true)
        }
        let first = message(from: "Alice Martin <alice@horizon.example>", to: "bob@horizon.example", cc: "\"Roux, Carol\" <CAROL@horizon.example>", id: "m1@horizon.example")
        // Alice's Sent folder and Bob's Inbox hold the same message.
        try Data(first.utf8).write(to: URL(fileURLWithPath: mail + "/alice/.Sent/cur/1:2,S"))
        try Data(first.utf8).write(to: URL(fileURLWithPath: mail + "/bob/cur/7:2,S"))
        try Data(message(from: "bob@horizon.example", to: "dave@horizon.example, outsider@elsewhere.example", id: "m2@horizon.example").utf8)
            .write(to: URL(fileURLWithPath: mail + "/bob/new/8"))
        try Data(message(from: "robert.durand@horizon.example", to: "alice@horizon.example", date: nil, id: "m3@horizon.example").utf8)
            .write(to: URL(fileURLWithPath: mail + "/alice/new/2"))
        // A message being delivered (tmp/) is not read.
        try Data(message(from: "dave@horizon.example", to: "alice@horizon.example", id: "m4@horizon.example").utf8)
            .write(to: URL(fileURLWithPath: mail + "/alice/tmp/9"))
        try FileManager.default.createSymbolicLink(atPath: mail + "/alice/cur/link", withDestinationPath: "/etc/passwd")

        #expect(InputKind.recognise(mail) == .email)
        let store = try store()
        let result = try Importer(store: store).importInput(at: mail)
        #expect(result.kind == .email)
        #expect(try pairs(store) == ["alice→bob", "alice→carol", "bob→dave"])
        #expect(result.summary.contains("4 messages: 3 interactions imported, 2 already imported, 1 skipped (an end outside the directory), 0 broadcasts"), "\(result.summary)")
        #expect(result.summary.contains("not in the directory: outsider@elsewhere.example (1)"))
        #expect(result.summary.contains("no subject or content is stored"))
        #expect(result.diagnostics.map(\.description).contains { $0.hasSuffix("alice/new/2:1: error: no usable Date header") })
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("symbolic link") })
        #expect(try store.interactionsBySource() == [.email: 3])
        // networkx on the same ties (scripts/networkx_sources.py): Q = 0.222222, E-I = -0.333333.
        let all = TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)
        let figures = MetricsEngine.silos(in: try store.dataset(for: all), window: all)
        #expect(abs((figures.modularity ?? 9) - 0.222222) < 1e-6)
        #expect(abs((figures.eiIndex ?? 9) - -0.333333) < 1e-6)

        // The same folder again, months later: nothing new.
        let again = try Importer(store: store).importInput(at: mail)
        #expect(again.summary.contains("0 interactions imported, 5 already imported"), "\(again.summary)")
        #expect(try pairs(store).count == 3)
    }

    @Test func anMboxWithEscapedFromLinesFoldedAndEncodedHeadersAndABroadcast() throws {
        let scratch = try ScratchFolder()
        let many = (1...25).map { "person\($0)@horizon.example" } + ["alice@horizon.example", "dave@horizon.example"]
        var people = mailPeople
        for n in 1...25 { people += "p\(n),Person \(n),Sales,employee,person\(n)@horizon.example\n" }
        let mbox = [
            "From alice@horizon.example Mon Nov  2 09:30:00 2026",
            message(
                from: "=?utf-8?q?Alice_Caf=C3=A9?= <alice@horizon.example>", to: "bob@horizon.example,\n\tdave@horizon.example (Dave)",
                id: "m1@horizon.example", body: "Hello\n>From the archives: a line that is not a separator\n"),
            "From bob@horizon.example Mon Nov  2 10:00:00 2026",
            message(from: "bob@horizon.example", to: "undisclosed-recipients:;", cc: "Team: carol@horizon.example, alice@horizon.example;", date: "2 Nov 2026 10:00 GMT", id: nil),
            "From carol@horizon.example Mon Nov  2 11:00:00 2026",
            message(from: "carol@horizon.example", to: many.joined(separator: ", "), id: "all@horizon.example"),
            "From nobody Mon Nov  2 12:00:00 2026",
            message(from: "", to: "alice@horizon.example", id: "m5@horizon.example"),
        ].joined(separator: "\n") + "\n"
        let file = scratch.file("archive.mbox")
        try Data(mbox.utf8).write(to: file)
        let store = try Store.inMemory()
        _ = try importText(people, into: store, file: "people.csv")
        let result = try Importer(store: store).importInput(at: file.path)
        #expect(try pairs(store) == ["alice→bob", "alice→dave", "bob→alice", "bob→carol"])
        #expect(result.summary.contains("4 messages: 4 interactions imported, 0 already imported, 0 skipped"), "\(result.summary)")
        #expect(result.summary.contains("1 broadcasts (more than 20 directory recipients), 1 rejected"), "\(result.summary)")
        // The rejected message is named by the line where it starts in the mbox.
        let lines = mbox.split(separator: "\n", omittingEmptySubsequences: false)
        let start = (lines.firstIndex { $0.hasPrefix("From nobody") } ?? 0) + 1
        #expect(result.diagnostics.map(\.description) == ["\(file.path):\(start): error: no usable From header"])
        // Dated in GMT and in +0100 alike.
        let dataset = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!))
        #expect(Set(dataset.interactions.map(\.at)) == [Timestamp(iso8601: "2026-11-02T08:30:00Z")!.seconds, Timestamp(iso8601: "2026-11-02T10:00:00Z")!.seconds])
    }

    @Test func noSubjectOrContentReachesTheDatabase() throws {
        let scratch = try ScratchFolder()
        let database = scratch.file("codir.sqlite").path
        let store = try Store.open(path: database, access: .readWrite)
        _ = try importText(mailPeople, into: store, file: "people.csv")
        let eml = scratch.file("note.eml")
        try Data(message(from: "alice@horizon.example", to: "bob@horizon.example", id: "e1@x", subject: "Project grapefruit").utf8).write(to: eml)
        let undated = scratch.file("undated.eml")
        try Data(message(from: "alice@horizon.example", to: "bob@horizon.example", date: nil, id: "e2@x", subject: "Project grapefruit").utf8)
            .write(to: undated)
        #expect(try Importer(store: store).importInput(at: eml.path).kind == .email)
        _ = try Importer(store: store).importInput(at: undated.path)
        withExtendedLifetime(store) {}
        let bytes = databaseBytes(database)
        for word in ["grapefruit", "pamplemousse", "Quarterly", "MIME-Version"] {
            #expect(bytes.range(of: Data(word.utf8)) == nil, "'\(word)' is in the database file")
        }
        #expect(try store.counts().rejects == 1)
    }

    @Test func datesAndAddressesAsMailersWriteThem() {
        #expect(MailDate.parse("Mon, 2 Nov 2026 09:30:00 +0100") == Timestamp(iso8601: "2026-11-02T08:30:00Z"))
        #expect(MailDate.parse("2 Nov 2026 09:30 -0500 (EST)") == Timestamp(iso8601: "2026-11-02T14:30:00Z"))
        #expect(MailDate.parse("Tue, 03 Nov 26 10:00:00 GMT") == Timestamp(iso8601: "2026-11-03T10:00:00Z"))
        #expect(MailDate.parse("Mon, 2 Nov 9223372036854775807 09:30:00 +0100") == nil)
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailAddress.list(#""Doe, John" <JOHN@x.example>, jane@y.example (Jane), undisclosed-recipients:;"#) == ["john@x.example", "jane@y.example"])
        #expect(MailAddress.list("Group: a@x.example, b@x.example;, c@x.example") == ["a@x.example", "b@x.example", "c@x.example"])
        #expect(MailAddress.list("=?utf-8?b?w4lsaXNl?= <elise@x.example>") == ["elise@x.example"])
    }
}

@Suite("Silos by source")
struct SilosBySourceTests {
    @Test func theSiloFiguresCanCountSomeSourcesOnly() throws {
        let store = try Store.inMemory()
        _ = try importText(mailPeople, into: store, file: "people.csv")
        let scratch = try ScratchFolder()
        let eml = scratch.file("m.eml")
        // By mail, Sales writes to Finance; by the canonical events, Sales writes within Sales.
        try Data(message(from: "alice@horizon.example", to: "bob@horizon.example, dave@horizon.example", id: "s1@x").utf8).write(to: eml)
        _ = try Importer(store: store).importInput(at: eml.path)
        _ = try importText(
            #"{"type":"message","id":"e1","actor":"alice","target":"carol","at":"2026-11-02T09:00:00Z"}"# + "\n", into: store,
            file: "events.jsonl")
        let asOf = Timestamp(iso8601: "2026-11-10T00:00:00Z")!
        let dataset = try store.dataset(for: TimeWindow(length: .days(30), asOf: asOf))
        let all = MetricsEngine.report(for: dataset, length: .days(30), asOf: asOf)
        let mail = MetricsEngine.report(for: dataset, length: .days(30), asOf: asOf, sources: [.email])
        let events = MetricsEngine.report(for: dataset, length: .days(30), asOf: asOf, sources: [.events])
        #expect(all.interactionsBySource == [.email: 2, .events: 1])
        #expect(all.silo.totalWeight == 3 && all.siloSources == nil)
        #expect(mail.silo.totalWeight == 2 && mail.silo.eiIndex == 1)  // every mail tie crosses departments
        #expect(events.silo.totalWeight == 1 && events.silo.eiIndex == -1)
        #expect(mail.siloSources == [.email])
        // Reach and colleague engagement do not depend on it.
        #expect(mail.engagement == all.engagement && mail.reach == all.reach)
    }
}
