/// What a piece of text means on screen; a theme maps each role to colours.
public enum ColorRole: Int, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case accent
    case header
    case border
    case selection
    case good
    case bad
    case warning
    /// Heat-map levels, coolest to hottest.
    case heat1, heat2, heat3, heat4, heat5
}

/// Text attributes, independent of colour (monochrome terminals still show them).
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// A colour role with attributes.
public struct Style: Sendable, Hashable {
    public var role: ColorRole
    public var attributes: TextAttributes

    public init(_ role: ColorRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let plain = Style()
}
