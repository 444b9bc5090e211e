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

extension MetricsEngine {
    /// Who engages with a leader's posts, by department, and whose posts the leader engages with.
    public static func leaderDetail(for person: Int, in dataset: Dataset, window: TimeWindow) -> LeaderDetail {
        let p = Int32(person)
        var byDepartment: [String: Int] = [:]
        var given: [Int: Int] = [:]
        for i in dataset.interactions
        where i.kind.isPostBased && i.post >= 0 && i.actor != i.target && window.contains(seconds: i.at) {
            if i.target == p { byDepartment[dataset.people[Int(i.actor)].department, default: 0] += 1 }
            if i.actor == p { given[Int(i.target), default: 0] += 1 }
        }
        return LeaderDetail(
            person: person,
            receivedByDepartment: byDepartment.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) },
            engagedWith: given.map { ($0.key, $0.value) }.sorted {
                ($0.1, dataset.people[$1.0].name) > ($1.1, dataset.people[$0.0].name)
            })
    }
}
