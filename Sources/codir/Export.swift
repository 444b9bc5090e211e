import ArgumentParser
import CodirModel
import CodirReport
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Export: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.exportAbstract,
                discussion: Strings.current.help.exportDiscussion)
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(Strings.current.help.exportPerson, valueName: "person"))
        var person: String

        func run() throws {
            let path = global.databasePath()
            let output: String
            do {
                let store = try Store.open(path: path, access: .readOnly)
                guard let records = try store.records(of: person) else { throw fail(StoreError.unknownPerson(path: path, key: person)) }
                let name = try store.metadata(Store.organisationKey) ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                output = PersonExport.json(records, organisation: name, exportedAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970)))
            } catch let error as StoreError {
                throw fail(error)
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
