import ArgumentParser
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Forget: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.forgetAbstract,
                discussion: Strings.current.help.forgetDiscussion)
        }

        @OptionGroup var global: GlobalOptions

        @Flag(help: ArgumentHelp(Strings.current.help.forgetDryRun))
        var dryRun = false

        @Argument(help: ArgumentHelp(Strings.current.help.forgetPeople, valueName: "person"))
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
