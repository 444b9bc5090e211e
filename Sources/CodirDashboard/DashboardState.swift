import CodirModel
import CodirText

/// The dashboard's panes.
public enum Pane: Int, Sendable, CaseIterable {
    case reach, engagement, silos, influence, data

    public var title: String {
        let words = Strings.current.frame
        return switch self {
        case .reach: words.paneReach
        case .engagement: words.paneEngagement
        case .silos: words.paneSilos
        case .influence: words.paneInfluence
        case .data: words.paneData
        }
    }

    /// The panes the wall rotates through: the figures, not the Data pane (which is the comms lead's).
    public static let onTheWall: [Pane] = [.reach, .engagement, .silos, .influence]
}

/// The columns the Reach leaderboard can be sorted by, in the order `s` cycles through them.
public enum ReachSort: Int, Sendable, CaseIterable {
    case impressions, change, engagementRate, posts, followers, growth, name

    public var title: String {
        let words = Strings.current.panes
        return switch self {
        case .impressions: words.sortImpressions
        case .change: words.sortChange
        case .engagementRate: words.sortEngagementRate
        case .posts: words.sortPosts
        case .followers: words.sortFollowers
        case .growth: words.sortGrowth
        case .name: words.sortName
        }
    }
}

/// What the person at the keyboard has chosen.
public struct DashboardState: Sendable, Hashable {
    public var pane: Pane = .reach
    public var window: WindowLength = .days(30)
    public var sort: ReachSort = .impressions
    /// Only leaders of this department, when set.
    public var department: String?
    /// The silo figures count only this source, when set (`f` cycles through the sources with data).
    public var source: InteractionSource?
    /// The selected leader's person id (kept across reloads and re-sorts).
    public var selectedLeader: String?
    /// The leader whose detail is open.
    public var detail: String?
    public var showsHelp = false

    public init(window: WindowLength = .days(30)) {
        self.window = window
    }

    /// The windows `w` cycles through.
    public static let windows: [WindowLength] = [.days(7), .days(30), .days(90), .days(365)]

    public mutating func cycleWindow() {
        let index = Self.windows.firstIndex(of: window) ?? 0
        window = Self.windows[(index + 1) % Self.windows.count]
    }

    public mutating func cycleSort() {
        sort = ReachSort(rawValue: (sort.rawValue + 1) % ReachSort.allCases.count) ?? .impressions
    }

    /// Moves to the next department, after the last back to all of them.
    /// All sources, then each source with data in turn, then all again.
    public mutating func cycleSource(among sources: [InteractionSource]) {
        if let source, let index = sources.firstIndex(of: source) {
            self.source = index + 1 < sources.count ? sources[index + 1] : nil
        } else {
            source = sources.first
        }
    }

    public mutating func cycleDepartment(among departments: [String]) {
        guard !departments.isEmpty else {
            department = nil
            return
        }
        if let department, let index = departments.firstIndex(of: department) {
            self.department = index + 1 < departments.count ? departments[index + 1] : nil
        } else {
            department = departments[0]
        }
    }
}
