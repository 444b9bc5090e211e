import ArgumentParser
import CodirModel
import CodirReport
import CodirStore
import Foundation

/// The output formats of `codir status`.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Codir {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which data codir holds for each leader, and whom to ask for a fresh export.",
            discussion: """
                Per leader: each source (LinkedIn archive, LinkedIn analytics, events, Slack, e-mail, Viva \
                Engage), the period its records cover, how many, and when its last file arrived; a source is \
                stale when that was more than stale_after_days ago (configuration, default 14). Opens the \
                database read-only.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(help: "text or json.")
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
