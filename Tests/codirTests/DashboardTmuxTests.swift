import CodirTestSupport
import Foundation
import Testing

/// The real `codir dash` in a real terminal: tmux, at a fixed size.
@Suite("codir dash in tmux", .serialized)
struct DashboardTmuxTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let tmux = try #require(Self.tmux, "tmux is needed: apt-get install tmux")
        // Each session has a server of its own (its socket is named after the session): a shared server
        // exits when its last session ends, and a session another test creates at that moment is lost.
        var socket: [String] = []
        if let flag = arguments.firstIndex(where: { $0 == "-s" || $0 == "-t" }), flag + 1 < arguments.count {
            socket = ["-L", arguments[flag + 1]]
        }
        var arguments = arguments
        if arguments.first == "new-session" {
            // English whatever the machine's locale; a test that wants another language says so in its command.
            arguments.insert(contentsOf: ["-e", "LANG=C.UTF-8", "-e", "LC_ALL=", "-e", "LC_MESSAGES="], at: 1)
        }
        let result = try spawnAndWait(tmux, socket + arguments)
        if arguments.first == "new-session" {
            try #require(result.status == 0, "tmux new-session failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    func screen(_ session: String, within seconds: Double, until condition: (String) -> Bool) throws -> (String, Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        repeat {
            text = try tmux("capture-pane", "-p", "-t", session)
            if condition(text) { return (text, true) }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return (text, false)
    }

    /// An ssh client sends its LANG: fr_FR.UTF-8, which this host has not generated (it has only C.UTF-8). The
    /// words are still French and the drawing still UTF-8; --lang en and the configuration's language decide
    /// over the locale, the option over the configuration.
    @Test func aFrenchLocaleThatIsNotInstalledStillReadsFrenchInUTF8() throws {
        let cli = try CommandRunner()
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        let config = try cli.write("config.toml", "language = \"fr\"\n")
        func run(_ environment: String, _ options: String, until expected: String) throws -> (String, Bool) {
            let session = "codir-test-\(UUID().uuidString.prefix(8))"
            defer { _ = try? tmux("kill-session", "-t", session) }
            let command =
                "env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u CODIR_CONFIG TERM=xterm-256color \(environment) '\(CommandRunner.executable.path)' --db '\(db)' dash --refresh 0.5 \(options)"
            try tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
            return try screen(session, within: 8) { $0.contains(expected) && $0.contains("└") && $0.contains(" q ") }
        }
        defer { cli.remove() }
        let (french, shown) = try run("LANG=fr_FR.UTF-8", "", until: "fenêtre 30 j")
        #expect(shown, "no French under LANG=fr_FR.UTF-8:\n\(french)")
        #expect(french.contains("┌") && french.contains("Dirigeant") && french.contains("q quitter"), "\(french)")
        let (english, forced) = try run("LANG=fr_FR.UTF-8", "--lang en", until: "window 30d")
        #expect(forced && english.contains("q quit"), "--lang en did not win over LANG:\n\(english)")
        let (configured, chosen) = try run("LANG=C.UTF-8", "--config '\(config)'", until: "fenêtre 30 j")
        #expect(chosen, "language = \"fr\" did not win over LANG=C.UTF-8:\n\(configured)")
        let (option, wins) = try run("LANG=C.UTF-8", "--config '\(config)' --lang en", until: "window 30d")
        #expect(wins, "--lang en did not win over the configuration:\n\(option)")
    }

    /// An ssh client chooses the size it claims: 5000×5000 is drawn as 1000×400, in bounded memory.
    @Test func aTerminalClaimingAHugeSizeIsDrawnWithinBoundedMemory() throws {
        let cli = try CommandRunner()
        let session = "codir-test-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? tmux("kill-session", "-t", session)
            cli.remove()
        }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        let pidFile = cli.path("pid")
        // The pty claims 5000×5000 (as a client would over ssh); tmux's own window stays small.
        let command =
            "stty rows 5000 cols 5000; echo $$ > '\(pidFile)'; TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 exec '\(CommandRunner.executable.path)' --db '\(db)' dash --refresh 0.5"
        try tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
        let deadline = Date().addingTimeInterval(10)
        var peak = 0
        var pid: String?
        while Date() < deadline {
            pid = pid ?? (try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            {
                peak = max(peak, kib)
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(pid != nil)
        #expect(peak > 0, "the dashboard did not run")
        #expect(peak < 300 * 1024, "peak memory \(peak) KiB at a claimed 5000×5000")
        // Still running: the size was taken as 1000×400, not refused.
        #expect(pid.flatMap { Int32($0) }.map { kill($0, 0) == 0 } == true)
    }

    @Test func dashboardShowsLiveDataSurvivesResizesAndQuits() throws {
        let cli = try CommandRunner()
        let session = "codir-test-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? tmux("kill-session", "-t", session)
            cli.remove()
        }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        let status = cli.path("status")
        let command =
            "TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(CommandRunner.executable.path)' --db '\(db)' dash --refresh 0.5; echo $? > '\(status)'; sleep 5"
        try tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)

        let (first, started) = try screen(session, within: 10) { $0.contains("Claire Martin") }
        #expect(started, "the first frame did not show:\n\(first)")
        for title in ["Reach", "Colleague engagement", "Silos"] { #expect(first.contains(title), "\(title) missing:\n\(first)") }

        // Another process writes: the screen follows within 3 seconds.
        let newcomers = try cli.write(
            "newcomers.csv",
            "id,name,department,role\nl9,Zoé Nouvelle,Tech,leader\nl666,\"Eve\u{1B}]0;owned\u{07}\u{1B}[2J Evil\",Sales,leader\n")
        let wrote = Date()
        #expect(try cli.run("--db", db, "import", newcomers).status == 0)
        let (live, updated) = try screen(session, within: 3) { $0.contains("Zoé Nouvelle") }
        #expect(updated, "the import did not show within 3 s:\n\(live)")
        #expect(Date().timeIntervalSince(wrote) < 3.5)
        #expect(live.contains("Eve?]0;owned??[2J"), "a crafted name must show as text:\n\(live)")

        // Resizing to 70×20 and back neither crashes nor garbles.
        try tmux("resize-window", "-t", session, "-x", "70", "-y", "20")
        let (narrow, redrawn) = try screen(session, within: 3) { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 70 } && screen.contains("Reach")
        }
        #expect(redrawn, "not redrawn at 70×20:\n\(narrow)")
        try tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        _ = try screen(session, within: 3) { $0.contains("3 Silos") }

        try tmux("send-keys", "-t", session, "3")
        let (silos, switched) = try screen(session, within: 3) { $0.contains("Modularity") }
        #expect(switched, "key 3 did not show the Silos pane:\n\(silos)")

        // Key 4: the influence of the committee; without press files, it says how to bring them.
        try tmux("send-keys", "-t", session, "4")
        let (influence, influenced) = try screen(session, within: 3) {
            $0.contains("Team act.") && $0.contains("Media impact: 0 press items") && $0.contains("codir import a feed")
        }
        #expect(influenced, "key 4 did not show the Influence pane:\n\(influence)")

        // Key 5: which data codir holds for each leader, and whom to ask for an export.
        try tmux("send-keys", "-t", session, "5")
        let (data, shown) = try screen(session, within: 3) { $0.contains("stale after 14 days") }
        #expect(shown && data.contains("Claire Martin") && data.contains("LinkedIn archive"), "key 5 did not show the Data pane:\n\(data)")

        try tmux("send-keys", "-t", session, "q")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: status) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let code = try? String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let last = (try? tmux("capture-pane", "-p", "-t", session)) ?? "(no session)"
        #expect(code == "0", "codir dash did not exit with 0 on q; the screen:\n\(last)")
    }

    @Test func dumbTerminalsAndPipesGetOneSentence() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let piped = try cli.run("--db", db, "dash")
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("needs a terminal"))
        #expect(piped.stderr.contains("codir report"))

        /// Runs `codir dash` in a tmux pane with this TERM; returns its stderr and exit status.
        func dash(term: String) throws -> String {
            let session = "codir-term-\(UUID().uuidString.prefix(8))"
            defer { _ = try? tmux("kill-session", "-t", session) }
            let out = cli.path("out-\(session)")
            try tmux(
                "new-session", "-d", "-s", session, "-x", "80", "-y", "24",
                "TERM=\(term) '\(CommandRunner.executable.path)' --db '\(db)' dash 2> '\(out)'; echo $? >> '\(out)'; sleep 5")
            let deadline = Date().addingTimeInterval(10)
            var text = ""
            while Date() < deadline {
                text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
                if text.hasSuffix("\n"), text.split(separator: "\n").count >= 2 { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return text
        }
        let dumb = try dash(term: "dumb")
        #expect(dumb.contains("cannot move the cursor"), "\(dumb)")
        #expect(dumb.hasSuffix("1\n"))
        let unknown = try dash(term: "no-such-terminal")
        #expect(unknown.contains("terminal type 'no-such-terminal' is unknown"), "\(unknown)")
        #expect(unknown.hasSuffix("1\n"))
    }
}

@Suite("codir wall in tmux", .serialized)
struct WallTmuxTests {
    let tmuxTests = DashboardTmuxTests()

    @Test func panesRotateAndTheWallSurvivesItsDatabaseGoingAway() throws {
        let cli = try CommandRunner()
        let session = "codir-wall-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? tmuxTests.tmux("kill-session", "-t", session)
            cli.remove()
        }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        try tmuxTests.tmux(
            "new-session", "-d", "-s", session, "-x", "80", "-y", "24",
            "TERM=xterm-256color LANG=C.UTF-8 '\(CommandRunner.executable.path)' --db '\(db)' wall --rotate 1 --refresh 0.3; sleep 5")
        let (first, started) = try tmuxTests.screen(session, within: 10) { $0.contains("reach 30d") }
        #expect(started, "no first frame:\n\(first)")
        // The pane boxes' titles rotate by themselves.
        for title in ["─ Colleague engagement", "─ Silos", "─ Influence", "─ Reach"] {
            let (screen, seen) = try tmuxTests.screen(session, within: 4) { $0.contains(title) }
            #expect(seen, "\(title) never showed:\n\(screen)")
        }
        // The database goes away: the last data stays, marked stale; it comes back: recovered.
        try FileManager.default.moveItem(atPath: db, toPath: db + ".away")
        let (stale, marked) = try tmuxTests.screen(session, within: 4) { $0.contains("STALE") }
        #expect(marked, "not marked stale:\n\(stale)")
        #expect(stale.contains("Claire Martin") || stale.contains("reach 30d"))
        try FileManager.default.moveItem(atPath: db + ".away", toPath: db)
        let (back, recovered) = try tmuxTests.screen(session, within: 4) { !$0.contains("STALE") && $0.contains("reach 30d") }
        #expect(recovered, "did not recover:\n\(back)")
        // Still the same process, which q ends.
        try tmuxTests.tmux("send-keys", "-t", session, "q")
        let (after, ended) = try tmuxTests.screen(session, within: 3) { !$0.contains("reach 30d") }
        #expect(ended, "q did not end the wall:\n\(after)")
    }

    /// The comms lead's set-up: the wall runs while `codir ingest --watch` fills the database from a drop
    /// folder; what is dropped reaches the wall by itself.
    @Test func theWallFollowsWhatIngestWatchImports() throws {
        let cli = try CommandRunner()
        let session = "codir-wall-\(UUID().uuidString.prefix(8))"
        let db = cli.path("codir.sqlite")
        let inbox = cli.path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let (watcher, _, _) = cli.process(["--db", db, "ingest", "--watch", inbox, "--interval", "0.2", "--settle", "0.3"])
        try watcher.run()
        defer {
            _ = try? tmuxTests.tmux("kill-session", "-t", session)
            if watcher.isRunning { watcher.interrupt() }
            cli.remove()
        }
        // The wall starts before any data exists: it waits, then shows what arrives.
        try tmuxTests.tmux(
            "new-session", "-d", "-s", session, "-x", "200", "-y", "60",
            "TERM=xterm-256color LANG=C.UTF-8 '\(CommandRunner.executable.path)' --db '\(db)' wall --refresh 0.3; sleep 5")
        try FileManager.default.copyItem(atPath: cli.resource("people.csv"), toPath: inbox + "/people.csv")
        let (people, arrived) = try tmuxTests.screen(session, within: 10) { $0.contains("Claire Martin") }
        #expect(arrived, "the dropped directory did not reach the wall:\n\(people)")
        // Events of the last hour, so that they are in the window whenever the test runs.
        let now = Date()
        func iso(_ minutesAgo: Double) -> String { ISO8601DateFormatter().string(from: now.addingTimeInterval(-60 * minutesAgo)) }
        let events = """
            {"type":"post","id":"wall-p1","author":"ceo","at":"\(iso(60))"}
            {"type":"comment","id":"wall-c1","actor":"cso","post":"wall-p1","at":"\(iso(30))"}

            """
        try Data(events.utf8).write(to: URL(fileURLWithPath: cli.path("events.jsonl")))
        try FileManager.default.moveItem(atPath: cli.path("events.jsonl"), toPath: inbox + "/events.jsonl")
        let (screen, followed) = try tmuxTests.screen(session, within: 10) {
            $0.contains("Sophie Lambert (Sales) commented on Claire Martin's post")
        }
        #expect(followed, "the dropped events did not reach the wall's ticker:\n\(screen)")
        #expect(FileManager.default.fileExists(atPath: inbox + "/done/events.jsonl"))
        #expect(!screen.contains("STALE"))
        watcher.interrupt()
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        try tmuxTests.tmux("send-keys", "-t", session, "q")
        let (after, ended) = try tmuxTests.screen(session, within: 3) { !$0.contains("committee") }
        #expect(ended, "q did not end the wall:\n\(after)")
    }
}
