/// A key or event read from the terminal.
public enum TerminalEvent: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace
    case pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl with a letter, lowercase: `.control("c")`.
    case control(Character)
    case resize(Size)
    /// The input is gone (the terminal closed, the connection dropped).
    case endOfInput
}

/// Where frames are shown and keys come from. Widgets never talk to a terminal: they draw into a
/// `CellBuffer`, which the terminal shows whole, once per frame.
public protocol Terminal: AnyObject {
    /// The current size, in columns and rows.
    var size: Size { get }
    /// Whether characters outside ASCII can be shown (a UTF-8 locale).
    var supportsUnicode: Bool { get }
    /// Shows a frame, changing on screen only what differs from the previous one.
    func show(_ frame: CellBuffer)
    /// Waits up to `timeout` seconds for an event; nil when none came.
    func nextEvent(timeout: Double) -> TerminalEvent?
}
