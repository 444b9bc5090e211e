import CNCursesW

/// Maps colour roles to terminal colours for each colour mode, and to attributes without colour.
public struct Theme: Sendable {
    /// A foreground and background colour; -1 is the terminal's default.
    public struct Colours: Sendable, Hashable {
        public var foreground: Int32
        public var background: Int32
    }

    public var palette256: [ColorRole: Colours]
    public var palette8: [ColorRole: Colours]
    /// What stands for colour on a monochrome terminal.
    public var monochrome: [ColorRole: TextAttributes]

    public func colours(for role: ColorRole, mode: ColourMode) -> Colours? {
        switch mode {
        case .colours256: palette256[role]
        case .colours8: palette8[role]
        case .monochrome: nil
        }
    }

    public func monochromeAttributes(for role: ColorRole) -> TextAttributes { monochrome[role] ?? [] }

    /// Light text on the terminal's own background; a blue-to-red ramp for heat maps.
    public static let standard = Theme(
        palette256: [
            .normal: Colours(foreground: -1, background: -1), .dim: Colours(foreground: 245, background: -1),
            .accent: Colours(foreground: 45, background: -1), .header: Colours(foreground: 252, background: -1),
            .border: Colours(foreground: 240, background: -1), .selection: Colours(foreground: 16, background: 45),
            .good: Colours(foreground: 78, background: -1), .bad: Colours(foreground: 203, background: -1),
            .warning: Colours(foreground: 214, background: -1), .heat1: Colours(foreground: 252, background: 236),
            .heat2: Colours(foreground: 255, background: 24), .heat3: Colours(foreground: 16, background: 38),
            .heat4: Colours(foreground: 16, background: 178), .heat5: Colours(foreground: 255, background: 160),
        ],
        palette8: [
            .normal: Colours(foreground: -1, background: -1), .dim: Colours(foreground: -1, background: -1),
            .header: Colours(foreground: -1, background: -1),
            .accent: Colours(foreground: Int32(COLOR_CYAN), background: -1),
            .border: Colours(foreground: Int32(COLOR_BLUE), background: -1),
            .selection: Colours(foreground: Int32(COLOR_BLACK), background: Int32(COLOR_CYAN)),
            .good: Colours(foreground: Int32(COLOR_GREEN), background: -1),
            .bad: Colours(foreground: Int32(COLOR_RED), background: -1),
            .warning: Colours(foreground: Int32(COLOR_YELLOW), background: -1),
            .heat1: Colours(foreground: Int32(COLOR_WHITE), background: Int32(COLOR_BLUE)),
            .heat2: Colours(foreground: Int32(COLOR_BLACK), background: Int32(COLOR_CYAN)),
            .heat3: Colours(foreground: Int32(COLOR_BLACK), background: Int32(COLOR_GREEN)),
            .heat4: Colours(foreground: Int32(COLOR_BLACK), background: Int32(COLOR_YELLOW)),
            .heat5: Colours(foreground: Int32(COLOR_WHITE), background: Int32(COLOR_RED)),
        ],
        monochrome: [
            .header: [.bold], .bad: [.bold], .accent: [.bold], .selection: [.reverse], .dim: [.dim],
            .border: [.dim],
        ])
}
