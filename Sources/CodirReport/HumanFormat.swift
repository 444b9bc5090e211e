import CodirModel
import Foundation

/// Numbers and text formatted for people: `12.3k`, `4.2%`, `+18%`, and `–` for an unknown value.
public enum HumanFormat {
    /// Shown for a value that is unknown (never shown as 0).
    public static let missing = "–"

    /// `950`, `12.3k`, `4.2M`.
    public static func count(_ value: Int64?) -> String {
        guard let value else { return missing }
        let magnitude = abs(Double(value))
        let sign = value < 0 ? "-" : ""
        switch magnitude {
        case ..<1_000: return "\(value)"
        case ..<9_950: return sign + fixed(magnitude / 1_000, digits: 1) + "k"
        case ..<999_500: return sign + fixed(magnitude / 1_000, digits: 0) + "k"
        case ..<9_950_000: return sign + fixed(magnitude / 1_000_000, digits: 1) + "M"
        default: return sign + fixed(magnitude / 1_000_000, digits: 0) + "M"
        }
    }

    public static func count(_ value: Int?) -> String { count(value.map(Int64.init)) }

    /// A count with a sign: `+612`, `-3`, `+1.2k`.
    public static func signedCount(_ value: Int64?) -> String {
        guard let value else { return missing }
        return value > 0 ? "+" + count(value) : count(value)
    }

    /// `4.2%` (one decimal below 10%, none above).
    public static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        let p = ratio * 100
        if p == 0 { return "0%" }
        return (abs(p) < 9.95 ? fixed(p, digits: 1) : fixed(p, digits: 0)) + "%"
    }

    /// A change as `+18%` / `-4.5%`, with an explicit sign.
    public static func change(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        let text = percent(abs(ratio))
        if text == "0.0%" { return "0%" }
        return (ratio < 0 ? "-" : "+") + text
    }

    /// Shown for a change against a previous window the data covers only in part.
    public static let partial = "partial"

    /// A change, or `partial` when the previous figure covers only part of its window.
    public static func change(_ ratio: Double?, partial isPartial: Bool) -> String {
        isPartial ? partial : change(ratio)
    }

    /// A change of a share in percentage points: `+14 pts`, `-3 pts`, `0 pts`.
    public static func points(_ change: Double?) -> String {
        guard let change, change.isFinite else { return missing }
        let text = fixed(abs(change) * 100, digits: 0)
        return (text == "0" ? "" : change < 0 ? "-" : "+") + text + " pts"
    }

    /// An amount of money, compact, with its currency: `640 EUR`, `12.3k EUR`, and cents below ten (`0.5 EUR`,
    /// `2.75 EUR`: a rate per engagement); `–` when unknown.
    public static func money(_ value: Double?, _ currency: String) -> String {
        guard let value, let whole = Int64(checking: value.rounded()) else { return missing }
        guard abs(value) < 10, value != value.rounded() else { return count(whole) + " " + sanitized(currency) }
        var text = fixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " " + sanitized(currency)
    }

    /// An index in [-1, 1] with two decimals and a sign: `-0.42`, `+0.31`.
    public static func index(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = fixed(value, digits: 2)
        return text.hasPrefix("-") ? (text == "-0.00" ? "+0.00" : text) : "+" + text
    }

    /// A ratio with two decimals: `0.31`.
    public static func decimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, digits: 2)
    }

    /// The time from `then` to `now` in its largest whole unit ("12 min", "3 h", "2 d"); nil under a minute
    /// (and for a `then` after `now`).
    public static func elapsed(from then: Int64, to now: Int64) -> String? {
        let seconds = now.saturatingSubtracting(then)
        switch seconds {
        case ..<60: return nil
        case ..<3600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3600) h"
        default: return "\(seconds / 86_400) d"
        }
    }

    /// A day as people write it: `1 December 2026`.
    public static func longDate(_ day: Day) -> String {
        let c = day.components
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December",
        ]
        return "\(c.day) \(months[max(0, min(11, c.month - 1))]) \(c.year)"
    }

    /// How long ago `then` was: `3 min ago`, `2 d ago`, or `just now` under a minute (and for a `then` after
    /// `now`). The one wording of every "ago" on screen and in reports.
    public static func ago(_ then: Int64, now: Int64) -> String {
        elapsed(from: then, to: now).map { "\($0) ago" } ?? "just now"
    }

    /// Thousands separated by a thin space would confuse spreadsheets; plain digits with commas for prose.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }


    /// `value` with `digits` decimals (0 to 3), rounded half away from zero at the last digit shown, without
    /// going through Foundation's formatter: the dashboard formats hundreds of numbers a frame.
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return missing }
        let scale = [1.0, 10.0, 100.0, 1000.0][max(0, min(3, digits))]
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(format: "%.\(digits)f", value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let sign = value.sign == .minus ? "-" : ""  // like printf, -0.001 gives "-0.00"
        guard digits > 0 else { return sign + String(whole) }
        var fraction = String(units % Int64(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return sign + String(whole) + "." + fraction
    }
}

/// `1 post`, `2 posts`, `1,204 posts`.
public func plural(_ count: Int, _ noun: String) -> String {
    "\(HumanFormat.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
}

/// `Isabelle Moreau` → `IM`: the first letters of the first two words.
public func initials(of name: String) -> String {
    String(name.split(separator: " ").prefix(2).compactMap(\.first))
}

/// A short column label for a department: the initials of its main words (`Ressources humaines` → `RH`),
/// or its first five characters when it is one word.
public func abbreviation(of department: String) -> String {
    let words = department.split(whereSeparator: { $0 == " " || $0 == "'" }).filter { $0.count > 2 || $0.contains("&") }
    if words.count >= 2 { return String(words.prefix(3).compactMap(\.first)).uppercased() }
    return String(department.prefix(5))
}
