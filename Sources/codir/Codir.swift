import ArgumentParser
import CodirModel
import CodirText
import Foundation
import TerminalUI

@main
struct Codir: ParsableCommand {
    // Computed: --help is made in the language of the run.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "codir",
            abstract: Strings.current.help.codirAbstract,
            discussion: Strings.current.help.codirDiscussion,
            version: "0.1.0",
            subcommands: [Dash.self, Wall.self, Me.self, Import.self, Ingest.self, Report.self, Status.self, Export.self, Forget.self, Backup.self, Demo.self, Simulate.self]
        )
    }

    static func main() {
        // Text is measured in columns by the C library, which needs a UTF-8 character set; numbers stay in the
        // C locale's format (only LC_CTYPE changes).
        TextWidth.prepareCharacterSet()
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName ?? String(describing: $0).lowercased() })
        let arguments = GlobalOptions.movingLeadingOptions(in: Array(CommandLine.arguments.dropFirst()), subcommands: names)
        // What parsing says (an option out of range) is said in the language the command line asks for.
        let early = earlyLanguage(arguments)
        do {
            var command = try Language.$current.withValue(early) { try parseAsRoot(arguments) }
            let language = (command as? ChoosesLanguage)?.language() ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
            try Language.$current.withValue(language) { try command.run() }
        } catch {
            // --help is made here, in the language the command line asks for.
            Language.$current.withValue(early) { exit(withError: error) }
        }
    }
}
