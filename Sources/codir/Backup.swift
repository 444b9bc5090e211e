import ArgumentParser
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the database to a new file, while writers keep running.",
            discussion: """
                The copy is SQLite's VACUUM INTO: one consistent moment of the database, compacted, in a new file \
                (it must not exist yet; its folder must). Opens the database read-only. To restore: stop the \
                writers, copy the backup over the database file, remove its old -wal and -shm files, start them \
                again (see the README).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The new file to write the copy to.", valueName: "destination"))
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
