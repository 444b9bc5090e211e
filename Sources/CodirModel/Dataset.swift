/// Everything the metrics engine reads, as compact records that refer to people and posts by position.
///
/// The store fills a dataset for one window and moment; the engine never touches the database.
/// A person's position in `people` is their index everywhere else (`actor`, `target`, `author`, `person`).
public struct Dataset: Sendable {
    public var people: [Person]
    public var posts: [PostRecord]
    public var interactions: [InteractionRecord]
    public var postStats: [PostStatRecord]
    public var daily: [DailyRecord]
    public var followers: [FollowerRecord]
    /// The latest demographics rows of each person's analytics exports, as of the window's end.
    public var demographics: [DemographicRecord] = []
    /// Every interaction after this time (seconds since the epoch) is in `interactions`; before it, only
    /// some are (those on the window's posts). `Int64.min` when all are.
    public var interactionsFrom: Int64 = .min
    /// The press items of the window and of the previous one, oldest first.
    public var press: [PressRecord] = []
    /// How many interactions with someone else each person (by position) made in the previous window; nil when
    /// unknown (`all`, or not read).
    public var previousActivity: [Int]?

    public init(
        people: [Person] = [], posts: [PostRecord] = [], interactions: [InteractionRecord] = [],
        postStats: [PostStatRecord] = [], daily: [DailyRecord] = [], followers: [FollowerRecord] = []
    ) {
        self.people = people
        self.posts = posts
        self.interactions = interactions
        self.postStats = postStats
        self.daily = daily
        self.followers = followers
    }
}

/// A post, by position of its author in `Dataset.people`.
public struct PostRecord: Sendable, Hashable {
    public var id: String
    public var author: Int32
    /// Publication time, in seconds since the epoch.
    public var at: Int64
    /// Its hashtags, normalised (`Hashtag.normalised`), in order of first appearance; empty when none are known.
    public var hashtags: [String]

    public init(id: String, author: Int32, at: Int64, hashtags: [String] = []) {
        self.id = id
        self.author = author
        self.at = at
        self.hashtags = hashtags
    }
}

/// An interaction from one person to another; `post` is the position in `Dataset.posts`, or -1.
public struct InteractionRecord: Sendable, Hashable {
    public var actor: Int32
    public var target: Int32
    public var post: Int32
    public var kind: InteractionKind
    /// Where it came from (fits in the record's padding: 24 bytes all the same).
    public var source: InteractionSource
    public var at: Int64

    public init(
        actor: Int32, target: Int32, kind: InteractionKind, post: Int32 = -1, at: Int64,
        source: InteractionSource = .events
    ) {
        self.actor = actor
        self.target = target
        self.post = post
        self.kind = kind
        self.source = source
        self.at = at
    }
}

/// Cumulative counters of the post at position `post`, as of `at`.
public struct PostStatRecord: Sendable, Hashable {
    public var post: Int32
    public var at: Int64
    public var impressions: Int64
    public var engagements: Int64?

    public init(post: Int32, at: Int64, impressions: Int64, engagements: Int64?) {
        self.post = post
        self.at = at
        self.impressions = impressions
        self.engagements = engagements
    }
}

/// A person's totals for one UTC day.
public struct DailyRecord: Sendable, Hashable {
    public var person: Int32
    public var day: Day
    public var impressions: Int64?
    public var engagements: Int64?
    public var newFollowers: Int64?

    public init(person: Int32, day: Day, impressions: Int64?, engagements: Int64?, newFollowers: Int64?) {
        self.person = person
        self.day = day
        self.impressions = impressions
        self.engagements = engagements
        self.newFollowers = newFollowers
    }
}

/// A person's follower count as of `at`.
public struct FollowerRecord: Sendable, Hashable {
    public var person: Int32
    public var at: Int64
    public var count: Int64

    public init(person: Int32, at: Int64, count: Int64) {
        self.person = person
        self.at = at
        self.count = count
    }
}

/// One row of a demographics sheet of a person's analytics export (`Job titles`, `Chef de projet`, `12%`).
public struct DemographicRecord: Sendable, Hashable {
    public var person: Int32
    /// The end of the export's range.
    public var asOf: Day
    public var sheet: String
    public var category: String
    public var value: String
    /// As the export wrote it, `< 1%` included.
    public var percentage: String

    public init(person: Int32, asOf: Day, sheet: String, category: String, value: String, percentage: String) {
        self.person = person
        self.asOf = asOf
        self.sheet = sheet
        self.category = category
        self.value = value
        self.percentage = percentage
    }
}
