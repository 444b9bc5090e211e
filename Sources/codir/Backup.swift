import ArgumentParser
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Backup: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.backupAbstract,
                discussion: Strings.current.help.backupDiscussion)
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(Strings.current.help.backupDestination, valueName: "destination"))
        var destination: String

        func run() throws {
            let path = global.databasePath()
            do {
                let store = try Store.open(path: path, access: .readOnly)
                let size = try store.backup(to: destination)
                printLine(Strings.current.commands.backedUp(path, destination, size / 1024))
            } catch {
                throw fail(error)
            }
        }
    }
}
