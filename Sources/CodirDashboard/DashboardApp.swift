import CodirModel
import Foundation
import TerminalUI

/// Why the dashboard stopped.
public enum DashboardExit: Sendable, Equatable {
    /// `q` or Ctrl-C.
    case quit
    /// A signal asked it to stop (SIGTERM, SIGHUP, SIGINT).
    case stopRequested
    /// The terminal went away.
    case endOfInput
}

/// The application loop: reads keys, polls the database for changes and redraws when something changed. It is
/// the same for every screen (`Screen`): the dashboard, the wall and `codir me`.
///
/// Between ticks it sleeps in the terminal's input wait, so an idle screen costs next to nothing. It reloads only
/// when the data, the window or the clock's minute changed, and redraws only then, on a key, on a resize or when
/// the screen wakes by itself (the wall's rotation).
public final class DashboardApp {
    public let terminal: any Terminal
    public let source: DashboardSource
    public let screen: any Screen
    public let context: RenderContext
    /// Seconds between two checks of the database.
    public let refresh: Double
    private let clock: () -> Timestamp
    private let stopRequested: () -> Bool
    /// Frames shown so far.
    public private(set) var frames = 0

    public init(
        terminal: any Terminal, source: DashboardSource, screen: any Screen, context: RenderContext,
        refresh: Double = 1, clock: @escaping () -> Timestamp = { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) },
        stopRequested: @escaping () -> Bool = { false }
    ) {
        self.terminal = terminal
        self.source = source
        self.screen = screen
        self.context = context
        self.refresh = refresh
        self.clock = clock
        self.stopRequested = stopRequested
    }

    /// Runs until the user quits, a stop is requested or the terminal goes away.
    public func run() -> DashboardExit {
        var needsLoad = true
        var needsDraw = true
        var loadedMinute: Int64 = -1
        var lastPoll = Date()
        var shownStale = source.staleReason
        // The frame first, marked as loading, then the first load (a year's window takes about a second).
        if source.snapshot == nil {
            let input = ScreenInput(snapshot: nil, staleReason: nil, now: clock())
            terminal.show(screen.render(input, size: terminal.size, context: context))
            frames += 1
        }
        while true {
            if stopRequested() { return .stopRequested }
            let now = clock()
            if needsLoad || now.seconds / 60 != loadedMinute {
                source.load(
                    length: screen.window, asOf: now, sources: screen.sources, leaderDetails: screen.leaderDetails,
                    coverage: screen.needsCoverage)
                loadedMinute = now.seconds / 60
                needsLoad = false
                needsDraw = true
                screen.loaded(source.snapshot)
            }
            if source.staleReason != shownStale {
                shownStale = source.staleReason
                needsDraw = true
            }
            if screen.wake(now: Date(), size: terminal.size) { needsDraw = true }
            if needsDraw {
                let input = ScreenInput(snapshot: source.snapshot, staleReason: source.staleReason, now: now)
                terminal.show(screen.render(input, size: terminal.size, context: context))
                frames += 1
                needsDraw = false
            }
            var wait = max(0.02, refresh - Date().timeIntervalSince(lastPoll))
            if let wake = screen.nextWake() { wait = min(wait, max(0.02, wake.timeIntervalSinceNow)) }
            if let event = terminal.nextEvent(timeout: wait) {
                switch handle(event) {
                case .exit(let reason): return reason
                case .reload: needsLoad = true
                case .redraw: needsDraw = true
                case .nothing: break
                }
            }
            if Date().timeIntervalSince(lastPoll) >= refresh {
                lastPoll = Date()
                if source.hasChanged() { needsLoad = true }
            }
        }
    }

    /// What a key does, as the screen says.
    func handle(_ event: TerminalEvent) -> ScreenAction { screen.handle(event, snapshot: source.snapshot) }
}
