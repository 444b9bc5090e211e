import CodirModel
import Foundation

/// The e-mail benchmark of docs/benchmarks.md: a Maildir of `messages` messages, each from one person to four
/// others of a 2,000-person directory, imported by the release `codir`.
enum MailBench {
    static func run(messages: Int, codir: String, keep: String?) throws {
        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("codir-mail-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let people = 2_000
        var directory = "id,name,department,role,email\n"
        for i in 0..<people { directory += "u\(i),Person \(i),Department \(i % 40),\(i < 20 ? "leader" : "employee"),u\(i)@scale.example\n" }
        let peopleFile = folder.appendingPathComponent("people.csv")
        try Data(directory.utf8).write(to: peopleFile)

        Bench.log("Writing a Maildir of \(messages) messages with 4 recipients each…")
        let maildir = folder.appendingPathComponent("mail")
        for box in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(box), withIntermediateDirectories: true)
        }
        var rng = SeededGenerator(seed: 7)
        let start = Day(year: 2025, month: 11, day: 1).start.seconds
        for n in 0..<messages {
            let sender = Int(rng.next() % UInt64(people))
            var recipients: [Int] = []
            while recipients.count < 4 {
                let r = Int(rng.next() % UInt64(people))
                if r != sender && !recipients.contains(r) { recipients.append(r) }
            }
            let at = Timestamp(seconds: start + Int64(n) * 150)
            let day = at.day.components
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let time = String(at.iso8601.dropFirst(11).prefix(8))
            let text = """
                Return-Path: <u\(sender)@scale.example>
                From: Person \(sender) <u\(sender)@scale.example>
                To: \(recipients.prefix(3).map { "u\($0)@scale.example" }.joined(separator: ", "))
                Cc: u\(recipients[3])@scale.example
                Date: \(day.day) \(months[day.month - 1]) \(day.year) \(time) +0000
                Message-ID: <m\(n)@scale.example>
                Subject: Message \(n)

                Body of message \(n).

                """
            try Data(text.utf8).write(to: maildir.appendingPathComponent("cur/\(n).scale:2,S"))
        }
        let db = folder.appendingPathComponent("codir.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        _ = try Bench.check(measure(codir, ["import", "--db", db, peopleFile.path]), "people import")
        Bench.log("Importing the Maildir with codir…")
        let imported = try Bench.check(measure(codir, ["import", "--db", db, maildir.path]), "mail import")
        guard imported.output.contains("\(messages) messages: \(messages * 4) interactions imported") else {
            throw BenchError("the import did not give every interaction:\n\(imported.output.suffix(2000))")
        }
        print("")
        print("| measure | value | target |")
        print("|---|---:|---:|")
        print("| messages (4 recipients each) | \(messages) | |")
        print("| codir import of the Maildir | \(Bench.format(imported.seconds)) s, \(Int(Double(messages) / imported.seconds)) messages/s | ≥ 20,000 messages/s |")
        print("| peak RSS | \(imported.peakRSSBytes / 1_000_000) MB | ≤ 300 MB |")
    }
}
