import CodirDemo
import CodirModel
import Foundation

/// The benchmark's organisation: 10,000 people in 60 departments, 40 leaders, a year of activity, written as
/// the canonical CSV files `codir import` reads.
struct ScaleOrganisation {
    var people = 10_000
    var departments = 60
    var leaders = 40
    var interactions = 1_000_000
    var days = 365
    var seed: UInt64 = 42
    /// The end of the year of data.
    var end = Day(iso8601: "2026-11-01")!

    struct Files {
        var people: URL
        var events: URL
        /// Data rows of the events file (its header excluded).
        var eventRows: Int
    }

    func write(to folder: URL) throws -> Files {
        var rng = SeededGenerator(seed: seed)
        let peopleURL = folder.appendingPathComponent("people.csv")
        var text = "id,name,department,role,login,linkedin\n"
        var departmentOf: [Int] = []
        for i in 0..<people {
            // Department sizes vary: a few large ones, many small.
            let department = min(departments - 1, Int(Double(departments) * pow(rng.unit(), 1.6)))
            departmentOf.append(department)
            let role = i < leaders ? "leader" : "employee"
            text += "u\(i),Person \(i),Department \(department),\(role),u\(i),\n"
        }
        try Data(text.utf8).write(to: peopleURL)

        var members = [[Int]](repeating: [], count: departments)
        for (person, department) in departmentOf.enumerated() { members[department].append(person) }
        let activity = (0..<people).map { _ in min(50, rng.pareto(alpha: 1.3)) }
        var cumulative: [Double] = []
        var total = 0.0
        for a in activity {
            total += a
            cumulative.append(total)
        }

        let eventsURL = folder.appendingPathComponent("events.csv")
        _ = FileManager.default.createFile(atPath: eventsURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: eventsURL)
        defer { try? handle.close() }
        var buffer = "type,id,author,actor,post,target,at,impressions,engagements,person,day,new_followers,count\n"
        var rows = 0
        func flush(force: Bool = false) {
            if force || buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        let start = end.advanced(by: -days).start.seconds
        let span = Int64(days) * Timestamp.secondsPerDay

        // Posts: leaders twice a week, employees now and then; then the interactions, in time order per day.
        var posts: [(id: Int, author: Int, at: Int64)] = []
        let postCount = interactions / 25
        for n in 0..<postCount {
            let author = n % 5 < 2 ? Int(rng.next() % UInt64(leaders)) : rng.pick(cumulative: cumulative)
            posts.append((n, author, start + Int64(rng.unit() * Double(span))))
        }
        posts.sort { $0.at < $1.at }
        for post in posts {
            buffer += "post,p\(post.id),u\(post.author),,,,\(Timestamp(seconds: post.at).iso8601),,,,,,\n"
            rows += 1
            flush()
        }
        // Interactions, written in time order as an export would give them.
        struct Interaction {
            var at: Int64
            var kind: UInt8  // 0 reaction, 1 comment, 2 share, 3 message
            var actor: Int32
            var other: Int32  // the post, or the target of a message
        }
        var generated: [Interaction] = []
        generated.reserveCapacity(interactions)
        for _ in 0..<interactions {
            let actor = rng.pick(cumulative: cumulative)
            let crossDepartment = rng.chance(0.3)
            if rng.chance(0.6) {
                let postIndex = Int(rng.next() % UInt64(posts.count))
                let delay = Int64(-log(max(rng.unit(), 1e-9)) * 8 * 3600)
                let at = min(start + span - 1, posts[postIndex].at + delay + 60)
                let kind: UInt8 = rng.chance(0.75) ? 0 : rng.chance(0.85) ? 1 : 2
                generated.append(Interaction(at: at, kind: kind, actor: Int32(actor), other: Int32(postIndex)))
            } else {
                let pool = crossDepartment ? members[Int(rng.next() % UInt64(departments))] : members[departmentOf[actor]]
                let target = pool.isEmpty ? actor : pool[Int(rng.next() % UInt64(pool.count))]
                let at = start + Int64(rng.unit() * Double(span))
                generated.append(Interaction(at: at, kind: 3, actor: Int32(actor), other: Int32(target)))
            }
        }
        generated.sort { $0.at < $1.at }
        let kinds = ["reaction", "comment", "share", "message"]
        for (n, interaction) in generated.enumerated() {
            let at = Timestamp(seconds: interaction.at).iso8601
            if interaction.kind == 3 {
                buffer += "message,i\(n),,u\(interaction.actor),,u\(interaction.other),\(at),,,,,,\n"
            } else {
                let post = posts[Int(interaction.other)].id
                buffer += "\(kinds[Int(interaction.kind)]),i\(n),,u\(interaction.actor),p\(post),,\(at),,,,,,\n"
            }
            rows += 1
            flush()
        }
        for leader in 0..<leaders {
            for back in 0..<days {
                let day = end.advanced(by: -back)
                let impressions = Int(500 + rng.unit() * 5000)
                buffer += "daily,,,,,,,\(impressions),\(impressions / 30),u\(leader),\(day.iso8601),\(rng.poisson(4)),\n"
                rows += 1
                if day.weekday == 0 {
                    buffer += "followers,,,,,,\(day.start.iso8601),,,u\(leader),,,\(2000 + leader * 100 + (days - back) * 3)\n"
                    rows += 1
                }
                flush()
            }
        }
        flush(force: true)
        return Files(people: peopleURL, events: eventsURL, eventRows: rows)
    }
}
