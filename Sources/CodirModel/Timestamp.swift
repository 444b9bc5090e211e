/// A moment in time, in whole seconds since 1970-01-01T00:00:00Z.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public static let secondsPerDay: Int64 = 86_400

    /// The UTC calendar day this moment falls on.
    public var day: Day { Day(number: Int(floorDiv(seconds, Self.secondsPerDay))) }

    public func adding(days: Int) -> Timestamp { Timestamp(seconds: seconds + Int64(days) * Self.secondsPerDay) }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    /// ISO 8601 in UTC: `2026-11-02T09:30:00Z`.
    public var iso8601: String {
        let d = day
        let secondOfDay = seconds - Int64(d.number) * Self.secondsPerDay
        let h = secondOfDay / 3600, m = (secondOfDay % 3600) / 60, s = secondOfDay % 60
        return "\(d.iso8601)T\(pad2(Int(h))):\(pad2(Int(m))):\(pad2(Int(s)))Z"
    }

    public var description: String { iso8601 }

    /// Parses ISO 8601 date-times that carry a zone: `2026-11-02T09:30:00Z`, `2026-11-02T09:30:00+01:00`,
    /// with optional fractional seconds (dropped) and `+0100` / `+01` zone forms. Returns nil otherwise.
    public init?(iso8601 text: some StringProtocol) {
        var string = String(text)
        guard let parsed = string.withUTF8({ Self.parse(Array($0)) }) else { return nil }
        self = parsed
    }

    private static func parse(_ input: [UInt8]) -> Timestamp? {
        var bytes = input
        if bytes.count < 20 { return nil }
        // Accept a space instead of `T`, as many tools write it.
        if bytes[10] == UInt8(ascii: " ") { bytes[10] = UInt8(ascii: "T") }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let day = Day(bytes: bytes[0..<10]),
            let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
            i += 1
            let fractionStart = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            if i == fractionStart { return nil }
        }
        guard i < bytes.count else { return nil }  // a zone is required
        var offset = 0
        switch bytes[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let zh = digits(bytes, i, 2), zh <= 23 else { return nil }
            i += 2
            var zm = 0
            if i < bytes.count {
                if bytes[i] == UInt8(ascii: ":") { i += 1 }
                guard let m = digits(bytes, i, 2), m < 60 else { return nil }
                zm = m
                i += 2
            }
            offset = sign * (zh * 3600 + zm * 60)
        default:
            return nil
        }
        guard i == bytes.count else { return nil }
        let secs =
            Int64(day.number) * Self.secondsPerDay + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offset)
        return Timestamp(seconds: secs)
    }
}

/// A calendar day, counted from 1970-01-01 (day 0), in UTC.
public struct Day: Sendable, Hashable, Comparable, Strideable, Codable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }
    public func distance(to other: Day) -> Int { other.number - number }
    public func advanced(by n: Int) -> Day { Day(number: number + n) }

    /// Midnight UTC at the start of the day.
    public var start: Timestamp { Timestamp(seconds: Int64(number) * Timestamp.secondsPerDay) }
    /// 12:00 UTC: a daily row counts in a window when its noon does.
    public var noon: Timestamp { start.adding(seconds: 43_200) }

    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.number = era * 146_097 + doe - 719_468
    }

    /// The (year, month, day) of this day in the proleptic Gregorian calendar.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Monday is 0, Sunday is 6.
    public var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    public var iso8601: String {
        let c = components
        let y = String(c.year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + pad2(c.month) + "-" + pad2(c.day)
    }

    public var description: String { iso8601 }

    /// Parses `YYYY-MM-DD`, checking that the day exists.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, let d = Day(bytes: bytes[0..<10]) else { return nil }
        self = d
    }

    init?(bytes: ArraySlice<UInt8>) {
        let b = Array(bytes)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
            (1...12).contains(month), day >= 1
        else { return nil }
        let candidate = Day(year: year, month: month, day: day)
        guard candidate.components.month == month else { return nil }  // rejects 2026-02-30
        self = candidate
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

private func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start + count <= bytes.count else { return nil }
    var value = 0
    for i in start..<(start + count) {
        let b = bytes[i]
        guard b >= 48, b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
    }
    return value
}
