import CodirModel
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

    @Test func anUnknownKeyIsNamedWithItsLine() {
        #expect(throws: ConfigurationError("c.toml:2: unknown key 'visiblity' (expected 'visibility' or 'admins')")) {
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
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

@Suite struct ExampleConfigurationTests {
    @Test func theExampleInResourcesIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Resources/config.example.toml").path
        let configuration = try Configuration.load(explicit: path, environment: [:])
        #expect(configuration.visibility == .self)
        #expect(configuration.admins == ["comms-lead"])
    }
}
