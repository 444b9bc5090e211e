import CNCursesW
import Synchronization

import LibC

/// How many colours the terminal shows.
public enum ColourMode: Sendable, Hashable {
    case colours256
    case colours8
    case monochrome
}

/// Why the terminal cannot be used; `message` is one sentence for the user.
public enum TerminalStartError: Error, Sendable, Equatable {
    case notATerminal
    case unknownTerminal(String)
    case cannotAddressCursor(String)

    public var message: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal"
        case .unknownTerminal(let name):
            name.isEmpty
                ? "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
                : "the terminal type '\(name)' is unknown here; set TERM to one that has a terminfo entry (for example xterm-256color)"
        case .cannotAddressCursor(let name):
            "the terminal type '\(name)' cannot move the cursor, so it cannot show a dashboard; use a full terminal or 'codir report'"
        }
    }
}

/// The real terminal, through ncursesw. Every curses call happens on the thread that created it.
///
/// Frames are drawn whole into the standard screen after `werase`, then `wnoutrefresh` and `doupdate`
/// send only what changed: never a `clear`.
public final class NCursesTerminal: Terminal {
    public private(set) var size: Size
    public let supportsUnicode: Bool
    /// Whether the locale's character set is UTF-8 (else only ASCII text can be shown).
    public let localeIsUTF8: Bool
    public let colourMode: ColourMode
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var restored = false
    private var quickFailures = 0
    /// A key read together with a resize, returned by the next call.
    private var keyAfterResize: TerminalEvent?

    /// Takes over the terminal. `monochrome` and `ascii` force those modes (`--no-color`, `NO_COLOR`,
    /// `--ascii`).
    public init(monochrome: Bool, ascii: Bool, environment: [String: String]) throws(TerminalStartError) {
        let utf8 = TextWidth.prepareLocale()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let name = environment["TERM"] ?? ""
        guard !name.isEmpty else { throw .unknownTerminal("") }
        // newterm, unlike initscr, returns nil on an unknown terminal instead of exiting.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw .notATerminal
        }
        // A client chooses the size it claims (an ssh client can say 65535×65535): ncurses would allocate its
        // screens at that size, so a larger terminal is drawn as `Self.maximumSize`, from the start.
        var claimedRows: Int32 = 0, claimedColumns: Int32 = 0
        if codir_terminal_size(STDOUT_FILENO, &claimedRows, &claimedColumns) == 0 {
            let (rows, columns) = Self.bounded(claimedRows, claimedColumns)
            if rows != claimedRows || columns != claimedColumns {
                setenv("LINES", String(rows), 1)
                setenv("COLUMNS", String(columns), 1)
            }
        }
        guard let screen = newterm(name, output, input) else { throw .unknownTerminal(name) }
        let cursorAddress = tigetstr("cup")
        if cursorAddress == nil || cursorAddress == UnsafeMutablePointer(bitPattern: -1) {
            endwin()
            delscreen(screen)
            throw .cannotAddressCursor(name)
        }
        guard let window = codir_stdscr() else {
            endwin()
            delscreen(screen)
            throw .unknownTerminal(name)
        }
        self.screen = screen
        self.window = window
        supportsUnicode = utf8 && !ascii
        localeIsUTF8 = utf8
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        _ = curs_set(0)  // some terminals cannot hide the cursor: that is fine
        codir_set_escdelay(25)
        var mode = ColourMode.monochrome
        if !monochrome && has_colors() {
            start_color()
            use_default_colors()
            mode = codir_colors() >= 256 && codir_color_pairs() > ColorRole.allCases.count ? .colours256 : .colours8
            Self.definePairs(mode)
        }
        colourMode = mode
        var rows: Int32 = 0, columns: Int32 = 0
        codir_getmaxyx(window, &rows, &columns)
        let (boundedRows, boundedColumns) = Self.bounded(rows, columns)
        if boundedRows != rows || boundedColumns != columns { resizeterm(boundedRows, boundedColumns) }
        size = Size(width: Int(boundedColumns), height: Int(boundedRows))
        // Resizes are caught here rather than left to ncurses' own handler, which is not reliable once
        // the host process has signal handlers of its own.
        signal(SIGWINCH, noteResize)
        // The parent may have left it blocked (the mask is inherited; tmux's panes start so).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    deinit { restore() }

    /// The largest size drawn: 1000 columns by 400 rows. Memory stays bounded whatever a client claims.
    public static let maximumSize = Size(width: 1000, height: 400)

    static func bounded(_ rows: Int32, _ columns: Int32) -> (rows: Int32, columns: Int32) {
        (min(max(rows, 1), Int32(maximumSize.height)), min(max(columns, 1), Int32(maximumSize.width)))
    }

    /// Applies a pending resize: asks the kernel for the new size and tells ncurses.
    private func takePendingResize() -> TerminalEvent? {
        guard resizePending.exchange(false, ordering: .relaxed) else { return nil }
        var rows: Int32 = 0, columns: Int32 = 0
        if codir_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 {
            let (boundedRows, boundedColumns) = Self.bounded(rows, columns)
            resizeterm(boundedRows, boundedColumns)
        }
        codir_getmaxyx(window, &rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
        return .resize(size)
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        _ = curs_set(1)
        endwin()
    }

    // MARK: - Output

    public func show(_ frame: CellBuffer) {
        werase(window)
        let width = min(frame.size.width, size.width), height = min(frame.size.height, size.height)
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = frame[x, y].style
                var run: [wchar_t] = []
                let start = x
                while x < width, frame[x, y].style == style {
                    if let character = frame[x, y].character {
                        for scalar in character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                let (attributes, pair) = resolve(style)
                wattr_set(window, attributes, Int16(pair), nil)
                run.withUnsafeBufferPointer { buffer in
                    _ = mvwaddnwstr(window, Int32(y), Int32(start), buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        wattr_set(window, codir_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
    }

    private func resolve(_ style: Style) -> (attr_t, Int) {
        var attributes = codir_a_normal()
        var wanted = style.attributes
        if colourMode == .monochrome {
            wanted.formUnion(Theme.standard.monochromeAttributes(for: style.role))
        } else if style.role == .selection {
            wanted.remove(.reverse)  // the pair already paints the background
        }
        if wanted.contains(.bold) { attributes |= codir_a_bold() }
        if wanted.contains(.dim) { attributes |= codir_a_dim() }
        if wanted.contains(.reverse) { attributes |= codir_a_reverse() }
        if wanted.contains(.underline) { attributes |= codir_a_underline() }
        let pair = colourMode == .monochrome ? 0 : style.role.rawValue + 1
        return (attributes, pair)
    }

    private static func definePairs(_ mode: ColourMode) {
        for role in ColorRole.allCases {
            guard let colours = Theme.standard.colours(for: role, mode: mode) else { continue }
            init_pair(Int16(role.rawValue + 1), Int16(colours.foreground), Int16(colours.background))
        }
    }

    // MARK: - Input

    public func nextEvent(timeout: Double) -> TerminalEvent? {
        if let resize = takePendingResize() { return resize }
        if let waiting = keyAfterResize {
            keyAfterResize = nil
            return waiting
        }
        let event = readEvent(timeout: timeout)
        // A resize that came during the read goes first; the key read with it is kept for the next call,
        // not dropped.
        if let resize = takePendingResize() {
            keyAfterResize = event
            return resize
        }
        return event
    }

    private func readEvent(timeout: Double) -> TerminalEvent? {
        let milliseconds = Int32(max(0, min(timeout, 60)) * 1000)
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let started = monotonicSeconds()
        let code = wget_wch(window, &value)
        if code == ERR {
            // A closed terminal makes every read fail at once: after many instant failures, stop.
            if milliseconds > 50 && monotonicSeconds() - started < 0.005 {
                quickFailures += 1
                if quickFailures >= 20 { return .endOfInput }
            } else {
                quickFailures = 0
            }
            return nil
        }
        quickFailures = 0
        if code == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_RESIZE:
                var rows: Int32 = 0, columns: Int32 = 0
                codir_getmaxyx(window, &rows, &columns)
                let (boundedRows, boundedColumns) = Self.bounded(rows, columns)
                if boundedRows != rows || boundedColumns != columns { resizeterm(boundedRows, boundedColumns) }
                (rows, columns) = (boundedRows, boundedColumns)
                size = Size(width: Int(columns), height: Int(rows))
                return .resize(size)
            case codir_key_f(1)...codir_key_f(24): return .function(Int(Int32(value) - codir_key_f(0)))
            default: return nil
            }
        }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(UInt8(value) + 96)))
        default:
            guard let scalar = UnicodeScalar(UInt32(value)) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

private let resizePending = Atomic<Bool>(false)

private func noteResize(_ signal: Int32) {
    resizePending.store(true, ordering: .relaxed)
}
