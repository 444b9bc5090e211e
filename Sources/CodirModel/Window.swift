/// How far back a window reaches from its end.
public enum WindowLength: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case days(Int)
    case all

    public static let allCases: [WindowLength] = [.days(7), .days(30), .days(90), .days(365), .all]

    /// Parses `7d`, `30d`, `90d`, `365d` (any positive number of days) or `all`.
    public init?(_ text: String) {
        if text == "all" {
            self = .all
            return
        }
        guard text.hasSuffix("d"), let n = Int(text.dropLast()), n > 0, n <= 36_500 else { return nil }
        self = .days(n)
    }

    public var description: String {
        switch self {
        case .days(let n): "\(n)d"
        case .all: "all"
        }
    }
}

/// A half-open interval of time `(start, end]`; a nil start reaches back to the beginning.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    public var start: Timestamp?
    public var end: Timestamp

    public init(start: Timestamp?, end: Timestamp) {
        self.start = start
        self.end = end
    }

    /// The window of the given length that ends at `asOf`.
    public init(length: WindowLength, asOf: Timestamp) {
        switch length {
        case .days(let n): self.init(start: asOf.adding(days: -n), end: asOf)
        case .all: self.init(start: nil, end: asOf)
        }
    }

    @inline(__always)
    public func contains(_ t: Timestamp) -> Bool { t <= end && (start.map { t > $0 } ?? true) }

    @inline(__always)
    public func contains(seconds t: Int64) -> Bool { t <= end.seconds && (start.map { t > $0.seconds } ?? true) }

    /// The window of the same length just before this one; nil for an unbounded window.
    public var previous: TimeWindow? {
        guard let start else { return nil }
        return TimeWindow(start: Timestamp(seconds: 2 * start.seconds - end.seconds), end: start)
    }

    public var description: String { "(\(start?.iso8601 ?? "-∞"), \(end.iso8601)]" }
}
