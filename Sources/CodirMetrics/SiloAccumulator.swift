import CodirModel

/// The silo figures of a multiset of interactions, kept up to date one interaction at a time: adding or
/// removing one costs O(1) (a few dictionary and array updates), and `report` costs O(departments² + people log
/// people), whatever the number of interactions. The first piece of the live path (issue 11): a viewer adds the
/// rows another process appended and removes those the sliding window lets go, instead of recomputing the whole
/// window. `report` is equal, field by field, to `MetricsEngine.silos` on the same interactions (property test).
public struct SiloAccumulator: Sendable {
    let partition: DepartmentPartition
    let people: [Person]

    /// Weight of each tie: interactions from `a` to `b` (key `a << 32 | b`).
    private var weights = CountMap()
    private var matrix: [[Int]]
    private(set) var internalTies = 0
    private(set) var externalTies = 0
    private(set) var totalWeight = 0
    private var departmentInternal: [Int]
    private var departmentExternal: [Int]
    private var insideWeight: [Int]
    private var outWeight: [Int]
    private var inWeight: [Int]
    /// For bridges: each person's cross-department ties by the other end's department (key `person << 32 |
    /// department`), the number of departments they reach, and their cross-department interactions.
    private var crossTies = CountMap()
    private var reached: [Int]
    private var crossInteractions: [Int]
    /// Whether the bridges are kept (the weeks of the trend need only the ties and the modularity).
    let keepsBridges: Bool

    public init(people: [Person], keepsBridges: Bool = true) {
        self.people = people
        self.keepsBridges = keepsBridges
        partition = DepartmentPartition(people)
        let d = partition.names.count
        matrix = [[Int]](repeating: [Int](repeating: 0, count: d), count: d)
        departmentInternal = [Int](repeating: 0, count: d)
        departmentExternal = departmentInternal
        insideWeight = departmentInternal
        outWeight = departmentInternal
        inWeight = departmentInternal
        reached = [Int](repeating: 0, count: keepsBridges ? people.count : 0)
        crossInteractions = reached
    }

    /// Adds one interaction from `actor` to `target` (indices into `people`); one with oneself counts nowhere.
    public mutating func add(actor: Int32, target: Int32) { change(actor: actor, target: target, by: 1) }

    /// Removes one interaction added before.
    public mutating func remove(actor: Int32, target: Int32) { change(actor: actor, target: target, by: -1) }

    private mutating func change(actor: Int32, target: Int32, by delta: Int) {
        guard actor != target, actor >= 0, target >= 0, Int(actor) < people.count, Int(target) < people.count else { return }
        let a = Int(actor), b = Int(target)
        let da = partition.of[a], db = partition.of[b]
        let key = UInt64(UInt32(actor)) << 32 | UInt64(UInt32(target))
        let before = Int(weights[key])
        let after = before + delta
        // A removal of what was never added: nothing to undo; a weight beyond 2^31 − 1 (two billion interactions
        // of one pair) is not believable and not counted.
        guard after >= 0, after <= Int(Int32.max) else { return }
        weights[key] = Int32(after)
        matrix[da][db] += delta
        totalWeight += delta
        outWeight[da] += delta
        inWeight[db] += delta
        // A tie appears with its first interaction and goes with its last.
        let tie = before == 0 ? 1 : after == 0 ? -1 : 0
        if da == db {
            insideWeight[da] += delta
            internalTies += tie
            departmentInternal[da] += tie
        } else {
            if keepsBridges {
                crossInteractions[a] += delta
                crossInteractions[b] += delta
            }
            if tie != 0 {
                externalTies += tie
                departmentExternal[da] += tie
                departmentExternal[db] += tie
                if keepsBridges {
                    reach(a, db, tie)
                    reach(b, da, tie)
                }
            }
        }
    }

    private mutating func reach(_ person: Int, _ department: Int, _ delta: Int) {
        let key = UInt64(person) << 32 | UInt64(department)
        let before = Int(crossTies[key])
        let after = before + delta
        crossTies[key] = Int32(clamping: after)
        if before == 0 && after > 0 { reached[person] += 1 }
        if before > 0 && after == 0 { reached[person] -= 1 }
    }

    /// The modularity of the department partition, as `MetricsEngine.modularity`.
    public var modularity: Double? {
        MetricsEngine.modularity(inside: insideWeight, outgoing: outWeight, incoming: inWeight, total: totalWeight)
    }

    /// The silo figures of what was added and not removed; `weekly` as given.
    public func report(bridgeLimit: Int = 10, weekly: [WeeklyEI] = []) -> SiloReport {
        let d = partition.names.count
        let departments = (0..<d).map {
            DepartmentSilo(
                department: partition.names[$0], members: partition.members[$0],
                internalTies: departmentInternal[$0], externalTies: departmentExternal[$0])
        }
        func before(_ a: Bridge, _ b: Bridge) -> Bool {
            (a.departmentsReached, a.crossInteractions) != (b.departmentsReached, b.crossInteractions)
                ? (a.departmentsReached, a.crossInteractions) > (b.departmentsReached, b.crossInteractions)
                : people[a.person].name < people[b.person].name
        }
        // The first `bridgeLimit` in order, kept sorted as people are seen: O(people × limit), no sort of everyone.
        var bridges: [Bridge] = []
        for person in reached.indices where reached[person] > 0 && bridgeLimit > 0 {
            let bridge = Bridge(person: person, departmentsReached: reached[person], crossInteractions: crossInteractions[person])
            if bridges.count == bridgeLimit {
                guard let last = bridges.last, before(bridge, last) else { continue }
                bridges.removeLast()
            }
            let position = bridges.firstIndex { before(bridge, $0) } ?? bridges.count
            bridges.insert(bridge, at: position)
        }
        return SiloReport(
            internalTies: internalTies, externalTies: externalTies, totalWeight: totalWeight, modularity: modularity,
            departments: departments, matrix: DepartmentMatrix(departments: partition.names, counts: matrix),
            bridges: bridges, weekly: weekly)
    }

    /// One week of the trend, as `MetricsEngine.weeklyEI` gives it.
    public func week(starting start: Timestamp) -> WeeklyEI {
        WeeklyEI(start: start, internalTies: internalTies, externalTies: externalTies, modularity: modularity)
    }
}

/// The silo figures of a window that slides with the clock, kept up to date by what changes: interactions
/// appended by another process are added, those the window's start passes are removed, and the twelve weeks of
/// the trend move their boundaries the same way. Each call costs O(what crosses a boundary), not O(window).
///
/// It keeps counts only: the rows themselves are in a `HeldRows` its owner keeps (shared with `SlidingActivity`,
/// so that a year of interactions is held once), which must hold every row added that is in the window, in the
/// trend or after `asOf`. `report` equals `MetricsEngine.silos` on the same interactions and window (property
/// test).
public struct SlidingSilos: Sendable {
    public let length: WindowLength
    /// The sources counted; nil for all.
    public let sources: Set<InteractionSource>?
    public private(set) var asOf: Timestamp
    private var window: SiloAccumulator
    private var weeks: [SiloAccumulator]

    static let weekSeconds = 7 * Timestamp.secondsPerDay

    public init(people: [Person], length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>? = nil) {
        self.length = length
        self.sources = sources
        self.asOf = asOf
        window = SiloAccumulator(people: people)
        weeks = Array(repeating: SiloAccumulator(people: people, keepsBridges: false), count: MetricsEngine.trendWeeks)
    }

    /// The window's start (exclusive), nil for `all`.
    private func windowStart(_ asOf: Timestamp) -> Int64? { TimeWindow(length: length, asOf: asOf).start?.seconds }

    /// The trend's first moment (exclusive): 12 weeks before `asOf`.
    private func trendStart(_ asOf: Timestamp) -> Int64 { asOf.adding(days: -7 * MetricsEngine.trendWeeks).seconds }

    /// The first moment (exclusive) a row must be held from: the earlier of the window's and the trend's starts.
    public func keepFrom(_ asOf: Timestamp) -> Int64 { min(windowStart(asOf) ?? .min, trendStart(asOf)) }

    /// The week of the trend `at` falls in, for the trend ending at `asOf`; nil outside it.
    private func week(of at: Int64, asOf: Timestamp) -> Int? {
        let first = trendStart(asOf)
        guard at > first, at <= asOf.seconds else { return nil }
        return Int((at - first - 1) / Self.weekSeconds)
    }

    private func inWindow(_ at: Int64, asOf: Timestamp) -> Bool {
        at <= asOf.seconds && (windowStart(asOf).map { at > $0 } ?? true)
    }

    private func counts(_ item: InteractionRecord) -> Bool {
        item.actor != item.target && (sources?.contains(item.source) ?? true)
    }

    /// Counts interactions of any time (those outside the window and the trend count nowhere until the clock
    /// brings them in).
    public mutating func add(_ interactions: some Sequence<InteractionRecord>) {
        for item in interactions where counts(item) {
            if inWindow(item.at, asOf: asOf) { window.add(actor: item.actor, target: item.target) }
            if let week = week(of: item.at, asOf: asOf) { weeks[week].add(actor: item.actor, target: item.target) }
        }
    }

    /// Moves the window and the trend forward to end at `newAsOf`, adding and removing only the rows of `rows`
    /// that cross a boundary. An earlier `newAsOf` cannot be reached this way (the owner lets rows go): it returns
    /// false and changes nothing (build anew from the data).
    @discardableResult
    public mutating func move(to newAsOf: Timestamp, rows: HeldRows) -> Bool {
        guard newAsOf >= asOf else { return false }
        guard newAsOf != asOf else { return true }
        // Each row whose membership changes is found between the old and the new position of a boundary.
        var moves = Self.trendBoundaries(from: asOf, to: newAsOf)
        if let old = windowStart(asOf), let new = windowStart(newAsOf) { moves.append((old, new)) }
        let touched = rows.crossing(moves)
        let old = asOf
        for index in touched {
            let item = rows[index]
            guard counts(item) else { continue }
            let (wasIn, isIn) = (inWindow(item.at, asOf: old), inWindow(item.at, asOf: newAsOf))
            if wasIn && !isIn { window.remove(actor: item.actor, target: item.target) }
            if !wasIn && isIn { window.add(actor: item.actor, target: item.target) }
            let (wasWeek, isWeek) = (week(of: item.at, asOf: old), week(of: item.at, asOf: newAsOf))
            if wasWeek != isWeek {
                if let wasWeek { weeks[wasWeek].remove(actor: item.actor, target: item.target) }
                if let isWeek { weeks[isWeek].add(actor: item.actor, target: item.target) }
            }
        }
        asOf = newAsOf
        return true
    }

    /// The old and new positions of the trend's boundaries (its start, the starts of its weeks and its end) when
    /// the trend moves from ending at `old` to ending at `new`.
    static func trendBoundaries(from old: Timestamp, to new: Timestamp) -> [(Int64, Int64)] {
        func start(_ asOf: Timestamp) -> Int64 { asOf.adding(days: -7 * MetricsEngine.trendWeeks).seconds }
        return (0..<MetricsEngine.trendWeeks).map { k in
            (start(old) + Int64(k) * weekSeconds, start(new) + Int64(k) * weekSeconds)
        } + [(old.seconds, new.seconds)]
    }

    /// The silo figures of the window, with the trend.
    public func report(bridgeLimit: Int = 10) -> SiloReport {
        let first = Timestamp(seconds: trendStart(asOf))
        let trend = weeks.enumerated().map { k, accumulator in
            accumulator.week(starting: first.adding(seconds: Int64(k) * Self.weekSeconds))
        }
        return window.report(bridgeLimit: bridgeLimit, weekly: trend)
    }
}

/// Interactions in time order, as the live path holds them: the rows of a window (and of the trend) and those
/// after its end, which the sliding figures read when the clock moves. An append in time order costs O(1); an
/// older one is inserted in place; letting go of the oldest costs O(1) amortised (the storage is compacted when
/// half of it is let go).
public struct HeldRows: Sendable {
    private var rows: [InteractionRecord] = []
    /// Rows before this position are let go.
    private var head = 0

    public init() {}

    /// Holds `sorted`, in time order, taking its storage as it is (no copy when the caller gives its only
    /// reference); sorts it when it is not in order.
    public init(sorted: [InteractionRecord]) {
        rows = sorted
        var inOrder = true
        for index in rows.indices.dropFirst() where rows[index - 1].at > rows[index].at {
            inOrder = false
            break
        }
        // A stable sort keeps one second's rows in the order they came.
        if !inOrder { rows.sort { $0.at < $1.at } }
    }

    public var count: Int { rows.count - head }

    /// The row at `index`, from 0 (the oldest held).
    public subscript(index: Int) -> InteractionRecord { rows[head + index] }

    public mutating func insert(_ items: some Sequence<InteractionRecord>) {
        for item in items {
            makeRoom()
            rows.insert(item, at: position(after: item.at))
        }
    }

    /// Room for one more row without doubling the storage (a year of rows is tens of megabytes, and a viewer keeps
    /// about as many as it lets go): the rows let go are compacted away when they are an eighth of the storage,
    /// else it grows by an eighth.
    private mutating func makeRoom() {
        guard rows.count == rows.capacity else { return }
        if head > 0 && head >= rows.count / 8 {
            rows.removeFirst(head)
            head = 0
        } else {
            rows.reserveCapacity(rows.count + max(64, rows.count / 8))
        }
    }

    /// The first storage position after `head` whose time is after `t`.
    private func position(after t: Int64) -> Int {
        var low = head, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].at <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The positions (from 0) of the rows with `low < at <= high`.
    public func indices(after low: Int64, through high: Int64) -> Range<Int> {
        let from = position(after: low) - head
        return from..<max(from, position(after: high) - head)
    }

    /// The positions of the rows that change side of a boundary moving from its first to its second moment: those
    /// with `min < at <= max` of either.
    public func crossing(_ moves: [(Int64, Int64)]) -> Set<Int> {
        var touched = Set<Int>()
        for (old, new) in moves {
            for index in indices(after: min(old, new), through: max(old, new)) { touched.insert(index) }
        }
        return touched
    }

    /// Lets go of the rows at or before `t`.
    public mutating func drop(through t: Int64) {
        head = position(after: t)
        if head > 0 && head * 2 >= rows.count {
            rows.removeFirst(head)
            head = 0
        }
    }
}
