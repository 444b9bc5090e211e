import CodirDemo
import CodirModel
import CodirReport
import CodirStore
import Foundation
import TerminalUI
import Testing

@testable import CodirDashboard

/// A database another program (the sqlite3 shell) filled with absurd values: every viewer still draws,
/// showing what cannot be used as unknown, and never traps.
@Suite("A poisoned database")
struct PoisonedDatabaseTests {
    static let poison = """
        PRAGMA foreign_keys = OFF;
        UPDATE daily_stats SET impressions = 9223372036854775807 WHERE day % 2 = 0;
        UPDATE daily_stats SET engagements = -5 WHERE day % 3 = 0;
        UPDATE daily_stats SET new_followers = 'lots' WHERE day % 5 = 0;
        UPDATE daily_stats SET impressions = 1e300 WHERE day % 7 = 0;
        UPDATE OR IGNORE daily_stats SET day = 2147483647 WHERE day % 11 = 0;
        UPDATE OR IGNORE daily_stats SET day = -9223372036854775808 WHERE day % 13 = 0;
        UPDATE posts SET at = -62135596800 WHERE rowid % 4 = 0;
        UPDATE posts SET at = 253402300799 WHERE rowid % 9 = 0;
        UPDATE posts SET at = 'yesterday' WHERE rowid % 10 = 0;
        UPDATE posts SET author = 987654 WHERE rowid % 23 = 0;
        UPDATE interactions SET at = 9223372036854775807 WHERE rowid % 11 = 0;
        UPDATE interactions SET at = -9223372036854775808 WHERE rowid % 13 = 0;
        UPDATE interactions SET kind = 99 WHERE rowid % 17 = 0;
        UPDATE interactions SET actor = -1 WHERE rowid % 19 = 0;
        UPDATE interactions SET post = 123456789 WHERE rowid % 29 = 0;
        UPDATE post_stats SET impressions = 9223372036854775807, engagements = -9223372036854775808;
        UPDATE follower_snapshots SET count = -9223372036854775808 WHERE at % 2 = 0;
        UPDATE follower_snapshots SET count = 9223372036854775807 WHERE at % 2 = 1;
        UPDATE imports SET finished_at = 9223372036854775807, started_at = 'soon';
        UPDATE demographics SET as_of = 9223372036854775807;
        INSERT INTO meta(key, value) VALUES ('organisation', char(27) || ']0;owned' || char(7)) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
        """

    /// The demo organisation, poisoned.
    static func poisonedDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-poison-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("poisoned.sqlite").path
        do {
            let store = try Store.open(path: path, access: .readWrite)
            _ = try DemoDatabase.prepare(store, seed: 9, now: DashboardFixture.now)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(poison.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "sqlite3: \(said)")
        return path
    }

    @Test func everyViewDrawsEveryWindowWithoutTrapping() throws {
        let path = try Self.poisonedDatabase()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let started = Date()
        for length in WindowLength.allCases {
            let source = DashboardSource(path: path, personalLogin: "nlefevre")
            #expect(source.load(length: length, asOf: DashboardFixture.now))
            #expect(source.staleReason == nil)
            let snapshot = try #require(source.snapshot)
            // Values beyond belief count as unknown, never as a sum that wrapped around.
            for row in snapshot.report.reach {
                #expect((row.impressions ?? 0) >= 0 && (row.impressions ?? 0) <= Int64.max)
                #expect(row.dailyImpressions.count <= 50_000)
            }
            // Every report format, every table, under every visibility.
            for disclosure in [Disclosure.everything, Disclosure(visibility: .self, viewerLogin: "nlefevre"), Disclosure(visibility: .aggregate)] {
                let document = ReportDocument(organisation: snapshot.organisation, report: snapshot.report.disclosed(to: disclosure))
                for format in ReportFormat.allCases {
                    for table in CSVTable.allCases where format == .csv || table == .leaders {
                        let text = document.rendered(as: format, table: table)
                        #expect(!text.isEmpty)
                        #expect(!text.unicodeScalars.contains("\u{1B}"), "an escape sequence reached the \(format) report")
                    }
                }
            }
            var state = DashboardState(window: length)
            for pane in Pane.allCases {
                state.pane = pane
                for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
                    let frame = DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now)
                        .render(size: size)
                    #expect(frame.lines.joined().contains("Groupe") || frame.lines.joined().contains("?]0;owned?"))
                    _ = WallView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now, rotate: 10)
                        .render(size: size)
                    _ = PersonalView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now, login: "nlefevre")
                        .render(size: size)
                }
            }
        }
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
