import CodirDemo
import CodirModel
import CodirStore
import Foundation
import TerminalUI

@testable import CodirDashboard

/// The demo organisation at a fixed moment, in a database file, for every dashboard test.
enum DashboardFixture {
    static let now = Timestamp(iso8601: "2026-11-29T09:30:00Z")!

    /// Built once per test run.
    static let path: String = {
        TextWidth.prepareUTF8Locale()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-dashboard-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        do {
            let store = try Store.open(path: path, access: .readWrite)
            _ = try DemoDatabase.prepare(store, seed: 2026, now: now)
        } catch {
            Issue.record("cannot build the fixture database: \(error)")
        }
        return path
    }()

    /// A loaded snapshot whose "last change" is fixed, so that frames do not depend on when the tests run.
    static let thirtyDays: DashboardSnapshot? = {
        let source = DashboardSource(path: path)
        source.load(length: .days(30), asOf: now)
        guard var snapshot = source.snapshot else { return nil }
        snapshot.lastChange = now.adding(seconds: -180)
        return snapshot
    }()

    static func snapshot() -> DashboardSnapshot? { thirtyDays }
}

import Testing

/// Compares a frame with its committed text snapshot; `CODIR_RECORD_SNAPSHOTS=1` writes them anew.
func assertSnapshot(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let text = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["CODIR_RECORD_SNAPSHOTS"] == "1" {
        try? Data(text.utf8).write(to: file)
        return
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; record it with CODIR_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if recorded != text {
        let expected = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        Issue.record(
            """
            frame differs from \(name).txt at line \(firstDifference + 1):
            expected: \(firstDifference < expected.count ? String(expected[firstDifference]) : "<end>")
            actual:   \(firstDifference < actual.count ? String(actual[firstDifference]) : "<end>")
            (re-record with CODIR_RECORD_SNAPSHOTS=1 swift test if the change is intended)
            """, sourceLocation: sourceLocation)
    }
}
