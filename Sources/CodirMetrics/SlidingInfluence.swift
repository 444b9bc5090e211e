import CodirModel

/// Who interacted with someone in each week of the trend and in the previous window, for a window that slides with
/// the clock (as `SlidingSilos` does for the silo figures): counts of interactions made, by person, kept up to date
/// by what crosses a boundary. The rows of the trend are in the owner's `HeldRows`; those of the previous window
/// are not held (a year of them, for a year's window): its counts start from the store's (`Dataset.previousActivity`),
/// rows the window's start passes enter them, and the owner reads from the store the counts of the rows its
/// previous window's start passes (`previousLeaving(to:)`).
///
/// With the window's own activity, `activity(activeNow:)` equals what `MetricsEngine.influence(in:…)` derives
/// from a full load (property test).
struct SlidingInfluence: Sendable {
    let length: WindowLength
    private(set) var asOf: Timestamp
    /// Interactions made, by week of the trend (oldest first), then by person.
    private var weeks: [[Int32]]
    /// Interactions in each week.
    private var weekRows: [Int]
    /// Interactions made in the previous window, by person; nil when unknown.
    private var previous: [Int]?

    init(people: Int, length: WindowLength, asOf: Timestamp, previous counts: [Int]?) {
        self.length = length
        self.asOf = asOf
        weeks = [[Int32]](repeating: [Int32](repeating: 0, count: people), count: MetricsEngine.trendWeeks)
        weekRows = [Int](repeating: 0, count: MetricsEngine.trendWeeks)
        if TimeWindow(length: length, asOf: asOf).previous != nil, let counts {
            previous = (0..<people).map { counts.indices.contains($0) ? max(0, counts[$0]) : 0 }
        }
    }

    private func window(_ asOf: Timestamp) -> TimeWindow { TimeWindow(length: length, asOf: asOf) }

    private func inPrevious(_ at: Int64, asOf: Timestamp) -> Bool {
        window(asOf).previous?.contains(seconds: at) ?? false
    }

    private mutating func count(_ record: InteractionRecord, week: Int, _ delta: Int32) {
        let actor = Int(record.actor)
        weeks[week][actor] = max(0, weeks[week][actor] &+ delta)
        weekRows[week] = max(0, weekRows[week] + Int(delta))
    }

    /// Counts an interaction of any time between two different known people. `previous`: whether it counts in the
    /// previous window too (not for the rows of the build, which the store's counts include).
    mutating func add(_ record: InteractionRecord, previous countsPrevious: Bool) {
        if let week = TrendActivity.week(of: record.at, window: window(asOf)) { count(record, week: week, 1) }
        if countsPrevious, previous != nil, inPrevious(record.at, asOf: asOf) {
            previous?[Int(record.actor)] += 1
        }
    }

    /// The moments `(after, through]` whose rows leave the previous window when the clock moves to `newAsOf`; nil
    /// when none do or the previous window is not counted.
    func previousLeaving(to newAsOf: Timestamp) -> (after: Int64, through: Int64)? {
        guard previous != nil, newAsOf > asOf, let old = window(asOf).previous?.start?.seconds,
            let new = window(newAsOf).previous?.start?.seconds, new > old
        else { return nil }
        return (old, new)
    }

    /// Moves to `newAsOf` (later than `asOf`): rows crossing a week's boundary change week, rows the window's start
    /// passes (held in `rows`) enter the previous window, and `leaving` (the store's counts of
    /// `previousLeaving(to:)`) leaves it.
    mutating func move(to newAsOf: Timestamp, rows: HeldRows, leaving: [Int]?) {
        let old = asOf
        for index in rows.crossing(SlidingSilos.trendBoundaries(from: old, to: newAsOf)) {
            let record = rows[index]
            let (was, now) = (TrendActivity.week(of: record.at, window: window(old)), TrendActivity.week(of: record.at, window: window(newAsOf)))
            guard was != now else { continue }
            if let was { count(record, week: was, -1) }
            if let now { count(record, week: now, 1) }
        }
        if previous != nil, let oldStart = window(old).start?.seconds, let newStart = window(newAsOf).start?.seconds {
            for index in rows.indices(after: oldStart, through: newStart)
            where inPrevious(rows[index].at, asOf: newAsOf) {
                previous?[Int(rows[index].actor)] += 1
            }
        }
        if let leaving, var counts = previous {
            for person in counts.indices where leaving.indices.contains(person) {
                counts[person] = max(0, counts[person] - leaving[person])
            }
            previous = counts
        }
        asOf = newAsOf
    }

    /// Who was active, given who was in the window.
    func activity(activeNow: [Bool]) -> TrendActivity {
        var activity = TrendActivity(people: activeNow.count, window: window(asOf))
        activity.activeNow = activeNow
        activity.activeWeek = weeks.map { $0.map { $0 > 0 } }
        activity.interactionWeeks = weekRows.map { $0 > 0 }
        activity.previousActive = previous.map { $0.map { $0 > 0 } }
        return activity
    }
}
