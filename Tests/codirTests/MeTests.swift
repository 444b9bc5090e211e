import CodirTestSupport
import Foundation
import Testing

import LibC

/// `codir me` as the executives use it: their own unix login, a database they may read but not write, a
/// writer filling it meanwhile. The tests that need a second unix user create one, and so run only as root
/// (as CI does); the others run as anyone.
@Suite("codir me", .serialized)
struct MeTests {
    static let isRoot = getuid() == 0
    /// The executive's unix account and the read-only group of the database.
    static let user = "codir-test-exec"
    static let group = "codir-test-readers"

    static var currentLogin: String {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "?" }
        return String(cString: name)
    }

    /// The demo organisation in `folder/shared/codir.sqlite`, with Nathalie Lefèvre's login set to `login`.
    func demoDatabase(_ cli: CommandRunner, login: String) throws -> String {
        let shared = cli.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let db = shared + "/codir.sqlite"
        #expect(try cli.run("--db", db, "demo").status == 0)
        let people = try cli.write(
            "people.csv", "id,name,department,role,login,linkedin\nL03,Nathalie Lefèvre,Commercial,leader,\(login),\n")
        #expect(try cli.run("--db", db, "import", people).status == 0)
        return db
    }

    /// The set-up of the README: the database folder and files belong to a group the executive is in,
    /// readable, not writable, by that group; nothing for others.
    func shareReadOnly(_ db: String) throws {
        try run("/usr/sbin/groupadd", "-f", Self.group)
        if getpwnam(Self.user) == nil {
            try run("/usr/sbin/useradd", "-M", "-N", "-g", Self.group, "-s", "/bin/sh", Self.user)
        }
        // sshd runs a ForceCommand through the account's shell, and refuses a locked account even for a key.
        try run("/usr/sbin/usermod", "-s", "/bin/sh", "-p", "*", Self.user)
        let folder = (db as NSString).deletingLastPathComponent
        for path in [folder, db, db + "-wal", db + "-shm"] where FileManager.default.fileExists(atPath: path) {
            try run("/bin/chgrp", Self.group, path)
            try run("/bin/chmod", path == folder ? "750" : "640", path)
        }
    }

    func run(_ executable: String, _ arguments: String...) throws {
        let result = try spawnAndWait(executable, arguments)
        try #require(result.status == 0, "\(executable) \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    /// The built codir, copied where the executive's account can run it. `cp` does the copy: a file this
    /// process had open for writing could leak into a child that another test spawns meanwhile, and
    /// running the copy would then fail with "Text file busy".
    func binary(_ cli: CommandRunner) throws -> String {
        let copy = cli.path("codir")
        try run("/bin/cp", CommandRunner.executable.path, copy)
        try run("/bin/chmod", "755", copy)
        return copy
    }

    func digest(_ paths: [String]) -> [Data?] { paths.map { FileManager.default.contents(atPath: $0) } }

    @Test func anUnknownLoginIsOneSentenceAndExitStatus1() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: "someone-else")
        let config = try cli.write(
            "config.toml", "visibility = \"all\"\nadmins = [\"\(Self.currentLogin)\"]\ncontact = \"Marie Dupont (communication, poste 1234)\"\n")
        let me = try cli.run("--db", db, "me", "--config", config)
        #expect(me.status == 1)
        // Said to the executive who sees it, with whom to ask from the configuration.
        #expect(
            me.stderr.contains(
                "your login '\(Self.currentLogin)' is not in codir's directory yet: ask Marie Dupont (communication, poste 1234) to add it"),
            "\(me.stderr)")
        #expect(me.stderr.contains("'login' column"))
        #expect(me.stderr.split(separator: "\n").count == 1)
        let other = try cli.run("--db", db, "me", "--config", config, "--as", "nobody-here")
        #expect(other.status == 1)
        #expect(other.stderr.contains("no one in the directory of \(db) has the login 'nobody-here'"), "\(other.stderr)")
        // A near miss names the close login and whose it is.
        let typo = try cli.run("--db", db, "me", "--config", config, "--as", "someone-els")
        #expect(typo.stderr.contains("did you mean 'someone-else' (Nathalie Lefèvre)?"), "\(typo.stderr)")
    }

    static let hasSSHD = FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")

    /// The README's set-up, end to end: a real sshd with `Match Group` and `ForceCommand codir me`, a key
    /// login by the executive's account, which lands in their view and leaves with q.
    @Test(.enabled(if: isRoot && hasSSHD, "needs root and openssh-server (bash .ci/run installs it)"))
    func anExecutiveWhoConnectsOverSSHLandsInCodirMe() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: Self.user)
        try shareReadOnly(db)
        let codir = try binary(cli)
        let keys = cli.path("ssh")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        for name in ["host", "user"] { try run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "\(keys)/\(name)") }
        try run("/bin/cp", "\(keys)/user.pub", "\(keys)/authorized_keys")
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)

        // A port of its own; another one if it is taken.
        var sshd: pid_t = 0
        var port = 0
        for _ in 0..<5 {
            port = Int.random(in: 20_000..<60_000)
            let config = try cli.write(
                "sshd_config",
                """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(keys)/host
                PidFile \(keys)/sshd.pid
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                StrictModes no
                AuthorizedKeysFile \(keys)/authorized_keys
                Match Group \(Self.group)
                    ForceCommand \(codir) --db \(db) me
                    PermitTTY yes
                    AllowTcpForwarding no
                    X11Forwarding no

                """)
            try run("/usr/sbin/sshd", "-t", "-f", config)
            sshd = try spawnInBackground("/usr/sbin/sshd", ["-D", "-e", "-f", config], log: cli.path("sshd.log"))
            Thread.sleep(forTimeInterval: 0.5)
            if isRunning(sshd) { break }
        }
        defer { stopBackground(sshd) }
        try #require(isRunning(sshd), "sshd did not start: \((try? String(contentsOfFile: cli.path("sshd.log"), encoding: .utf8)) ?? "")")
        let ssh = "/usr/bin/ssh -i \(keys)/user -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes \(Self.user)@127.0.0.1"

        let status = cli.path("status")
        let session = try TmuxSession("TERM=xterm-256color LANG=C.UTF-8 \(ssh) -tt; echo $? > '\(status)'; sleep 5")
        let (screen, landed) = try session.screen(within: 15) { $0.contains("Your department") }
        #expect(landed, "the ssh session did not land in codir me:\n\(screen)\n\((try? String(contentsOfFile: cli.path("sshd.log"), encoding: .utf8)) ?? "")")
        // Without AcceptEnv the remote locale is C: the view is in ASCII.
        #expect(screen.contains("| Nathalie Lefevre") && screen.contains("Your department: Commercial"), "\(screen)")
        try session.send("q")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: status) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: status, encoding: .utf8)) == "0\n", "q did not end the ssh session with 0")

        // Without a terminal (ssh -T, or a command given to ssh), one sentence and exit status 1.
        let plain = try spawnAndWait("/bin/sh", ["-c", "\(ssh) -T"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("codir me needs a terminal"), "\(plain.stderr)")
    }

    @Test func viewersLeaveAWritableDatabaseByteIdentical() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: Self.currentLogin)
        // The database and its log. The -shm file is SQLite's shared-memory index, in which a reader that may
        // write it records its read marks: not data.
        let files = [db, db + "-wal"]
        let before = digest(files)
        #expect(before.allSatisfy { $0 != nil })
        for format in ["text", "json", "csv", "md"] {
            #expect(try cli.run("--db", db, "report", "--format", format).status == 0)
        }
        for command in ["dash", "wall", "me"] {
            let session = try TmuxSession(
                "TERM=xterm-256color LANG=C.UTF-8 '\(CommandRunner.executable.path)' --db '\(db)' \(command); sleep 5",
                width: 100, height: 30)
            let (screen, shown) = try session.screen(within: 10) { $0.contains("Groupe Horizon") }
            #expect(shown, "\(command) did not start:\n\(screen)")
            try session.send("q")
            _ = try session.screen(within: 3) { !$0.contains("Groupe Horizon") }
        }
        let after = digest(files)
        for (index, file) in files.enumerated() { #expect(after[index] == before[index], "\(file) changed") }
    }

    @Test func anInvalidConfigurationNamesTheKeyAndLine() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: "someone-else")
        let config = try cli.write("config.toml", "admins = []\nvisibility = \"nobody\"\n")
        for command in ["me", "dash", "wall", "report"] {
            let result = try cli.run("--db", db, command, "--config", config)
            #expect(result.status == 78, "\(command): \(result.status)")
            #expect(result.stderr == "error: \(config):2: 'visibility' must be one of \"all\", \"self\", \"aggregate\"\n")
        }
    }

    @Test func asIsRefusedToThoseWhoAreNotAdmins() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let config = try cli.write("config.toml", "visibility = \"self\"\nadmins = [\"comms-lead\"]\n")
        let db = try demoDatabase(cli, login: Self.isRoot ? Self.user : Self.currentLogin)
        let result: (status: Int32, stdout: String, stderr: String)
        if Self.isRoot {
            // Root sees everything: the refusal is for the executive's own account.
            try shareReadOnly(db)
            result = try spawnAndWait(
                "/usr/sbin/runuser", ["-u", Self.user, "--", try binary(cli), "me", "--db", db, "--config", config, "--as", "imoreau"])
        } else {
            let run = try cli.run("--db", db, "me", "--config", config, "--as", "imoreau")
            result = (run.status, run.stdout, run.stderr)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("only the admins named in the configuration in \(config) may use --as"), "\(result.stderr)")
    }

    /// With the administrator's /etc/codir/config.toml in place (bound there in a private mount namespace, so
    /// that nothing else on the machine sees it), a user's own --config or $CODIR_CONFIG cannot widen what
    /// they see nor make them an admin.
    @Test(.enabled(if: isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs root and unshare"))
    func aUsersOwnConfigurationCannotWidenTheAdministrators() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: Self.user)
        try shareReadOnly(db)
        let codir = try binary(cli)
        let etc = cli.path("etc-codir")
        try FileManager.default.createDirectory(atPath: etc, withIntermediateDirectories: true)
        try Data("visibility = \"self\"\nadmins = [\"comms-lead\"]\n".utf8).write(to: URL(fileURLWithPath: etc + "/config.toml"))
        let mine = try cli.write("mine.toml", "visibility = \"all\"\nadmins = [\"\(Self.user)\"]\n")
        try run("/bin/chmod", "755", cli.folder.path, etc)
        try run("/bin/chmod", "644", mine, etc + "/config.toml")
        // The mount point; removed afterwards if this test made it.
        let made = !FileManager.default.fileExists(atPath: "/etc/codir")
        if made { try FileManager.default.createDirectory(atPath: "/etc/codir", withIntermediateDirectories: false) }
        defer { if made { rmdir("/etc/codir") } }
        for (how, arguments) in [
            ("--config", "'\(codir)' report --db '\(db)' --config '\(mine)'"),
            ("$CODIR_CONFIG", "env CODIR_CONFIG='\(mine)' '\(codir)' report --db '\(db)'"),
            ("--as", "'\(codir)' me --db '\(db)' --config '\(mine)' --as imoreau"),
        ] {
            let script = "mount --bind '\(etc)' /etc/codir && exec /usr/sbin/runuser -u \(Self.user) -- \(arguments)"
            let result = try spawnAndWait("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", script])
            if how == "--as" {
                #expect(result.status == 1, "\(how): \(result.stderr)")
                continue
            }
            #expect(result.status == 0, "\(how): \(result.stderr)")
            #expect(result.stdout.contains("Only your own row is shown"), "\(how):\n\(result.stdout)")
            for other in ["Isabelle Moreau", "Thomas Bernard"] {
                #expect(!result.stdout.contains(other), "\(how) widened the administrator's visibility:\n\(result.stdout)")
            }
        }
    }

    @Test(.enabled(if: isRoot, "creates a unix user: needs root"))
    func aRealUserSeesTheirOwnNumbersReadOnlyWithAndWithoutAWriter() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try demoDatabase(cli, login: Self.user)
        let config = try cli.write("config.toml", "visibility = \"self\"\nadmins = [\"comms-lead\"]\n")
        try shareReadOnly(db)
        let codir = try binary(cli)
        // The executive can read the files but write neither them nor their folder.
        #expect(try spawnAndWait("/usr/sbin/runuser", ["-u", Self.user, "--", "/usr/bin/test", "-r", db]).status == 0)
        #expect(try spawnAndWait("/usr/sbin/runuser", ["-u", Self.user, "--", "/usr/bin/test", "-w", db]).status != 0)
        #expect(try spawnAndWait("/usr/sbin/runuser", ["-u", Self.user, "--", "/usr/bin/test", "-w", (db as NSString).deletingLastPathComponent]).status != 0)

        // Under visibility = "self", their report holds their row and no other leader's.
        let report = try spawnAndWait(
            "/usr/sbin/runuser", ["-u", Self.user, "--", codir, "report", "--db", db, "--config", config])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Nathalie Lefèvre"))
        #expect(report.stdout.contains("Only your own row is shown"))
        for other in ["Isabelle Moreau", "Thomas Bernard", "Philippe Garnier", "Sophie Dubois"] {
            #expect(!report.stdout.contains(other), "\(other) in a visibility = self report:\n\(report.stdout)")
        }

        // And so does their dashboard: their row, the committee's totals, no other leader.
        let dash = try TmuxSession(
            "TERM=xterm-256color LANG=C.UTF-8 /usr/sbin/runuser -u \(Self.user) -- '\(codir)' dash --db '\(db)' --config '\(config)'; sleep 5",
            width: 200, height: 60)
        let (board, boardShown) = try dash.screen(within: 10) { $0.contains("Only your own row") }
        #expect(boardShown, "no dashboard under visibility = self:\n\(board)")
        #expect(board.contains("Nathalie Lefèvre") && board.contains("committee impressions"))
        for other in ["Isabelle Moreau", "Thomas Bernard", "Philippe Garnier", "Sophie Dubois"] {
            #expect(!board.contains(other), "\(other) on a visibility = self dashboard:\n\(board)")
        }
        try dash.kill()

        // No writer: their view, and the files are byte-identical afterwards.
        let files = [db, db + "-wal", db + "-shm"]
        let before = digest(files)
        let status = cli.path("status")
        let session = try TmuxSession(
            "TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 /usr/sbin/runuser -u \(Self.user) -- '\(codir)' me --db '\(db)' --config '\(config)' --refresh 0.3; echo $? > '\(status)'; sleep 5")
        let (screen, shown) = try session.screen(within: 10) { $0.contains("Your department") }
        #expect(shown, "no personal view:\n\(screen)")
        #expect(screen.contains("· Nathalie Lefèvre") && screen.contains("Your department: Commercial"))
        #expect(screen.contains("Your reach, 30d"))
        #expect(screen.contains("Rank") && screen.contains("not shown"), "the rank shows under visibility = self:\n\(screen)")
        #expect(!screen.contains("STALE"))
        let impressions = screen.split(separator: "\n").first { $0.contains("Impressions") }.map(String.init) ?? ""
        #expect(impressions.contains { $0.isNumber }, "no impressions figure:\n\(screen)")

        // A writer fills the database meanwhile: the reader follows.
        func posts(_ screen: String) -> String? {
            screen.split(separator: "\n").first { $0.contains("Posts to engage with") }.map(String.init)
        }
        let first = posts(screen)
        let writer = try spawnAndWait(
            CommandRunner.executable.path, ["simulate", "--db", db, "--rate", "200", "--duration", "3"])
        #expect(writer.status == 0, "\(writer.stderr)")
        let (updated, followed) = try session.screen(within: 5) { posts($0) != first && !$0.contains("STALE") }
        #expect(followed, "the writer's posts did not show:\n\(updated)")

        try session.send("q")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: status) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let code = try? String(contentsOfFile: status, encoding: .utf8)
        #expect(code == "0\n", "codir me did not exit with 0 on q")

        // A session with no writer leaves every byte as it was.
        let quiet = digest(files)
        #expect(quiet != before)  // the writer did write
        let second = try TmuxSession(
            "TERM=vt100 LANG=C LC_ALL=C /usr/sbin/runuser -u \(Self.user) -- '\(codir)' me --db '\(db)' --config '\(config)'; sleep 5")
        let (ascii, asciiShown) = try second.screen(within: 10) { $0.contains("Your department") }
        #expect(asciiShown, "no personal view in the C locale:\n\(ascii)")
        #expect(ascii.contains("| Nathalie Lefevre") && ascii.contains("Your department: Commercial"))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        // The connection drops: SIGHUP ends it.
        try second.kill()
        let gone = Date().addingTimeInterval(5)
        var running = true
        while running && Date() < gone {
            running = try spawnAndWait("/usr/bin/pgrep", ["-u", Self.user, "-f", "codir me"]).status == 0
            if running { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(!running, "codir me outlived its terminal")
        #expect(digest(files) == quiet, "a codir me session changed the database files")

        // Without its -wal and -shm files (the database copied in alone), the reader says what to do, and one
        // run of the writer puts them back.
        try FileManager.default.removeItem(atPath: db + "-wal")
        try FileManager.default.removeItem(atPath: db + "-shm")
        let lost = try spawnAndWait("/usr/sbin/runuser", ["-u", Self.user, "--", codir, "report", "--db", db, "--config", config])
        #expect(lost.status == 74)
        #expect(lost.stderr.contains("its -wal and -shm files are missing"), "\(lost.stderr)")
        #expect(try cli.run("--db", db, "import", "--organisation", "Groupe Horizon").status == 0)
        let back = try spawnAndWait("/usr/sbin/runuser", ["-u", Self.user, "--", codir, "report", "--db", db, "--config", config])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.hasPrefix("Groupe Horizon"))
    }
}

/// A tmux session running a shell command at a fixed size; killed when released.
final class TmuxSession {
    let name = "codir-me-\(UUID().uuidString.prefix(8))"
    private let tmux = DashboardTmuxTests()

    init(_ command: String, width: Int = 80, height: Int = 24) throws {
        try tmux.tmux("new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command)
    }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    func screen(within seconds: Double, until condition: (String) -> Bool) throws -> (String, Bool) {
        try tmux.screen(name, within: seconds, until: condition)
    }

    func send(_ keys: String) throws { try tmux.tmux("send-keys", "-t", name, keys) }

    /// Ends the session as a dropped connection would: its processes get SIGHUP.
    func kill() throws { try tmux.tmux("kill-session", "-t", name) }

    deinit { _ = try? tmux.tmux("kill-session", "-t", name) }
}
