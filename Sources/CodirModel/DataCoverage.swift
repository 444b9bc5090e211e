/// Where a person's data comes from, as the Data view and `codir status` list it.
public enum DataSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Their LinkedIn member data archive: their posts, reactions and comments.
    case archive
    /// Their LinkedIn creator analytics: impressions, engagements, followers, post counters.
    case analytics
    /// Canonical events (JSON Lines, CSV), the demo and the simulator.
    case events
    case slack
    case email
    case vivaEngage = "viva-engage"

    /// A small stable code, as stored in the database.
    public var code: Int {
        switch self {
        case .archive: 0
        case .analytics: 1
        case .events: 2
        case .slack: 3
        case .email: 4
        case .vivaEngage: 5
        }
    }

    public init?(code: Int) {
        guard let source = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = source
    }

    /// What people call it.
    public var title: String {
        switch self {
        case .archive: "LinkedIn archive"
        case .analytics: "LinkedIn analytics"
        case .events: "events"
        case .slack: "Slack"
        case .email: "e-mail"
        case .vivaEngage: "Viva Engage"
        }
    }

    /// The source an interaction of this origin belongs to.
    public init(_ origin: InteractionSource) {
        switch origin {
        case .events: self = .events
        case .linkedin: self = .archive
        case .slack: self = .slack
        case .email: self = .email
        case .vivaEngage: self = .vivaEngage
        }
    }

    /// The source of the records (posts, counters) an import of this format writes.
    public init(importFormat format: String) {
        switch format {
        case "linkedin-archive": self = .archive
        case "linkedin-analytics": self = .analytics
        case "slack": self = .slack
        case "email": self = .email
        case "viva-engage": self = .vivaEngage
        default: self = .events
        }
    }
}

/// What one source holds about one person: the period its records cover and when its last file arrived.
public struct SourceCoverage: Sendable, Hashable {
    /// The person's directory id.
    public var person: String
    public var source: DataSource
    /// The times of the earliest and latest records.
    public var first: Timestamp
    public var last: Timestamp
    /// How many records it brought (duplicates not counted).
    public var records: Int64
    /// When the last file (or batch) that named the person arrived.
    public var lastFile: Timestamp?

    public init(person: String, source: DataSource, first: Timestamp, last: Timestamp, records: Int64, lastFile: Timestamp?) {
        self.person = person
        self.source = source
        self.first = first
        self.last = last
        self.records = records
        self.lastFile = lastFile
    }

    /// Whether the last file arrived more than `days` days before `now` (or never).
    public func isStale(now: Timestamp, afterDays days: Int) -> Bool {
        guard let lastFile else { return true }
        return now.seconds.saturatingSubtracting(lastFile.seconds) > Int64(days) * 86_400
    }
}
