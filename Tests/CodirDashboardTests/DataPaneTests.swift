import CodirModel
import Testing
import TerminalUI

@testable import CodirDashboard

/// The Data pane: what codir holds for each leader, stale sources marked, whom to ask for a fresh export.
@Suite("The Data pane", .serialized)
struct DataPaneTests {
    /// The demo's snapshot with the coverage of a real programme's first month: Isabelle's archive is fresh and
    /// her analytics a month old, Philippe sent only his analytics, the others nothing yet.
    func frame(_ size: Size) throws -> [String] {
        var snapshot = try #require(DashboardFixture.snapshot())
        let now = DashboardFixture.now
        func at(_ days: Int) -> Timestamp { now.adding(seconds: Int64(-days) * 86_400) }
        snapshot.coverage = [
            SourceCoverage(person: "L01", source: .archive, first: at(120), last: at(2), records: 84, lastFile: at(1)),
            SourceCoverage(person: "L01", source: .analytics, first: at(120), last: at(31), records: 90, lastFile: at(30)),
            SourceCoverage(person: "L01", source: .email, first: at(60), last: at(0), records: 5_000, lastFile: at(0)),
            SourceCoverage(person: "L02", source: .analytics, first: at(95), last: at(6), records: 90, lastFile: at(5)),
        ]
        var state = DashboardState()
        state.pane = .data
        return DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: now)
            .render(size: size).lines
    }

    @Test func sourcesPeriodsAgesAndWhomToAsk() throws {
        let lines = try frame(Size(width: 100, height: 30))
        assertSnapshot(lines, named: "data-pane-100x30")
        let text = lines.joined(separator: "\n")
        let isabelle = try #require(lines.first { $0.contains("Isabelle Moreau") && $0.contains("→") })
        // Fresh archive, stale analytics (30 days), her mail; no events.
        #expect(isabelle.contains("08-01→11-27 1d"), "\(isabelle)")
        #expect(isabelle.contains("08-01→10-29 30d!"), "\(isabelle)")
        #expect(isabelle.contains("09-30→11-29 0d"), "\(isabelle)")
        #expect(text.contains("Ask for a fresh export:"))
        #expect(text.contains("Isabelle Moreau: LinkedIn analytics (last file 30 d ago)"))
        #expect(text.contains("Philippe Garnier: LinkedIn archive (none yet)"))
        #expect(text.contains("stale after 14 days"))
    }

    @Test func withEveryRequestOnScreenOrCounted() throws {
        // 80×24 cannot list ten requests: the last line says how many more there are.
        let lines = try frame(Size(width: 80, height: 24))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("more (codir status lists them all)"), "\(text)")
        #expect(lines.allSatisfy { TextWidth.columns(of: $0) <= 80 })
    }

    @Test func theWallNeverRotatesIntoIt() {
        var pane = Pane.reach
        for _ in 0..<8 {
            pane = Pane.onTheWall[((Pane.onTheWall.firstIndex(of: pane) ?? 0) + 1) % Pane.onTheWall.count]
            #expect(pane != .data)
        }
    }
}
