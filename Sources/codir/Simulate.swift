import ArgumentParser
import CodirDemo
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Simulate: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.simulateAbstract,
                discussion: Strings.current.help.simulateDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var settings: ViewerOptions

        @Option(help: ArgumentHelp(Strings.current.help.simulateRate))
        var rate: Double = 5

        @Option(help: ArgumentHelp(Strings.current.help.simulateSeed))
        var seed: UInt64 = UInt64(Date().timeIntervalSince1970)

        @Option(help: ArgumentHelp(Strings.current.help.simulateDuration))
        var duration: Double?

        func validate() throws {
            guard rate > 0, rate <= 100_000 else { throw ValidationError(Strings.current.commands.aboveZeroAtMost("--rate", "100000")) }
            if let duration, duration <= 0 { throw ValidationError(Strings.current.commands.aboveZero("--duration")) }
        }

        func run() throws {
            let path = global.databasePath()
            Platform.catchStopSignals()
            let started = Date()
            do {
                let store = try Store.open(path: path, access: .readWrite, createFolder: global.createsFolder())
                let simulator = Simulator(store: store, rate: rate, seed: seed)
                let retention = Retention(days: try settings.configuration().retentionDays)
                var last = Date()
                while !Platform.stopRequested {
                    if let duration, Date().timeIntervalSince(started) >= duration { break }
                    Platform.sleep(1)
                    let now = Date()
                    try simulator.step(
                        now: Timestamp(seconds: Int64(now.timeIntervalSince1970)),
                        seconds: now.timeIntervalSince(last))
                    last = now
                    retention.apply(to: store, log: { printError($0) })
                }
                printLine(Strings.current.commands.simulated(simulator.written, path))
            } catch let error as StoreError {
                throw fail(error)
            }
        }
    }
}
