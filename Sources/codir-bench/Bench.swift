import CodirDashboard
import CodirModel
import Foundation
import TerminalUI

/// The scale benchmark of docs/benchmarks.md.
///
/// Usage: swift build -c release && .build/release/codir-bench [--interactions N] [--end DAY] [--keep DIR]
/// It needs the `codir` executable built beside it and the `sqlite3` shell on the PATH.
@main
enum Bench {
    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("codir-bench: error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: [String]) throws {
        var organisation = ScaleOrganisation()
        var keep: String?
        var mail: Int?
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--interactions":
                index += 1
                guard index < arguments.count, let n = Int(arguments[index]), n > 0 else {
                    throw BenchError("--interactions needs a positive number")
                }
                organisation.interactions = n
            case "--end":
                // The last day of the year of data (default 2026-11-01): today's date makes the live viewers'
                // windows full.
                index += 1
                guard index < arguments.count, let day = Day(iso8601: arguments[index]) else {
                    throw BenchError("--end needs a day, such as 2026-12-01")
                }
                organisation.end = day
            case "--keep":
                index += 1
                guard index < arguments.count else { throw BenchError("--keep needs a folder") }
                keep = arguments[index]
            case "--frames":
                // Only the dashboard's frame composition, on an existing database.
                index += 1
                guard index < arguments.count else { throw BenchError("--frames needs a database") }
                let frame = try composeFrames(db: arguments[index], asOf: organisation.end.start)
                print("load \(format(frame.load * 1000)) ms, compose \(format(frame.compose * 1000)) ms a frame")
                return
            case "--live":
                // The live path's figures against a full recompute, on an existing database.
                index += 1
                guard index < arguments.count else { throw BenchError("--live needs a database") }
                try LiveBench.run(db: arguments[index], asOf: organisation.end.start)
                return
            case "--memory":
                // A viewer's resident memory through its cold start, on an existing database.
                index += 1
                guard index < arguments.count else { throw BenchError("--memory needs a database") }
                let login = index + 1 < arguments.count ? arguments[index + 1] : nil
                try MemoryBench.run(db: arguments[index], asOf: organisation.end.start, login: login)
                return
            case "--mail":
                // The e-mail import: a Maildir of N messages (default 200,000).
                if index + 1 < arguments.count, let n = Int(arguments[index + 1]), n > 0 {
                    mail = n
                    index += 1
                } else {
                    mail = 200_000
                }
            case "-h", "--help":
                print("usage: codir-bench [--interactions N] [--end DAY] [--keep DIR] | --frames DATABASE | --live DATABASE | --memory DATABASE [LOGIN] | --mail [N] [--keep DIR]")
                return
            default:
                throw BenchError("unknown argument '\(arguments[index])'; see --help")
            }
            index += 1
        }

        let codir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("codir").path
        guard FileManager.default.isExecutableFile(atPath: codir) else {
            throw BenchError("no codir executable at \(codir); build everything first: swift build -c release")
        }
        if let mail {
            try MailBench.run(messages: mail, codir: codir, keep: keep)
            return
        }
        let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let sqlite3 else { throw BenchError("the sqlite3 shell is needed for the baseline: apt-get install sqlite3") }

        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("codir-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

        log("Generating \(organisation.people) people, \(organisation.departments) departments, \(organisation.leaders) leaders, \(organisation.interactions) interactions over \(organisation.days) days…")
        let files = try organisation.write(to: folder)
        let size = (try? FileManager.default.attributesOfItem(atPath: files.events.path)[.size] as? Int) ?? 0
        log("events.csv: \(files.eventRows) rows, \(size / 1_000_000) MB")

        let db = folder.appendingPathComponent("codir.sqlite").path
        let bare = folder.appendingPathComponent("bare.sqlite").path
        for path in [db, bare] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        _ = try check(measure(codir, ["import", "--db", db, files.people.path]), "people import")
        log("Importing events.csv with codir…")
        let imported = try check(measure(codir, ["import", "--db", db, files.events.path]), "import")
        guard imported.output.contains("\(files.eventRows) imported") else {
            throw BenchError("the import did not import every row:\n\(imported.output.suffix(2000))")
        }

        log("Importing events.csv into a bare table with the sqlite3 shell…")
        let script = folder.appendingPathComponent("import.sql").path
        try Data(".mode csv\n.import \(files.events.path) events\n".utf8).write(to: URL(fileURLWithPath: script))
        let baseline = try check(measure(sqlite3, [bare], stdin: script), "sqlite3 .import")

        let asOf = organisation.end.start.iso8601
        var reports: [(String, Measurement)] = []
        for window in ["30d", "365d"] {
            log("Cold report --window \(window)…")
            reports.append(
                (window, try check(measure(codir, ["report", "--db", db, "--window", window, "--as-of", asOf]), "report")))
        }

        log("Composing dashboard frames at 200×60…")
        let frame = try composeFrames(db: db, asOf: organisation.end.start)

        let rate = Double(files.eventRows) / imported.seconds
        let peak = ([imported] + reports.map(\.1)).map(\.peakRSSBytes).max() ?? 0
        print("")
        print("| measure | value | target |")
        print("|---|---:|---:|")
        print("| rows in events.csv | \(files.eventRows) | |")
        print("| codir import | \(format(imported.seconds)) s, \(Int(rate)) rows/s | ≥ 200,000 rows/s |")
        print("| sqlite3 `.import` into a bare table | \(format(baseline.seconds)) s | |")
        print("| ratio codir / sqlite3 | \(format(imported.seconds / baseline.seconds))× | ≤ 2× |")
        for (window, m) in reports {
            print("| cold `report --window \(window)` | \(format(m.seconds)) s | \(window == "30d" ? "≤ 0.5 s" : "≤ 2 s") |")
        }
        print("| peak RSS, import | \(imported.peakRSSBytes / 1_000_000) MB | ≤ 300 MB |")
        for (window, m) in reports { print("| peak RSS, report \(window) | \(m.peakRSSBytes / 1_000_000) MB | ≤ 300 MB |") }
        print("| peak RSS, all codir runs | \(peak / 1_000_000) MB | ≤ 300 MB |")
        print("| dashboard: load and compute the 30d snapshot | \(format(frame.load * 1000)) ms | |")
        print("| dashboard: compose a 200×60 frame (mean of \(frame.count), each pane focused) | \(format(frame.compose * 1000)) ms | ≤ 2 ms |")
    }

    /// Loads the dashboard's snapshot of the scale database and times the composition of frames.
    static func composeFrames(db: String, asOf: Timestamp) throws -> (load: Double, compose: Double, count: Int) {
        TextWidth.prepareUTF8Locale()
        let started = Date()
        let source = DashboardSource(path: db)
        guard source.load(length: .days(30), asOf: asOf), let snapshot = source.snapshot else {
            throw BenchError("the dashboard cannot load \(db): \(source.staleReason ?? "unknown reason")")
        }
        let load = Date().timeIntervalSince(started)
        let count = 300
        var checksum = 0
        let composing = Date()
        for index in 0..<count {
            var state = DashboardState()
            state.pane = Pane(rawValue: index % 3) ?? .reach
            state.selectedLeader = "u\(index % 40)"
            let view = DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: asOf)
            checksum &+= view.render(size: Size(width: 200, height: 60)).cells.count
        }
        let compose = Date().timeIntervalSince(composing) / Double(count)
        guard checksum == count * 200 * 60 else { throw BenchError("frames of the wrong size") }
        return (load, compose, count)
    }

    static func check(_ measurement: Measurement, _ what: String) throws -> Measurement {
        guard measurement.status == 0 else {
            throw BenchError("\(what) failed (status \(measurement.status)):\n\(measurement.output.suffix(2000))")
        }
        return measurement
    }

    static func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
