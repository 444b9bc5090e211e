import ArgumentParser
import CodirModel
import CodirReport
import CodirStore
import Foundation

extension Codir {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print, as JSON, everything codir holds about one person (their right of access).",
            discussion: """
                Their directory entry and addresses, their interactions given and received (who, whom, when, \
                kind, source: codir stores no content), their posts and counters, daily rows, follower counts \
                and demographics. Opens the database read-only; PERSON is the id of the people file.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The person's id.", valueName: "person"))
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
