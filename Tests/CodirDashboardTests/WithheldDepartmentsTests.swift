import CodirModel
import CodirReport
import TerminalUI
import Testing

@testable import CodirDashboard

/// Departments smaller than min_group_size, as a viewer under visibility = "self" sees them.
@Suite("Withheld departments on screen")
struct WithheldDepartmentsTests {
    @Test func theSiloPaneAndTheReportSayWithheldNotZero() throws {
        // Every demo department has fewer than 1000 members.
        let disclosure = Disclosure(visibility: .self, viewerLogin: "nlefevre", minGroupSize: 1000)
        let source = DashboardSource(path: DashboardFixture.path, disclosure: disclosure, personalLogin: "nlefevre")
        #expect(source.load(length: .days(30), asOf: DashboardFixture.now))
        let snapshot = try #require(source.snapshot)
        var state = DashboardState()
        state.pane = .silos
        let frame = DashboardView(snapshot: snapshot, staleReason: nil, state: state, context: RenderContext(), now: DashboardFixture.now)
            .render(size: Size(width: 200, height: 60)).lines.joined(separator: "\n")
        #expect(frame.contains("w/h"), "\(frame)")
        #expect(frame.contains("withheld"), "\(frame)")
        let personal = PersonalView(
            snapshot: snapshot, staleReason: nil, state: DashboardState(), context: RenderContext(), now: DashboardFixture.now,
            login: "nlefevre"
        ).render(size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        #expect(personal.contains("Withheld: your department has"), "\(personal)")
        let text = ReportDocument(organisation: "Horizon", report: snapshot.report).rendered(as: .text)
        let commercial = text.split(separator: "\n").first { $0.hasPrefix("Commercial") }.map(String.init) ?? ""
        #expect(commercial.hasSuffix(" withheld") && commercial.contains("122"), "\(commercial.debugDescription)")
        #expect(text.contains("withheld: a department of fewer than 1000 members (min_group_size)"), "\(text)")
        // The organisation's own E-I is still shown.
        #expect(snapshot.report.silo.eiIndex != nil)

        // At the default of 5, the demo's departments are large enough to be shown.
        let shown = DashboardSource(path: DashboardFixture.path, disclosure: Disclosure(visibility: .self, viewerLogin: "nlefevre"))
        #expect(shown.load(length: .days(30), asOf: DashboardFixture.now))
        #expect(shown.snapshot?.report.silo.departments.allSatisfy { !$0.withheld } == true)
    }
}
