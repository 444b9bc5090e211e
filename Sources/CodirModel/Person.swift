import Foundation

/// Whether a person sits on the executive committee or not.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case leader
    case employee
}

/// A member of the organisation's directory.
public struct Person: Sendable, Hashable, Codable {
    /// The directory's stable identifier (the `id` column of `people.csv`).
    public var id: String
    public var name: String
    public var department: String
    public var role: Role
    /// The unix login that `codir me` maps to this person.
    public var login: String?
    /// The LinkedIn profile URL.
    public var linkedin: String?
    /// The person's e-mail addresses, lower-cased: how chat and mail exports are matched to the directory.
    /// Filled by the people import (nil when its file has no `email` column: the addresses stay as they
    /// were); the viewers do not read them.
    public var emails: [String]?

    public init(
        id: String, name: String, department: String, role: Role, login: String? = nil, linkedin: String? = nil,
        emails: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.role = role
        self.login = login
        self.linkedin = linkedin
        self.emails = emails
    }

    /// How department names compare: trimmed, inner spaces collapsed, without regard to case or accents
    /// (`Finance`, `finance ` and `FINANCE` are one department; so are `Opérations` and `Operations`).
    public static func departmentKey(_ name: some StringProtocol) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// An address as the directory keeps it: trimmed and lower-cased, so that matching ignores case.
    public static func normalised(email: some StringProtocol) -> String {
        // Native trimming: this runs for every address of every imported message.
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = email.firstIndex(where: { !blank($0) }), let last = email.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return email[first...last].lowercased()
    }

    public var isLeader: Bool { role == .leader }
}
