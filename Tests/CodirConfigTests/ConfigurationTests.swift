import CodirModel
import CodirTestSupport
import Foundation
import Testing

@testable import CodirConfig

@Suite struct ConfigurationTests {
    @Test func readsVisibilityAndAdmins() throws {
        let configuration = try Configuration.parse(
            """
            # who may see what
            visibility = "self"
            admins = ["comms-lead", "imoreau"]
            """, file: "config.toml")
        #expect(configuration.visibility == .self)
        #expect(configuration.admins == ["comms-lead", "imoreau"])
        #expect(configuration.file == "config.toml")
    }

    @Test func theValueTableSetsTheRatesOfEarnedMediaValue() throws {
        let configuration = try Configuration.parse(
            """
            visibility = "all"

            [value]
            cpm = 12.5
            cpe = 2
            currency = "USD"
            """, file: "c.toml")
        #expect(configuration.value == ValueRates(cpm: 12.5, cpe: 2, currency: "USD"))
        // Keys left out keep their defaults; without the table, the defaults.
        #expect(try Configuration.parse("[value]\ncpe = 0.5\n", file: "c.toml").value == ValueRates(cpm: 30, cpe: 0.5, currency: "EUR"))
        #expect(try Configuration.parse("", file: "c.toml").value == .defaults)
        #expect(throws: ConfigurationError("c.toml:3: 'cpm' in [value] must be a number from 0 to 1000000, like cpm = 30")) {
            try Configuration.parse("# rates\n[value]\ncpm = -4\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:2: 'cpe' in [value] must be a number from 0 to 1000000, like cpe = 1.5")) {
            try Configuration.parse("[value]\ncpe = \"1\"\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:2: unknown key 'cmp' in [value]; did you mean 'cpm'? (expected 'cpm', 'cpe' or 'currency')")) {
            try Configuration.parse("[value]\ncmp = 30\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:2: 'currency' in [value] must be a currency code of 1 to 8 letters, like currency = \"EUR\"")) {
            try Configuration.parse("[value]\ncurrency = \"\\u001b[31m\"\n", file: "c.toml")
        }
        #expect(try Configuration.parse("[value]\ncurrency = \"€\"\n", file: "c.toml").value.currency == "€")
    }

    @Test func anEmptyFileKeepsTheDefaults() throws {
        let configuration = try Configuration.parse("# nothing set\n", file: "c.toml")
        #expect(configuration.visibility == .all)
        #expect(configuration.admins.isEmpty)
    }

    @Test func aWrongValueNamesTheKeyAndLine() {
        #expect(throws: ConfigurationError("c.toml:3: 'visibility' must be one of \"all\", \"self\", \"aggregate\"")) {
            try Configuration.parse("# c\nadmins = []\nvisibility = \"everyone\"\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:1: 'visibility' must be one of \"all\", \"self\", \"aggregate\"")) {
            try Configuration.parse("visibility = 3\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:2: 'admins' must be a list of logins, like admins = [\"comms-lead\"]")) {
            try Configuration.parse("\nadmins = \"comms-lead\"\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError("c.toml:1: 'admins' holds \"bad login\", which is not a unix login")) {
            try Configuration.parse("admins = [\"bad login\"]\n", file: "c.toml")
        }
    }

    /// `language = "fr"` or `"en"`; anything else is named with its line.
    @Test func theLanguageIsFrenchOrEnglish() throws {
        #expect(try Configuration.parse("language = \"fr\"\n", file: "c.toml").language == .fr)
        #expect(try Configuration.parse("language = \"en\"\n", file: "c.toml").language == .en)
        #expect(try Configuration.parse("visibility = \"all\"\n", file: "c.toml").language == nil)
        #expect(throws: ConfigurationError("c.toml:2: 'language' must be \"fr\" or \"en\"")) {
            try Configuration.parse("admins = []\nlanguage = \"de\"\n", file: "c.toml")
        }
    }

    @Test func anUnknownKeyIsNamedWithItsLine() {
        #expect(throws: ConfigurationError("c.toml:2: unknown key 'visiblity'; did you mean 'visibility'? (expected 'visibility', 'admins', 'min_group_size', 'stale_after_days', 'retention_days', 'contact', 'language' or 'value')")) {
            try Configuration.parse("admins = []\nvisiblity = \"self\"\n", file: "c.toml")
        }
    }

    @Test func aSyntaxErrorNamesTheLine() throws {
        do {
            _ = try Configuration.parse("visibility = \"self\"\nadmins = [\"a\",\n", file: "c.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("c.toml:2: "))
        }
    }

    @Test func searchOrderIsFlagThenEnvironmentThenSystemThenUser() {
        let environment = ["CODIR_CONFIG": "/srv/codir.toml", "XDG_CONFIG_HOME": "/home/a/.cfg", "HOME": "/home/a"]
        #expect(Configuration.candidates(explicit: "x.toml", environment: environment).map(\.path) == ["x.toml"])
        #expect(Configuration.candidates(explicit: nil, environment: environment).map(\.path) == ["/srv/codir.toml"])
        #expect(
            Configuration.candidates(explicit: nil, environment: ["HOME": "/home/a"]).map(\.path) == [
                "/etc/codir/config.toml", "/home/a/.config/codir/config.toml",
            ])
    }

    @Test func aMissingExplicitFileIsAnError() throws {
        #expect(throws: ConfigurationError("/nonexistent/codir.toml: no such configuration file")) {
            try Configuration.load(explicit: "/nonexistent/codir.toml", environment: [:])
        }
        let scratch = try ScratchFolder("config")
        defer { scratch.remove() }
        let folder = scratch.url
        try Data("visibility = \"aggregate\"\n".utf8).write(to: folder.appendingPathComponent("config.toml"))
        let found = try Configuration.load(environment: ["CODIR_CONFIG": folder.path + "/config.toml"])
        #expect(found.visibility == .aggregate)
    }

    @Test func adminsAndRootSeeEverything() {
        let configuration = Configuration(visibility: .self, admins: ["comms-lead"])
        #expect(configuration.disclosure(login: "comms-lead", uid: 1001) == .everything)
        #expect(configuration.disclosure(login: "root", uid: 0) == .everything)
        #expect(configuration.disclosure(login: "imoreau", uid: 1002) == Disclosure(visibility: .self, viewerLogin: "imoreau"))
    }
}

/// The administrator's file decides; a user's file may only narrow it.
@Suite struct ConfigurationAuthorityTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws { scratch = try ScratchFolder("authority") }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aUserFileCannotWidenVisibilityNorAddAdmins() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let system = try write("system.toml", "visibility = \"self\"\nadmins = [\"comms-lead\"]\nmin_group_size = 4\n")
        let mine = try write("mine.toml", "visibility = \"all\"\nadmins = [\"imoreau\"]\nmin_group_size = 2\n")
        for configuration in [
            try Configuration.load(explicit: mine, environment: [:], systemPath: system),
            try Configuration.load(environment: ["CODIR_CONFIG": mine], systemPath: system),
            try Configuration.load(environment: ["XDG_CONFIG_HOME": folder.path + "/xdg"], systemPath: system),
        ] {
            #expect(configuration.visibility == .self)
            #expect(configuration.admins == ["comms-lead"])
            #expect(configuration.minGroupSize == 4)
            #expect(configuration.disclosure(login: "imoreau", uid: 1002).visibility == .self)
        }
    }

    @Test func aUserFileMayNarrow() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let system = try write("system.toml", "visibility = \"self\"\n")
        let mine = try write("mine.toml", "visibility = \"aggregate\"\nmin_group_size = 10\n")
        let configuration = try Configuration.load(explicit: mine, environment: [:], systemPath: system)
        #expect(configuration.visibility == .aggregate)
        #expect(configuration.minGroupSize == 10)
        #expect(configuration.narrowedBy == mine)
        // One that says nothing keeps the administrator's settings.
        let silent = try write("silent.toml", "# nothing\n")
        #expect(try Configuration.load(explicit: silent, environment: [:], systemPath: system).visibility == .self)
    }

    /// The language is each reader's: their file's wins over the administrator's, which is the host's default.
    @Test func theUsersLanguageWinsOverTheAdministrators() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let system = try write("system.toml", "language = \"fr\"\n")
        let mine = try write("mine.toml", "language = \"en\"\n")
        #expect(try Configuration.load(explicit: mine, environment: [:], systemPath: system).language == .en)
        let silent = try write("silent.toml", "# nothing\n")
        #expect(try Configuration.load(explicit: silent, environment: [:], systemPath: system).language == .fr)
    }

    @Test func withoutAnAdministratorsFileTheUsersFileStands() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = try write("mine.toml", "visibility = \"all\"\nadmins = [\"imoreau\"]\n")
        let configuration = try Configuration.load(explicit: mine, environment: [:], systemPath: folder.path + "/none.toml")
        #expect(configuration.visibility == .all)
        #expect(configuration.admins == ["imoreau"])
    }

    @Test func minGroupSizeIsBounded() {
        #expect(throws: ConfigurationError("c.toml:1: 'min_group_size' must be a whole number from 1 to 1000")) {
            try Configuration.parse("min_group_size = 0\n", file: "c.toml")
        }
        #expect(throws: ConfigurationError.self) { try Configuration.parse("min_group_size = \"5\"\n", file: "c.toml") }
        #expect(throws: ConfigurationError.self) { try Configuration.parse("min_group_size = 99999999999999999999\n", file: "c.toml") }
    }
}

@Suite struct ExampleConfigurationTests {
    @Test func theExampleInResourcesIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Resources/config.example.toml").path
        let configuration = try Configuration.load(explicit: path, environment: [:])
        #expect(configuration.visibility == .self)
        #expect(configuration.admins == ["comms-lead"])
    }
}
