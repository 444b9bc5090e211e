import ArgumentParser
import CodirConfig
import CodirModel
import CodirText
import Foundation

/// The configuration file option: for the commands that show data (dash, wall, report, me, status), who may see
/// what; for the writers (import, ingest, simulate), how long history is kept (`retention_days`).
struct ViewerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            Strings.current.help.viewerOptionsConfig,
            valueName: "path"))
    var config: String?

    /// The configuration in force; an unusable file is one sentence on stderr and exit status 78.
    func configuration() throws -> Configuration {
        do {
            return try Configuration.load(explicit: config)
        } catch {
            printError("error: \(error.message)")
            throw ExitStatus.badConfiguration
        }
    }

    /// What the person running this process may see.
    func disclosure() throws -> Disclosure {
        let user = Platform.realUser()
        return try configuration().disclosure(login: user.login, uid: user.uid)
    }
}
