/// Everything codir holds about one person: what `codir export` prints for their right of access.
public struct PersonRecords: Sendable {
    public struct Interaction: Sendable {
        public var kind: InteractionKind
        public var actor: String
        public var target: String
        public var at: Timestamp
        public var source: InteractionSource
        public var post: String?
        public init(kind: InteractionKind, actor: String, target: String, at: Timestamp, source: InteractionSource, post: String?) {
            (self.kind, self.actor, self.target, self.at, self.source, self.post) = (kind, actor, target, at, source, post)
        }
    }
    public struct Post: Sendable {
        public var key: String
        public var at: Timestamp
        public var url: String?
        public init(key: String, at: Timestamp, url: String?) { (self.key, self.at, self.url) = (key, at, url) }
    }
    public struct Counter: Sendable {
        public var post: String
        public var at: Timestamp
        public var impressions: Int64?
        public var engagements: Int64?
        public init(post: String, at: Timestamp, impressions: Int64?, engagements: Int64?) {
            (self.post, self.at, self.impressions, self.engagements) = (post, at, impressions, engagements)
        }
    }
    public struct DailyRow: Sendable {
        public var day: Day
        public var impressions: Int64?
        public var engagements: Int64?
        public var newFollowers: Int64?
        public init(day: Day, impressions: Int64?, engagements: Int64?, newFollowers: Int64?) {
            (self.day, self.impressions, self.engagements, self.newFollowers) = (day, impressions, engagements, newFollowers)
        }
    }
    public struct Followers: Sendable {
        public var at: Timestamp
        public var count: Int64?
        public init(at: Timestamp, count: Int64?) { (self.at, self.count) = (at, count) }
    }
    public struct Demographic: Sendable {
        public var asOf: Day
        public var sheet: String
        public var category: String
        public var value: String
        public var percentage: String
        public init(asOf: Day, sheet: String, category: String, value: String, percentage: String) {
            (self.asOf, self.sheet, self.category, self.value, self.percentage) = (asOf, sheet, category, value, percentage)
        }
    }

    public var person: Person
    public var emails: [String] = []
    public var interactions: [Interaction] = []
    public var posts: [Post] = []
    public var postCounters: [Counter] = []
    public var daily: [DailyRow] = []
    public var followers: [Followers] = []
    public var demographics: [Demographic] = []

    public init(person: Person) { self.person = person }
}
