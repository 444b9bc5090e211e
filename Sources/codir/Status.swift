import ArgumentParser
import CodirModel
import CodirReport
import CodirStore
import CodirText
import Foundation

/// The output formats of `codir status`.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Codir {
    struct Status: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.statusAbstract,
                discussion: Strings.current.help.statusDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(help: ArgumentHelp(Strings.current.help.statusFormat))
        var format: StatusFormat = .text

        func run() throws {
            let configuration = try viewer.configuration()
            let user = Platform.realUser()
            let disclosure = configuration.disclosure(login: user.login, uid: user.uid)
            let path = global.databasePath()
            let status: DataStatus
            do {
                let store = try Store.open(path: path, access: .readOnly)
                let name =
                    try store.metadata(Store.organisationKey)
                    ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                status = DataStatus(
                    organisation: name, people: try store.people().filter(disclosure.showsNumbers(of:)),
                    coverage: try store.coverage(leadersOnly: true), now: Timestamp(seconds: Int64(Date().timeIntervalSince1970)),
                    staleAfterDays: configuration.staleAfterDays)
            } catch {
                throw fail(error)
            }
            FileHandle.standardOutput.write(Data((format == .json ? status.json() : status.text()).utf8))
        }
    }
}
