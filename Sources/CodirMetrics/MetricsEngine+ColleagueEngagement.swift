import CodirModel

extension MetricsEngine {
    /// Reactions, comments and shares between colleagues, by interaction time, per leader and for the committee.
    public static func colleagueEngagement(
        in dataset: Dataset, leaders: [Int], window: TimeWindow
    ) -> ([EngagementRow], CommitteeEngagement) {
        let people = dataset.people
        var leaderSlot = [Int](repeating: -1, count: people.count)
        for (slot, person) in leaders.enumerated() { leaderSlot[person] = slot }
        let n = leaders.count

        var givenToLeaders = [Int](repeating: 0, count: n)
        var givenToEmployees = [Int](repeating: 0, count: n)
        var receivedFromLeaders = [Int](repeating: 0, count: n)
        var receivedFromEmployees = [Int](repeating: 0, count: n)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        // (leader slot, post) pairs engaged by the end of the window, for coverage.
        var engaged = Set<Int64>()

        for i in dataset.interactions where i.kind.isPostBased && i.post >= 0 && i.actor != i.target {
            let actorSlot = leaderSlot[Int(i.actor)]
            let targetSlot = leaderSlot[Int(i.target)]
            if actorSlot >= 0, i.post >= 0, i.at <= window.end.seconds {
                engaged.insert(Int64(actorSlot) << 32 | Int64(i.post))
            }
            guard window.contains(seconds: i.at) else { continue }
            if actorSlot >= 0 {
                if targetSlot >= 0 {
                    givenToLeaders[actorSlot] += 1
                    counts[actorSlot][targetSlot] += 1
                } else {
                    givenToEmployees[actorSlot] += 1
                }
            }
            if targetSlot >= 0 {
                if actorSlot >= 0 { receivedFromLeaders[targetSlot] += 1 } else { receivedFromEmployees[targetSlot] += 1 }
            }
        }

        // Posts published in the window by each leader.
        var postsByLeader = [[Int32]](repeating: [], count: n)
        for (index, post) in dataset.posts.enumerated() where window.contains(seconds: post.at) {
            let slot = leaderSlot[Int(post.author)]
            if slot >= 0 { postsByLeader[slot].append(Int32(index)) }
        }
        let allLeaderPosts = postsByLeader.reduce(0) { $0 + $1.count }

        var rows: [EngagementRow] = []
        rows.reserveCapacity(n)
        for slot in 0..<n {
            var covered = 0
            for (other, posts) in postsByLeader.enumerated() where other != slot {
                for post in posts where engaged.contains(Int64(slot) << 32 | Int64(post)) { covered += 1 }
            }
            rows.append(
                EngagementRow(
                    person: leaders[slot], givenToLeaders: givenToLeaders[slot],
                    givenToEmployees: givenToEmployees[slot], receivedFromLeaders: receivedFromLeaders[slot],
                    receivedFromEmployees: receivedFromEmployees[slot],
                    colleaguePosts: allLeaderPosts - postsByLeader[slot].count, coveredPosts: covered))
        }

        var engagedPairs = 0
        var reciprocalPairs = 0
        for a in 0..<n {
            for b in (a + 1)..<max(a + 1, n) where counts[a][b] > 0 || counts[b][a] > 0 {
                engagedPairs += 1
                if counts[a][b] > 0 && counts[b][a] > 0 { reciprocalPairs += 1 }
            }
        }
        return (
            rows,
            CommitteeEngagement(
                leaders: leaders, counts: counts, engagedPairs: engagedPairs, reciprocalPairs: reciprocalPairs)
        )
    }
}
