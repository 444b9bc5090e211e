import CodirTestSupport
import Foundation
import Testing

import LibC

/// An import onto a file system that fills: a 1 MiB tmpfs, mounted in a private mount namespace (root only),
/// so that nothing else on the machine sees it.
@Suite("A full disk")
struct FullDiskTests {
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

    @Test(.enabled(if: canMount, "mounts a tmpfs in a private namespace: needs root and unshare"))
    func anImportThatFillsTheDiskSaysSoLeavesTheDatabaseAsItWasAndTheInboxRetries() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let disk = cli.path("disk")
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        // About 6 MB of database once imported: far more than the tmpfs holds.
        var lines = ""
        for n in 0..<40_000 {
            lines += #"{"type":"message","id":"m\#(n)","actor":"e01","target":"e02","at":"2026-11-02T10:00:00Z"}"# + "\n"
        }
        let big = try cli.write("big.jsonl", lines)
        let codir = CommandRunner.executable.path
        let db = disk + "/codir.sqlite"
        let out = cli.folder.path
        let report = "'\(codir)' --db '\(db)' report --format json --window all --as-of 2030-01-01"
        let script = """
            mount -t tmpfs -o size=1m tmpfs '\(disk)' || exit 99
            '\(codir)' --db '\(db)' import '\(cli.resource("people.csv"))' > /dev/null || exit 98
            \(report) > '\(out)/before.json'
            '\(codir)' --db '\(db)' import '\(big)' > /dev/null 2> '\(out)/full.err'; echo $? > '\(out)/full.status'
            \(report) > '\(out)/after.json'
            cp '\(big)' '\(inbox)/big.jsonl'
            timeout -s TERM 6 '\(codir)' --db '\(db)' ingest --watch '\(inbox)' --settle 0 --interval 0.1 2> '\(out)/watch.err'
            \(report) > '\(out)/after-watch.json'
            exit 0
            """
        var environment = ProcessInfo.processInfo.environment
        environment["CODIR_DB"] = nil
        environment["NO_COLOR"] = "1"
        let run = try spawnAndWait(
            "/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", script], environment: environment)
        try #require(run.status == 0, "the namespace script failed (\(run.status)): \(run.stderr)")
        func read(_ name: String) -> String { (try? String(contentsOfFile: out + "/" + name, encoding: .utf8)) ?? "" }

        // One sentence and the documented status 74.
        #expect(read("full.status").trimmingCharacters(in: .whitespacesAndNewlines) == "74")
        let said = read("full.err")
        #expect(said.contains("is full, so nothing of this import was written; free some space and run it again"), "\(said)")
        #expect(said.split(separator: "\n").count == 1, "\(said)")
        // The database is as it was, and still readable.
        #expect(!read("before.json").isEmpty)
        #expect(read("after.json") == read("before.json"))
        #expect(read("after-watch.json") == read("before.json"))
        // The inbox keeps the file to try again; it is not failed.
        #expect(FileManager.default.fileExists(atPath: inbox + "/processing/big.jsonl"), "\(read("watch.err"))")
        #expect(!FileManager.default.fileExists(atPath: inbox + "/failed/big.jsonl"))
        #expect(read("watch.err").contains("the disk holding the database is full; it stays in processing/"), "\(read("watch.err"))")
    }
}
