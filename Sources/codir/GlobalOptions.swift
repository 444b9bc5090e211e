import ArgumentParser
import CodirStore
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $CODIR_DB, else $XDG_DATA_HOME/codir/codir.sqlite).",
            valueName: "path"))
    var db: String?

    /// The database path: --db, else $CODIR_DB, else the XDG data folder.
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db { return db }
        if let path = environment["CODIR_DB"], !path.isEmpty { return path }
        return Self.dataHome(environment) + "/codir/codir.sqlite"
    }

    static func dataHome(_ environment: [String: String]) -> String {
        if let home = environment["XDG_DATA_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }

    /// Lets `--db PATH` come before the subcommand: `codir --db PATH report` is read as
    /// `codir report --db PATH`.
    static func movingDatabaseOption(in arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            let argument = arguments[index]
            if argument == "--db", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("--db=") {
                leading.append(argument)
                index += 1
            } else {
                // --help, --version and the like stay where they are.
                return arguments
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
