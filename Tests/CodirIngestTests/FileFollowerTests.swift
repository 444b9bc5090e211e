import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

@Suite("Following a growing file", .serialized)
struct FileFollowerTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }
    let path: String

    init() throws {
        scratch = try ScratchFolder("follow")
        path = scratch.path("events.jsonl")
    }

    func append(_ text: String, to file: String? = nil) throws {
        let target = file ?? path
        if !FileManager.default.fileExists(atPath: target) { _ = FileManager.default.createFile(atPath: target, contents: nil) }
        let handle = try #require(FileHandle(forWritingAtPath: target))
        try handle.seekToEnd()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func message(_ n: Int) -> String {
        #"{"type":"message","id":"m\#(n)","actor":"e1","target":"e2","at":"2026-11-02T10:00:00Z"}"# + "\n"
    }

    func imported(_ results: [FileImport]) -> Int { results.reduce(0) { $0 + $1.counts.imported } }

    @Test func aFIFOIsRefusedNotFollowedForEver() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(path, 0o600) == 0)
        let follower = try FileFollower(path: path, importer: Importer(store: try storeWithPeople()))
        do {
            _ = try follower.poll()
            Issue.record("a FIFO was followed")
        } catch {
            #expect(error.description.contains("a FIFO, not a regular file"), "\(error.description)")
        }
    }

    @Test func aLongPartialLineIsReadOnceNotAtEveryPoll() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPeople()
        let follower = try FileFollower(path: path, importer: Importer(store: store))
        let line = message(1)
        let padding = String(repeating: " ", count: 2_000_000)
        try append(message(0) + String(line.dropLast()) + padding)
        #expect(imported(try follower.poll()) == 1)
        let afterFirst = follower.bytesRead
        for _ in 0..<10 { #expect(try follower.poll().isEmpty) }
        #expect(follower.bytesRead == afterFirst)  // nothing read again while the line waits
        try append("\n")
        #expect(imported(try follower.poll()) == 1)
        #expect(follower.bytesRead == afterFirst + 1)
    }

    @Test func burstsPartialLinesTruncationRotationAndRestart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPeople()
        var follower = try FileFollower(path: path, importer: Importer(store: store))
        #expect(try follower.poll().isEmpty)  // no file yet: waits

        // A burst, and a partial last line that waits for its newline.
        try append(message(1) + message(2) + message(3) + String(message(4).dropLast(10)))
        #expect(imported(try follower.poll()) == 3)
        try append(String(message(4).suffix(10)) + message(5))
        #expect(imported(try follower.poll()) == 2)
        #expect(imported(try follower.poll()) == 0)

        // A restart resumes where it stopped: nothing again, the new line once.
        follower = try FileFollower(path: path, importer: Importer(store: store))
        try append(message(6))
        let resumed = try follower.poll()
        #expect(imported(resumed) == 1)
        #expect(resumed.reduce(0) { $0 + $1.counts.duplicates } == 0)

        // Truncated and rewritten: read from the top; lines already imported are recognised.
        try Data((message(6) + message(7)).utf8).write(to: URL(fileURLWithPath: path))
        let truncated = try follower.poll()
        #expect(imported(truncated) == 1)

        // Rotated: the old file's last lines, then the new file's.
        try append(message(8))
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try append(message(9))
        try append(message(10), to: path + ".1")  // written to the old file after the rename
        #expect(imported(try follower.poll()) == 3)
        #expect(try store.counts().interactions == 10)
    }

    @Test func csvKeepsItsHeaderAndReportsFileLineNumbers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try storeWithPeople()
        let csv = folder.appendingPathComponent("events.csv").path
        let follower = try FileFollower(path: csv, importer: Importer(store: store))
        try append("type,actor,target,at\nmessage,e1,e2,2026-11-02T10:00:00Z\n", to: csv)
        #expect(imported(try follower.poll()) == 1)
        try append("message,e1,nobody,2026-11-02T10:01:00Z\nmessage,e2,e1,2026-11-02T10:02:00Z\n", to: csv)
        let second = try follower.poll()
        #expect(imported(second) == 1)
        #expect(second.flatMap(\.diagnostics).map(\.description) == [
            "\(csv):3: error: unknown person 'nobody' in 'target'; import the people file first"
        ])
    }
}
