import ArgumentParser
import CodirModel
import Foundation
import TerminalUI

@main
struct Codir: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codir",
        abstract: "The collective influence of an executive committee: reach, colleague engagement, silos.",
        discussion: """
            The database is --db PATH (before or after the subcommand), else $CODIR_DB, else \
            $XDG_DATA_HOME/codir/codir.sqlite (~/.local/share/codir/codir.sqlite).

            Exit status: 0 success; 64 bad arguments; 65 some input was rejected; 66 an input file cannot be \
            read; 69 no database; 73 the database cannot be created; 74 the database is unusable; 75 the \
            database is locked (try again); 78 the configuration file is invalid; 1 anything else (an unknown \
            login for codir me, --as refused).
            """,
        version: "0.1.0",
        subcommands: [Dash.self, Wall.self, Me.self, Import.self, Ingest.self, Report.self, Status.self, Export.self, Forget.self, Backup.self, Demo.self, Simulate.self]
    )

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
            exit(withError: error)
        }
    }
}
