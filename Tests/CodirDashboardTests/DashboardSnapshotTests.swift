import CodirModel
import CodirReport
import Testing
import TerminalUI

@testable import CodirDashboard

@Suite("Dashboard frames", .serialized)
struct DashboardSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    func frame(
        _ size: Size, pane: Pane = .reach, detail: String? = nil, help: Bool = false,
        context: RenderContext = RenderContext()
    ) throws -> [String] {
        let snapshot = try #require(DashboardFixture.snapshot())
        var state = DashboardState()
        state.pane = pane
        state.detail = detail
        state.showsHelp = help
        state.selectedLeader = "L01"
        let view = DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: context, now: DashboardFixture.now)
        return view.render(size: size).lines
    }

    @Test(arguments: sizes)
    func everyPaneAtEverySize(size: Size) throws {
        for pane in Pane.allCases {
            let lines = try frame(size, pane: pane)
            assertSnapshot(lines, named: "\(pane)-\(size.width)x\(size.height)")
            #expect(lines.count == size.height)
            #expect(lines.allSatisfy { TextWidth.columns(of: $0) <= size.width })
        }
    }

    /// In French, every pane at every size: French words and numbers, nothing left in English, nothing wider
    /// than the screen; the help and the leader detail too.
    @Test(arguments: sizes)
    func everyPaneInFrench(size: Size) throws {
        try Language.$current.withValue(.fr) {
            var frames: [[String]] = []
            for pane in Pane.allCases {
                let lines = try frame(size, pane: pane)
                assertSnapshot(lines, named: "fr-\(pane)-\(size.width)x\(size.height)")
                frames.append(lines)
            }
            let detail = try frame(size, detail: "L01")
            assertSnapshot(detail, named: "fr-detail-\(size.width)x\(size.height)")
            frames.append(detail)
            if size.width == 80 {
                let help = try frame(size, help: true)
                assertSnapshot(help, named: "fr-help-80x24")
                #expect(help.joined().contains("Touches et indicateurs"))
                frames.append(help)
            }
            for lines in frames {
                #expect(lines.count == size.height)
                #expect(lines.allSatisfy { TextWidth.columns(of: $0) <= size.width })
                let text = lines.joined(separator: "\n")
                #expect(text.contains("fenêtre 30 j"))
                for english in ["window", "sorted by", "Leader ", "Followers", " quit ", " ago", "Committee", "Bridges", "Editorial line", "Market value", "stale after", "Daily impressions", "more row", "larger terminal"] {
                    #expect(!text.contains(english), "'\(english)' left in English at \(size):\n\(text)")
                }
            }
            if size.width == 200 {
                // The four panes together, where the heat maps say what they have no room for.
                let all = try frame(Size(width: 160, height: 48))
                assertSnapshot(all, named: "fr-all-160x48")
                let text = all.joined(separator: "\n")
                #expect(text.contains("non affichées (agrandissez le terminal)") && !text.contains("more row"), "\(text)")
            }
            let reach = frames[0].joined(separator: "\n")
            #expect(reach.contains("Audience · triée par impressions") && reach.contains(" %"))
            let silos = frames[2].joined(separator: "\n")
            #expect(silos.contains("Indice E-I") && silos.contains("Modularité"))
            let influence = frames[3].joined(separator: "\n")
            #expect(influence.contains("Influence · exemplarité") && influence.contains("EUR"))
        }
    }

    @Test func smallScreensShowOnePaneWithTabsLargeOnesAllThree() throws {
        let small = try frame(Size(width: 80, height: 24)).joined(separator: "\n")
        #expect(small.contains("1 Reach"))
        #expect(small.contains("2 Colleague engagement"))
        #expect(small.contains("3 Silos"))
        #expect(small.contains("4 Influence"))
        #expect(small.contains("5 Data"))
        // From 160×48 the four panes of figures share the screen, two by two.
        let wide = try frame(Size(width: 160, height: 48))
        assertSnapshot(wide, named: "all-160x48")
        for size in [Size(width: 160, height: 48), Size(width: 200, height: 60)] {
            let large = try frame(size).joined(separator: "\n")
            for title in ["─ Reach", "─ Colleague engagement", "─ Silos", "─ Influence"] {
                #expect(large.contains(title), "\(title) at \(size)")
            }
            #expect(!large.contains("1 Reach"))
        }
        #expect(try frame(Size(width: 159, height: 48)).joined().contains("1 Reach"))
    }

    /// The Influence pane says what its figures are, and they are the report's.
    @Test func influencePaneShowsTheThreeBenefitsAndTheFourth() throws {
        let snapshot = try #require(DashboardFixture.snapshot())
        let influence = snapshot.report.influence
        for size in Self.sizes {
            let text = try frame(size, pane: .influence).joined(separator: "\n")
            #expect(text.contains("Team act.") && text.contains("Posts, 12 wk") && text.contains("Press") && text.contains("EMV"))
            #expect(text.contains("Editorial line: #\(try #require(influence.hashtags.first).hashtag) "))
            #expect(text.contains("Media impact: \(influence.mentions) press items naming a leader"))
            #expect(text.contains(HumanFormat.money(influence.committeeValue, "EUR")))
            #expect(text.contains("not revenue"))
            #expect(text.contains("Fluidity: E-I index \(HumanFormat.index(snapshot.report.silo.eiIndex))"))
            #expect(text.contains(try #require(influence.headlines.first).outlet))
        }
        // The CEO, most covered, leads the press; her row has her team's share and her earned media value.
        let ceo = try #require(influence.press.max { $0.mentions < $1.mentions })
        #expect(snapshot.report.people[ceo.person].name == "Isabelle Moreau")
        let row = try #require(try frame(Size(width: 120, height: 40), pane: .influence).first { $0.contains("Isabelle Moreau") })
        let team = try #require(influence.exemplarity.first { $0.person == ceo.person })
        let value = try #require(influence.value.first { $0.person == ceo.person })
        #expect(row.contains(HumanFormat.percent(team.share)))
        #expect(row.contains(HumanFormat.money(value.emv, "EUR")))
        #expect(row.contains("\(ceo.mentions)"))
    }

    @Test func leaderDetail() throws {
        assertSnapshot(try frame(Size(width: 80, height: 24), detail: "L01"), named: "detail-80x24")
        assertSnapshot(try frame(Size(width: 200, height: 60), detail: "L04"), named: "detail-200x60")
    }

    @Test func helpOverlayListsEveryKey() throws {
        let lines = try frame(Size(width: 80, height: 24), help: true)
        assertSnapshot(lines, named: "help-80x24")
        let text = lines.joined(separator: "\n")
        for key in ["Tab", "Enter / Esc", "w ", "s ", "d ", "r ", "?", "q, Ctrl-C"] { #expect(text.contains(key)) }
        // And every figure in one line, as docs/metrics.md defines it.
        for figure in [
            "engagement rate", "Coverage", "Reciprocity", "★", "E-I index", "Modularity", "Ties", "Bridges", "partial",
            "Team act.", "not a cause", "Share", "EMV",
        ] {
            #expect(text.contains(figure), "\(figure) is not explained")
        }
    }

    @Test func asciiAndMonochromeVariants() throws {
        let ascii = RenderContext(glyphs: .ascii, hasColour: true)
        let mono = RenderContext(glyphs: .unicode, hasColour: false)
        assertSnapshot(try frame(Size(width: 80, height: 24), pane: .reach, context: ascii), named: "ascii-reach-80x24")
        assertSnapshot(try frame(Size(width: 80, height: 24), pane: .silos, context: ascii), named: "ascii-silos-80x24")
        assertSnapshot(try frame(Size(width: 120, height: 40), pane: .silos, context: mono), named: "mono-silos-120x40")
        let asciiInfluence = try frame(Size(width: 80, height: 24), pane: .influence, context: ascii)
        assertSnapshot(asciiInfluence, named: "ascii-influence-80x24")
        #expect(asciiInfluence.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || "éèêëàâçîïôûùÉ«»".unicodeScalars.contains($0) } })
        assertSnapshot(try frame(Size(width: 120, height: 40), pane: .influence, context: mono), named: "mono-influence-120x40")
        let asciiText = try frame(Size(width: 120, height: 40), pane: .engagement, context: RenderContext(glyphs: .ascii, hasColour: false))
        #expect(asciiText.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || "éèêëàâçîïôûùÉ".unicodeScalars.contains($0) } })
    }

    @Test(arguments: [Size(width: 59, height: 24), Size(width: 80, height: 15), Size(width: 1, height: 1), Size(width: 0, height: 0)])
    func tooSmallSaysSo(size: Size) throws {
        let lines = try frame(size)
        if size.width >= 40 && size.height > 0 {
            #expect(lines.joined().contains("terminal too small (need 60×16)"))
        }
        #expect(lines.count == size.height)
    }

    @Test func oddSizesNeverCrash() throws {
        for width in stride(from: 60, through: 260, by: 7) {
            for height in stride(from: 16, through: 80, by: 9) {
                for pane in Pane.allCases {
                    let lines = try frame(Size(width: width, height: height), pane: pane)
                    #expect(lines.count == height)
                }
                _ = try frame(Size(width: width, height: height), detail: "L02")
            }
        }
    }

    @Test func noDatabaseSaysWhichPathWasTried() {
        let view = DashboardView(
            snapshot: nil, staleReason: "no database at /nowhere/codir.sqlite; waiting for it", state: DashboardState(),
            context: RenderContext(), now: DashboardFixture.now)
        let text = view.render(size: Size(width: 100, height: 24)).lines.joined(separator: "\n")
        #expect(text.contains("no database at /nowhere/codir.sqlite"))
        #expect(text.contains("codir import"))
    }

    @Test func staleDataIsMarked() throws {
        let snapshot = try #require(DashboardFixture.snapshot())
        let view = DashboardView(
            snapshot: snapshot, staleReason: "the database at /x is locked by another process; try again when it has finished",
            state: DashboardState(), context: RenderContext(), now: DashboardFixture.now)
        let header = view.render(size: Size(width: 160, height: 30)).lines[0]
        #expect(header.contains("STALE: the database at /x is locked"))
    }
}
