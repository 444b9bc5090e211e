/// The language people read codir in. Everything a person reads has both; what tools parse (JSON and CSV keys,
/// the `FILE:LINE: error:` prefix, command and option names, exit statuses) stays as it is.
public enum Language: String, Sendable, CaseIterable, CustomStringConvertible {
    case en
    case fr

    /// The language of the text being made: bound once for a command's whole run (`Language.$current.withValue`)
    /// and for each test that renders another language. A task-local rather than a parameter: numbers and words
    /// are formatted in a hundred places, and a value bound for a task cannot leak into a test running beside it.
    @TaskLocal public static var current: Language = .en

    /// The language a POSIX program would take from its environment: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set and not empty; French when it starts with `fr` (`fr_FR.UTF-8`, `fr_CA`, `fr`), else
    /// English. Whether that locale is installed does not matter: the words are codir's own.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("fr") ? .fr : .en
        }
        return .en
    }

    /// `fr`, `en`, or a name people write (`french`, `français`, `English`); nil for anything else.
    public init?(name: String) {
        switch name.lowercased() {
        case "fr", "french", "français", "francais": self = .fr
        case "en", "english", "anglais": self = .en
        default: return nil
        }
    }

    public var description: String { rawValue }
}
