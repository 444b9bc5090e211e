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
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.demoAbstract,
                discussion: Strings.current.help.demoDiscussion)
        }

        @Option(
            name: .long,
            help: ArgumentHelp(Strings.current.help.demoDb, valueName: "path"))
        var db: String?

        @Option(help: ArgumentHelp(Strings.current.help.demoSeed))
        var seed: UInt64 = 2026

        @Flag(help: ArgumentHelp(Strings.current.help.demoReset))
        var reset = false

        @Option(help: ArgumentHelp(Strings.current.help.demoRate))
        var rate: Double = 4

        @OptionGroup var windowOptions: WindowOptions

        @Option(help: ArgumentHelp(Strings.current.help.demoFormat))
        var format: ReportFormat?

        @OptionGroup var display: DisplayOptions

        @Option(help: ArgumentHelp(Strings.current.help.demoLang, valueName: "language"))
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
