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

/// An in-memory terminal for tests: frames are kept and read back as text; events are queued by the test.
public final class TestTerminal: Terminal {
    public var size: Size
    public var supportsUnicode: Bool
    /// The last frame shown.
    public private(set) var frame: CellBuffer
    /// How many frames were shown.
    public private(set) var frameCount = 0
    /// The first frame shown.
    public private(set) var firstFrame: CellBuffer?
    private var events: [TerminalEvent] = []

    public init(size: Size, supportsUnicode: Bool = true) {
        self.size = size
        self.supportsUnicode = supportsUnicode
        frame = CellBuffer(size: size)
    }

    public func show(_ frame: CellBuffer) {
        if firstFrame == nil { firstFrame = frame }
        self.frame = frame
        frameCount += 1
    }

    /// Queues events that `nextEvent` will return, in order.
    public func send(_ events: TerminalEvent...) { self.events += events }

    /// Types text, one character event per character.
    public func type(_ text: String) { events += text.map { TerminalEvent.character($0) } }

    /// Resizes the terminal and queues the resize event.
    public func resize(to size: Size) {
        self.size = size
        events.append(.resize(size))
    }

    public func nextEvent(timeout: Double) -> TerminalEvent? { events.isEmpty ? nil : events.removeFirst() }

    /// The last frame as text lines, trailing spaces removed.
    public var lines: [String] { frame.lines }

    /// The last frame as one string, for snapshot comparisons.
    public var text: String { lines.joined(separator: "\n") }
}
