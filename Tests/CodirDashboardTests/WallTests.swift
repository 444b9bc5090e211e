import CodirTestSupport
import CodirModel
import Foundation
import Testing
import TerminalUI

@testable import CodirDashboard

@Suite("Wall display", .serialized)
struct WallTests {
    func frame(_ size: Size, pane: Pane = .reach) throws -> [String] {
        let snapshot = try #require(DashboardFixture.snapshot())
        var state = DashboardState()
        state.pane = pane
        let view = WallView(
            snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now,
            rotate: 20)
        return view.render(size: size).lines
    }

    @Test func tilesTickerAndPanes() throws {
        let small = try frame(Size(width: 80, height: 24), pane: .engagement)
        assertSnapshot(small, named: "wall-80x24")
        #expect(small.joined().contains("reach 30d"))
        #expect(small.joined().contains("panes rotate every 20 s"))
        let large = try frame(Size(width: 200, height: 60))
        assertSnapshot(large, named: "wall-200x60")
        let text = large.joined(separator: "\n")
        for title in [
            "─ Reach", "─ Colleague engagement", "─ Silos", "─ Influence", "committee reach, 30d", "employees active",
            "earned media value", "press items naming leaders",
        ] {
            #expect(text.contains(title))
        }
        // The committee's value in big digits with its currency beside, its press items against the previous window.
        let influence = try #require(DashboardFixture.snapshot()).report.influence
        #expect(text.contains("EUR, not revenue"))
        #expect(text.contains("previous 30d: \(try #require(influence.previousMentions))"))
        // The latest headline leads the ticker, the interactions follow it.
        let headline = try #require(influence.headlines.first)
        let ticker = try #require(large.first { $0.hasPrefix(" Press: ") })
        #expect(ticker.contains(headline.outlet))
        #expect(ticker.contains(" ago   "))
        #expect(small.contains { $0.hasPrefix(" Press: \(headline.outlet)") })
        #expect(small.joined().contains("─ EMV") && small.joined().contains("─ press"))
        #expect(text.contains("███"))  // big figures
        #expect(!text.contains("panes rotate"))
    }

    /// In French: the tiles, the ticker's sentences ("a commenté le post de … · il y a 2 min") and the numbers.
    @Test func inFrenchTheWallReadsFrench() throws {
        try Language.$current.withValue(.fr) {
            let small = try frame(Size(width: 80, height: 24), pane: .engagement)
            assertSnapshot(small, named: "wall-fr-80x24")
            let text = small.joined(separator: "\n")
            for expected in ["vues 30 j", "les vues changent toutes les 20 s", "Presse : ", "il y a ", " %", "q quitter"] {
                #expect(text.contains(expected), "\(expected) missing:\n\(text)")
            }
            let large = try frame(Size(width: 200, height: 60)).joined(separator: "\n")
            for expected in ["audience du comité, 30 j", "salariés actifs", "valeur média gagnée", "EUR, pas un revenu", "articles citant un dirigeant"] {
                #expect(large.contains(expected), "\(expected) missing:\n\(large)")
            }
            let verbs = [" a réagi au post d", " a commenté le post d", " a partagé le post d", " a écrit à ", " a mentionné "]
            #expect(verbs.contains { large.contains($0) }, "no French interaction in the ticker:\n\(large)")
            for english in ["reach 30d", " ago", "panes rotate", "reacted to", "commented on", "not revenue"] {
                #expect(!large.contains(english) && !text.contains(english), "'\(english)' left in English")
            }
        }
    }

    @Test func panesRotateOnlyWhenTheyDoNotAllFit() {
        let small = TestTerminal(size: Size(width: 80, height: 24))
        let wall = WallScreen(state: DashboardState(), rotate: 20)
        // Not before its time; then one pane a turn, when they do not all fit.
        #expect(!wall.wake(now: Date(), size: small.size))
        #expect(wall.wake(now: Date().addingTimeInterval(21), size: small.size))
        #expect(wall.state.pane == .engagement)
        wall.rotatePane()
        #expect(wall.state.pane == .silos)
        wall.rotatePane()
        #expect(wall.state.pane == .influence)
        wall.rotatePane()
        #expect(wall.state.pane == .reach)
        #expect(!wall.wake(now: Date().addingTimeInterval(60), size: Size(width: 200, height: 60)))
        #expect(wall.state.pane == .reach)
        #expect(WallView.showsAllPanes(Size(width: 200, height: 60)))
        #expect(!WallView.showsAllPanes(Size(width: 160, height: 48)))
    }

    @Test func aMissingDatabaseShowsWhereItLooked() {
        let view = WallView(
            snapshot: nil, staleReason: "no database at /srv/codir.sqlite; waiting for it", state: DashboardState(),
            context: RenderContext(), now: DashboardFixture.now, rotate: 20)
        #expect(view.render(size: Size(width: 100, height: 30)).lines.joined().contains("/srv/codir.sqlite"))
    }
}
