import ArgumentParser
import CodirModel
import CodirText
import Foundation

extension Codir {
    struct Wall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The wall display: big tiles, a ticker of the latest interactions, rotating panes.",
            discussion: """
                Made to run unattended for weeks: it needs no key, keeps the last data on screen (marked stale) \
                when the database is missing, locked or replaced, and recovers by itself. q quits.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: DashboardOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(help: "Seconds between two panes when the screen cannot hold them all.")
        var rotate: Double = 20

        func validate() throws {
            guard rotate >= 1, rotate <= 3600 else { throw ValidationError(Strings.current.commands.betweenSeconds("--rotate", "1", "3600")) }
        }

        func run() throws {
            try runDashboard(
                path: global.databasePath(), disclosure: viewer.disclosure(), window: options.window, refresh: options.refresh,
                noColor: options.noColor, ascii: options.ascii, wallRotation: rotate, rates: try viewer.configuration().value)
        }
    }
}
