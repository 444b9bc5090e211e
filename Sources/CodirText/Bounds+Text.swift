import CodirModel

/// Why a number or a date read from a file is refused, in the reader's language (the bounds themselves are
/// `CodirModel.Bounds`'s).
extension Bounds {
    /// The reason a count cannot be taken, or nil when it can; `field` names it in the message.
    public static func problem(count: Int64, field: String) -> String? {
        if count < 0 { return Strings.current.lines.negativeCount(count, field) }
        if count > maxCount { return Strings.current.lines.implausibleCount(count, field) }
        return nil
    }

    /// The reason a moment cannot be taken, or nil when it can.
    public static func problem(_ time: Timestamp, field: String) -> String? {
        isPlausible(time) ? nil : Strings.current.lines.dateOutside(time.day.iso8601, field)
    }

    /// The reason a day cannot be taken, or nil when it can.
    public static func problem(_ day: Day, field: String) -> String? {
        isPlausible(day) ? nil : Strings.current.lines.dayOutside(day.iso8601, field)
    }
}
