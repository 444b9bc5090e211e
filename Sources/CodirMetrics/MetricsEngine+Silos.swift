import CodirModel

extension MetricsEngine {
    /// Ties, E-I indices, modularity, the department matrix, bridges and the weekly E-I trend.
    public static func silos(in dataset: Dataset, window: TimeWindow, bridgeLimit: Int = 10) -> SiloReport {
        let partition = DepartmentPartition(dataset.people)
        let d = partition.names.count

        // Directed weighted graph: weight of (a, b) = interactions from a to b in the window.
        var weights: [Int64: Int] = [:]
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: d), count: d)
        for i in dataset.interactions where i.actor != i.target && window.contains(seconds: i.at) {
            weights[Int64(i.actor) << 32 | Int64(i.target), default: 0] += 1
            matrix[partition.of[Int(i.actor)]][partition.of[Int(i.target)]] += 1
        }

        var internalTies = 0, externalTies = 0, totalWeight = 0
        var departmentInternal = [Int](repeating: 0, count: d)
        var departmentExternal = [Int](repeating: 0, count: d)
        var insideWeight = [Int](repeating: 0, count: d)
        var outWeight = [Int](repeating: 0, count: d)
        var inWeight = [Int](repeating: 0, count: d)
        var reached = [Set<Int>](repeating: [], count: dataset.people.count)
        var crossInteractions = [Int](repeating: 0, count: dataset.people.count)

        for (key, weight) in weights {
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
                reached[a].insert(db)
                reached[b].insert(da)
                crossInteractions[a] += weight
                crossInteractions[b] += weight
            }
        }

        var modularity: Double? = nil
        if totalWeight > 0 {
            let m = Double(totalWeight)
            var q = 0.0
            for c in 0..<d {
                q += Double(insideWeight[c]) / m - Double(outWeight[c]) * Double(inWeight[c]) / (m * m)
            }
            modularity = q
        }

        let departments = (0..<d).map {
            DepartmentSilo(
                department: partition.names[$0], members: partition.members[$0],
                internalTies: departmentInternal[$0], externalTies: departmentExternal[$0])
        }
        let bridges = dataset.people.indices
            .filter { !reached[$0].isEmpty }
            .map { Bridge(person: $0, departmentsReached: reached[$0].count, crossInteractions: crossInteractions[$0]) }
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
        var ties = [Set<Int64>](repeating: [], count: weeks)
        for i in dataset.interactions where i.actor != i.target && i.at > first.seconds && i.at <= asOf.seconds {
            // Week k covers (first + k weeks, first + k + 1 weeks].
            let week = Int((i.at - first.seconds - 1) / weekSeconds)
            ties[week].insert(Int64(i.actor) << 32 | Int64(i.target))
        }
        return (0..<weeks).map { week in
            var internalTies = 0, externalTies = 0
            for key in ties[week] {
                if partition.of[Int(key >> 32)] == partition.of[Int(key & 0xFFFF_FFFF)] {
                    internalTies += 1
                } else {
                    externalTies += 1
                }
            }
            return WeeklyEI(
                start: first.adding(seconds: Int64(week) * weekSeconds), internalTies: internalTies,
                externalTies: externalTies)
        }
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
