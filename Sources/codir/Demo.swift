import ArgumentParser
import CodirDemo
import CodirModel
import CodirReport
import CodirStore
import CodirText
import Foundation
import Synchronization

extension Codir {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build (or bring up to date) a demo organisation and open the live dashboard on it.",
            discussion: """
                The demo database is $XDG_DATA_HOME/codir/demo.sqlite unless --db names another: 10 leaders, \
                8 departments, 500 employees and 120 days of history up to now. Run it again later and the \
                history is topped up to the new now. While the dashboard is open, a simulator adds live \
                events in the background. When standard output is not a terminal, the report is printed \
                instead.
                """)

        @Option(
            name: .long,
            help: ArgumentHelp("The demo database (default: $XDG_DATA_HOME/codir/demo.sqlite).", valueName: "path"))
        var db: String?

        @Option(help: "The seed of a new demo organisation: the same seed gives the same history.")
        var seed: UInt64 = 2026

        @Flag(help: "Delete the demo database and build it anew.")
        var reset = false

        @Option(help: "Live events per second while the dashboard is open.")
        var rate: Double = 4

        @OptionGroup var windowOptions: WindowOptions

        @Option(help: "Print the report in this format (text, json, csv or md) instead of opening the dashboard.")
        var format: ReportFormat?

        @OptionGroup var display: DisplayOptions

        @Option(help: ArgumentHelp("The language of the dashboard and the report: fr or en (default: the configuration's language, else the locale's).", valueName: "language"))
        var lang: LanguageName?

        func validate() throws {
            guard rate >= 0, rate <= 1000 else { throw ValidationError(Strings.current.commands.between("--rate", "0", "1000")) }
        }

        func run() throws {
            let path = db ?? DemoDatabase.defaultPath()
            if reset {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
            do {
                let store = try Store.open(path: path, access: .readWrite, createFolder: db == nil)
                let showProgress = Platform.stderrIsTerminal
                let outcome = try DemoDatabase.prepare(store, seed: seed, now: now) { day in
                    if showProgress {
                        FileHandle.standardError.write(Data("\r\u{1B}[K\(Strings.current.messages.buildingDemo(day.iso8601))".utf8))
                    }
                }
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                printError(
                    outcome.created
                        ? Strings.current.commands.demoBuilt(path, outcome.seed, HumanFormat.grouped(outcome.counts.imported), outcome.firstDay.iso8601)
                        : Strings.current.commands.demoUpdated(path, HumanFormat.grouped(outcome.counts.imported)))
            } catch let error as StoreError {
                throw fail(error)
            }
            guard Platform.stdoutIsTerminal, windowOptions.asOf == nil, format == nil else {
                let output = try Report.render(
                    path: path, length: windowOptions.window, asOf: try windowOptions.asOfTimestamp(),
                    format: format ?? .text)
                FileHandle.standardOutput.write(Data(output.utf8))
                return
            }
            let simulator = BackgroundSimulator(path: path, rate: rate, seed: seed &+ UInt64(now.seconds))
            defer { simulator.stop() }
            try runDashboard(path: path, window: windowOptions.window, refresh: 1, noColor: display.noColor, ascii: display.ascii)
        }
    }
}

/// The simulator on a thread of its own, writing through its own connection while the dashboard reads.
/// It never prints: the screen belongs to curses.
final class BackgroundSimulator: Sendable {
    private let stopFlag = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, rate: Double, seed: UInt64) {
        guard rate > 0 else {
            finished.signal()
            return
        }
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            guard let store = try? Store.open(path: path, access: .readWrite) else { return }
            let simulator = Simulator(store: store, rate: rate, seed: seed)
            var last = Date()
            while !stopFlag.load(ordering: .relaxed) {
                for _ in 0..<10 where !stopFlag.load(ordering: .relaxed) { usleep(100_000) }
                let now = Date()
                // A locked database or a full disk only skips a beat.
                _ = try? simulator.step(
                    now: Timestamp(seconds: Int64(now.timeIntervalSince1970)), seconds: now.timeIntervalSince(last))
                last = now
            }
        }
    }

    /// Stops after the current batch and waits for it.
    func stop() {
        stopFlag.store(true, ordering: .relaxed)
        finished.wait()
    }
}
