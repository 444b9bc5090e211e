import CodirModel

/// Everything the engine computes for one window: what `codir report` prints and the dashboard shows.
public struct MetricsReport: Sendable {
    public var length: WindowLength
    public var window: TimeWindow
    public var people: [Person]
    public var summary: ActivitySummary
    /// One row per leader, in directory order.
    public var reach: [ReachRow]
    /// One row per leader, in the same order as `reach`.
    public var engagement: [EngagementRow]
    public var committee: CommitteeEngagement
    public var silo: SiloReport
    /// The committee's reach, summed over every leader (kept whole when individual rows are withheld).
    public var committeeReach: CommitteeReach
    /// The sources the silo figures count; nil for all.
    public var siloSources: Set<InteractionSource>?
    /// Interactions of the window (a person with themself left out), by source.
    public var interactionsBySource: [InteractionSource: Int] = [:]
    /// Exemplarity, editorial line, press and market value (`MetricsEngine.influence`).
    public var influence = InfluenceReport(rates: .defaults)
    /// What the viewer may see; `reach`, `engagement`, `committee` and `silo.bridges` hold only that.
    public private(set) var disclosure: Disclosure = .everything

    public init(
        length: WindowLength, window: TimeWindow, people: [Person], summary: ActivitySummary, reach: [ReachRow],
        engagement: [EngagementRow], committee: CommitteeEngagement, silo: SiloReport
    ) {
        self.length = length
        self.window = window
        self.people = people
        self.summary = summary
        self.reach = reach
        self.engagement = engagement
        self.committee = committee
        self.silo = silo
        self.committeeReach = CommitteeReach(reach)
    }

    /// The report as `disclosure` lets its viewer see it: the individual rows of the people whose numbers
    /// they may not see are removed, the leader × leader matrix and the bridges are kept only when
    /// individuals may be named. Aggregates (committee, departments, organisation) stay whole.
    public func disclosed(to disclosure: Disclosure) -> MetricsReport {
        var report = self
        report.disclosure = disclosure
        guard disclosure.visibility != .all else { return report }
        report.reach = reach.filter { disclosure.showsNumbers(of: people[$0.person]) }
        report.engagement = engagement.filter { disclosure.showsNumbers(of: people[$0.person]) }
        report.committee = CommitteeEngagement(
            leaders: [], counts: [], engagedPairs: committee.engagedPairs, reciprocalPairs: committee.reciprocalPairs)
        report.silo.bridges = []
        report.influence = influence.disclosed(to: disclosure, people: people)
        // Departments too small to hide in: their figures are withheld, everywhere they appear.
        let members = Dictionary(silo.departments.map { ($0.department, $0.members) }, uniquingKeysWith: max)
        report.silo.departments = silo.departments.map {
            disclosure.withholds(departmentOf: $0.members) ? $0.withholding : $0
        }
        for (index, name) in silo.matrix.departments.enumerated()
        where disclosure.withholds(departmentOf: members[name] ?? 0) {
            report.silo.matrix.withheld.insert(index)
            for other in report.silo.matrix.counts.indices {
                report.silo.matrix.counts[index][other] = 0
                report.silo.matrix.counts[other][index] = 0
            }
        }
        return report
    }

    /// Whether some leaders' rows were withheld from this report.
    public var withholdsIndividuals: Bool { disclosure.visibility != .all }
}

/// The committee's reach over the window, summed over its leaders.
public struct CommitteeReach: Sendable, Hashable {
    public var leaders: Int
    /// Leaders with at least one post in the window.
    public var leadersWhoPosted: Int
    public var posts: Int
    /// Sum of the leaders' known impressions.
    public var impressions: Int64
    public var previousImpressions: Int64
    public var engagements: Int64

    /// Leaders whose impressions are known: `impressions` sums theirs only.
    public var leadersWithImpressions: Int
    /// The impressions, then and now, of the leaders whose change is known (data over both windows whole).
    public var comparableImpressions: Int64
    public var comparablePrevious: Int64
    /// Leaders whose data covers only part of the previous window, left out of the change.
    public var leadersWithPartialPrevious: Int

    public init(_ rows: [ReachRow]) {
        leaders = rows.count
        leadersWhoPosted = rows.count(where: { $0.posts > 0 })
        posts = rows.reduce(0) { $0 + $1.posts }
        impressions = rows.compactMap(\.impressions).reduce(0) { $0.saturatingAdding($1) }
        previousImpressions = rows.compactMap(\.previousImpressions).reduce(0) { $0.saturatingAdding($1) }
        engagements = rows.compactMap(\.engagements).reduce(0) { $0.saturatingAdding($1) }
        leadersWithImpressions = rows.count(where: { $0.impressions != nil })
        let comparable = rows.filter { $0.impressions != nil && $0.previousImpressions != nil && !$0.previousIsPartial }
        comparableImpressions = comparable.compactMap(\.impressions).reduce(0) { $0.saturatingAdding($1) }
        comparablePrevious = comparable.compactMap(\.previousImpressions).reduce(0) { $0.saturatingAdding($1) }
        leadersWithPartialPrevious = rows.count(where: { $0.previousIsPartial })
    }

    /// Relative change of impressions against the previous window, over the leaders with data over both
    /// windows whole; nil without any.
    public var impressionsChange: Double? {
        comparablePrevious > 0
            ? (Double(comparableImpressions) - Double(comparablePrevious)) / Double(comparablePrevious) : nil
    }
}

/// Counts that frame the window.
public struct ActivitySummary: Sendable, Hashable {
    public var people: Int
    public var leaders: Int
    public var employees: Int
    /// Employees who interacted with someone else at least once in the window.
    public var activeEmployees: Int
    /// Interactions between two different people in the window.
    public var interactions: Int
    /// Posts published in the window.
    public var posts: Int

    public init(people: Int, leaders: Int, employees: Int, activeEmployees: Int, interactions: Int, posts: Int) {
        self.people = people
        self.leaders = leaders
        self.employees = employees
        self.activeEmployees = activeEmployees
        self.interactions = interactions
        self.posts = posts
    }

    /// The share of employees active in the window; nil without employees.
    public var activeEmployeeShare: Double? { employees == 0 ? nil : Double(activeEmployees) / Double(employees) }
}

/// Where a leader's impressions or engagements come from.
public enum ReachSource: String, Sendable, Hashable {
    /// Per-day totals (`daily` rows).
    case daily
    /// The latest cumulative counters of the leader's posts published in the window (`stats` rows).
    case postStats
    /// Interactions recorded on the leader's posts (engagements only).
    case interactions
    /// No data.
    case none
}

/// Where a leader's follower growth comes from.
public enum FollowerGrowthSource: String, Sendable, Hashable {
    /// The follower counts at the window's start and end.
    case snapshots
    /// The sum of the daily new followers in the window (creator analytics give one total and the new
    /// followers of each day).
    case newFollowers = "new_followers"
    /// Unknown.
    case none
}

/// A leader's reach over the window.
public struct ReachRow: Sendable, Hashable {
    public var person: Int
    public var impressions: Int64?
    public var impressionSource: ReachSource
    public var engagements: Int64?
    public var engagementSource: ReachSource
    /// engagements / impressions; nil when impressions are zero or unknown.
    public var engagementRate: Double?
    public var posts: Int
    public var followers: Int64?
    public var followerGrowth: Int64?
    public var followerGrowthSource: FollowerGrowthSource
    /// Impressions over the previous window of the same length.
    public var previousImpressions: Int64?
    /// The leader's daily data starts inside the previous window: its figure covers only part of it.
    public var previousIsPartial: Bool
    /// (impressions − previous) / previous; nil when either is unknown, the previous is zero or partial.
    public var impressionsChange: Double?
    /// Impressions per day of the window, oldest first, starting on `seriesStart`.
    public var dailyImpressions: [Int64]
    public var seriesStart: Day

    public init(
        person: Int, impressions: Int64?, impressionSource: ReachSource, engagements: Int64?,
        engagementSource: ReachSource, engagementRate: Double?, posts: Int, followers: Int64?,
        followerGrowth: Int64?, followerGrowthSource: FollowerGrowthSource = .none, previousImpressions: Int64?,
        previousIsPartial: Bool = false, impressionsChange: Double?, dailyImpressions: [Int64], seriesStart: Day
    ) {
        self.person = person
        self.impressions = impressions
        self.impressionSource = impressionSource
        self.engagements = engagements
        self.engagementSource = engagementSource
        self.engagementRate = engagementRate
        self.posts = posts
        self.followers = followers
        self.followerGrowth = followerGrowth
        self.followerGrowthSource = followerGrowth == nil ? .none : followerGrowthSource
        self.previousImpressions = previousImpressions
        self.previousIsPartial = previousIsPartial
        self.impressionsChange = impressionsChange
        self.dailyImpressions = dailyImpressions
        self.seriesStart = seriesStart
    }
}

/// How a leader engages with colleagues' posts, and how colleagues engage with theirs.
public struct EngagementRow: Sendable, Hashable {
    public var person: Int
    public var givenToLeaders: Int
    public var givenToEmployees: Int
    public var receivedFromLeaders: Int
    public var receivedFromEmployees: Int
    /// Other leaders' posts published in the window.
    public var colleaguePosts: Int
    /// Of those, the posts this leader interacted with by the end of the window.
    public var coveredPosts: Int

    public init(
        person: Int, givenToLeaders: Int, givenToEmployees: Int, receivedFromLeaders: Int,
        receivedFromEmployees: Int, colleaguePosts: Int, coveredPosts: Int
    ) {
        self.person = person
        self.givenToLeaders = givenToLeaders
        self.givenToEmployees = givenToEmployees
        self.receivedFromLeaders = receivedFromLeaders
        self.receivedFromEmployees = receivedFromEmployees
        self.colleaguePosts = colleaguePosts
        self.coveredPosts = coveredPosts
    }

    /// coveredPosts / colleaguePosts; nil when the other leaders published nothing.
    public var coverage: Double? { colleaguePosts == 0 ? nil : Double(coveredPosts) / Double(colleaguePosts) }
}

/// The committee as a whole: who engages with whose posts.
public struct CommitteeEngagement: Sendable, Hashable {
    /// Person indices of the leaders, in the order of the matrix's rows and columns.
    public var leaders: [Int]
    /// counts[i][j]: interactions by leader i on posts of leader j.
    public var counts: [[Int]]
    /// Unordered leader pairs with post engagement in at least one direction.
    public var engagedPairs: Int
    /// Of those, the pairs with engagement in both directions.
    public var reciprocalPairs: Int

    public init(leaders: [Int], counts: [[Int]], engagedPairs: Int, reciprocalPairs: Int) {
        self.leaders = leaders
        self.counts = counts
        self.engagedPairs = engagedPairs
        self.reciprocalPairs = reciprocalPairs
    }

    public var reciprocity: Double? { engagedPairs == 0 ? nil : Double(reciprocalPairs) / Double(engagedPairs) }
}

/// Cross-department interaction: how far the silos have opened.
public struct SiloReport: Sendable, Hashable {
    /// Ties (ordered pairs with at least one interaction) within one department.
    public var internalTies: Int
    /// Ties between two departments.
    public var externalTies: Int
    /// Total interaction weight of the directed graph.
    public var totalWeight: Int
    public var modularity: Double?
    public var departments: [DepartmentSilo]
    public var matrix: DepartmentMatrix
    public var bridges: [Bridge]
    public var weekly: [WeeklyEI]

    public init(
        internalTies: Int, externalTies: Int, totalWeight: Int, modularity: Double?, departments: [DepartmentSilo],
        matrix: DepartmentMatrix, bridges: [Bridge], weekly: [WeeklyEI]
    ) {
        self.internalTies = internalTies
        self.externalTies = externalTies
        self.totalWeight = totalWeight
        self.modularity = modularity
        self.departments = departments
        self.matrix = matrix
        self.bridges = bridges
        self.weekly = weekly
    }

    /// Krackhardt and Stern's E-I index over ties; nil without ties.
    public var eiIndex: Double? { eiIndexOf(external: externalTies, internal: internalTies) }
}

/// One department's ties.
public struct DepartmentSilo: Sendable, Hashable {
    public var department: String
    public var members: Int
    /// Ties with both ends in the department.
    public var internalTies: Int
    /// Ties with exactly one end in the department.
    public var externalTies: Int
    /// The department is smaller than the viewer's `min_group_size`: its ties are not shown (and are zero
    /// here), and renderers say "withheld" instead of a figure.
    public var withheld = false

    public init(department: String, members: Int, internalTies: Int, externalTies: Int) {
        self.department = department
        self.members = members
        self.internalTies = internalTies
        self.externalTies = externalTies
    }

    public var eiIndex: Double? { withheld ? nil : eiIndexOf(external: externalTies, internal: internalTies) }

    /// The same department with its figures withheld.
    public var withholding: DepartmentSilo {
        var copy = DepartmentSilo(department: department, members: members, internalTies: 0, externalTies: 0)
        copy.withheld = true
        return copy
    }
}

/// Interaction counts from the actor's department (row) to the target's department (column).
public struct DepartmentMatrix: Sendable, Hashable {
    public var departments: [String]
    public var counts: [[Int]]
    /// Departments whose rows and columns are withheld (zero in `counts`); empty when none are.
    public var withheld: Set<Int> = []

    public init(departments: [String], counts: [[Int]]) {
        self.departments = departments
        self.counts = counts
    }

    /// The count from `row` to `column`, or nil when either department is withheld.
    public func count(_ row: Int, _ column: Int) -> Int? {
        withheld.contains(row) || withheld.contains(column) ? nil : counts[row][column]
    }
}

/// A person who connects departments.
public struct Bridge: Sendable, Hashable {
    public var person: Int
    /// Other departments this person has a tie with, in either direction.
    public var departmentsReached: Int
    /// Interactions of this person with people of other departments, in either direction.
    public var crossInteractions: Int

    public init(person: Int, departmentsReached: Int, crossInteractions: Int) {
        self.person = person
        self.departmentsReached = departmentsReached
        self.crossInteractions = crossInteractions
    }
}

/// The organisation's E-I index and modularity over one week.
public struct WeeklyEI: Sendable, Hashable {
    /// The week is `(start, start + 7 days]`.
    public var start: Timestamp
    public var internalTies: Int
    public var externalTies: Int
    /// The modularity of the department partition over the week's interactions.
    public var modularity: Double?

    public init(start: Timestamp, internalTies: Int, externalTies: Int, modularity: Double? = nil) {
        self.start = start
        self.internalTies = internalTies
        self.externalTies = externalTies
        self.modularity = modularity
    }

    public var eiIndex: Double? { eiIndexOf(external: externalTies, internal: internalTies) }
}

func eiIndexOf(external: Int, internal internalCount: Int) -> Double? {
    let total = external + internalCount
    return total == 0 ? nil : Double(external - internalCount) / Double(total)
}
