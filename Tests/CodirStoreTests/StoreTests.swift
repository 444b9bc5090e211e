import CodirModel
import CodirTestSupport
import Foundation
import GRDB
import Testing

@testable import CodirStore

/// The scratch folders of the store's tests.
typealias TemporaryFolder = ScratchFolder

@Suite("Opening the store")
struct StoreOpeningTests {
    @Test func writerCreatesTheFileAndItsFolders() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("a/b/codir.sqlite")
        let store = try Store.open(path: path, access: .readWrite)
        #expect(FileManager.default.fileExists(atPath: path))
        let mode = try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.counts().people == 0)
    }

    @Test func theWriterLeavesItsWalAndShmFilesEmptyForReadersThatCannotCreateThem() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("codir.sqlite")
        do {
            let store = try Store.open(path: path, access: .readWrite)
            try store.setMetadata(Store.organisationKey, "Test")
            let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? UInt64
            #expect((wal ?? 0) > 0)  // the write is in the WAL until the close
        }
        // Closed: both files are still there, the WAL emptied into the database (no stale frame kept).
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? UInt64 == 0)
        let reader = try Store.open(path: path, access: .readOnly)
        #expect(try reader.metadata(Store.organisationKey) == "Test")
    }

    @Test func readerNeedsAnExistingFile() throws {
        let folder = try TemporaryFolder()
        #expect(throws: StoreError.missing(path: folder.path("none.sqlite"))) {
            try Store.open(path: folder.path("none.sqlite"), access: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }

    /// What a viewer shows when the database cannot be used, in the viewer's language.
    @Test func theSentencesFollowTheLanguage() {
        let locked = StoreError.locked(path: "/srv/codir.sqlite")
        #expect(locked.message.hasPrefix("the database at /srv/codir.sqlite is locked by another process"))
        Language.$current.withValue(.fr) {
            #expect(locked.message.hasPrefix("la base à /srv/codir.sqlite est verrouillée par un autre processus"))
            #expect(StoreError.missing(path: "x").message.contains("codir import FICHIER"))
        }
    }

    @Test func readerCannotWrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("codir.sqlite")
        _ = try Store.open(path: path, access: .readWrite)
        let reader = try Store.open(path: path, access: .readOnly)
        #expect(throws: StoreError.self) { try reader.setMetadata("organisation", "x") }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.txt")
        try Data("hello, this is not a database, just some text long enough".utf8).write(to: URL(fileURLWithPath: path))
        for access in [Store.Access.readOnly, .readWrite] {
            #expect(throws: StoreError.notCodirDatabase(path: path)) { try Store.open(path: path, access: access) }
        }
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY)") }
        try other.close()
        #expect(throws: StoreError.notCodirDatabase(path: path)) { try Store.open(path: path, access: .readWrite) }
        #expect(throws: StoreError.notCodirDatabase(path: path)) { try Store.open(path: path, access: .readOnly) }
    }

    @Test func aFolderThatCannotBeCreatedIsExplained() throws {
        let folder = try TemporaryFolder()
        try Data().write(to: URL(fileURLWithPath: folder.path("file")))
        let error = #expect(throws: StoreError.self) {
            try Store.open(path: folder.path("file/sub/codir.sqlite"), access: .readWrite)
        }
        #expect(error?.message.contains("cannot create") == true)
    }

    @Test func errorMessagesAreOneSentenceSayingWhatToDo() {
        let errors: [StoreError] = [
            .missing(path: "/x"), .cannotCreate(path: "/x", reason: "r"), .cannotOpen(path: "/x", reason: "r"),
            .notCodirDatabase(path: "/x"), .newerSchema(path: "/x"), .locked(path: "/x"),
        ]
        for error in errors {
            #expect(error.message.contains("/x"))
            #expect(!error.message.contains("\n"))
        }
    }
}

@Suite("Writing and reading a window")
struct StoreWindowTests {
    static func populated() throws -> Store {
        let store = try Store.inMemory()
        _ = try store.importFile(file: "t", sha256: "", format: "test") { writer in
            _ = try writer.write(Person(id: "a", name: "Ann", department: "X", role: .leader, login: "ann"))
            _ = try writer.write(Person(id: "b", name: "Ben", department: "Y", role: .employee))
            _ = try writer.write(.post(PostEvent(id: "old", author: "a", at: Timestamp(iso8601: "2026-01-01T00:00:00Z")!)))
            _ = try writer.write(.post(PostEvent(id: "new", author: "a", at: Timestamp(iso8601: "2026-11-20T00:00:00Z")!)))
            for (day, hour) in [("2026-11-21", "10"), ("2026-06-01", "10"), ("2026-12-05", "10")] {
                _ = try writer.write(
                    .interaction(
                        InteractionEvent(
                            kind: .reaction, actor: "b", post: "new", at: Timestamp(iso8601: "\(day)T\(hour):00:00Z")!)))
            }
            _ = try writer.write(
                .interaction(InteractionEvent(kind: .message, actor: "a", target: "b", at: Timestamp(iso8601: "2026-11-22T10:00:00Z")!)))
        }
        return store
    }

    @Test func datasetHoldsTheWindowAndTheTrend() throws {
        let store = try Self.populated()
        let window = TimeWindow(length: .days(7), asOf: Timestamp(iso8601: "2026-11-30T00:00:00Z")!)
        let dataset = try store.dataset(for: window)
        #expect(dataset.people.map(\.id) == ["a", "b"])
        #expect(dataset.people[0].login == "ann")
        #expect(Set(dataset.posts.map(\.id)) == ["old", "new"])
        // June is outside the window and the 12-week trend; December is after the end.
        #expect(dataset.interactions.count == 2)
        let reaction = try #require(dataset.interactions.first { $0.kind == .reaction })
        #expect(dataset.posts[Int(reaction.post)].id == "new")
        #expect(reaction.target == 0)  // the post's author
    }

    @Test func unboundedWindowReadsEverythingUpToTheEnd() throws {
        let store = try Self.populated()
        let dataset = try store.dataset(for: TimeWindow(length: .all, asOf: Timestamp(iso8601: "2026-11-30T00:00:00Z")!))
        #expect(dataset.interactions.count == 3)
    }

    @Test func writerReportsDuplicatesAndUnknownReferences() throws {
        let store = try Self.populated()
        let (outcomes, counts) = try store.importFile(file: "again", sha256: "", format: "test") { writer in
            [
                try writer.write(Person(id: "a", name: "Ann", department: "X", role: .leader, login: "ann")),
                try writer.write(Person(id: "b", name: "Ben B.", department: "Y", role: .employee)),
                try writer.write(Person(id: "c", name: "Cy", department: "Y", role: .employee, login: "ann")),
                try writer.write(.post(PostEvent(id: "new", author: "a", at: Timestamp(iso8601: "2026-11-20T00:00:00Z")!))),
                try writer.write(.post(PostEvent(id: "x", author: "zz", at: Timestamp(seconds: 0)))),
                try writer.write(.stats(PostStatsEvent(post: "nope", at: Timestamp(seconds: 0), impressions: 1))),
            ]
        }
        #expect(outcomes[0] == .success(.duplicate))
        #expect(outcomes[1] == .success(.updated))
        #expect(outcomes[2] == .failure(RecordRejection("login 'ann' already belongs to person 'a'")))
        #expect(outcomes[3] == .success(.duplicate))
        #expect(outcomes[4] == .failure(RecordRejection("unknown person 'zz' in 'author'; import the people file first")))
        #expect(outcomes[5] == .failure(RecordRejection("unknown post 'nope'; import the post first")))
        #expect(counts.imported == 1 && counts.duplicates == 2)
    }

    @Test func dailyRowsMergeFieldByField() throws {
        let store = try Self.populated()
        let day = Day(iso8601: "2026-11-21")!
        _ = try store.importFile(file: "1", sha256: "", format: "t") { w in
            try w.write(.daily(DailyStatsEvent(person: "a", day: day, impressions: 100)))
        }
        let (second, _) = try store.importFile(file: "2", sha256: "", format: "t") { w in
            [
                try w.write(.daily(DailyStatsEvent(person: "a", day: day, newFollowers: 4))),
                try w.write(.daily(DailyStatsEvent(person: "a", day: day, impressions: 100))),
            ]
        }
        #expect(second == [.success(.inserted), .success(.duplicate)])
        let dataset = try store.dataset(for: TimeWindow(length: .days(7), asOf: Timestamp(iso8601: "2026-11-25T00:00:00Z")!))
        #expect(dataset.daily.count == 1)
        #expect(dataset.daily.first?.impressions == 100)
        #expect(dataset.daily.first?.newFollowers == 4)
    }

    @Test func dryRunLeavesNothingBehind() throws {
        let store = try Self.populated()
        let before = try store.counts()
        _ = try store.importFile(file: "dry", sha256: "", format: "t", commit: false) { w in
            try w.write(Person(id: "z", name: "Zed", department: "Z", role: .employee))
        }
        #expect(try store.counts() == before)
    }
}
