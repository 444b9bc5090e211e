import TerminalUI

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
