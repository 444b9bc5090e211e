import CodirTestSupport
import Foundation
import Testing

/// The crafted files of issue 9 (made by scripts/make-hostile-fixtures.py), imported by the real binary: each
/// is refused or survived with one sentence, within 10 s and 300 MB, and never traps.
@Suite("Hostile files")
struct HostileFilesTests {
    static let folder = CommandRunner.packageRoot.appendingPathComponent("Tests/codirTests/Fixtures/hostile").path

    /// (file, the exit status expected, words its stderr must hold)
    static let cases: [(String, Int32, String)] = [
        ("row-50000000.xlsx", 65, "row number '50000000' is not within 1 to 1048576"),
        ("shared-string-minus-one.xlsx", 65, "shared string index '-1'"),
        ("reference-zzzzzzzzzzzzzz1.xlsx", 65, "cell reference 'ZZZZZZZZZZZZZZ1' is beyond XFD1048576"),
        ("row-int64-min.xlsx", 65, "row number '-9223372036854775808'"),
        // Survived: the bad rows are reported (a missing FOLLOWERS sheet too, hence 65), the rest imported.
        ("date-nan.xlsx", 65, "ENGAGEMENT:2: error: bad date"),
        ("counts-past-int64.xlsx", 65, "ENGAGEMENT:2: error: '9223372036854775000' in 'Impressions' is not a count from 0 to 10^12"),
        ("three-thousand-sheets.xlsx", 65, "1 day, 0 follower counts"),
        ("entity-expansion.xlsx", 65, "declares a DTD or entities"),
        ("element-name-not-utf8.xlsx", 65, "is not valid UTF-8"),
        ("shares-800-mib.zip", 65, "Shares.csv would unpack to 838860906 bytes, above the limit of 536870912"),
        ("connections-far-year.zip", 0, "archive"),
        ("daily-past-int64.jsonl", 65, "implausible count 9223372036854775000 in 'impressions' (above 10^12)"),
        ("post-year-1.jsonl", 65, "date 0001-01-01 in 'at' is outside 1970-01-01 to 2100-12-31"),
        ("escape-sequences.jsonl", 65, "unknown type '?]0;owned?'"),
    ]

    @Test(arguments: cases)
    func aCraftedFileIsRefusedOrSurvivedQuicklyInBoundedMemory(_ file: String, status: Int32, words: String) throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        var environment = ProcessInfo.processInfo.environment
        environment["CODIR_DB"] = nil
        environment["NO_COLOR"] = "1"
        let run = try spawnAndMeasure(
            CommandRunner.executable.path, ["--db", db, "import", "--person", "ceo", Self.folder + "/" + file],
            environment: environment)
        #expect(run.status == status, "\(file): exit \(run.status)\n\(run.stderr.prefix(2000))")
        #expect((run.stderr + run.stdout).contains(words), "\(file):\n\(run.stderr.prefix(2000))\(run.stdout.prefix(2000))")
        #expect(run.seconds < 10, "\(file) took \(run.seconds) s")
        #expect(run.peakKiB < 300 * 1024, "\(file) took \(run.peakKiB) KiB")
        for line in run.stderr.split(separator: "\n") {
            #expect(line.count < 1000, "\(file): a line of \(line.count) characters")
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "\(file): a control character reached stderr")
        }
        // A refused workbook or archive leaves nothing of itself in the database.
        if status == 65 && !file.hasSuffix(".jsonl") {
            let report = try cli.run("--db", db, "report", "--format", "json", "--window", "all", "--as-of", "2030-01-01")
            #expect(report.status == 0)
            #expect(report.stdout.contains("\"posts\": 0"), "\(file) left posts behind")
        }
    }

    /// A file named to forge a log line or drive the terminal: every message shows its name harmlessly.
    @Test func aFileNameWithEscapesAndANewlineForgesNothing() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let name = "evil\nerror: forged\u{1B}]0;owned\u{07}.jsonl"
        let file = try cli.write(name, #"{"type":"post","id":"p","author":"nobody","at":"2026-11-02T10:00:00Z"}"# + "\n")
        let imported = try cli.run("--db", db, "import", file)
        #expect(imported.status == 65)
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: inbox + "/" + name)
        var environment = ProcessInfo.processInfo.environment
        environment["CODIR_DB"] = nil
        environment["NO_COLOR"] = "1"
        let watched = try spawnAndWait(
            "/usr/bin/timeout", ["-s", "TERM", "3", CommandRunner.executable.path, "--db", db, "ingest", "--watch", inbox, "--settle", "0", "--interval", "0.1"],
            environment: environment)
        #expect(FileManager.default.fileExists(atPath: inbox + "/done/" + name))
        for output in [imported.stderr, imported.stdout, watched.stderr, watched.stdout] {
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(output.debugDescription)")
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("error: forged") }, "a forged line:\n\(output)")
        }
        #expect(imported.stderr.contains("evil?error: forged?]0;owned?.jsonl:1: error: unknown person 'nobody'"), "\(imported.stderr)")
        #expect(watched.stderr.contains("evil?error: forged?]0;owned?.jsonl"), "\(watched.stderr)")
    }

    /// `report --source`: the silo figures of some sources; the JSON says how many interactions each brought.
    @Test func theReportRestrictsTheSilosBySource() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let people = try cli.write(
            "people.csv",
            "id,name,department,role,email\nceo,Claire Martin,Direction,leader,claire@horizon.example\ncfo,Paul Durand,Finance,leader,paul@horizon.example\n")
        let note = try cli.write(
            "note.eml",
            "From: claire@horizon.example\nTo: paul@horizon.example\nDate: Mon, 2 Nov 2026 09:30:00 +0100\nMessage-ID: <n1@x>\nSubject: s\n\nbody\n")
        #expect(try cli.run("--db", db, "import", people, note).status == 0)
        let json = try cli.run("--db", db, "report", "--format", "json", "--window", "30d", "--as-of", "2026-11-10", "--source", "email")
        #expect(json.status == 0, "\(json.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((root["sources"] as? [String: Int]) == ["email": 1], "\(json.stdout.suffix(400))")
        #expect(json.stdout.contains("\"silo_sources\": [\"email\"]"), "\(json.stdout.suffix(400))")
        let text = try cli.run("--db", db, "report", "--window", "30d", "--as-of", "2026-11-10", "--source", "slack,email")
        #expect(text.stdout.contains("SILOS (interactions from slack, email only)"), "\(text.stdout)")
        let bad = try cli.run("--db", db, "report", "--source", "fax")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--source 'fax' is not a source"))
    }
}
