import CodirDashboard
import CodirModel
import Foundation
import Testing

/// A viewer follows what `codir import` appends, each import a process of its own: an import is an append, read
/// as such, not a reason to read the whole window again (a writer's opening of the database touches its schema
/// version, which the viewer therefore does not watch).
@Suite("A live viewer and the imports of other processes")
struct LiveViewerTests {
    @Test func importsByOtherProcessesAreFollowedAsAppends() throws {
        let cli = try CommandRunner()
        defer { cli.scratch.remove() }
        let db = cli.path("codir.sqlite")
        let people = try cli.write(
            "people.csv",
            "id,name,department,role\nlea,Léa Martin,Ventes,leader\nhugo,Hugo Petit,R&D,leader\nines,Inès Roy,R&D,employee\n")
        #expect(try cli.run("--db", db, "import", people).status == 0)
        func message(_ id: String, _ actor: String, _ target: String, _ at: String) throws -> String {
            try cli.write("\(id).csv", "type,id,actor,target,at\nmessage,\(id),\(actor),\(target),\(at)\n")
        }
        #expect(try cli.run("--db", db, "import", message("m1", "lea", "hugo", "2026-11-28T10:00:00Z")).status == 0)

        let now = Timestamp(iso8601: "2026-11-29T09:30:00Z")!
        let source = DashboardSource(path: db)
        #expect(source.load(length: .days(30), asOf: now))
        source.waitForLiveFigures()
        #expect(source.hasChanged())
        source.load(length: .days(30), asOf: now)
        #expect(source.snapshot?.report.summary.interactions == 1)

        for (n, pair) in [("lea", "ines"), ("ines", "hugo"), ("hugo", "lea")].enumerated() {
            #expect(try cli.run("--db", db, "import", message("m\(n + 2)", pair.0, pair.1, "2026-11-29T09:0\(n):00Z")).status == 0)
            #expect(source.hasChanged())
            source.load(length: .days(30), asOf: now)
            #expect(source.snapshot?.report.summary.interactions == n + 2)
        }
        #expect(source.fullLoads == 1)
        #expect(source.liveLoads == 4)
        let full = DashboardSource(path: db, followsAppends: false)
        full.load(length: .days(30), asOf: now)
        #expect(full.snapshot?.report.silo == source.snapshot?.report.silo)
    }
}
