import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing
import TerminalUI

@testable import CodirDashboard

@Suite("Dashboard keys and live updates", .serialized)
struct DashboardAppTests {
    func app(_ terminal: TestTerminal, path: String = DashboardFixture.path) -> DashboardApp {
        DashboardApp(
            terminal: terminal, source: DashboardSource(path: path), screen: DashboardScreen(state: DashboardState()),
            context: RenderContext(), refresh: 0.05, clock: { DashboardFixture.now })
    }

    @Test func qQuitsAndCtrlCToo() {
        for key in [TerminalEvent.character("q"), .control("c")] {
            let terminal = TestTerminal(size: Size(width: 80, height: 24))
            terminal.send(key)
            #expect(app(terminal).run() == .quit)
            #expect(terminal.text.contains("Reach"))
        }
    }

    /// A cold start shows its frame at once, marked as loading, before the first load computes.
    @Test func theFirstFrameSaysItIsLoading() throws {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        terminal.send(.character("q"))
        #expect(app(terminal).run() == .quit)
        let first = try #require(terminal.firstFrame).lines.joined(separator: "\n")
        #expect(first.contains("Loading the data…") && first.contains("codir"), "\(first)")
        #expect(terminal.frame.lines.joined().contains("Reach"))
    }

    @Test func endOfInputStops() {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        terminal.send(.endOfInput)
        #expect(app(terminal).run() == .endOfInput)
    }

    @Test func keysSwitchPanesSelectSortAndOpenDetail() throws {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let app = app(terminal)
        _ = app.handle(.character("x"))  // unknown: nothing
        #expect(app.state.pane == .reach)
        _ = app.handle(.character("4"))
        #expect(app.state.pane == .influence)
        _ = app.handle(.character("5"))
        #expect(app.state.pane == .data)
        _ = app.handle(.character("3"))
        #expect(app.state.pane == .silos)
        _ = app.handle(.tab)
        #expect(app.state.pane == .influence)
        _ = app.handle(.tab)
        #expect(app.state.pane == .data)
        _ = app.handle(.tab)
        #expect(app.state.pane == .reach)
        _ = app.handle(.backTab)
        #expect(app.state.pane == .data)
        _ = app.handle(.character("3"))
        _ = app.handle(.character("1"))
        // Once the live figures are built (a viewer's first second or two), a detail opens at once.
        app.source.load(length: app.state.window, asOf: DashboardFixture.now, leaderDetails: .none)
        app.source.waitForLiveFigures()
        terminal.send(.down, .down, .character("s"), .enter)
        terminal.send(.character("q"))
        _ = app.run()
        #expect(app.state.sort == .change)
        // The third leader by impressions stays selected through the re-sort.
        let snapshot = try #require(app.source.snapshot)
        var byImpressions = app.state
        byImpressions.sort = .impressions
        byImpressions.department = nil
        let third = snapshot.report.people[DashboardView.leaderRows(snapshot, byImpressions)[2].person]
        #expect(app.state.detail == third.id)
        #expect(terminal.text.contains("\(third.name) · \(third.department)"))
        #expect(terminal.text.contains("Who engages with their posts"))
    }

    /// The live figures take over the full load's rows: a detail opened while they are built says it is loading,
    /// and shows once they are.
    @Test func aDetailOpenedWhileTheLiveFiguresAreBuiltShowsOnceTheyAre() {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let app = app(terminal)
        terminal.send(.enter, .character("q"))
        _ = app.run()
        let first = terminal.text
        #expect(first.contains("Loading who engages with their posts…") || first.contains("Who engages with their posts"), "\(first)")
        app.source.waitForLiveFigures()
        terminal.send(.character("q"))
        _ = app.run()
        #expect(terminal.text.contains("Who engages with their posts"), "\(terminal.text)")
        #expect(!terminal.text.contains("Loading who engages"))
    }

    /// What each source holds is read only while the Data pane is shown: switching to it loads it.
    @Test func theDataPaneReadsWhatEachSourceHoldsWhenShown() {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let app = app(terminal)
        terminal.send(.character("q"))
        _ = app.run()
        #expect(app.source.snapshot?.coverage.isEmpty == true)
        terminal.send(.character("4"), .character("q"))
        _ = app.run()
        #expect(app.source.snapshot?.coverage.isEmpty == true)
        #expect(terminal.text.contains("Influence · exemplarity"))
        terminal.send(.character("5"), .character("q"))
        _ = app.run()
        #expect(app.source.snapshot?.coverage.isEmpty == false)
        #expect(terminal.text.contains("08-01→11-28"), "\(terminal.text)")
    }

    @Test func escapeClosesTheDetailAndWindowCycles() {
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let app = app(terminal)
        terminal.send(.enter, .escape, .character("w"), .character("q"))
        _ = app.run()
        #expect(app.state.detail == nil)
        #expect(app.state.window == .days(90))
        #expect(terminal.lines[0].contains("window 90d"))
    }

    @Test func fRestrictsTheSilosToOneSourceInTurnAndSaysSo() {
        let terminal = TestTerminal(size: Size(width: 120, height: 40))
        let app = app(terminal)
        terminal.send(.character("3"), .character("f"), .character("q"))
        #expect(app.run() == .quit)
        // The demo's interactions are all canonical events: one source, then all again.
        #expect(app.state.source == .events)
        #expect(terminal.text.contains("silos: events"))
        #expect(app.source.snapshot?.report.siloSources == [.events])
        _ = app.handle(.character("f"))
        #expect(app.state.source == nil)
    }

    @Test func departmentFilterAndHelp() {
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let app = app(terminal)
        terminal.send(.character("d"), .character("?"))
        terminal.send(.character("q"))
        _ = app.run()
        #expect(app.state.department == "Commercial")
        #expect(app.state.showsHelp)
        #expect(terminal.text.contains("Keys"))
        #expect(terminal.text.contains("Nathalie Lefèvre"))
        #expect(!terminal.text.contains("Isabelle Moreau"))
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let terminal = TestTerminal(size: Size(width: 200, height: 60))
        let app = app(terminal)
        terminal.resize(to: Size(width: 70, height: 20))
        terminal.send(.character("q"))
        _ = app.run()
        #expect(terminal.frame.size == Size(width: 70, height: 20))
        #expect(terminal.text.contains("1 Reach"))
    }

    @Test func aWriteByAnotherProcessShowsUpAndAMissingDatabaseIsStale() throws {
        let scratch = try ScratchFolder("live")
        defer { scratch.remove() }
        let folder = scratch.url
        let path = folder.appendingPathComponent("live.sqlite").path
        let writer = try Store.open(path: path, access: .readWrite)
        _ = try writer.importFile(file: "t", sha256: "", format: "t") { w in
            _ = try w.write(Person(id: "a", name: "Ada First", department: "X", role: .leader))
        }
        let source = DashboardSource(path: path)
        #expect(source.load(length: .days(30), asOf: DashboardFixture.now))
        // The live figures built in the background take over: a change of the source, not of the data.
        source.waitForLiveFigures()
        #expect(source.hasChanged())
        #expect(source.load(length: .days(30), asOf: DashboardFixture.now))
        #expect(!source.hasChanged())
        _ = try writer.importFile(file: "t2", sha256: "", format: "t") { w in
            _ = try w.write(Person(id: "b", name: "Bea Second", department: "X", role: .leader))
        }
        #expect(source.hasChanged())
        source.load(length: .days(30), asOf: DashboardFixture.now)
        #expect(source.snapshot?.report.reach.count == 2)

        // The file disappears: the last data stays, marked stale; it comes back: recovered.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
        #expect(!source.hasChanged())
        #expect(source.staleReason?.contains("no database at") == true)
        #expect(source.snapshot?.report.reach.count == 2)
        try FileManager.default.moveItem(atPath: path + ".moved", toPath: path)
        #expect(source.hasChanged())
        #expect(source.load(length: .days(30), asOf: DashboardFixture.now))
        #expect(source.staleReason == nil)
    }

    @Test func namesFromTheDataCannotReachTheTerminalAsEscapes() throws {
        let scratch = try ScratchFolder("evil")
        defer { scratch.remove() }
        let folder = scratch.url
        let path = folder.appendingPathComponent("evil.sqlite").path
        let writer = try Store.open(path: path, access: .readWrite)
        _ = try writer.importFile(file: "t", sha256: "", format: "t") { w in
            _ = try w.write(Person(id: "e", name: "Eve\u{1B}]0;owned\u{07}\u{1B}[2J Evil", department: "X\u{202E}Y", role: .leader))
        }
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        terminal.send(.character("q"))
        _ = app(terminal, path: path).run()
        #expect(terminal.text.contains("Eve?]0;owned??[2J Evil"))
        #expect(!terminal.frame.cells.contains { $0.character?.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E } == true })
    }
}

@Suite("Leader detail with analytics")
struct LeaderDetailAudienceTests {
    @Test func theLatestDemographicsShowUnderTheFigures() throws {
        TextWidth.prepareUTF8Locale()
        let scratch = try ScratchFolder("audience")
        defer { scratch.remove() }
        let folder = scratch.url
        let path = folder.appendingPathComponent("a.sqlite").path
        let writer = try Store.open(path: path, access: .readWrite)
        _ = try writer.importFile(file: "t", sha256: "", format: "t") { w in
            _ = try w.write(Person(id: "a", name: "Ada First", department: "X", role: .leader))
            _ = try w.writeDemographic(person: "a", asOf: Day(iso8601: "2026-09-30")!, sheet: "DEMOGRAPHICS", category: "Locations", value: "Paris", percentage: "40%")
            _ = try w.writeDemographic(person: "a", asOf: Day(iso8601: "2026-10-31")!, sheet: "DEMOGRAPHICS", category: "Job titles", value: "Chef de projet", percentage: "12%")
            _ = try w.writeDemographic(person: "a", asOf: Day(iso8601: "2026-10-31")!, sheet: "DEMOGRAPHICS", category: "Locations", value: "Lyon", percentage: "< 1%")
        }
        let source = DashboardSource(path: path)
        source.load(length: .days(30), asOf: DashboardFixture.now)
        var state = DashboardState()
        state.detail = "a"
        let view = DashboardView(snapshot: source.snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now)
        let text = view.render(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(text.contains("Audience (analytics of 2026-10-31)"))
        #expect(text.contains("Job titles: Chef de projet"))
        #expect(text.contains("< 1%"))
        #expect(!text.contains("Paris"))  // an older export
    }
}

extension DashboardApp {
    /// The dashboard screen's state, for the tests that drive it.
    var state: DashboardState { (screen as? DashboardScreen)?.state ?? DashboardState() }
}
