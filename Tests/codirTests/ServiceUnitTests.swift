import CodirTestSupport
import Foundation
import Testing

/// The systemd units of Resources/systemd are valid units (systemd-analyze verify), pointed at the built codir.
@Suite("Service units")
struct ServiceUnitTests {
    static let analyze = "/usr/bin/systemd-analyze"

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: analyze), "needs systemd-analyze"),
        arguments: [("codir-ingest.service", "codir-ingest.service"), ("codir-wall@.service", "codir-wall@tty2.service")])
    func theUnitIsValid(_ name: String, instance: String) throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let unit = try String(contentsOfFile: cli.resource("systemd/" + name), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/codir --db /srv/codir/data/codir.sqlite"))
        let local = unit.replacingOccurrences(of: "/usr/local/bin/codir", with: CommandRunner.executable.path)
        let path = try cli.write(instance, local)
        let result = try spawnAndWait(Self.analyze, ["verify", path])
        let complaints = (result.stdout + result.stderr).split(separator: "\n").filter { $0.contains(instance) || $0.contains(name) }
        #expect(complaints.isEmpty, "\(complaints.joined(separator: "\n"))")
        if name == "codir-ingest.service" {
            for setting in ["NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/srv/codir/data /srv/codir/inbox", "PrivateTmp=yes", "Restart=on-failure"] {
                #expect(unit.contains(setting), "\(setting) missing")
            }
        } else {
            #expect(unit.contains("Restart=always"))
            #expect(unit.contains("TTYPath=/dev/%I"))
        }
    }
}
