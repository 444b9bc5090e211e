/// The limits within which a number or a date from the input is believable.
///
/// Every importer checks what it reads against these bounds and rejects the rest with a reason; the store
/// leaves out of a dataset whatever another program wrote beyond them, so the metrics only ever see values
/// whose sums cannot overflow in practice (and are added with saturating arithmetic all the same).
public enum Bounds {
    /// The largest believable count (impressions, engagements, followers, members reached…): 10¹².
    public static let maxCount: Int64 = 1_000_000_000_000

    /// The first believable day: 1970-01-01.
    public static let firstDay = Day(number: 0)
    /// The last believable day: 2100-12-31.
    public static let lastDay = Day(year: 2100, month: 12, day: 31)

    /// Believable moments, in seconds since the epoch: 1970-01-01T00:00:00Z to 2100-12-31T23:59:59Z.
    public static let seconds: ClosedRange<Int64> = 0...(Int64(lastDay.number + 1) * Timestamp.secondsPerDay - 1)

    /// Believable days, as day numbers.
    public static let days: ClosedRange<Int> = firstDay.number...lastDay.number

    /// Whether a count is within 0…10¹².
    @inline(__always)
    public static func isPlausible(count: Int64) -> Bool { count >= 0 && count <= maxCount }

    @inline(__always)
    public static func isPlausible(_ time: Timestamp) -> Bool { seconds.contains(time.seconds) }

    @inline(__always)
    public static func isPlausible(_ day: Day) -> Bool { days.contains(day.number) }

    /// A count from a floating-point cell, or nil when it is not finite, negative or above 10¹².
    public static func count(_ value: Double) -> Int64? {
        guard value.isFinite, value >= 0, value <= Double(maxCount) else { return nil }
        return Int64(value.rounded())
    }

    /// A day of a year that may come from anywhere, or nil outside the believable range (so that no date
    /// arithmetic runs on a year like 9223372036854775807).
    public static func day(year: Int, month: Int, day: Int) -> Day? {
        guard (1970...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let candidate = Day(year: year, month: month, day: day)
        return candidate.components.day == day ? candidate : nil
    }
}

extension Int64 {
    /// The sum, or `Int64.max` / `Int64.min` where it would overflow.
    @inline(__always)
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// The difference, or `Int64.max` / `Int64.min` where it would overflow.
    @inline(__always)
    public func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }

    /// `value` as an `Int64` when it is finite and in range, else nil.
    public init?(checking value: Double) {
        guard value.isFinite, value >= -9.2e18, value <= 9.2e18 else { return nil }
        self.init(value)
    }
}
