import CodirTestSupport
import CodirModel
import CodirReport
import Foundation
import Testing
import TerminalUI

@testable import CodirDashboard

/// `codir me` and what each visibility leaves on the screen.
@Suite("Personal view and visibility", .serialized)
struct PersonalViewTests {
    /// Nathalie Lefèvre (Commercial) in the demo organisation.
    static let login = "nlefevre"

    func snapshot(_ disclosure: Disclosure, personal: Bool = true) throws -> DashboardSnapshot {
        let source = DashboardSource(
            path: DashboardFixture.path, disclosure: disclosure, personalLogin: personal ? Self.login : nil)
        source.load(length: .days(30), asOf: DashboardFixture.now)
        var snapshot = try #require(source.snapshot)
        snapshot.lastChange = DashboardFixture.now.adding(seconds: -180)
        return snapshot
    }

    func me(_ disclosure: Disclosure, size: Size = Size(width: 80, height: 24), context: RenderContext = RenderContext(), scroll: Int = 0) throws -> [String] {
        let view = PersonalView(
            snapshot: try snapshot(disclosure), staleReason: nil, state: DashboardState(), context: context,
            now: DashboardFixture.now, login: Self.login, scroll: scroll)
        return view.render(size: size).lines
    }

    @Test func showsThePersonsNumbersPostsToEngageAndDepartment() throws {
        let lines = try me(.everything)
        assertSnapshot(lines, named: "me-80x24")
        let text = lines.joined(separator: "\n")
        for expected in [
            "window 30d · Nathalie Lefèvre", "Your reach, 30d", "Rank by impressions", "Your engagement with colleagues",
            "Posts to engage with:", "Your department: Commercial", "E-I index",
        ] {
            #expect(text.contains(expected), "\(expected) missing:\n\(text)")
        }
        #expect(lines.count == 24 && lines.allSatisfy { TextWidth.columns(of: $0) <= 80 })
        assertSnapshot(try me(.everything, size: Size(width: 120, height: 40)), named: "me-120x40")
        // A leader's influence: their team's activation, their earned media value, the press items naming them.
        let snapshot = try snapshot(.everything)
        let personal = try #require(snapshot.personal)
        let influence = snapshot.report.influence
        let team = try #require(influence.exemplarity.first { $0.person == personal.person })
        let value = try #require(influence.value.first { $0.person == personal.person })
        let press = try #require(influence.press.first { $0.person == personal.person })
        let line = { (label: String) in lines.first { $0.contains(label) } ?? "" }
        #expect(line("Team active").contains("\(HumanFormat.percent(team.share)) (\(HumanFormat.points(team.change)))"))
        #expect(line("Earned media value").contains(HumanFormat.money(value.emv, "EUR")))
        #expect(line("Press mentions").contains("\(press.mentions) (\(try #require(press.previousMentions)) before)"))
    }

    /// In French: every word of codir me, and numbers with a decimal comma and a space before %.
    @Test func inFrenchEveryWordAndNumberIsFrench() throws {
        try Language.$current.withValue(.fr) {
            let lines = try me(.everything)
            assertSnapshot(lines, named: "me-fr-80x24")
            let text = lines.joined(separator: "\n")
            for expected in [
                "fenêtre 30 j · Nathalie Lefèvre", "Votre audience, 30 j", "vs 30 j précédents", "Taux d'engagement",
                "Abonnés", "Rang (impr.)", "Vos échanges avec les collègues", "Posts à soutenir : ",
                "Votre département : Commercial", "Indice E-I", "Équipe active", "q quitter", " %",
            ] {
                #expect(text.contains(expected), "\(expected) missing:\n\(text)")
            }
            for english in ["window", "Your ", "Engagement rate", "Followers", "Rank", " quit ", "of 10 leaders"] {
                #expect(!text.contains(english), "'\(english)' left in English:\n\(text)")
            }
            #expect(lines.count == 24 && lines.allSatisfy { TextWidth.columns(of: $0) <= 80 })
            // The numbers: French decimal comma in the engagement rate.
            let rate = try #require(lines.first { $0.contains("Taux d'engagement") })
            #expect(rate.contains(",") && rate.contains(" %"), "\(rate)")
            assertSnapshot(try me(.everything, size: Size(width: 120, height: 40)), named: "me-fr-120x40")
            let aggregate = try me(Disclosure(visibility: .aggregate, viewerLogin: Self.login)).joined(separator: "\n")
            for expected in ["Audience du comité, 30 j", "Vos chiffres", "Chiffres individuels non affichés"] {
                #expect(aggregate.contains(expected), "\(expected) missing:\n\(aggregate)")
            }
        }
    }

    @Test func inANonUTF8LocaleEverythingIsASCII() throws {
        let lines = try me(.everything, context: RenderContext(glyphs: .ascii, hasColour: false, foldsLetters: true))
        assertSnapshot(lines, named: "me-ascii-80x24")
        #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
        #expect(lines.joined().contains("Nathalie Lefevre"))
    }

    @Test func theSelectedPostShowsItsLinkAndTheListFollowsTheSelection() throws {
        let snapshot = try snapshot(.everything)
        let personal = try #require(snapshot.personal)
        #expect(personal.postsToEngage.count > 30)
        #expect(snapshot.postsToEngage.map(\.id).count == personal.postsToEngage.count)
        let top = try me(.everything).joined(separator: "\n")
        #expect(top.contains("more ▼"))
        #expect(!top.contains("above ▲"))
        let firstURL = try #require(snapshot.postsToEngage.first?.url)
        #expect(top.contains("▶ \(firstURL)"))
        // Down the list: the selection stays in view, the link follows it.
        let lines = try me(.everything, scroll: 20)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("16 above ▲"))  // nine rows, the selection in the middle
        let twentieth = snapshot.postsToEngage[20]
        #expect(text.contains(try #require(twentieth.url)))
        let author = snapshot.report.people[twentieth.author].name
        #expect(lines.contains { $0.contains("│▶") && $0.contains(author) }, "\(text)")
    }

    @Test func visibilitySelfHidesTheRank() throws {
        let text = try me(Disclosure(visibility: .self, viewerLogin: Self.login)).joined(separator: "\n")
        #expect(text.contains("Impressions"))
        #expect(!text.contains("Rank by impressions"))
        #expect(text.contains("not shown"))
    }

    @Test func visibilityAggregateShowsTheCommitteeInsteadOfThePerson() throws {
        let lines = try me(Disclosure(visibility: .aggregate, viewerLogin: Self.login))
        assertSnapshot(lines, named: "me-aggregate-80x24")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("The committee's reach, 30d"))
        #expect(text.contains("visibility = \"aggregate\""))
        #expect(!text.contains("Your reach"))
    }

    @Test func dashboardUnderSelfShowsOnlyTheViewersRow() throws {
        let snapshot = try snapshot(Disclosure(visibility: .self, viewerLogin: Self.login), personal: false)
        for pane in Pane.allCases {
            var state = DashboardState()
            state.pane = pane
            let lines = DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now)
                .render(size: Size(width: 200, height: 60)).lines
            let text = lines.joined(separator: "\n")
            if pane == .reach { assertSnapshot(lines, named: "self-200x60") }
            #expect(text.contains("Nathalie Lefèvre"))
            for other in ["Isabelle Moreau", "Thomas Bernard", "Philippe Garnier"] {
                #expect(!text.contains(other), "\(other) shown under visibility = self:\n\(text)")
            }
            #expect(text.contains("Only your own row"))
            switch pane {
            case .data: break
            case .influence:
                // The committee's value and press stay; the headlines, which name leaders, do not.
                #expect(text.contains("earned media value") && text.contains("press items"))
                #expect(text.contains("Headlines name leaders: not shown"))
                #expect(text.contains("Team act."))
            default: #expect(text.contains("committee impressions") && text.contains("9/10 leaders"))
            }
        }
    }

    /// What reaches a screen is what its viewer may see: another leader's detail and audience are not there to be
    /// drawn under `self`, and the ticker holds departments, not names, under `aggregate`.
    @Test func screensAreFedOnlyWhatTheViewerMaySee() throws {
        let mine = try snapshot(Disclosure(visibility: .self, viewerLogin: Self.login), personal: false)
        let people = mine.report.people
        let me = try #require(people.firstIndex { $0.login == Self.login })
        let other = try #require(people.firstIndex { $0.isLeader && $0.login != Self.login })
        #expect(mine.leaderDetail(me) != nil)
        #expect(mine.leaderDetail(other) == nil)
        #expect(mine.audience(of: other).isEmpty)
        let everything = try snapshot(.everything, personal: false)
        #expect(everything.leaderDetail(other) != nil)
        #expect(everything.ticker.allSatisfy { $0.actor.name != nil })
        let aggregate = try snapshot(Disclosure(visibility: .aggregate, viewerLogin: Self.login), personal: false)
        #expect(!aggregate.ticker.isEmpty)
        #expect(aggregate.ticker.allSatisfy { $0.actor.name == nil && $0.target.name == nil })
    }

    @Test func wallUnderAggregateNamesDepartmentsNotPeople() throws {
        let snapshot = try snapshot(Disclosure(visibility: .aggregate), personal: false)
        let lines = WallView(
            snapshot: snapshot, staleReason: nil, state: DashboardState(), context: RenderContext(), now: DashboardFixture.now,
            rotate: 20
        ).render(size: Size(width: 200, height: 60)).lines
        let text = lines.joined(separator: "\n")
        for leader in ["Isabelle Moreau", "Nathalie Lefèvre", "Thomas Bernard"] { #expect(!text.contains(leader)) }
        #expect(text.contains("a post from"))
        #expect(text.contains("committee reach, 30d"))
    }

    @Test func keysScrollChangeTheWindowAndQuit() {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let screen = PersonalScreen(login: Self.login, state: DashboardState())
        let app = DashboardApp(
            terminal: terminal, source: DashboardSource(path: DashboardFixture.path, personalLogin: Self.login),
            screen: screen, context: RenderContext(), refresh: 0.05, clock: { DashboardFixture.now })
        terminal.send(.character("j"))
        terminal.send(.character("j"))
        terminal.send(.character("k"))
        terminal.send(.character("q"))
        #expect(app.run() == .quit)
        #expect(screen.scroll == 1)
        let count = app.source.snapshot?.personal?.postsToEngage.count ?? 0
        #expect(count > 20)
        #expect(app.handle(.end) == .redraw && screen.scroll == count - 1)
        #expect(app.handle(.down) == .nothing && screen.scroll == count - 1)  // the end stays the end
        #expect(app.handle(.pageUp) == .redraw && screen.scroll == count - 11)
        #expect(app.handle(.home) == .redraw && screen.scroll == 0)
        #expect(app.handle(.up) == .nothing)
        #expect(app.handle(.pageDown) == .redraw && screen.scroll == 10)
        terminal.send(.character("w"))
        terminal.send(.character("q"))
        #expect(app.run() == .quit)
        #expect(screen.scroll == 0)  // w starts the new window's list at the top
        #expect(screen.state.window == .days(90))
        #expect(terminal.text.contains("Your reach, 90d"))
        #expect(terminal.text.contains("Nathalie Lefèvre"))
    }

    @Test func everySizeFromTheMinimumUpKeepsTheFiguresInTheirBoxes() throws {
        let snapshot = try snapshot(.everything)
        for width in stride(from: 60, through: 240, by: 9) {
            for height in stride(from: 16, through: 70, by: 6) {
                let lines = PersonalView(
                    snapshot: snapshot, staleReason: nil, state: DashboardState(), context: RenderContext(),
                    now: DashboardFixture.now, login: Self.login, scroll: width % 40
                ).render(size: Size(width: width, height: height)).lines
                #expect(lines.count == height)
                #expect(lines.allSatisfy { TextWidth.columns(of: $0) <= width })
                let text = lines.joined(separator: "\n")
                #expect(text.contains("Your reach"), "\(width)×\(height):\n\(text)")
                #expect(text.contains("Posts to engage with"), "\(width)×\(height):\n\(text)")
            }
        }
    }

    @Test func theDepartmentTrendHasThePreviousWindowWhateverItsLength() throws {
        for length in [WindowLength.days(7), .days(30), .days(90)] {
            let source = DashboardSource(path: DashboardFixture.path, personalLogin: Self.login)
            source.load(length: length, asOf: DashboardFixture.now)
            let personal = try #require(source.snapshot?.personal)
            // The demo's 120 days reach into the previous window of each (not of 365d).
            #expect(personal.previousDepartment != nil, "no previous \(length)")
            #expect(personal.previousDepartment.map { $0.internalTies + $0.externalTies > 0 } == true)
        }
    }

    @Test func aLoginThatLeftTheDirectorySaysSo() throws {
        let source = DashboardSource(path: DashboardFixture.path, personalLogin: "gone")
        source.load(length: .days(30), asOf: DashboardFixture.now)
        let view = PersonalView(
            snapshot: source.snapshot, staleReason: nil, state: DashboardState(), context: RenderContext(),
            now: DashboardFixture.now, login: "gone")
        let text = view.render(size: Size(width: 80, height: 24)).lines.joined(separator: "\n")
        #expect(text.contains("The login 'gone' is no longer in the people directory."))
    }
}
