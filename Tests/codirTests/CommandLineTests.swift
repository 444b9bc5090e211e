import Foundation
import Testing

@Suite("codir command line", .serialized)
struct CommandLineTests {
    @Test func readmeImportsWorkAndAddNothingTheSecondTime() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let first = try cli.run(
            "--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"), cli.resource("events.csv"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("people.csv: 14 imported, 0 duplicates, 0 rejected"))
        #expect(first.stdout.contains("events.jsonl: 22 imported, 0 duplicates, 0 rejected"))
        #expect(first.stdout.contains("events.csv: 13 imported, 0 duplicates, 0 rejected"))
        let second = try cli.run(
            "import", "--db", db, cli.resource("people.csv"), cli.resource("events.jsonl"), cli.resource("events.csv"))
        #expect(second.status == 0)
        #expect(second.stdout.contains("events.jsonl: 0 imported, 22 duplicates, 0 rejected"))
        #expect(second.stdout.contains("events.csv: 0 imported, 13 duplicates, 0 rejected"))
    }

    @Test func badLinesAreReportedKeptAndExitIs65() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let rejects = cli.path("rejects.jsonl")
        let result = try cli.run(
            "--db", db, "import", "--rejects", rejects, cli.resource("events-with-errors.jsonl"))
        #expect(result.status == 65)
        #expect(result.stdout.contains("events-with-errors.jsonl: 3 imported, 0 duplicates, 7 rejected"))
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { $0.contains("events-with-errors.jsonl:") && $0.contains(": error: ") })
        #expect(result.stderr.contains("events-with-errors.jsonl:3: error: unknown person 'e99' in 'actor'"))
        let kept = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 7)
        #expect(kept[0] == #"{"type":"reaction","actor":"e99","post":"p6","at":"2026-11-09T08:31:00Z"}"#)
    }

    @Test func exitStatusesForFilesAndDatabases() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let missing = try cli.run("--db", cli.path("x.sqlite"), "import", cli.path("nope.csv"))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.csv: error: cannot read the file (no such file)"))

        let noDatabase = try cli.run("report", "--db", cli.path("none/codir.sqlite"))
        #expect(noDatabase.status == 69)
        #expect(noDatabase.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.path("none")))

        let notOurs = try cli.write("notes.sqlite", "these are just notes, not a database at all........")
        let foreign = try cli.run("report", "--db", notOurs)
        #expect(foreign.status == 74)
        #expect(foreign.stderr.contains("is not a codir database"))
        #expect(!foreign.stderr.contains("Fatal"))

        let blocked = try cli.write("file", "")
        let cannotCreate = try cli.run("import", "--db", blocked + "/sub/codir.sqlite", cli.resource("people.csv"))
        #expect(cannotCreate.status == 73)

        let usage = try cli.run("report", "--window", "5 weeks")
        #expect(usage.status == 64)
    }

    /// `--help` names every kind of file the importers recognise, with an example to copy.
    @Test func importAndIngestHelpSayEverythingTheyTake() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        func help(_ command: String) throws -> String {
            let result = try cli.run(command, "--help")
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let importHelp = try help("import")
        for kind in [
            "People and events (CSV, JSON Lines)", "LinkedIn data archives", "creator analytics (xlsx)", "e-mail metadata",
            "Slack and Viva Engage exports", "RSS or Atom feeds", "press CSV", "Example: codir import people.csv",
        ] {
            #expect(importHelp.contains(kind), "import --help does not say \(kind): \(importHelp)")
        }
        let ingestHelp = try help("ingest")
        for kind in ["--follow", "--watch", "LinkedIn archives and analytics", "press feeds", "Examples: codir ingest --follow"] {
            #expect(ingestHelp.contains(kind), "ingest --help does not say \(kind): \(ingestHelp)")
        }
    }

    /// `--help` follows the language too: the commands' and options' descriptions (the parser's own headings stay).
    @Test func helpFollowsTheLanguage() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        func words(_ result: CommandRunner.Result) -> String {
            result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let french = try cli.run(["import", "--help"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.status == 0)
        for expected in [
            "Importer personnes, événements, exports LinkedIn", "sont reconnus par leur contenu", "Les fichiers à importer.",
            "Valider et rendre compte sans écrire dans la base.", "codir import people.csv",
        ] {
            #expect(words(french).contains(expected), "\(expected) missing:\n\(french.stdout)")
        }
        // A French colon never starts a line of the wrapped help.
        #expect(!french.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(":") })
        let root = try cli.run(["--help", "--lang", "fr"], environment: [:])
        #expect(words(root).contains("L'influence collective d'un comité de direction"), "\(root.stdout)")
        let english = try cli.run(["import", "--help"], environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"])
        #expect(words(english).contains("Validate and report without writing to the database."), "\(english.stdout)")
    }

    /// The language of the reports: the locale's (even one this host has not generated), --lang over it; what
    /// tools parse (JSON, CSV) stays the same in both.
    @Test func reportsFollowTheLanguageAndMachineFormatsDoNot() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        let report = ["--db", db, "report", "--as-of", "2026-11-10T00:00:00Z"]
        let french = try cli.run(report, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.status == 0 && french.stdout.contains("AUDIENCE") && french.stdout.contains("fenêtre 30 j"), "\(french.stdout)")
        let forced = try cli.run(report + ["--lang", "en"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(forced.stdout.contains("REACH") && !forced.stdout.contains("AUDIENCE"))
        let option = try cli.run(["--lang", "fr"] + report + ["--format", "md"], environment: [:])
        #expect(option.stdout.contains("rapport d'influence"), "\(option.stdout)")
        // French puts a space before a colon, in the memo too.
        #expect(option.stdout.contains("1. Claire Martin (Direction) : 2 autres départements"), "\(option.stdout)")
        for format in ["json", "csv"] {
            let en = try cli.run(report + ["--format", format], environment: [:])
            let fr = try cli.run(report + ["--format", format, "--lang", "fr"], environment: [:])
            #expect(en.stdout == fr.stdout, "--format \(format) changed with the language")
        }
        let bad = try cli.run(report + ["--lang", "de"], environment: [:])
        #expect(bad.status == 64)
        // codir status too, still within 80 columns.
        let status = try cli.run(["--db", db, "status"], environment: ["LC_MESSAGES": "fr_FR.UTF-8"])
        #expect(status.stdout.contains("les données de codir pour chaque dirigeant"), "\(status.stdout)")
        #expect(status.stdout.contains("Demandez un export récent") || status.stdout.contains("Rien à demander"))
        #expect(status.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(status.stdout)")
    }

    /// The import's summary in French; the diagnostics keep their `FILE:LINE: error:` prefix for tools.
    @Test func importSummariesFollowTheLanguage() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let people = try cli.run(["--db", db, "import", cli.resource("people.csv")], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(people.status == 0 && people.stdout.contains("importés, 0 doublon, 0 rejeté"), "\(people.stdout)")
        let events = try cli.write("events.csv", "type,id,author,at\npost,p1,ceo,2026-11-02T09:00:00Z\npost,p2,nobody,2026-11-02T09:00:00Z\n")
        let mixed = try cli.run(["--db", db, "import", "--lang", "fr", "--dry-run", events], environment: [:])
        #expect(mixed.stdout.contains("1 importé, 0 doublon, 1 rejeté (essai : rien n'est écrit)"), "\(mixed.stdout)")
        #expect(mixed.stderr.contains("events.csv:3: error: "), "\(mixed.stderr)")
        #expect(mixed.stderr.contains("events.csv:3: error: personne inconnue 'nobody' dans 'author'"), "\(mixed.stderr)")
        let broken = try cli.write(
            "broken.jsonl", "{\"type\":\"post\",\"id\":\"p9\",\"author\":\"ceo\"}\n{\"type\":\"post\",\"id\":\"p8\",\"author\":\"ceo\",\"at\":\"hier\"}\nnot json\n")
        let french = try cli.run(["--db", db, "import", "--dry-run", broken], environment: ["LANG": "fr_FR.UTF-8"])
        for expected in [
            "broken.jsonl:1: error: champ 'at' manquant", "broken.jsonl:2: error: horodatage invalide 'hier' dans 'at'",
            "broken.jsonl:3: error: JSON mal formé",
        ] {
            #expect(french.stderr.contains(expected), "\(expected) missing:\n\(french.stderr)")
        }
        let english = try cli.run(["--db", db, "import", "--dry-run", events], environment: [:])
        #expect(english.stdout.contains("1 imported, 0 duplicates, 1 rejected (dry run: nothing written)"), "\(english.stdout)")
    }

    /// What the other importers say, the option errors, the configuration's errors and codir forget, in French:
    /// each diagnostic keeps its `FILE:LINE: error:` prefix and exit status, its sentence follows the language.
    @Test func everySourceSpeaksFrench() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let french = ["LANG": "fr_FR.UTF-8"]
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        func frenchRun(_ arguments: String...) throws -> CommandRunner.Result {
            try cli.run(["--db", db] + arguments, environment: french)
        }
        let hostile = CommandRunner.packageRoot.appendingPathComponent("Tests/codirTests/Fixtures/hostile").path

        // A LinkedIn archive: a bad date in Shares.csv, then the archive's summary.
        let archive = try cli.linkedInArchive(
            owner: ("Claire", "Martin"),
            files: ["Comments.csv": "Date,Link,Message\nhier,https://www.linkedin.com/feed/update/urn:li:activity:1/,Bravo\n"])
        let imported = try frenchRun("import", archive)
        #expect(imported.stderr.contains("Comments.csv:2: error: date invalide 'hier' (une date comme"), "\(imported.stderr)")
        #expect(imported.stdout.contains(": archive de ceo : 1 post ; réactions : 0 rattaché"), "\(imported.stdout)")
        #expect(imported.stdout.contains("; lus : "), "\(imported.stdout)")
        // Crafted archives and workbooks: the refusal's reason.
        for (file, reason) in [
            ("shares-800-mib.zip", "error: Shares.csv ferait 838860906 octets une fois décompressé, au-delà de la limite de 536870912"),
            ("entity-expansion.xlsx", "déclare une DTD ou des entités, ce que les fichiers xlsx ne font jamais"),
            ("date-nan.xlsx", "ENGAGEMENT:2: error: date invalide"),
        ] {
            let result = try frenchRun("import", "--person", "ceo", hostile + "/" + file)
            #expect(result.status == 65, "\(file): \(result.status)")
            #expect(result.stderr.contains(reason), "\(file): \(result.stderr)")
        }
        let notZip = try frenchRun("import", try cli.write("archive.zip", "pas un zip"))
        #expect(notZip.stderr.contains("archive.zip: error: ce n'est pas une archive zip lisible ; téléchargez-la à nouveau"), "\(notZip.stderr)")
        let missing = try frenchRun("import", cli.path("absent.csv"))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("absent.csv: error: impossible de lire le fichier (fichier introuvable)"), "\(missing.stderr)")

        // A CSV line's reason, made on the importer's decoding thread.
        let csv = try frenchRun("import", try cli.write("evenements.csv", "type,id,author,at\npost,p1,ceo,hier\n"))
        #expect(csv.stderr.contains("evenements.csv:2: error: horodatage invalide 'hier' dans 'at'"), "\(csv.stderr)")
        // A Maildir large enough to be read by both cores: a link among its last files is refused in French too.
        let maildir = cli.path("Maildir")
        try FileManager.default.createDirectory(atPath: maildir + "/cur", withIntermediateDirectories: true)
        for i in 0..<1_200 {
            let message = "From: ceo@example.com\nTo: cfo@example.com\nDate: Mon, 2 Nov 2026 09:00:00 +0000\n\nx\n"
            try Data(message.utf8).write(to: URL(fileURLWithPath: maildir + "/cur/\(String(format: "%05d", i)):2,S"))
        }
        try FileManager.default.createSymbolicLink(atPath: maildir + "/cur/zzz-link:2,S", withDestinationPath: "/etc/passwd")
        let mailbox = try frenchRun("import", "--dry-run", maildir)
        #expect(mailbox.stderr.contains("zzz-link:2,S: warning: non lu : c'est un lien symbolique"), "\(mailbox.stderr)")
        // Mail without a sender, a press file with a bad date and a person not in the directory.
        let mail = try frenchRun("import", try cli.write("sans-from.eml", "To: ceo@example.com\nDate: Mon, 2 Nov 2026 09:00:00 +0000\n\nBonjour\n"))
        #expect(mail.stderr.contains("sans-from.eml:1: error: pas d'en-tête From utilisable"), "\(mail.stderr)")
        let press = try frenchRun(
            "import", "--format", "press",
            try cli.write("presse.csv", "date,outlet,title,people\nhier,Les Echos,Un titre,ceo\n2026-11-02,Les Echos,Un autre,inconnu\n"))
        #expect(press.stderr.contains("presse.csv:2: error: date invalide 'hier' dans 'date' (AAAA-MM-JJ"), "\(press.stderr)")
        #expect(press.stderr.contains("presse.csv:3: error: personne inconnue 'inconnu' dans 'people'"), "\(press.stderr)")

        // Option errors, the configuration's errors and codir forget.
        let option = try cli.run(["dash", "--db", db, "--refresh", "0", "--lang", "fr"], environment: [:])
        #expect(option.status == 64)
        #expect(option.stderr.contains("--refresh doit être compris entre 0.1 et 3600 secondes."), "\(option.stderr)")
        let config = try frenchRun("report", "--config", try cli.write("bad.toml", "stale_after_days = 0\n"))
        #expect(config.status == 78)
        #expect(config.stderr.contains("'stale_after_days' doit être un nombre entier de jours de 1 à 36500"), "\(config.stderr)")
        let forget = try frenchRun("forget", "--dry-run", "ceo")
        #expect(forget.stdout.contains("serait supprimé : Claire Martin (ceo) : l'entrée de l'annuaire, 1 post"), "\(forget.stdout)")
        #expect(forget.stdout.contains("essai : rien n'a été supprimé"), "\(forget.stdout)")

        // The same in English, unchanged.
        let english = try cli.run(["--db", db, "import", cli.path("absent.csv")], environment: [:])
        #expect(english.stderr.contains("absent.csv: error: cannot read the file (no such file)"), "\(english.stderr)")
    }

    @Test func reportFormatsAndReadOnlyAccess() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"), cli.resource("events.csv"))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)

        let text = try cli.run("--db", db, "report", "--window", "30d", "--as-of", "2026-11-10T00:00:00Z")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text.stdout.contains("Claire Martin"))

        let json = try cli.run("report", "--db", db, "--format", "json", "--as-of", "2026-11-10T00:00:00Z")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reach = try #require(root["reach"] as? [[String: Any]])
        let ceo = try #require(reach.first { $0["person"] as? String == "ceo" })
        #expect(ceo["impressions"] as? Int == 6890)
        #expect(ceo["followers"] as? Int == 8395)

        let csv = try cli.run("report", "--db", db, "--format", "csv", "--table", "departments", "--as-of", "2026-11-10")
        #expect(csv.stdout.hasPrefix("department,members,internal_ties,external_ties,ei_index"))
        let md = try cli.run("report", "--db", db, "--format", "md", "--as-of", "2026-11-10")
        #expect(md.stdout.contains("## Silos"))

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    /// `codir status`: per leader, which sources codir holds and whom to ask for an export; read-only.
    @Test func statusSaysWhichDataIsThereAndWhomToAsk() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"), cli.resource("events.jsonl"))
        // Events imported today are fresh for a week, then stale.
        let config = try cli.write("config.toml", "stale_after_days = 7\n")
        let text = try cli.run("--db", db, "status", "--config", config)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("A source is stale when its last file arrived more than 7 days ago."))
        #expect(text.stdout.contains("Claire Martin (Direction)"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let json = try cli.run("status", "--db", db, "--format", "json", "--config", config)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(root["stale_after_days"] as? Int == 7)
        let leaders = try #require(root["leaders"] as? [[String: Any]])
        let ceo = try #require(leaders.first { $0["person"] as? String == "ceo" })
        let sources = try #require(ceo["sources"] as? [[String: Any]])
        #expect(sources.map { $0["source"] as? String } == ["events"])
        #expect(sources.first?["stale"] as? Bool == false)
        #expect(ceo["to_request"] as? [String] == [])
        let missing = try cli.run("status", "--db", cli.path("nothing.sqlite"))
        #expect(missing.status == 69)
        let bad = try cli.run("status", "--db", db, "--config", try cli.write("bad.toml", "stale_after_days = 0\n"))
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("'stale_after_days' must be a whole number of days from 1 to 36500"))
    }

    @Test func aLockedDatabaseIsExplainedWithStatus75() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        // Another writer holds the write lock for longer than codir waits (5 s).
        let lock = try WriteLockHolder(db)
        let locked = try cli.run("--db", db, "import", cli.resource("events.jsonl"))
        lock.release()
        #expect(locked.status == 75)
        #expect(locked.stderr.contains("is locked by another process; try again"))
        // Readers are not blocked by a writer, and once it is gone the import goes through.
        #expect(try cli.run("--db", db, "import", cli.resource("events.jsonl")).status == 0)
    }

    @Test func aLinkedInArchiveFolderImportsWithItsSummary() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        let folder = try cli.linkedInArchive(
            files: ["Reactions.csv": "Date,Type,Link\nbad date,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n"])
        let result = try cli.run("--db", db, "import", "--person", "ceo", folder)
        #expect(result.status == 65)
        #expect(result.stdout.contains("ceo's archive: 1 post;"))
        #expect(result.stdout.contains("used Shares.csv, Reactions.csv"))
        #expect(result.stderr.contains("Reactions.csv:2: error: bad date 'bad date'"))
        let unknown = try cli.run("--db", db, "import", "--person", "nobody", folder)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--person 'nobody' is not in the directory"))
    }

    @Test func dryRunWritesNothing() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        let result = try cli.run("--db", db, "import", "--dry-run", cli.resource("people.csv"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("14 imported"))
        #expect(!FileManager.default.fileExists(atPath: db))

        // A first bundle: the files of one dry run see each other, as they will in the real import. The
        // archive's owner is found by the name in its Profile.csv among the people of the same run.
        let folder = try cli.linkedInArchive(owner: ("Claire", "Martin"))
        let bundle = try cli.run("--db", db, "import", "--dry-run", cli.resource("people.csv"), folder, cli.resource("events.jsonl"))
        #expect(bundle.status == 0, "\(bundle.stderr)")
        #expect(bundle.stdout.contains("ceo's archive: 1 post"), "\(bundle.stdout)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aKilledImportLeavesTheDatabaseAsItWas() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("codir.sqlite")
        try cli.run("--db", db, "import", cli.resource("people.csv"))
        var lines = ["type,actor,target,at"]
        let people = ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10"]
        let start = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
        let formatter = ISO8601DateFormatter()
        for i in 0..<300_000 {
            // Every line is a distinct interaction: one second apart.
            lines.append("message,\(people[i % 10]),\(people[(i / 10) % 10]),\(formatter.string(from: start.addingTimeInterval(Double(i))))")
        }
        let big = try cli.write("big.csv", lines.joined(separator: "\n") + "\n")
        let (process, _, _) = cli.process(["--db", db, "import", big])
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")
        let report = try cli.run("--db", db, "report", "--format", "json", "--window", "all", "--as-of", "2026-12-31")
        #expect(report.status == 0, "\(report.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Any])
        let interactions = try #require(summary["interactions"] as? Int)
        // All or nothing: never a part of the file (a tenth of the lines are someone messaging themself).
        #expect(interactions == 0 || interactions == 270_000)
    }

    @Test func demoPrintsAFullReport() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let result = try cli.run("demo", "--seed", "7")
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["REACH", "COLLEAGUE ENGAGEMENT", "SILOS", "Isabelle Moreau", "Top bridges"] {
            #expect(result.stdout.contains(heading))
        }
        #expect(FileManager.default.fileExists(atPath: cli.path("data/codir/demo.sqlite")))
        let again = try cli.run("demo")
        #expect(again.status == 0)
        #expect(again.stderr.contains("up to date"))
    }

    @Test func simulateAppendsUntilInterrupted() throws {
        let cli = try CommandRunner()
        defer { cli.remove() }
        let db = cli.path("demo.sqlite")
        try cli.run("demo", "--db", db, "--seed", "3")
        let (process, out, _) = cli.process(["--db", db, "simulate", "--rate", "200", "--seed", "1"])
        try process.run()
        Thread.sleep(forTimeInterval: 2.5)
        process.interrupt()
        process.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stdout.contains("simulate:"))
        let written = Int(stdout.split(separator: " ")[1]) ?? 0
        #expect(written > 100)
    }
}
