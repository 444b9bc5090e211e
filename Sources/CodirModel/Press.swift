import Foundation

/// A press item (an article, an alert) as codir keeps it: its date, outlet, title, link, estimated audience and the
/// people of the directory it mentions. Never its summary or its text.
public struct PressRecord: Sendable, Hashable {
    /// Publication time, in seconds since the epoch.
    public var at: Int64
    public var outlet: String
    public var title: String
    public var url: String?
    /// The outlet's estimated readership, when the source gives one.
    public var audience: Int64?
    /// The people it mentions, by position in `Dataset.people`, ascending.
    public var people: [Int32]

    public init(at: Int64, outlet: String, title: String, url: String?, audience: Int64?, people: [Int32]) {
        self.at = at
        self.outlet = outlet
        self.title = title
        self.url = url
        self.audience = audience
        self.people = people
    }
}

/// Hashtags as codir compares them: `#Transformation`, `#transformation` and `#TRANSFORMATION` are one, so are
/// `#Équipe` and `#equipe`.
public enum Hashtag {
    /// The hashtags of a text: `#` followed by letters and digits (any script), in order of first appearance,
    /// each once, normalised. A `#` inside a word (`C#`) or followed by nothing usable starts none.
    public static func extract(from text: some StringProtocol) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "#", !(previous.map(isWordCharacter) ?? false) {
                var end = text.index(after: index)
                while end < text.endIndex, isWordCharacter(text[end]) { end = text.index(after: end) }
                let word = text[text.index(after: index)..<end]
                if !word.isEmpty, let tag = normalised(word), seen.insert(tag).inserted { found.append(tag) }
                previous = end > text.startIndex ? text[text.index(before: end)] : character
                index = end
                continue
            }
            previous = character
            index = text.index(after: index)
        }
        return found
    }

    /// A hashtag without its `#`, lower-cased and without accents; nil when nothing of it is a letter or a digit,
    /// or when it is longer than `maximumLength` characters (not a hashtag a person wrote).
    public static func normalised(_ tag: some StringProtocol) -> String? {
        let text = String(tag)
        let bare = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard !bare.isEmpty, bare.count <= maximumLength, bare.allSatisfy(isWordCharacter) else { return nil }
        return bare.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    public static let maximumLength = 100

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}

/// The rates that turn reach into earned media value (`[value]` in the configuration): what the same impressions
/// and engagements would have cost as advertising. An estimate, never revenue.
public struct ValueRates: Sendable, Hashable {
    /// Cost per 1,000 impressions.
    public var cpm: Double
    /// Cost per engagement.
    public var cpe: Double
    public var currency: String

    /// The largest rate taken (a CPM of a million would be no advertising market's).
    public static let maximum = 1_000_000.0

    public init(cpm: Double, cpe: Double, currency: String) {
        self.cpm = cpm
        self.cpe = cpe
        self.currency = currency
    }

    /// docs/metrics.md says where they come from.
    public static let defaults = ValueRates(cpm: 30, cpe: 1, currency: "EUR")
}
