import ArgumentParser
import CodirStore
import CodirText
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            Strings.current.help.globalOptionsDb,
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            Strings.current.help.globalOptionsLang,
            valueName: "language"))
    var lang: LanguageName?

    /// The database path: --db, else $CODIR_DB, else the XDG data folder.
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db { return db }
        if let path = environment["CODIR_DB"], !path.isEmpty { return path }
        return Self.dataHome(environment) + "/codir/codir.sqlite"
    }

    /// Whether a writer may create the database's folder: only for the default location. A path the user typed
    /// (--db, $CODIR_DB) must be in a folder that exists, so that a typo does not start a new, empty database.
    func createsFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        db == nil && (environment["CODIR_DB"] ?? "").isEmpty
    }

    static func dataHome(_ environment: [String: String]) -> String {
        if let home = environment["XDG_DATA_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }

    /// Lets options come before the subcommand: `codir --db PATH --config FILE report` is read as
    /// `codir report --db PATH --config FILE`, so that every subcommand takes its options in either position and
    /// an option it does not take is the one named as unknown.
    static func movingLeadingOptions(in arguments: [String], subcommands: Set<String>) -> [String] {
        let takesValue: Set<String> = ["--db", "--config", "--lang"]
        var leading: [String] = []
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            let argument = arguments[index]
            // --help, --version and the like stay where they are.
            if ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"].contains(argument)
                || argument.hasPrefix("--generate-completion-script=")
            {
                return arguments
            }
            leading.append(argument)
            index += 1
            if !argument.contains("="), index < arguments.count,
                takesValue.contains(argument) || (!arguments[index].hasPrefix("-") && !subcommands.contains(arguments[index]))
            {
                leading.append(arguments[index])
                index += 1
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
