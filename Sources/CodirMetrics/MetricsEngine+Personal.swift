import CodirModel

/// What `codir me` shows one person: their reach, their engagement with colleagues split by role and by
/// department, the colleagues' posts they have not engaged with yet, and how their department does on silos.
public struct PersonalReport: Sendable, Hashable {
    public var person: Int
    public var reach: ReachRow
    /// Their place among the leaders by impressions (1 = most), and the number of leaders ranked; nil for
    /// an employee or without impressions.
    public var rank: Placing?
    /// Reactions, comments and shares given to colleagues' posts in the window.
    public var givenToLeaders: Int
    public var givenToEmployees: Int
    /// Reactions, comments and shares received on their posts in the window.
    public var receivedFromLeaders: Int
    public var receivedFromEmployees: Int
    /// Given and received per other party's department, busiest first.
    public var byDepartment: [DepartmentExchange]
    /// Colleagues' posts of the window they have not reacted to, commented on or shared, newest first.
    public var postsToEngage: [Int]
    /// Colleagues' posts of the window, in all.
    public var colleaguePosts: Int
    /// Their department's ties in the window and in the previous one.
    public var department: DepartmentSilo
    public var previousDepartment: DepartmentSilo?
    /// Their department's place among the departments by E-I index (1 = most open), and how many are ranked.
    public var departmentRank: Placing?
}

/// A place in a ranking: 1 is the first, out of `of`.
public struct Placing: Sendable, Hashable {
    public var place: Int
    public var of: Int

    /// The place of `value` among `values`, the largest first; ties share the better place.
    init(_ value: Double, among values: [Double]) {
        place = values.count(where: { $0 > value }) + 1
        of = values.count
    }
}

/// Engagement exchanged with one department.
public struct DepartmentExchange: Sendable, Hashable {
    public var department: String
    /// By the person on posts of this department's people.
    public var given: Int
    /// By this department's people on the person's posts.
    public var received: Int
    /// The department is smaller than the viewer's `min_group_size`: both counts are withheld (zero here).
    public var withheld = false

    public init(department: String, given: Int, received: Int) {
        self.department = department
        self.given = given
        self.received = received
    }
}

extension MetricsEngine {
    /// The personal view of `person` over `report`'s window. `report` must have been computed from
    /// `dataset` with every row (not a disclosed copy): the rank is taken from its reach rows.
    public static func personal(for person: Int, in dataset: Dataset, report: MetricsReport) -> PersonalReport {
        personal(for: person, in: dataset, report: report, posts: nil, previousDepartment: nil)
    }

    /// The colleagues' posts of the window (their count) and those `person` has not engaged with as of its end,
    /// newest first; `engaged` are the posts they engaged with.
    static func postsToEngage(
        for person: Int, posts: [PostRecord], window: TimeWindow, engaged: Set<Int32>
    ) -> (toEngage: [Int], colleaguePosts: Int) {
        let p = Int32(person)
        let colleaguePosts = posts.indices.filter { posts[$0].author != p && window.contains(seconds: posts[$0].at) }
        let toEngage = colleaguePosts.filter { !engaged.contains(Int32($0)) }
            .sorted { (posts[$0].at, $1) > (posts[$1].at, $0) }
        return (toEngage, colleaguePosts.count)
    }

    /// The personal report, with the post list and the department's previous-window ties given when the caller
    /// keeps them (the live path); else computed from `dataset`.
    static func personal(
        for person: Int, in dataset: Dataset, report: MetricsReport,
        posts cachedPosts: (toEngage: [Int], colleaguePosts: Int)?, previousDepartment: DepartmentSilo??
    ) -> PersonalReport {
        let window = report.window
        let people = dataset.people
        let p = Int32(person)
        let reach = report.reach.first { $0.person == person } ?? reachRow(for: person, in: dataset, window: window)

        var rank: Placing?
        if people[person].isLeader, let mine = reach.impressions {
            rank = Placing(Double(mine), among: report.reach.compactMap(\.impressions).map(Double.init))
        }

        var givenToLeaders = 0, givenToEmployees = 0, receivedFromLeaders = 0, receivedFromEmployees = 0
        var given: [String: Int] = [:], received: [String: Int] = [:]
        var engagedPosts = Set<Int32>()
        for i in dataset.interactions where i.kind.isPostBased && i.post >= 0 && i.actor != i.target {
            if i.actor == p, i.post >= 0, i.at <= window.end.seconds { engagedPosts.insert(i.post) }
            guard window.contains(seconds: i.at) else { continue }
            if i.actor == p {
                let other = people[Int(i.target)]
                if other.isLeader { givenToLeaders += 1 } else { givenToEmployees += 1 }
                given[other.department, default: 0] += 1
            } else if i.target == p {
                let other = people[Int(i.actor)]
                if other.isLeader { receivedFromLeaders += 1 } else { receivedFromEmployees += 1 }
                received[other.department, default: 0] += 1
            }
        }
        let byDepartment = Set(given.keys).union(received.keys)
            .map { DepartmentExchange(department: $0, given: given[$0] ?? 0, received: received[$0] ?? 0) }
            .sorted { ($0.given + $0.received, $1.department) > ($1.given + $1.received, $0.department) }

        let (postsToEngage, colleaguePosts) =
            cachedPosts ?? Self.postsToEngage(for: person, posts: dataset.posts, window: window, engaged: engagedPosts)

        let name = people[person].department
        let department =
            report.silo.departments.first { $0.department == name }
            ?? DepartmentSilo(department: name, members: 0, internalTies: 0, externalTies: 0)
        let previous = previousDepartment ?? Self.previousDepartment(of: name, in: dataset, window: window)
        let departmentRank = department.eiIndex.map { Placing($0, among: report.silo.departments.compactMap(\.eiIndex)) }
        return PersonalReport(
            person: person, reach: reach, rank: rank, givenToLeaders: givenToLeaders,
            givenToEmployees: givenToEmployees, receivedFromLeaders: receivedFromLeaders,
            receivedFromEmployees: receivedFromEmployees, byDepartment: byDepartment, postsToEngage: postsToEngage,
            colleaguePosts: colleaguePosts, department: department, previousDepartment: previous,
            departmentRank: departmentRank)
    }

    /// A department's ties in the window before `window`; nil when there is none or when the dataset does not hold
    /// every interaction of it.
    static func previousDepartment(of department: String, in dataset: Dataset, window: TimeWindow) -> DepartmentSilo? {
        guard let before = window.previous, let start = before.start, start.seconds >= dataset.interactionsFrom else {
            return nil
        }
        return departmentTies(of: department, in: dataset, window: before)
    }

    /// One department's ties (distinct ordered pairs that interacted) in a window, as `silos` counts them.
    static func departmentTies(of department: String, in dataset: Dataset, window: TimeWindow) -> DepartmentSilo {
        let inside = dataset.people.map { $0.department == department }
        var pairs = Set<UInt64>()
        var internalTies = 0, externalTies = 0
        for i in dataset.interactions where i.actor != i.target && window.contains(seconds: i.at) {
            let a = inside[Int(i.actor)], b = inside[Int(i.target)]
            guard a || b, pairs.insert(UInt64(UInt32(i.actor)) << 32 | UInt64(UInt32(i.target))).inserted else { continue }
            if a && b { internalTies += 1 } else { externalTies += 1 }
        }
        return DepartmentSilo(
            department: department, members: inside.count(where: { $0 }), internalTies: internalTies,
            externalTies: externalTies)
    }
}

extension PersonalReport {
    /// The personal view as `disclosure` lets it be shown: a department smaller than `min_group_size` has
    /// its ties, trend and rank withheld, and the rank is taken only among the departments shown.
    public func disclosed(to disclosure: Disclosure, report: MetricsReport) -> PersonalReport {
        guard disclosure.visibility != .all else { return self }
        var copy = self
        let members = Dictionary(report.silo.departments.map { ($0.department, $0.members) }, uniquingKeysWith: max)
        copy.byDepartment = byDepartment.map { exchange in
            guard disclosure.withholds(departmentOf: members[exchange.department] ?? 0) else { return exchange }
            var hidden = DepartmentExchange(department: exchange.department, given: 0, received: 0)
            hidden.withheld = true
            return hidden
        }
        if disclosure.withholds(departmentOf: department.members) {
            copy.department = department.withholding
            copy.previousDepartment = nil
            copy.departmentRank = nil
        } else if let mine = department.eiIndex {
            let shown = report.silo.departments.filter { !disclosure.withholds(departmentOf: $0.members) }
            copy.departmentRank = Placing(mine, among: shown.compactMap(\.eiIndex))
        }
        return copy
    }
}
