/// What one person did towards another.
public enum InteractionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case reaction
    case comment
    case share
    case message
    case mention

    /// Reactions, comments and shares engage with a post; messages and mentions go straight to a person.
    public var isPostBased: Bool {
        switch self {
        case .reaction, .comment, .share: true
        case .message, .mention: false
        }
    }

    /// A small stable code, as stored in the database.
    public var code: Int {
        switch self {
        case .reaction: 1
        case .comment: 2
        case .share: 3
        case .message: 4
        case .mention: 5
        }
    }

    public init?(code: Int) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}

/// Where an interaction came from: the silo figures can be restricted to some sources.
public enum InteractionSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The canonical formats (JSON Lines, CSV), the demo and the simulator.
    case events
    /// LinkedIn member data archives.
    case linkedin
    case slack
    case email
    case vivaEngage = "viva-engage"

    /// A small stable code, as stored in the database.
    public var code: Int {
        switch self {
        case .events: 0
        case .linkedin: 1
        case .slack: 2
        case .email: 3
        case .vivaEngage: 4
        }
    }

    public init?(code: Int) {
        guard let source = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = source
    }
}
