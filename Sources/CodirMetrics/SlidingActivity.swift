import CodirModel

extension InteractionRecord {
    /// The newest `count` of interactions given newest first, those of one second in an order of their own
    /// (actor, target, kind, post, descending), so that the same rows give the same list whatever order a store
    /// holds them in.
    public static func newest(_ newestFirst: some Sequence<InteractionRecord>, count: Int) -> [InteractionRecord] {
        var taken: [InteractionRecord] = []
        for row in newestFirst {
            if taken.count >= count, let last = taken.last, row.at < last.at { break }
            taken.append(row)
        }
        taken.sort {
            ($0.at, $0.actor, $0.target, $0.kind.rawValue, $0.post) > ($1.at, $1.actor, $1.target, $1.kind.rawValue, $1.post)
        }
        return Array(taken.prefix(count))
    }
}

/// The activity summary, the interactions by source and the colleague engagement of a window that slides with
/// the clock, kept up to date by what changes (as `SlidingSilos` does for the silo figures): appended interactions
/// are added, those the window's start passes are removed, each in O(1). Counts only: the rows are in the
/// owner's `HeldRows`, which must hold every row added that is in the window or after `asOf`. The posts, few next to the interactions,
/// are read whole at each report. `report` parts equal `MetricsEngine.summary` and
/// `MetricsEngine.colleagueEngagement` on the same data (property test).
public struct SlidingActivity: Sendable {
    public let length: WindowLength
    public private(set) var asOf: Timestamp
    private let people: [Person]
    private let leaders: [Int]
    private var leaderSlot: [Int]

    // In the window, a person with themself left out.
    private var interactions = 0
    private var asActor: [Int]
    private var activeEmployees = 0
    private var bySource: [InteractionSource: Int] = [:]
    // Post engagement in the window, by leader slot.
    private var givenToLeaders: [Int]
    private var givenToEmployees: [Int]
    private var receivedFromLeaders: [Int]
    private var receivedFromEmployees: [Int]
    private var counts: [[Int]]
    /// (leader slot, post) pairs engaged at any time up to `asOf`, for coverage: they only ever grow as the clock
    /// moves forward.
    private var engaged: Set<Int64> = []
    /// Leaders' post engagements after `asOf`, which the clock will reach.
    private var engagedLater: [(at: Int64, key: Int64)] = []
    // The leader detail in the window, by leader slot: post engagement received by the actor's department, and
    // given by the target person.
    private let departmentOf: [Int]
    private let departmentNames: [String]
    private var receivedByDepartment: [[Int]]
    private var engagedWith: [[Int32: Int]]

    public init(people: [Person], length: WindowLength, asOf: Timestamp) {
        self.people = people
        self.length = length
        self.asOf = asOf
        leaders = people.indices.filter { people[$0].isLeader }
        leaderSlot = [Int](repeating: -1, count: people.count)
        for (slot, person) in leaders.enumerated() { leaderSlot[person] = slot }
        let n = leaders.count
        asActor = [Int](repeating: 0, count: people.count)
        givenToLeaders = [Int](repeating: 0, count: n)
        givenToEmployees = givenToLeaders
        receivedFromLeaders = givenToLeaders
        receivedFromEmployees = givenToLeaders
        counts = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        let partition = DepartmentPartition(people)
        departmentOf = partition.of
        departmentNames = partition.names
        receivedByDepartment = [[Int]](repeating: [Int](repeating: 0, count: partition.names.count), count: n)
        engagedWith = [[Int32: Int]](repeating: [:], count: n)
    }

    private func inWindow(_ at: Int64, asOf: Timestamp) -> Bool {
        at <= asOf.seconds && (TimeWindow(length: length, asOf: asOf).start.map { at > $0.seconds } ?? true)
    }

    private func valid(_ i: InteractionRecord) -> Bool {
        i.actor != i.target && i.actor >= 0 && i.target >= 0 && Int(i.actor) < people.count && Int(i.target) < people.count
    }

    /// The first moment (exclusive) a row must be held from: the window's start.
    public func keepFrom(_ asOf: Timestamp) -> Int64 { TimeWindow(length: length, asOf: asOf).start?.seconds ?? .min }

    /// Counts interactions of any time (those outside the window count when the clock brings them in, from the
    /// owner's `HeldRows`).
    public mutating func add(_ items: some Sequence<InteractionRecord>) {
        for item in items where valid(item) {
            if item.kind.isPostBased, item.post >= 0, leaderSlot[Int(item.actor)] >= 0 {
                let key = Int64(leaderSlot[Int(item.actor)]) << 32 | Int64(item.post)
                if item.at <= asOf.seconds { engaged.insert(key) } else { engagedLater.append((item.at, key)) }
            }
            if inWindow(item.at, asOf: asOf) { count(item, 1) }
        }
    }

    /// Moves the window forward to end at `newAsOf`, counting the rows of `rows` that cross its start or its end;
    /// false (and nothing done) for an earlier moment.
    @discardableResult
    public mutating func move(to newAsOf: Timestamp, rows: HeldRows) -> Bool {
        guard newAsOf >= asOf else { return false }
        let old = asOf
        let oldStart = TimeWindow(length: length, asOf: old).start?.seconds
        let newStart = TimeWindow(length: length, asOf: newAsOf).start?.seconds
        // Rows the start passes leave; rows the end reaches come in.
        if let oldStart, let newStart {
            for index in rows.indices(after: oldStart, through: newStart) where valid(rows[index]) && inWindow(rows[index].at, asOf: old) {
                count(rows[index], -1)
            }
        }
        for index in rows.indices(after: old.seconds, through: newAsOf.seconds)
        where valid(rows[index]) && inWindow(rows[index].at, asOf: newAsOf) {
            count(rows[index], 1)
        }
        var later: [(at: Int64, key: Int64)] = []
        for item in engagedLater { if item.at <= newAsOf.seconds { engaged.insert(item.key) } else { later.append(item) } }
        engagedLater = later
        asOf = newAsOf
        return true
    }

    private mutating func count(_ i: InteractionRecord, _ delta: Int) {
        interactions += delta
        bySource[i.source, default: 0] += delta
        if bySource[i.source] == 0 { bySource[i.source] = nil }
        let actor = Int(i.actor)
        let wasActive = asActor[actor] > 0
        asActor[actor] += delta
        if !people[actor].isLeader && wasActive != (asActor[actor] > 0) { activeEmployees += delta }
        guard i.kind.isPostBased, i.post >= 0 else { return }
        let actorSlot = leaderSlot[actor], targetSlot = leaderSlot[Int(i.target)]
        if actorSlot >= 0 {
            if targetSlot >= 0 {
                givenToLeaders[actorSlot] += delta
                counts[actorSlot][targetSlot] += delta
            } else {
                givenToEmployees[actorSlot] += delta
            }
            let given = (engagedWith[actorSlot][i.target] ?? 0) + delta
            engagedWith[actorSlot][i.target] = given > 0 ? given : nil
        }
        if targetSlot >= 0 {
            if actorSlot >= 0 { receivedFromLeaders[targetSlot] += delta } else { receivedFromEmployees[targetSlot] += delta }
            receivedByDepartment[targetSlot][departmentOf[actor]] += delta
        }
    }

    /// The post engagement a leader received in the window (from leaders and employees), or nil for someone who
    /// is not a leader.
    public func receivedOnPosts(by person: Int) -> Int? {
        guard leaderSlot.indices.contains(person), leaderSlot[person] >= 0 else { return nil }
        return receivedFromLeaders[leaderSlot[person]] + receivedFromEmployees[leaderSlot[person]]
    }

    /// A leader's detail in the window, as `MetricsEngine.leaderDetails` gives it; nil for someone who is not a
    /// leader.
    public func leaderDetail(_ person: Int) -> LeaderDetail? {
        guard leaderSlot.indices.contains(person), leaderSlot[person] >= 0 else { return nil }
        let slot = leaderSlot[person]
        var byDepartment: [String: Int] = [:]
        for (department, count) in receivedByDepartment[slot].enumerated() where count > 0 {
            byDepartment[departmentNames[department], default: 0] += count
        }
        return LeaderDetail(
            person: person, byDepartment: byDepartment,
            given: Dictionary(engagedWith[slot].map { (Int($0.key), $0.value) }, uniquingKeysWith: +), people: people)
    }


    /// The window's activity summary, given the posts (read whole: they are few).
    public func summary(posts: [PostRecord]) -> ActivitySummary {
        let window = TimeWindow(length: length, asOf: asOf)
        let leaderCount = leaders.count
        return ActivitySummary(
            people: people.count, leaders: leaderCount, employees: people.count - leaderCount,
            activeEmployees: activeEmployees, interactions: interactions,
            posts: posts.count(where: { window.contains(seconds: $0.at) }))
    }

    /// Who made an interaction with someone in the window, by person.
    public var activeInWindow: [Bool] { asActor.map { $0 > 0 } }

    /// The window's interactions by source.
    public var interactionsBySource: [InteractionSource: Int] { bySource }

    /// Each leader's colleague engagement and the committee's, given the posts.
    public func engagement(posts: [PostRecord]) -> ([EngagementRow], CommitteeEngagement) {
        let window = TimeWindow(length: length, asOf: asOf)
        let n = leaders.count
        var postsByLeader = [[Int32]](repeating: [], count: n)
        for (index, post) in posts.enumerated() where window.contains(seconds: post.at) {
            guard post.author >= 0, Int(post.author) < people.count else { continue }
            let slot = leaderSlot[Int(post.author)]
            if slot >= 0 { postsByLeader[slot].append(Int32(index)) }
        }
        let allLeaderPosts = postsByLeader.reduce(0) { $0 + $1.count }
        // Coverage: the engaged (leader, post) pairs whose post is in the window and another leader's (the pairs
        // are far fewer than the leaders times their colleagues' posts).
        var covered = [Int](repeating: 0, count: n)
        for key in engaged {
            let slot = Int(key >> 32), post = Int(Int32(truncatingIfNeeded: key))
            guard posts.indices.contains(post), window.contains(seconds: posts[post].at) else { continue }
            let author = Int(posts[post].author)
            guard author >= 0, author < people.count, leaderSlot[author] >= 0, leaderSlot[author] != slot else { continue }
            covered[slot] += 1
        }
        let rows = (0..<n).map { slot in
            EngagementRow(
                person: leaders[slot], givenToLeaders: givenToLeaders[slot], givenToEmployees: givenToEmployees[slot],
                receivedFromLeaders: receivedFromLeaders[slot], receivedFromEmployees: receivedFromEmployees[slot],
                colleaguePosts: allLeaderPosts - postsByLeader[slot].count, coveredPosts: covered[slot])
        }
        var engagedPairs = 0, reciprocalPairs = 0
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) where counts[a][b] > 0 || counts[b][a] > 0 {
                engagedPairs += 1
                if counts[a][b] > 0 && counts[b][a] > 0 { reciprocalPairs += 1 }
            }
        }
        return (rows, CommitteeEngagement(leaders: leaders, counts: counts, engagedPairs: engagedPairs, reciprocalPairs: reciprocalPairs))
    }
}
