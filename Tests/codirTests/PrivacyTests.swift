import Foundation
import Testing

/// What a DPO asks for: erase a person for good, give a person their data, keep no more history than decided,
/// back up safely; and the database's path checked before anything is created.
@Suite("Privacy and the lifecycle of people", .serialized)
struct PrivacyTests {
    /// A directory with a person whose traces are easy to find in bytes: a distinctive id, name, login, address.
    func database(_ cli: CommandRunner) throws -> String {
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", "--organisation", "Exemple SA", cli.resource("people.csv"), cli.resource("events.jsonl"))
        let odile = try cli.write(
            "odile.csv",
            "id,name,department,role,login,linkedin,email\nzq-odile-0042,Odile Quartzenberg,Finance,employee,oquartzb,https://www.linkedin.com/in/odile-quartzenberg,odile.quartzenberg@example.fr\n")
        #expect(try cli.run("--db", db, "import", odile).status == 0)
        // Her post, engagement both ways, a line rejected that names her, and a file named after her.
        let events = try cli.write(
            "Quartzenberg-events.jsonl",
            """
            {"type":"post","id":"zq-post-1","author":"zq-odile-0042","at":"2026-11-03T09:00:00Z","url":"https://www.linkedin.com/feed/update/urn:li:share:7391000000000000777"}
            {"type":"reaction","actor":"ceo","post":"zq-post-1","at":"2026-11-03T10:00:00Z"}
            {"type":"message","actor":"zq-odile-0042","target":"cfo","at":"2026-11-04T10:00:00Z"}
            {"type":"message","actor":"cso","target":"zq-odile-0042","at":"2026-11-04T11:00:00Z"}
            {"type":"stats","post":"zq-post-1","at":"2026-11-05T00:00:00Z","impressions":420}
            {"type":"message","actor":"zq-odile-0042","target":"cfo","at":"not a time"}
            """)
        #expect(try cli.run("--db", db, "import", events).status == 65)
        return db
    }

    /// Every byte of the database's files.
    func bytes(_ db: String) -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm"] { all += FileManager.default.contents(atPath: db + suffix) ?? Data() }
        return all
    }

    static let traces = ["zq-odile-0042", "Quartzenberg", "quartzenberg", "oquartzb", "odile.quartzenberg@example.fr"]

    @Test func forgetLeavesNoByteOfThePerson() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try database(cli)
        for trace in Self.traces where trace != "quartzenberg" {
            #expect(bytes(db).range(of: Data(trace.utf8)) != nil, "\(trace) should be there before")
        }

        let dry = try cli.run("--db", db, "forget", "--dry-run", "zq-odile-0042")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would remove Odile Quartzenberg (zq-odile-0042): the directory entry, 3 interactions, 1 post, 1 post counter, 1 e-mail address, 1 rejected line"), "\(dry.stdout)")
        #expect(dry.stdout.contains("dry run: nothing was removed"))
        #expect(bytes(db).range(of: Data("zq-odile-0042".utf8)) != nil)

        let unknown = try cli.run("--db", db, "forget", "zq-odile-0042", "nobody-at-all")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no one with the id 'nobody-at-all' is in the directory"), "\(unknown.stderr)")

        let forget = try cli.run("--db", db, "forget", "zq-odile-0042")
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.hasPrefix("removed Odile Quartzenberg (zq-odile-0042): the directory entry, 3 interactions"), "\(forget.stdout)")
        let after = bytes(db)
        for trace in Self.traces {
            #expect(after.range(of: Data(trace.utf8)) == nil, "\(trace) is still in the database's files")
        }
        // Everyone else is as they were.
        let report = try cli.run("--db", db, "report", "--as-of", "2026-11-10T00:00:00Z", "--format", "json")
        #expect(report.status == 0)
        #expect(report.stdout.contains("\"Claire Martin\""))
        #expect(try cli.run("--db", db, "export", "zq-odile-0042").status == 65)
    }

    @Test func exportGivesAPersonEverythingHeldAboutThem() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try database(cli)
        let export = try cli.run("--db", db, "export", "zq-odile-0042")
        #expect(export.status == 0, "\(export.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let person = try #require(root["person"] as? [String: Any])
        #expect(person["name"] as? String == "Odile Quartzenberg")
        #expect(person["emails"] as? [String] == ["odile.quartzenberg@example.fr"])
        let interactions = try #require(root["interactions"] as? [[String: Any]])
        #expect(interactions.count == 3)
        #expect(Set(interactions.compactMap { $0["kind"] as? String }) == ["reaction", "message"])
        #expect(interactions.allSatisfy { Set($0.keys) == ["kind", "actor", "target", "at", "source", "post"] })
        #expect((root["posts"] as? [[String: Any]])?.count == 1)
        #expect((root["post_counters"] as? [[String: Any]])?.first?["impressions"] as? Int == 420)
    }

    @Test func retentionKeepsNoMoreHistoryThanDecided() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let config = try cli.write("config.toml", "retention_days = 1\n")
        let result = try cli.run("--db", db, "import", "--config", config, cli.resource("people.csv"), cli.resource("events.jsonl"))
        #expect(result.status == 0, "\(result.stderr)")
        // The example's events are from November 2026: older than a day.
        #expect(result.stderr.contains("retention: removed"), "\(result.stderr)")
        let json = try cli.run("--db", db, "report", "--window", "all", "--format", "json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((root["summary"] as? [String: Any])?["interactions"] as? Int == 0)
        let bad = try cli.run("--db", db, "import", "--config", try cli.write("bad.toml", "retention_days = \"forever\"\n"), cli.resource("people.csv"))
        #expect(bad.status == 78)
    }

    @Test func backupIsAConsistentCopyThatOpensAsTheOriginal() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try database(cli)
        let copy = cli.path("backup.sqlite")
        let result = try cli.run("--db", db, "backup", copy)
        #expect(result.status == 0, "\(result.stderr)")
        let original = try cli.run("--db", db, "report", "--as-of", "2026-11-10T00:00:00Z")
        let restored = try cli.run("--db", copy, "report", "--as-of", "2026-11-10T00:00:00Z")
        #expect(restored.status == 0 && restored.stdout == original.stdout)
        let again = try cli.run("--db", db, "backup", copy)
        #expect(again.status == 73)
        #expect(again.stderr.contains("a file is already there"), "\(again.stderr)")
    }

    @Test func aTypedPathInAFolderThatDoesNotExistCreatesNothing() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let typo = cli.path("dat") + "/codir.sqlite"
        let result = try cli.run("--db", typo, "import", cli.resource("people.csv"))
        #expect(result.status == 73)
        #expect(result.stderr.contains("its folder \(cli.path("dat")) does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("dat")))
    }

    @Test func optionsGoBeforeOrAfterTheSubcommandAndTheUnknownOneIsNamed() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = try database(cli)
        let config = try cli.write("config.toml", "visibility = \"all\"\n")
        let before = try cli.run("--db", db, "--config", config, "report", "--as-of", "2026-11-10")
        let after = try cli.run("report", "--as-of", "2026-11-10", "--config", config, "--db", db)
        #expect(before.status == 0 && before.stdout == after.stdout, "\(before.stderr)")
        let unknown = try cli.run("--db", db, "--colour", "report")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--colour'"), "\(unknown.stderr)")
        let notHere = try cli.run("--db", db, "--config", config, "import", cli.resource("people.csv"))
        #expect(notHere.status == 0, "import takes --config too: \(notHere.stderr)")
    }

    /// What codir does not use never enters the database: a member archive's private messages, its connections'
    /// names and e-mail addresses, its ad targeting.
    @Test func nothingCodirDoesNotUseIsKept() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let folder = try cli.linkedInArchive(
            owner: ("Claire", "Martin"), commentary: "Texte du post tres prive",
            files: [
                "messages.csv": "FROM,TO,DATE,CONTENT\nClaire Martin,Xavier Secretin,2026-11-01,Rendez-vous confidentiel\n",
                "Connections.csv":
                    "Notes:\n\"Some addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nXavier,Secretin,https://www.linkedin.com/in/xavier-secretin,xavier.secretin@example.org,Ailleurs,CTO,2 Jan 2025\n",
                "Ad_Targeting.csv": "Member Interests\nVoile confidentielle\n",
            ])
        let result = try cli.run("--db", db, "import", folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 connection, 0 in the directory"), "\(result.stdout)")
        let all = bytes(db)
        for secret in ["Secretin", "xavier.secretin@example.org", "Rendez-vous confidentiel", "Voile confidentielle", "Texte du post tres prive"] {
            #expect(all.range(of: Data(secret.utf8)) == nil, "\(secret) was stored")
        }
    }
}
