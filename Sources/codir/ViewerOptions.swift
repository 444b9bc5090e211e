import ArgumentParser
import CodirConfig
import CodirModel
import Foundation

/// The configuration file option: for the commands that show data (dash, wall, report, me, status), who may see
/// what; for the writers (import, ingest, simulate), how long history is kept (`retention_days`).
struct ViewerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A configuration file (default: $CODIR_CONFIG, else $XDG_CONFIG_HOME/codir/config.toml). When /etc/codir/config.toml exists it decides, and this file may only narrow it.",
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
