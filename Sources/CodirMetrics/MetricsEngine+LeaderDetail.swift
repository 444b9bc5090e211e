import CodirModel

/// What the dashboard's leader detail shows beyond the leader's rows of the report.
public struct LeaderDetail: Sendable, Hashable {
    public var person: Int
    /// Interactions in the window on the leader's posts, by the actor's department, most first.
    public var receivedByDepartment: [(department: String, count: Int)]
    /// The people whose posts the leader engaged with in the window, most first.
    public var engagedWith: [(person: Int, count: Int)]

    public static func == (lhs: LeaderDetail, rhs: LeaderDetail) -> Bool {
        lhs.person == rhs.person && lhs.receivedByDepartment.elementsEqual(rhs.receivedByDepartment, by: ==)
            && lhs.engagedWith.elementsEqual(rhs.engagedWith, by: ==)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(person) }
}

extension LeaderDetail {
    /// The detail from counts: post engagement received by department name, and given by the person engaged with.
    init(person: Int, byDepartment: [String: Int], given: [Int: Int], people: [Person]) {
        self.person = person
        receivedByDepartment = byDepartment.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        engagedWith = given.map { ($0.key, $0.value) }.sorted {
            ($0.1, people[$1.0].name) > ($1.1, people[$0.0].name)
        }
    }
}

extension MetricsEngine {
    /// Who engages with each of these leaders' posts, by department, and whose posts they engage with, in one pass
    /// over the window.
    public static func leaderDetails(for persons: [Int], in dataset: Dataset, window: TimeWindow) -> [Int: LeaderDetail] {
        let wanted = Set(persons.map(Int32.init))
        var byDepartment: [Int32: [String: Int]] = [:]
        var given: [Int32: [Int: Int]] = [:]
        for i in dataset.interactions
        where i.kind.isPostBased && i.post >= 0 && i.actor != i.target && window.contains(seconds: i.at) {
            if wanted.contains(i.target) { byDepartment[i.target, default: [:]][dataset.people[Int(i.actor)].department, default: 0] += 1 }
            if wanted.contains(i.actor) { given[i.actor, default: [:]][Int(i.target), default: 0] += 1 }
        }
        var details: [Int: LeaderDetail] = [:]
        for person in persons {
            let p = Int32(person)
            details[person] = LeaderDetail(
                person: person, byDepartment: byDepartment[p] ?? [:], given: given[p] ?? [:], people: dataset.people)
        }
        return details
    }

    /// Who engages with a leader's posts, by department, and whose posts the leader engages with.
    public static func leaderDetail(for person: Int, in dataset: Dataset, window: TimeWindow) -> LeaderDetail {
        leaderDetails(for: [person], in: dataset, window: window)[person]
            ?? LeaderDetail(person: person, byDepartment: [:], given: [:], people: dataset.people)
    }
}
