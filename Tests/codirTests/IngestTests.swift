import Foundation
import Testing

@Suite("codir ingest", .serialized)
struct IngestTests {
    /// Interactions in the database, as the report counts them.
    func interactions(_ cli: CommandRunner, _ db: String) throws -> Int {
        let report = try cli.run("--db", db, "report", "--format", "json", "--window", "all", "--as-of", "2026-12-31")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        return try #require((root["summary"] as? [String: Any])?["interactions"] as? Int)
    }

    func waitFor(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    func line(_ n: Int) -> String {
        #"{"type":"message","id":"m\#(n)","actor":"e01","target":"e02","at":"2026-11-02T10:00:00Z"}"# + "\n"
    }

    @Test func followImportsEachLineOnceAcrossARestart() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let file = try cli.write("live.jsonl", line(1) + line(2))

        let (first, _, _) = cli.process(["--db", db, "ingest", "--follow", file, "--interval", "0.1"])
        try first.run()
        #expect(try waitFor(10) { try interactions(cli, db) == 2 })
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        handle.write(Data((line(3) + String(line(4).dropLast(5))).utf8))
        #expect(try waitFor(10) { try interactions(cli, db) == 3 })
        first.interrupt()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)

        // The rest of the partial line arrives while nothing follows; a restart picks it up, once.
        handle.write(Data((String(line(4).suffix(5)) + line(5)).utf8))
        try handle.close()
        let (second, _, _) = cli.process(["--db", db, "ingest", "--follow", file, "--interval", "0.1"])
        try second.run()
        #expect(try waitFor(10) { try interactions(cli, db) == 5 })
        second.interrupt()
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
        #expect(try interactions(cli, db) == 5)
    }

    @Test func watchImportsDroppedFilesOnceAndSortsThem() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let (watcher, _, _) = cli.process(["--db", db, "ingest", "--watch", inbox, "--interval", "0.1", "--settle", "0.3"])
        try watcher.run()
        try FileManager.default.copyItem(atPath: cli.resource("people.csv"), toPath: inbox + "/people.csv")
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/done/people.csv") })
        try FileManager.default.copyItem(atPath: cli.resource("events.jsonl"), toPath: inbox + "/events.jsonl")
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: inbox + "/notes.txt"))
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/done/events.jsonl") })
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/failed/notes.txt") })
        watcher.interrupt()
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        #expect(try interactions(cli, db) == 13)  // every interaction of Resources/events.jsonl
    }

    /// A copy that stalls, or that is written under a temporary name, is not taken half-way.
    @Test func sigtermStopsTheWatcherWithinASecondEvenWhileItWaitsForALockedDatabase() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let (watcher, _, _) = cli.process(["--db", db, "ingest", "--watch", inbox, "--interval", "0.1", "--settle", "0"])
        try watcher.run()
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/processing") })
        let lock = try WriteLockHolder(db)
        defer { lock.release() }
        try FileManager.default.copyItem(atPath: cli.resource("events.jsonl"), toPath: inbox + "/events.jsonl")
        // Claimed, then waiting on the lock for up to 5 s.
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/processing/events.jsonl") })
        Thread.sleep(forTimeInterval: 0.5)
        let stopped = Date()
        watcher.terminate()
        watcher.waitUntilExit()
        #expect(Date().timeIntervalSince(stopped) < 1.5)
        // The file waits in processing/ for the next start; it was neither failed nor lost.
        #expect(FileManager.default.fileExists(atPath: inbox + "/processing/events.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: inbox + "/failed/events.jsonl"))
    }

    @Test func watchWaitsForCopiesToSettleAndLeavesPartialNamesAlone() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        #expect(try cli.run("--db", db, "import", cli.resource("people.csv")).status == 0)
        let (watcher, _, _) = cli.process(["--db", db, "ingest", "--watch", inbox, "--interval", "0.1", "--settle", "1.5"])
        try watcher.run()
        defer { if watcher.isRunning { watcher.interrupt() } }

        // Half a file, a pause shorter than --settle, then the rest: taken once, whole.
        let stalled = inbox + "/stalled.jsonl"
        try Data((0..<50).map(line).joined().utf8).write(to: URL(fileURLWithPath: stalled))
        Thread.sleep(forTimeInterval: 0.8)
        #expect(FileManager.default.fileExists(atPath: stalled), "taken during the pause")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: stalled))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((50..<100).map(line).joined().utf8))
        try handle.close()
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/done/stalled.jsonl") })
        #expect(try interactions(cli, db) == 100)

        // A name copying tools use while writing is left alone until the file is renamed.
        let partial = inbox + "/more.jsonl.part"
        try Data((100..<110).map(line).joined().utf8).write(to: URL(fileURLWithPath: partial))
        Thread.sleep(forTimeInterval: 2.5)
        #expect(FileManager.default.fileExists(atPath: partial))
        #expect(try interactions(cli, db) == 100)
        try FileManager.default.moveItem(atPath: partial, toPath: inbox + "/more.jsonl")
        #expect(waitFor(10) { FileManager.default.fileExists(atPath: inbox + "/done/more.jsonl") })
        #expect(try interactions(cli, db) == 110)
        watcher.interrupt()
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
    }
}
