import CodirModel

extension MetricsEngine {
    /// Ties, E-I indices, modularity, the department matrix, bridges and the weekly E-I trend.
    public static func silos(in dataset: Dataset, window: TimeWindow, bridgeLimit: Int = 10) -> SiloReport {
        let partition = DepartmentPartition(dataset.people)
        let d = partition.names.count

        // Directed weighted graph: weight of (a, b) = interactions from a to b in the window. Sorting the
        // (actor, target) keys and counting runs is much cheaper than a dictionary at a million interactions.
        var keys: [UInt64] = []
        keys.reserveCapacity(dataset.interactions.count)
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: d), count: d)
        for i in dataset.interactions where i.actor != i.target && window.contains(seconds: i.at) {
            keys.append(UInt64(UInt32(i.actor)) << 32 | UInt64(UInt32(i.target)))
            matrix[partition.of[Int(i.actor)]][partition.of[Int(i.target)]] += 1
        }
        keys.sort()

        var internalTies = 0, externalTies = 0, totalWeight = 0
        var departmentInternal = [Int](repeating: 0, count: d)
        var departmentExternal = [Int](repeating: 0, count: d)
        var insideWeight = [Int](repeating: 0, count: d)
        var outWeight = [Int](repeating: 0, count: d)
        var inWeight = [Int](repeating: 0, count: d)
        // (person, other department) pairs, for bridges.
        var reachedPairs: [UInt64] = []
        var crossInteractions = [Int](repeating: 0, count: dataset.people.count)

        forEachRun(of: keys) { key, weight in
            let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
            let da = partition.of[a], db = partition.of[b]
            totalWeight += weight
            outWeight[da] += weight
            inWeight[db] += weight
            if da == db {
                internalTies += 1
                departmentInternal[da] += 1
                insideWeight[da] += weight
            } else {
                externalTies += 1
                departmentExternal[da] += 1
                departmentExternal[db] += 1
                reachedPairs.append(UInt64(a) << 32 | UInt64(db))
                reachedPairs.append(UInt64(b) << 32 | UInt64(da))
                crossInteractions[a] += weight
                crossInteractions[b] += weight
            }
        }
        reachedPairs.sort()
        var reached = [Int](repeating: 0, count: dataset.people.count)
        for (position, pair) in reachedPairs.enumerated() where position == 0 || reachedPairs[position - 1] != pair {
            reached[Int(pair >> 32)] += 1
        }

        let modularity = Self.modularity(
            inside: insideWeight, outgoing: outWeight, incoming: inWeight, total: totalWeight)

        let departments = (0..<d).map {
            DepartmentSilo(
                department: partition.names[$0], members: partition.members[$0],
                internalTies: departmentInternal[$0], externalTies: departmentExternal[$0])
        }
        let bridges = dataset.people.indices
            .filter { reached[$0] > 0 }
            .map { Bridge(person: $0, departmentsReached: reached[$0], crossInteractions: crossInteractions[$0]) }
            .sorted {
                ($0.departmentsReached, $0.crossInteractions) != ($1.departmentsReached, $1.crossInteractions)
                    ? ($0.departmentsReached, $0.crossInteractions) > ($1.departmentsReached, $1.crossInteractions)
                    : dataset.people[$0.person].name < dataset.people[$1.person].name
            }
            .prefix(bridgeLimit)

        return SiloReport(
            internalTies: internalTies, externalTies: externalTies, totalWeight: totalWeight, modularity: modularity,
            departments: departments, matrix: DepartmentMatrix(departments: partition.names, counts: matrix),
            bridges: Array(bridges), weekly: weeklyEI(in: dataset, partition: partition, asOf: window.end))
    }

    /// The organisation's E-I index for each of the last `trendWeeks` weeks up to `asOf`, oldest first.
    static func weeklyEI(in dataset: Dataset, partition: DepartmentPartition, asOf: Timestamp) -> [WeeklyEI] {
        let weeks = trendWeeks
        let first = asOf.adding(days: -7 * weeks)
        let weekSeconds = 7 * Timestamp.secondsPerDay
        var ties = [[UInt64]](repeating: [], count: weeks)
        for i in dataset.interactions where i.actor != i.target && i.at > first.seconds && i.at <= asOf.seconds {
            // Week k covers (first + k weeks, first + k + 1 weeks].
            let week = Int((i.at - first.seconds - 1) / weekSeconds)
            ties[week].append(UInt64(UInt32(i.actor)) << 32 | UInt64(UInt32(i.target)))
        }
        return (0..<weeks).map { week in
            var keys = ties[week]
            keys.sort()
            var internalTies = 0, externalTies = 0, total = 0
            var inside = [Int](repeating: 0, count: partition.names.count)
            var outgoing = inside, incoming = inside
            forEachRun(of: keys) { key, weight in
                let da = partition.of[Int(key >> 32)], db = partition.of[Int(key & 0xFFFF_FFFF)]
                total += weight
                outgoing[da] += weight
                incoming[db] += weight
                if da == db {
                    internalTies += 1
                    inside[da] += weight
                } else {
                    externalTies += 1
                }
            }
            return WeeklyEI(
                start: first.adding(seconds: Int64(week) * weekSeconds), internalTies: internalTies,
                externalTies: externalTies,
                modularity: modularity(inside: inside, outgoing: outgoing, incoming: incoming, total: total))
        }
    }

    /// Calls `body` once per distinct value of sorted `keys`, with how many times it occurs.
    static func forEachRun(of keys: [UInt64], _ body: (UInt64, Int) -> Void) {
        var index = 0
        while index < keys.count {
            let key = keys[index]
            var count = 0
            while index < keys.count && keys[index] == key {
                count += 1
                index += 1
            }
            body(key, count)
        }
    }

    /// Q = Σ_c [ w_c / m − out_c · in_c / m² ]; nil without interactions.
    static func modularity(inside: [Int], outgoing: [Int], incoming: [Int], total: Int) -> Double? {
        guard total > 0 else { return nil }
        let m = Double(total)
        var q = 0.0
        for c in inside.indices { q += Double(inside[c]) / m - Double(outgoing[c]) * Double(incoming[c]) / (m * m) }
        return q
    }
}

/// People grouped by department; departments sorted by name.
struct DepartmentPartition {
    let names: [String]
    /// Department index of each person.
    let of: [Int]
    let members: [Int]

    init(_ people: [Person]) {
        names = Array(Set(people.map(\.department))).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        of = people.map { index[$0.department] ?? 0 }
        var members = [Int](repeating: 0, count: names.count)
        for d in of { members[d] += 1 }
        self.members = members
    }
}
