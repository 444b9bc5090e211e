import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

/// An inbox in a scratch folder, with a database file beside it and a watcher that records what it says.
final class InboxFixture {
    let scratch: ScratchFolder
    let inbox: String
    let store: Store
    var logs: [String] = []
    var summaries: [String] = []

    init() throws {
        scratch = try ScratchFolder()
        inbox = scratch.file("inbox").path
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        store = try Store.open(path: scratch.file("codir.sqlite").path, access: .readWrite)
        _ = try Importer(store: store).importBytes(Array(peopleCSV.utf8), file: "people.csv")
    }

    func watcher(importer: Importer? = nil) throws -> FolderWatcher {
        try FolderWatcher(
            folder: inbox, importer: importer ?? Importer(store: store), settle: 0,
            log: { [unowned self] in logs.append($0) }, summary: { [unowned self] in summaries.append($0) })
    }

    func drop(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
    }

    func exists(_ relative: String) -> Bool {
        var status = stat()
        return lstat(inbox + "/" + relative, &status) == 0
    }

    func posts() throws -> [String] {
        try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2030-01-01T00:00:00Z")!)).posts.map(\.id)
    }
}

func postLine(_ id: String) -> String {
    #"{"type":"post","id":"\#(id)","author":"ceo","at":"2026-10-01T09:00:00Z"}"# + "\n"
}

@Suite("The inbox of ingest --watch", .serialized)
struct FolderWatcherTests {
    @Test func aSymlinkedDoneOrFailedFolderStopsTheWatcherBeforeItMovesAnything() throws {
        for place in ["done", "failed", "processing"] {
            let fixture = try InboxFixture()
            let elsewhere = fixture.scratch.file("elsewhere-\(place)").path
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: fixture.inbox + "/" + place, withDestinationPath: elsewhere)
            #expect(throws: WatchError.self) { try fixture.watcher() }
        }
    }

    @Test func aFolderSwappedForASymlinkWhileWatchingStopsIt() throws {
        let fixture = try InboxFixture()
        let watcher = try fixture.watcher()
        try FileManager.default.moveItem(atPath: fixture.inbox + "/failed", toPath: fixture.inbox + "/old-failed")
        try FileManager.default.createSymbolicLink(atPath: fixture.inbox + "/failed", withDestinationPath: fixture.scratch.path)
        #expect(throws: WatchError.self) { try watcher.poll() }
    }

    @Test func symlinksFIFOsAndDevicesAreFiledUnopened() throws {
        let fixture = try InboxFixture()
        let secret = fixture.scratch.file("secret.csv").path
        try Data("type,id\nsecret-line,1\n".utf8).write(to: URL(fileURLWithPath: secret))
        try FileManager.default.createSymbolicLink(atPath: fixture.inbox + "/secret.csv", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: fixture.inbox + "/zero.jsonl", withDestinationPath: "/dev/zero")
        #expect(mkfifo(fixture.inbox + "/pipe.jsonl", 0o600) == 0)
        let watcher = try fixture.watcher()
        let started = Date()
        try watcher.poll()
        try watcher.poll()
        #expect(Date().timeIntervalSince(started) < 5)
        for name in ["secret.csv", "zero.jsonl", "pipe.jsonl"] {
            #expect(fixture.exists("failed/" + name), "\(name)")
            #expect(!fixture.exists(name))
        }
        #expect(fixture.logs.contains { $0.contains("secret.csv") && $0.contains("a symbolic link, which is never opened") })
        #expect(fixture.logs.contains { $0.contains("pipe.jsonl") && $0.contains("a FIFO") })
        // The secret's lines were never read, so they are in no table the readers can see.
        #expect(try fixture.store.counts().rejects == 0)
        #expect(FileManager.default.fileExists(atPath: secret))
    }

    @Test func aNameAlreadyTakenGetsASuffixAndNothingIsReplaced() throws {
        let fixture = try InboxFixture()
        let watcher = try fixture.watcher()
        try fixture.drop("events.jsonl", postLine("p1"))
        try watcher.poll()
        try watcher.poll()
        #expect(fixture.exists("done/events.jsonl"))
        try fixture.drop("events.jsonl", postLine("p2"))
        try watcher.poll()
        try watcher.poll()
        #expect(fixture.exists("done/events.jsonl.1"))
        #expect(try String(contentsOfFile: fixture.inbox + "/done/events.jsonl", encoding: .utf8) == postLine("p1"))
        #expect(try fixture.posts().sorted() == ["p1", "p2"])
    }

    @Test func aFileLeftInProcessingIsImportedAtStart() throws {
        let fixture = try InboxFixture()
        _ = try fixture.watcher()  // creates the folders
        try Data(postLine("left").utf8).write(to: URL(fileURLWithPath: fixture.inbox + "/processing/left.jsonl"))
        let watcher = try fixture.watcher()
        try watcher.poll()
        #expect(fixture.exists("done/left.jsonl"))
        #expect(try fixture.posts() == ["left"])
    }

    @Test func aFileThatChangesWhileItIsImportedIsImportedAgain() throws {
        let fixture = try InboxFixture()
        var importer = Importer(store: fixture.store)
        var appended = false
        let claimed = fixture.inbox + "/processing/events.jsonl"
        importer.progress = { _ in
            guard !appended, let handle = FileHandle(forWritingAtPath: claimed) else { return }
            appended = true
            handle.seekToEndOfFile()
            handle.write(Data(postLine("late").utf8))
            try? handle.close()
            // A new file dropped under the same name meanwhile waits in the inbox for its turn.
            try? Data(postLine("second").utf8).write(to: URL(fileURLWithPath: fixture.inbox + "/events.jsonl"))
        }
        let watcher = try fixture.watcher(importer: importer)
        try fixture.drop("events.jsonl", postLine("first"))
        try watcher.poll()
        try watcher.poll()
        #expect(fixture.logs.contains { $0.contains("changed while it was imported") })
        #expect(try fixture.posts().sorted() == ["first", "late"])
        try watcher.poll()
        try watcher.poll()
        #expect(try fixture.posts().sorted() == ["first", "late", "second"])
        #expect(fixture.exists("done/events.jsonl") && fixture.exists("done/events.jsonl.1"))
    }

    @Test func aLockedDatabaseLeavesTheFileInProcessingToBeRetried() throws {
        let fixture = try InboxFixture()
        let watcher = try fixture.watcher()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [fixture.store.path]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nINSERT INTO meta VALUES ('lock', 'held');\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        try fixture.drop("events.jsonl", postLine("p1"))
        try watcher.poll()
        try watcher.poll()
        #expect(fixture.exists("processing/events.jsonl"))
        #expect(!fixture.exists("failed/events.jsonl"))
        #expect(fixture.logs.contains { $0.contains("the database is busy") })
        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        try watcher.poll()
        #expect(fixture.exists("done/events.jsonl"))
        #expect(try fixture.posts() == ["p1"])
    }

    @Test func aSlackExportAMaildirAndAnEmlDroppedInTheInboxAreImportedOnce() throws {
        let fixture = try InboxFixture()
        _ = try importText(mailPeople, into: fixture.store, file: "people-with-emails.csv")
        try makeSlackExport(in: fixture.scratch.file("slack").path)
        try FileManager.default.moveItem(atPath: fixture.scratch.file("slack").path, toPath: fixture.inbox + "/slack-export")
        let mail = fixture.scratch.file("mail").path
        try FileManager.default.createDirectory(atPath: mail + "/cur", withIntermediateDirectories: true)
        try Data(message(from: "alice@horizon.example", to: "dave@horizon.example", id: "w1@x").utf8)
            .write(to: URL(fileURLWithPath: mail + "/cur/1:2,S"))
        try FileManager.default.moveItem(atPath: mail, toPath: fixture.inbox + "/maildir")
        try fixture.drop("note.eml", message(from: "dave@horizon.example", to: "carol@horizon.example", id: "w2@x"))
        let watcher = try fixture.watcher()
        try watcher.poll()
        try watcher.poll()
        for name in ["slack-export", "maildir", "note.eml"] { #expect(fixture.exists("done/" + name), "\(name): \(fixture.logs)") }
        #expect(try fixture.store.interactionsBySource() == [.slack: 9, .email: 2])
        #expect(fixture.summaries.contains { $0.contains("Slack export") })
    }

    @Test func aFolderWithASymlinkInsideIsFiledUnread() throws {
        let fixture = try InboxFixture()
        let archive = fixture.inbox + "/archive"
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        try Data("Date,ShareLink,ShareCommentary\n".utf8).write(to: URL(fileURLWithPath: archive + "/Shares.csv"))
        try FileManager.default.createSymbolicLink(atPath: archive + "/Reactions.csv", withDestinationPath: "/etc/passwd")
        let watcher = try fixture.watcher()
        try watcher.poll()
        try watcher.poll()
        #expect(fixture.exists("failed/archive"))
        #expect(fixture.logs.contains { $0.contains("Reactions.csv") && $0.contains("symbolic link") })
    }

    /// `--keep none`: an imported file is removed from processing/ (the watcher's own folder), a folder with what
    /// it holds; nothing reaches done/. A file that fails is still filed in failed/ for someone to look at.
    @Test func keepNoneRemovesWhatWasImportedAndKeepsWhatFailed() throws {
        let fixture = try InboxFixture()
        let watcher = try fixture.watcher()
        watcher.keepsImported = false
        try fixture.drop("events.jsonl", postLine("p1"))
        let archive = fixture.inbox + "/Basic_LinkedInDataExport_11-09-2026"
        try FileManager.default.createDirectory(atPath: archive + "/sub", withIntermediateDirectories: true)
        try Data("First Name,Last Name\nClaire,Martin\n".utf8).write(to: URL(fileURLWithPath: archive + "/Profile.csv"))
        let share: UInt64 = (UInt64(1_793_610_000) * 1000) << 22 | 5
        try Data("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-02 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:\(share),Hi,,,PUBLIC\n".utf8)
            .write(to: URL(fileURLWithPath: archive + "/Shares.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: archive + "/.hidden"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: archive + "/sub/notes.txt"))
        try fixture.drop("broken.jsonl", "not json at all\n")
        try watcher.poll()
        try watcher.poll()
        #expect(try fixture.posts().count == 2)
        #expect(fixture.exists("failed/broken.jsonl"))
        #expect(!fixture.exists("processing/events.jsonl") && !fixture.exists("done/events.jsonl"))
        #expect(!fixture.exists("processing/Basic_LinkedInDataExport_11-09-2026"))
        #expect(!fixture.exists("done/Basic_LinkedInDataExport_11-09-2026"))
        #expect(fixture.logs.contains { $0.contains("events.jsonl imported and removed (--keep none)") }, "\(fixture.logs)")
        #expect(fixture.summaries.contains { $0.hasSuffix("events.jsonl: 1 imported, 0 duplicates, 0 rejected") }, "\(fixture.summaries)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.inbox + "/done").isEmpty)
    }
}
