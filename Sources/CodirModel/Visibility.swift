/// Who may see whose numbers: the `visibility` key of the configuration.
public enum Visibility: String, Sendable, Hashable, CaseIterable {
    /// Everyone sees everyone's numbers.
    case all
    /// Each person sees their own numbers and the committee's aggregates.
    case `self`
    /// Only aggregates: the committee's, the departments', the organisation's.
    case aggregate
}

/// What one viewer may be shown: the configured visibility, applied to the person at the keyboard.
///
/// The logins the configuration names as admins see everything whatever the visibility; the command line
/// resolves that before building a disclosure.
public struct Disclosure: Sendable, Hashable {
    public var visibility: Visibility
    /// The login of the person at the keyboard (the process's real user), matched to `Person.login`.
    public var viewerLogin: String?

    public init(visibility: Visibility, viewerLogin: String? = nil) {
        self.visibility = visibility
        self.viewerLogin = viewerLogin
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
}

extension Disclosure {
    /// `visibility = "self"`, for the notes that explain what is not shown.
    public var visibilityNote: String { "visibility = \"\(visibility.rawValue)\"" }
}
