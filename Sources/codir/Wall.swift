import ArgumentParser
import CodirModel
import CodirText
import Foundation

extension Codir {
    struct Wall: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.wallAbstract,
                discussion: Strings.current.help.wallDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: DashboardOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(help: ArgumentHelp(Strings.current.help.wallRotate))
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
