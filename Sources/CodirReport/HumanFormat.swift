import CodirMetrics
import CodirModel
import CodirText
import Foundation

/// Numbers and text formatted for people in the current language (`Language.current`): `12.3k`, `4.2%`, `+18%`
/// in English, `12,3 k`, `4,2 %`, `+18 %` in French, and `–` for an unknown value. What tools read (JSON, CSV)
/// never goes through here.
public enum HumanFormat {
    /// Shown for a value that is unknown (never shown as 0).
    public static let missing = "–"

    private static var words: Strings.Formats { Strings.current.format }

    /// `fixed(value, digits:)` with the language's decimal separator.
    public static func decimal(_ value: Double, digits: Int) -> String {
        let text = fixed(value, digits: digits)
        let separator = words.decimalSeparator
        return separator == "." ? text : text.replacingOccurrences(of: ".", with: separator)
    }

    /// `950`, `12.3k`, `4.2M` (`12,3 k`, `4,2 M`).
    public static func count(_ value: Int64?) -> String {
        guard let value else { return missing }
        let magnitude = abs(Double(value))
        let sign = value < 0 ? "-" : ""
        let words = words
        switch magnitude {
        case ..<1_000: return "\(value)"
        case ..<9_950: return sign + decimal(magnitude / 1_000, digits: 1) + words.thousands
        case ..<999_500: return sign + fixed(magnitude / 1_000, digits: 0) + words.thousands
        case ..<9_950_000: return sign + decimal(magnitude / 1_000_000, digits: 1) + words.millions
        default: return sign + fixed(magnitude / 1_000_000, digits: 0) + words.millions
        }
    }

    public static func count(_ value: Int?) -> String { count(value.map(Int64.init)) }

    /// A count with a sign: `+612`, `-3`, `+1.2k`.
    public static func signedCount(_ value: Int64?) -> String {
        guard let value else { return missing }
        return value > 0 ? "+" + count(value) : count(value)
    }

    /// `4.2%` (one decimal below 10%, none above); `4,2 %` in French.
    public static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        let p = ratio * 100
        let sign = words.percentSpace + "%"
        if p == 0 { return "0" + sign }
        return (abs(p) < 9.95 ? decimal(p, digits: 1) : fixed(p, digits: 0)) + sign
    }

    /// A change as `+18%` / `-4.5%`, with an explicit sign.
    public static func change(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        let p = abs(ratio) * 100
        if p < 0.05 { return percent(0) }
        return (ratio < 0 ? "-" : "+") + percent(abs(ratio))
    }

    /// Shown for a change against a previous window the data covers only in part.
    public static var partial: String { words.partial }

    /// A change, or `partial` when the previous figure covers only part of its window.
    public static func change(_ ratio: Double?, partial isPartial: Bool) -> String {
        isPartial ? partial : change(ratio)
    }

    /// A change of a share in percentage points: `+14 pts`, `-3 pts`, `0 pts`.
    public static func points(_ change: Double?) -> String {
        guard let change, change.isFinite else { return missing }
        let text = fixed(abs(change) * 100, digits: 0)
        return (text == "0" ? "" : change < 0 ? "-" : "+") + text + words.points
    }

    /// An amount of money, compact, with its currency: `640 EUR`, `12.3k EUR`, and cents below ten (`0.5 EUR`,
    /// `2.75 EUR`: a rate per engagement); `–` when unknown.
    public static func money(_ value: Double?, _ currency: String) -> String {
        guard let value, let whole = Int64(checking: value.rounded()) else { return missing }
        guard abs(value) < 10, value != value.rounded() else { return count(whole) + " " + sanitized(currency) }
        var text = fixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: words.decimalSeparator) + " " + sanitized(currency)
    }

    /// An index in [-1, 1] with two decimals and a sign: `-0.42`, `+0.31` (`+0,31`).
    public static func index(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = decimal(value, digits: 2)
        return text.hasPrefix("-") ? (text == "-0" + words.decimalSeparator + "00" ? "+" + text.dropFirst() : text) : "+" + text
    }

    /// A ratio with two decimals: `0.31` (`0,31`).
    public static func decimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return decimal(value, digits: 2)
    }

    /// The time from `then` to `now` in its largest whole unit ("12 min", "3 h", "2 d" / "2 j"); nil under a
    /// minute (and for a `then` after `now`).
    public static func elapsed(from then: Int64, to now: Int64) -> String? {
        let seconds = now.saturatingSubtracting(then)
        let words = words
        switch seconds {
        case ..<60: return nil
        case ..<3600: return "\(seconds / 60) \(words.minutes)"
        case ..<86_400: return "\(seconds / 3600) \(words.hours)"
        default: return "\(seconds / 86_400) \(words.days)"
        }
    }

    /// `:` after a label, with the space French puts before it (`Ponts : …`).
    public static var colon: String { words.colonSpace + ":" }

    /// A day as people write it: `1 December 2026`, `1 décembre 2026`.
    public static func longDate(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(words.months[max(0, min(11, c.month - 1))]) \(c.year)"
    }

    /// A day in a column: `30 Nov`, `30 nov.`.
    public static func shortDate(_ day: Day) -> String {
        let c = day.components
        return "\(c.day) \(words.shortMonths[max(0, min(11, c.month - 1))])"
    }

    /// How long ago `then` was: `3 min ago`, `2 d ago`, or `just now` under a minute (and for a `then` after
    /// `now`); `il y a 3 min`, `à l'instant`. The one wording of every "ago" on screen and in reports.
    public static func ago(_ then: Int64, now: Int64) -> String {
        let words = words
        return elapsed(from: then, to: now).map(words.ago) ?? words.justNow
    }

    /// A window as people read it: `30d`, `all` (`30 j`, `tout`).
    public static func window(_ length: WindowLength) -> String {
        switch length {
        case .days(let n): words.windowDays(n)
        case .all: words.windowAll
        }
    }

    /// `1st`, `2nd` (`1er`, `2e`).
    public static func ordinal(_ n: Int) -> String { words.ordinal(n) }

    /// `7 of 10 leaders`: how many leaders the committee's impressions come from.
    public static func coverage(_ committee: CommitteeReach) -> String {
        Strings.current.frame.leadersCovered(committee.leadersWithImpressions, committee.leaders)
    }

    /// Whole numbers written out: `1,234` (`1 234`).
    public static func grouped(_ value: Int) -> String {
        CodirText.grouped(value, words.groupSeparator)
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

/// `1 post`, `2 posts`, `1,204 posts`: an English noun, for the texts not translated yet.
public func plural(_ count: Int, _ noun: String) -> String {
    "\(HumanFormat.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
}

/// `1 post`, `2 posts`, `1,204 posts` (`0 post`, `1 234 posts`): the noun in the language's number.
public func plural(_ count: Int, _ noun: Noun) -> String { noun.counted(count) }

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
