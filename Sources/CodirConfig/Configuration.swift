import CodirModel
import CodirText
import Foundation
import TOMLKit

/// The installation's settings, from a TOML file: who may see what.
///
/// ```toml
/// visibility = "self"            # "all" (default), "self" or "aggregate"
/// admins = ["comms-lead"]        # logins that see everything and may use `codir me --as`
/// min_group_size = 5             # under self and aggregate, smaller departments' figures are withheld
/// stale_after_days = 14          # the Data view marks a source stale when its last file is older
/// retention_days = 730           # the writers remove interactions older than this (default: keep all)
/// contact = "Marie Dupont, communication (poste 1234)"   # whom codir me tells executives to ask
///
/// [value]                        # the rates of the earned media value (docs/metrics.md)
/// cpm = 30                       # cost per 1,000 impressions
/// cpe = 1                        # cost per engagement
/// currency = "EUR"
/// ```
///
/// When the administrator's `/etc/codir/config.toml` exists it is authoritative: it alone names the admins
/// and sets the widest visibility; a user's file (`--config`, `$CODIR_CONFIG`, `$XDG_CONFIG_HOME`) may only
/// narrow what is shown.
public struct Configuration: Sendable, Hashable {
    public var visibility: Visibility
    /// The logins that see everything, whatever `visibility` says.
    public var admins: [String]
    /// Under `self` and `aggregate`, departments with fewer members have their figures withheld.
    public var minGroupSize: Int
    /// A source whose last file is older than this many days is marked stale.
    public var staleAfterDays: Int = Self.defaultStaleAfterDays
    /// The writers remove interactions older than this many days; nil keeps everything.
    public var retentionDays: Int?
    /// Whom to ask about codir (the comms lead), as codir me tells an executive it does not know.
    public var contact: String?
    /// The rates of the earned media value.
    public var value: ValueRates = .defaults
    /// The language people read codir in; nil: the locale's (`Language.fromEnvironment`).
    public var language: Language?
    /// The file it was read from; nil when no file was found and the defaults apply.
    public var file: String?
    /// The user's file that narrowed the administrator's, if any.
    public var narrowedBy: String?
    /// The keys the file set (the others have their defaults).
    var keysSet: Set<String> = []

    public init(
        visibility: Visibility = .all, admins: [String] = [], minGroupSize: Int = Disclosure.defaultMinGroupSize,
        file: String? = nil
    ) {
        self.visibility = visibility
        self.admins = admins
        self.minGroupSize = minGroupSize
        self.file = file
    }

    /// The keys a configuration file may hold.
    public static let keys = [
        "visibility", "admins", "min_group_size", "stale_after_days", "retention_days", "contact", "language", "value",
    ]

    /// The keys of the `[value]` table.
    public static let valueKeys = ["cpm", "cpe", "currency"]

    public static let defaultStaleAfterDays = 14
    /// The longest `stale_after_days` and `retention_days` taken (100 years).
    public static let maxDays = 36_500

    /// The administrator's file, authoritative when it exists.
    public static let systemPath = "/etc/codir/config.toml"

    /// The largest `min_group_size` taken.
    public static let maxGroupSize = 1000

    /// Whether `login` sees everything. Root does too: it could read the database file anyway.
    public func isAdmin(login: String?, uid: UInt32) -> Bool {
        uid == 0 || login.map(admins.contains) == true
    }

    /// What the person logged in as `login` may see.
    public func disclosure(login: String?, uid: UInt32) -> Disclosure {
        isAdmin(login: login, uid: uid)
            ? .everything : Disclosure(visibility: visibility, viewerLogin: login, minGroupSize: minGroupSize)
    }

    // MARK: Finding and reading the file

    /// The user's files looked at, in order, and whether each must exist: `explicit` (--config), else
    /// `$CODIR_CONFIG`, else `$XDG_CONFIG_HOME/codir/config.toml`.
    public static func userCandidates(explicit: String?, environment: [String: String]) -> [(path: String, required: Bool)] {
        if let explicit { return [(explicit, true)] }
        if let path = environment["CODIR_CONFIG"], !path.isEmpty { return [(path, true)] }
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return [(configHome + "/codir/config.toml", false)]
    }

    /// The files looked at without an administrator's file, in order: `explicit` (--config), else
    /// `$CODIR_CONFIG`, else `/etc/codir/config.toml`, else `$XDG_CONFIG_HOME/codir/config.toml`.
    public static func candidates(explicit: String?, environment: [String: String]) -> [(path: String, required: Bool)] {
        let user = userCandidates(explicit: explicit, environment: environment)
        return user.first?.required == true ? user : [(systemPath, false)] + user
    }

    /// The configuration in force. With an administrator's file at `systemPath`, that file decides the admins
    /// and the widest visibility, and the user's file (if any) can only narrow the visibility or raise
    /// `min_group_size`; without one, the first file found is read; without any, the defaults.
    public static func load(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        systemPath: String = Configuration.systemPath
    ) throws(ConfigurationError) -> Configuration {
        var user: String?
        for (path, required) in userCandidates(explicit: explicit, environment: environment) {
            if FileManager.default.fileExists(atPath: path) {
                user = path
                break
            }
            if required { throw ConfigurationError(Strings.current.commands.noConfiguration(path)) }
        }
        guard FileManager.default.fileExists(atPath: systemPath) else {
            return try user.map(read) ?? Configuration()
        }
        var system = try read(systemPath)
        guard let user, user != systemPath else { return system }
        let mine = try read(user)
        if mine.keysSet.contains("visibility") { system.visibility = system.visibility.narrowed(to: mine.visibility) }
        if mine.keysSet.contains("min_group_size") { system.minGroupSize = max(system.minGroupSize, mine.minGroupSize) }
        // How old is stale is the reader's choice; what is kept and whom to ask are the administrator's.
        if mine.keysSet.contains("stale_after_days") { system.staleAfterDays = mine.staleAfterDays }
        // So is the language: each reader their own.
        if let language = mine.language { system.language = language }
        // Admins come from the administrator's file only.
        system.narrowedBy = user
        return system
    }

    private static func read(_ path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(Strings.current.commands.configurationUnreadable(path))
        }
        guard data.count <= 1 << 20 else {
            throw ConfigurationError(Strings.current.commands.configurationTooLarge(path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(Strings.current.commands.configurationNotUTF8(path))
        }
        return try parse(text, file: path)
    }

    /// Parses a configuration file's text; every error names the file, the line and the key.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError("\(file):\(error.source.begin.line): \(error.description.lowercasedFirst)")
        } catch {
            throw ConfigurationError(Strings.current.commands.notTOML(file, "\(error)"))
        }
        func line(of key: String) -> Int { Self.line(of: key, in: text) }
        for key in table.keys.sorted(by: { line(of: $0) < line(of: $1) }) where !keys.contains(key) {
            let hint = closestMatch(to: key, in: keys).map(Strings.current.commands.didYouMean) ?? ""
            throw ConfigurationError(
                Strings.current.commands.unknownKey(
                    "\(file):\(line(of: key))", sanitized(key), hint,
                    "\(keys.dropLast().map { "'\($0)'" }.joined(separator: ", ")) \(Strings.current.commands.orWord) '\(keys.last ?? "")'"))
        }
        var configuration = Configuration(file: file)
        if let value = table["visibility"] {
            let allowed = Visibility.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            guard let name = value.string, let visibility = Visibility(rawValue: name) else {
                throw ConfigurationError(Strings.current.commands.visibilityOneOf("\(file):\(line(of: "visibility"))", allowed))
            }
            configuration.visibility = visibility
            configuration.keysSet.insert("visibility")
        }
        if let value = table["min_group_size"] {
            guard let size = value.int, (1...maxGroupSize).contains(size) else {
                throw ConfigurationError(
                    Strings.current.commands.groupSizeRange("\(file):\(line(of: "min_group_size"))", maxGroupSize))
            }
            configuration.minGroupSize = size
            configuration.keysSet.insert("min_group_size")
        }
        for key in ["stale_after_days", "retention_days"] {
            guard let value = table[key] else { continue }
            guard let days = value.int, (1...maxDays).contains(days) else {
                throw ConfigurationError(Strings.current.commands.daysRange("\(file):\(line(of: key))", key, maxDays))
            }
            if key == "stale_after_days" { configuration.staleAfterDays = days } else { configuration.retentionDays = days }
            configuration.keysSet.insert(key)
        }
        if let value = table["contact"] {
            guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 200 else {
                throw ConfigurationError(Strings.current.commands.contactText("\(file):\(line(of: "contact"))"))
            }
            configuration.contact = sanitized(text)
            configuration.keysSet.insert("contact")
        }
        if let value = table["language"] {
            guard let name = value.string, let language = Language(rawValue: name) else {
                throw ConfigurationError(Strings.current.commands.languageValue("\(file):\(line(of: "language"))"))
            }
            configuration.language = language
            configuration.keysSet.insert("language")
        }
        if let value = table["value"] {
            configuration.value = try parseValue(value, file: file, text: text)
            configuration.keysSet.insert("value")
        }
        if let value = table["admins"] {
            guard let array = value.array else {
                throw ConfigurationError(
                    Strings.current.commands.adminsList("\(file):\(line(of: "admins"))"))
            }
            for element in array {
                guard let login = element.string, isLogin(login) else {
                    throw ConfigurationError(
                        Strings.current.commands.adminNotLogin("\(file):\(line(of: "admins"))", sanitized(element.debugDescription)))
                }
                configuration.admins.append(login)
            }
            configuration.keysSet.insert("admins")
        }
        return configuration
    }

    /// The `[value]` table: rates from 0 to `ValueRates.maximum`, a currency of 1 to 8 letters (an ISO 4217 code
    /// such as "EUR", or a sign such as "€"); the keys it leaves out keep their defaults.
    static func parseValue(_ value: TOMLValueConvertible, file: String, text: String) throws(ConfigurationError) -> ValueRates {
        guard let table = value.table else {
            throw ConfigurationError(
                Strings.current.commands.valueTable("\(file):\(Self.line(of: "value", in: text))"))
        }
        func line(of key: String) -> Int { Self.line(of: key, in: text) }
        for key in table.keys.sorted() where !valueKeys.contains(key) {
            let hint = closestMatch(to: key, in: valueKeys).map(Strings.current.commands.didYouMean) ?? ""
            throw ConfigurationError(Strings.current.commands.unknownValueKey("\(file):\(line(of: key))", sanitized(key), hint))
        }
        var rates = ValueRates.defaults
        for key in ["cpm", "cpe"] {
            guard let entry = table[key] else { continue }
            guard let number = entry.double ?? entry.int.map(Double.init), number.isFinite, number >= 0,
                number <= ValueRates.maximum
            else {
                throw ConfigurationError(
                    Strings.current.commands.rateRange("\(file):\(line(of: key))", key, key == "cpm" ? "30" : "1.5"))
            }
            if key == "cpm" { rates.cpm = number } else { rates.cpe = number }
        }
        if let entry = table["currency"] {
            guard let code = entry.string, (1...8).contains(code.count),
                code.allSatisfy({ $0.isLetter || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .currencySymbol } })
            else {
                throw ConfigurationError(
                    Strings.current.commands.currencyCode("\(file):\(line(of: "currency"))"))
            }
            rates.currency = code
        }
        return rates
    }

    /// The 1-based line where `key` is set at the top level; 1 when it cannot be found.
    static func line(of key: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            for quote in ["\"", "'"] where rest.hasPrefix(quote) { rest = rest.dropFirst() }
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
            if after.hasPrefix("=") { return index + 1 }
        }
        return 1
    }

    /// A unix login: letters, digits, '.', '_', '-', not starting with '-', at most 32 characters.
    static func isLogin(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", text.unicodeScalars.count <= 32 else { return false }
        return text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }
}

/// A configuration file that cannot be used: one sentence naming the file, the line and the key.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
