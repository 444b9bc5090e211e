/// A post published by a person.
public struct PostEvent: Sendable, Hashable {
    public var id: String
    public var author: String
    public var at: Timestamp
    public var network: String
    public var url: String?
    /// Its hashtags, normalised; nil when the source says nothing of them (an import without them keeps those
    /// known).
    public var hashtags: [String]?

    public init(
        id: String, author: String, at: Timestamp, network: String = "linkedin", url: String? = nil,
        hashtags: [String]? = nil
    ) {
        self.id = id
        self.author = author
        self.at = at
        self.network = network
        self.url = url
        self.hashtags = hashtags
    }
}

/// One person engaging with a post (reaction, comment, share) or directly with another person (message, mention).
public struct InteractionEvent: Sendable, Hashable {
    /// The event's own identifier, when the source gives one; deduplication uses it.
    public var id: String?
    public var kind: InteractionKind
    public var actor: String
    /// The post engaged with, for post-based kinds.
    public var post: String?
    /// The person addressed, for person-to-person kinds.
    public var target: String?
    public var at: Timestamp
    /// Where it came from.
    public var source: InteractionSource

    public init(
        id: String? = nil, kind: InteractionKind, actor: String, post: String? = nil, target: String? = nil,
        at: Timestamp, source: InteractionSource = .events
    ) {
        self.id = id
        self.kind = kind
        self.actor = actor
        self.post = post
        self.target = target
        self.at = at
        self.source = source
    }
}

/// Cumulative counters of a post as of a moment.
public struct PostStatsEvent: Sendable, Hashable {
    public var post: String
    public var at: Timestamp
    public var impressions: Int64
    public var engagements: Int64?

    public init(post: String, at: Timestamp, impressions: Int64, engagements: Int64? = nil) {
        self.post = post
        self.at = at
        self.impressions = impressions
        self.engagements = engagements
    }
}

/// A person's totals for one calendar day (UTC), as analytics exports give them.
public struct DailyStatsEvent: Sendable, Hashable {
    public var person: String
    public var day: Day
    public var impressions: Int64?
    public var engagements: Int64?
    public var newFollowers: Int64?

    public init(
        person: String, day: Day, impressions: Int64? = nil, engagements: Int64? = nil, newFollowers: Int64? = nil
    ) {
        self.person = person
        self.day = day
        self.impressions = impressions
        self.engagements = engagements
        self.newFollowers = newFollowers
    }
}

/// A person's follower count as of a moment.
public struct FollowersEvent: Sendable, Hashable {
    public var person: String
    public var at: Timestamp
    public var count: Int64

    public init(person: String, at: Timestamp, count: Int64) {
        self.person = person
        self.at = at
        self.count = count
    }
}

/// One record of the canonical event formats.
public enum Event: Sendable, Hashable {
    case post(PostEvent)
    case interaction(InteractionEvent)
    case stats(PostStatsEvent)
    case daily(DailyStatsEvent)
    case followers(FollowersEvent)
}

extension Event {
    /// When the event happened (a daily row: its noon).
    public var time: Timestamp {
        switch self {
        case .post(let e): e.at
        case .interaction(let e): e.at
        case .stats(let e): e.at
        case .daily(let e): e.day.noon
        case .followers(let e): e.at
        }
    }
}
