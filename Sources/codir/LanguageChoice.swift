import ArgumentParser
import CodirConfig
import CodirModel
import Foundation

/// `--lang fr|en`.
enum LanguageName: String, ExpressibleByArgument, CaseIterable {
    case fr, en

    var language: Language { self == .fr ? .fr : .en }
}

/// A command that prints for people: its text is in the language chosen by `--lang`, else the configuration's
/// `language`, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
protocol ChoosesLanguage {
    /// `--lang`, when given.
    var languageOption: LanguageName? { get }
    /// `--config`, when the command takes it.
    var configurationOption: String? { get }
}

extension ChoosesLanguage {
    var configurationOption: String? { nil }

    /// The language of this run. A configuration that cannot be read leaves the choice to the locale: the
    /// command that needs the file says what is wrong with it.
    func language(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        chosenLanguage(option: languageOption?.language, configuration: configurationOption, environment: environment)
    }
}

/// The commands with the global options take `--lang` from them.
protocol HasGlobalOptions: ChoosesLanguage {
    var global: GlobalOptions { get }
}

extension HasGlobalOptions {
    var languageOption: LanguageName? { global.lang }
}

extension Codir.Dash: HasGlobalOptions { var configurationOption: String? { viewer.config } }
extension Codir.Wall: HasGlobalOptions { var configurationOption: String? { viewer.config } }
extension Codir.Me: HasGlobalOptions { var configurationOption: String? { viewer.config } }
extension Codir.Report: HasGlobalOptions { var configurationOption: String? { viewer.config } }
extension Codir.Status: HasGlobalOptions { var configurationOption: String? { viewer.config } }
extension Codir.Import: HasGlobalOptions { var configurationOption: String? { settings.config } }
extension Codir.Ingest: HasGlobalOptions { var configurationOption: String? { settings.config } }
extension Codir.Simulate: HasGlobalOptions { var configurationOption: String? { settings.config } }
extension Codir.Backup: HasGlobalOptions {}
extension Codir.Export: HasGlobalOptions {}
extension Codir.Forget: HasGlobalOptions {}
extension Codir.Demo: ChoosesLanguage { var languageOption: LanguageName? { lang } }

/// The language of what is said while the command line is parsed, before the command exists: `--lang` as written,
/// else the language of the configuration named by `--config` (or of the default one), else the locale's.
func earlyLanguage(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
    func value(of option: String) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }
    return chosenLanguage(
        option: value(of: "--lang").flatMap(Language.init(name:)), configuration: value(of: "--config"),
        environment: environment)
}

/// `--lang` when given, else the language of the configuration file `configuration` (or of the default one), else
/// the locale's.
private func chosenLanguage(option: Language?, configuration: String?, environment: [String: String]) -> Language {
    if let option { return option }
    if let configured = (try? Configuration.load(explicit: configuration, environment: environment))?.language {
        return configured
    }
    return Language.fromEnvironment(environment)
}
