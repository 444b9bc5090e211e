/// Who may see whose numbers: the `visibility` key of the configuration.
public enum Visibility: String, Sendable, Hashable, CaseIterable {
    /// Everyone sees everyone's numbers.
    case all
    /// Each person sees their own numbers and the committee's aggregates.
    case `self`
    /// Only aggregates: the committee's, the departments', the organisation's.
    case aggregate

    /// How much it hides: `all` < `self` < `aggregate`.
    public var narrowness: Int {
        switch self {
        case .all: 0
        case .self: 1
        case .aggregate: 2
        }
    }

    /// The narrower of two visibilities.
    public func narrowed(to other: Visibility) -> Visibility { other.narrowness > narrowness ? other : self }
}

/// What one viewer may be shown: the configured visibility, applied to the person at the keyboard.
///
/// The logins the configuration names as admins see everything whatever the visibility; the command line
/// resolves that before building a disclosure.
public struct Disclosure: Sendable, Hashable {
    public var visibility: Visibility
    /// The login of the person at the keyboard (the process's real user), matched to `Person.login`.
    public var viewerLogin: String?
    /// Under `self` and `aggregate`, a department with fewer members than this has its figures withheld, so
    /// that no one's behaviour can be read from a group too small to hide in.
    public var minGroupSize: Int

    /// The default `min_group_size`, as organisational-analytics tools use.
    public static let defaultMinGroupSize = 5

    public init(visibility: Visibility, viewerLogin: String? = nil, minGroupSize: Int = Disclosure.defaultMinGroupSize) {
        self.visibility = visibility
        self.viewerLogin = viewerLogin
        self.minGroupSize = minGroupSize
    }

    /// Everything, for everyone: the default without a configuration file.
    public static let everything = Disclosure(visibility: .all)

    /// Whether this person's individual numbers may be shown.
    public func showsNumbers(of person: Person) -> Bool {
        switch visibility {
        case .all: true
        case .self: viewerLogin != nil && person.login == viewerLogin
        case .aggregate: false
        }
    }

    /// Whether individuals may be named next to what they did (rankings, bridges, the wall's ticker).
    public var namesIndividuals: Bool { visibility == .all }

    /// Whether the figures of a department of `members` people are withheld.
    public func withholds(departmentOf members: Int) -> Bool { visibility != .all && members < minGroupSize }
}

extension Disclosure {
    /// `visibility = "self"`, for the notes that explain what is not shown.
    public var visibilityNote: String { "visibility = \"\(visibility.rawValue)\"" }
}
