import CodirModel
import Testing

@testable import CodirMetrics

/// `codir me`'s figures and what each visibility lets a viewer see, on the hand-worked small organisation.
@Suite("Personal view and disclosure")
struct PersonalAndDisclosureTests {
    let dataset = SmallOrganisation.dataset
    let report = SmallOrganisation.report

    func personal(_ person: Int32) -> PersonalReport {
        MetricsEngine.personal(for: Int(person), in: dataset, report: report)
    }

    @Test func engagementIsSplitByRoleAndByDepartment() {
        let alice = personal(SmallOrganisation.a)
        // Given: a reaction to Bruno's post (leader, Y) and one to Emma's (employee, X); her own reaction
        // to her own post counts nowhere.
        #expect(alice.givenToLeaders == 1)
        #expect(alice.givenToEmployees == 1)
        // Received on p0: Bruno and Chloé (leaders), Emma once and Eric twice (employees).
        #expect(alice.receivedFromLeaders == 2)
        #expect(alice.receivedFromEmployees == 3)
        #expect(
            alice.byDepartment == [
                DepartmentExchange(department: "Y", given: 1, received: 3),
                DepartmentExchange(department: "X", given: 1, received: 2),
            ])
        #expect(alice.reach.impressions == 1500)
    }

    @Test func postsToEngageAreTheColleaguesPostsNotYetEngagedNewestFirst() {
        // Alice engaged with both colleague posts of the window (p1 and p3).
        #expect(personal(SmallOrganisation.a).postsToEngage.isEmpty)
        #expect(personal(SmallOrganisation.a).colleaguePosts == 2)
        // Bruno reacted to p0, not to Emma's p3.
        #expect(personal(SmallOrganisation.b).postsToEngage == [3])
        // Chloé commented on p0 only: p1 (25th) before p3 (24th); p2 is hers, p4 of the previous window.
        #expect(personal(SmallOrganisation.c).postsToEngage == [1, 3])
        #expect(personal(SmallOrganisation.c).colleaguePosts == 3)
    }

    @Test func rankAmongLeadersWithImpressions() {
        #expect(personal(SmallOrganisation.a).rank?.place == 1)
        #expect(personal(SmallOrganisation.b).rank?.place == 2)
        #expect(personal(SmallOrganisation.b).rank?.of == 2)
        #expect(personal(SmallOrganisation.c).rank == nil)  // no impressions known
        #expect(personal(SmallOrganisation.e1).rank == nil)  // employees are not ranked
    }

    @Test func departmentStatusNowAndInThePreviousWindow() {
        let alice = personal(SmallOrganisation.a)
        #expect(alice.department == report.silo.departments.first { $0.department == "X" })
        // The previous week holds one tie: Bruno (Y) on Chloé's (X) post.
        #expect(alice.previousDepartment == DepartmentSilo(department: "X", members: 3, internalTies: 0, externalTies: 1))
        #expect(alice.departmentRank?.of == report.silo.departments.compactMap(\.eiIndex).count)
    }

    func withLogins() -> MetricsReport {
        var dataset = SmallOrganisation.dataset
        for index in dataset.people.indices { dataset.people[index].login = dataset.people[index].id.lowercased() }
        return MetricsEngine.report(for: dataset, length: .days(7), asOf: Timestamp(seconds: SmallOrganisation.asOf))
    }

    @Test func visibilityAllShowsEveryRow() {
        let full = withLogins()
        let shown = full.disclosed(to: .everything)
        #expect(shown.reach.count == 3)
        #expect(shown.committee == full.committee)
        #expect(!shown.withholdsIndividuals)
    }

    @Test func visibilitySelfKeepsOnlyTheViewersRowsAndWholeAggregates() {
        let full = withLogins()
        let shown = full.disclosed(to: Disclosure(visibility: .self, viewerLogin: "b"))
        #expect(shown.reach.map { shown.people[$0.person].id } == ["B"])
        #expect(shown.engagement.map { shown.people[$0.person].id } == ["B"])
        #expect(shown.committee.leaders.isEmpty)
        #expect(shown.silo.bridges.isEmpty)
        // The committee's totals still count every leader.
        #expect(shown.committeeReach == full.committeeReach)
        #expect(shown.committeeReach.impressions == 2200)
        #expect(shown.silo.eiIndex == full.silo.eiIndex)
        #expect(shown.withholdsIndividuals)
        // An employee, or a login that is nobody, sees no leader's row.
        #expect(full.disclosed(to: Disclosure(visibility: .self, viewerLogin: "e1")).reach.isEmpty)
        #expect(full.disclosed(to: Disclosure(visibility: .self, viewerLogin: nil)).reach.isEmpty)
    }

    @Test func visibilityAggregateShowsNoIndividual() {
        let shown = withLogins().disclosed(to: Disclosure(visibility: .aggregate, viewerLogin: "a"))
        #expect(shown.reach.isEmpty)
        #expect(shown.engagement.isEmpty)
        #expect(shown.committeeReach.leaders == 3)
        #expect(shown.committeeReach.posts == 2)
    }
}

/// `min_group_size`: under `self` and `aggregate`, a department too small to hide in has its figures withheld.
@Suite("Small departments")
struct SmallDepartmentTests {
    let dataset = SmallOrganisation.dataset
    let report = SmallOrganisation.report

    @Test func departmentsBelowTheMinimumAreWithheldNotZero() {
        // X has 3 members, Y 2, Z 1.
        let disclosed = report.disclosed(to: Disclosure(visibility: .self, viewerLogin: nil, minGroupSize: 3))
        let byName = Dictionary(uniqueKeysWithValues: disclosed.silo.departments.map { ($0.department, $0) })
        #expect(byName["X"]?.withheld == false)
        #expect(byName["X"]?.eiIndex == report.silo.departments.first { $0.department == "X" }?.eiIndex)
        #expect(byName["Y"]?.withheld == true)
        #expect(byName["Y"]?.eiIndex == nil)
        let matrix = disclosed.silo.matrix
        let x = matrix.departments.firstIndex(of: "X")!, y = matrix.departments.firstIndex(of: "Y")!
        #expect(matrix.count(y, x) == nil)
        #expect(matrix.count(x, y) == nil)
        #expect(matrix.count(x, x) == report.silo.matrix.counts[x][x])
        // The organisation's own figures stay whole.
        #expect(disclosed.silo.eiIndex == report.silo.eiIndex)
    }

    @Test func everyoneSeesEverythingUnderAll() {
        let disclosed = report.disclosed(to: Disclosure(visibility: .all, minGroupSize: 1000))
        #expect(disclosed.silo.departments.allSatisfy { !$0.withheld })
        #expect(disclosed.silo.matrix.withheld.isEmpty)
    }

    @Test func thePersonalViewWithholdsASmallDepartment() {
        let alice = MetricsEngine.personal(for: Int(SmallOrganisation.a), in: dataset, report: report)
        let shown = alice.disclosed(to: Disclosure(visibility: .self, viewerLogin: nil, minGroupSize: 5), report: report)
        #expect(shown.department.withheld)
        #expect(shown.department.eiIndex == nil)
        #expect(shown.departmentRank == nil)
        #expect(shown.previousDepartment == nil)
        // Her exchanges with Y (2 members) are withheld too; X (3) is shown at a minimum of 3.
        let kept = alice.disclosed(to: Disclosure(visibility: .self, viewerLogin: nil, minGroupSize: 3), report: report)
        #expect(!kept.department.withheld)
        #expect(kept.byDepartment.first { $0.department == "Y" } == {
            var y = DepartmentExchange(department: "Y", given: 0, received: 0)
            y.withheld = true
            return y
        }())
        #expect(kept.byDepartment.first { $0.department == "X" } == DepartmentExchange(department: "X", given: 1, received: 2))
    }
}
