import ArgumentParser
import CodirDemo
import CodirModel
import CodirReport
import CodirStore
import Foundation

extension Codir {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build (or bring up to date) a demo organisation and show its report.",
            discussion: """
                The demo database is $XDG_DATA_HOME/codir/demo.sqlite unless --db names another: 10 leaders, \
                8 departments, 500 employees and 120 days of history up to now. Run it again later and the \
                history is topped up to the new now.
                """)

        @Option(
            name: .long,
            help: ArgumentHelp("The demo database (default: $XDG_DATA_HOME/codir/demo.sqlite).", valueName: "path"))
        var db: String?

        @Option(help: "The seed of a new demo organisation: the same seed gives the same history.")
        var seed: UInt64 = 2026

        @Flag(help: "Delete the demo database and build it anew.")
        var reset = false

        @OptionGroup var windowOptions: WindowOptions

        @Option(help: "text, json, csv or md.")
        var format: ReportFormat = .text

        func run() throws {
            let path = db ?? DemoDatabase.defaultPath()
            if reset {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
            do {
                let store = try Store.open(path: path, access: .readWrite)
                let showProgress = Terminal.stderrIsTerminal
                let outcome = try DemoDatabase.prepare(store, seed: seed, now: now) { day in
                    if showProgress {
                        FileHandle.standardError.write(Data("\r\u{1B}[KBuilding the demo history: \(day.iso8601)".utf8))
                    }
                }
                if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                printError(
                    outcome.created
                        ? "demo: built \(path) (seed \(outcome.seed), \(HumanFormat.grouped(outcome.counts.imported)) records since \(outcome.firstDay.iso8601))"
                        : "demo: brought \(path) up to date (\(HumanFormat.grouped(outcome.counts.imported)) new records)")
            } catch let error as StoreError {
                throw fail(error)
            }
            let output = try Report.render(
                path: path, length: windowOptions.window, asOf: try windowOptions.asOfTimestamp(), format: format)
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
