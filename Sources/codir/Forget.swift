import ArgumentParser
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase people and every trace of them from the database.",
            discussion: """
                Removes each person's directory entry, their interactions in both directions, their posts with \
                their counters and the interactions on them, their daily rows, follower counts, demographics, \
                e-mail addresses, what waits for a post in their name, the rejected lines and file names that \
                name them. Deleted content is overwritten, the file rebuilt and its write-ahead log emptied, so \
                that their name and id remain nowhere in the database's files (backups are yours to renew). \
                PERSON is the id of the people file. --dry-run says what would go.
                """)

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Say what would be removed; remove nothing.")
        var dryRun = false

        @Argument(help: ArgumentHelp("The ids of the people to erase.", valueName: "person"))
        var people: [String]

        func validate() throws {
            guard !people.isEmpty else { throw ValidationError(Strings.current.commands.namePerson) }
        }

        func run() throws {
            let path = global.databasePath()
            let reports: [ForgetReport]
            do {
                let store = try Store.open(path: path, access: .readWrite, createFolder: false)
                reports = try store.forget(people, dryRun: dryRun)
            } catch {
                throw fail(error)
            }
            for report in reports { printLine(dryRun ? Strings.current.commands.wouldRemove(report.summary) : Strings.current.commands.removed(report.summary)) }
            if dryRun { printLine(Strings.current.commands.nothingRemoved) }
        }
    }
}
