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

/// The application loop: reads keys, polls the database for changes and redraws when something changed.
///
/// Between ticks it sleeps in the terminal's input wait, so an idle dashboard costs next to nothing. It
/// recomputes only when the data, the window or the clock's minute changed, and redraws only then, on a key
/// or on a resize.
public final class DashboardApp {
    public let terminal: any Terminal
    public let source: DashboardSource
    public private(set) var state: DashboardState
    public let context: RenderContext
    /// Seconds between two checks of the database.
    public let refresh: Double
    private let clock: () -> Timestamp
    private let stopRequested: () -> Bool
    /// Frames shown so far.
    public private(set) var frames = 0
    /// For the wall display: seconds between two panes when they do not all fit; nil for the dashboard.
    public var wallRotation: Double?
    /// For `codir me`: the login whose personal view is shown (the source's); nil for the dashboard and the wall.
    public var personalLogin: String? { source.personalLogin }
    /// The selected post of the personal view's list.
    public private(set) var scroll = 0

    public init(
        terminal: any Terminal, source: DashboardSource, state: DashboardState, context: RenderContext,
        refresh: Double = 1, clock: @escaping () -> Timestamp = { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) },
        stopRequested: @escaping () -> Bool = { false }
    ) {
        self.terminal = terminal
        self.source = source
        self.state = state
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
        var lastRotation = Date()
        while true {
            if stopRequested() { return .stopRequested }
            let now = clock()
            if needsLoad || now.seconds / 60 != loadedMinute {
                source.load(length: state.window, asOf: now, sources: state.source.map { [$0] })
                loadedMinute = now.seconds / 60
                needsLoad = false
                needsDraw = true
                keepSelectionValid()
            }
            if source.staleReason != shownStale {
                shownStale = source.staleReason
                needsDraw = true
            }
            if let rotation = wallRotation, Date().timeIntervalSince(lastRotation) >= rotation {
                lastRotation = Date()
                if !WallView.showsAllPanes(terminal.size) {
                    rotatePane()
                    needsDraw = true
                }
            }
            if needsDraw {
                if let login = personalLogin {
                    let view = PersonalView(
                        snapshot: source.snapshot, staleReason: source.staleReason, state: state, context: context,
                        now: now, login: login, scroll: scroll)
                    terminal.show(view.render(size: terminal.size))
                } else if let rotation = wallRotation {
                    let view = WallView(
                        snapshot: source.snapshot, staleReason: source.staleReason, state: state, context: context,
                        now: now, rotate: rotation)
                    terminal.show(view.render(size: terminal.size))
                } else {
                    let view = DashboardView(
                        snapshot: source.snapshot, staleReason: source.staleReason, state: state, context: context,
                        now: now)
                    terminal.show(view.render(size: terminal.size))
                }
                frames += 1
                needsDraw = false
            }
            var wait = max(0.02, refresh - Date().timeIntervalSince(lastPoll))
            if let rotation = wallRotation { wait = min(wait, max(0.02, rotation - Date().timeIntervalSince(lastRotation))) }
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

    enum Outcome: Equatable {
        case exit(DashboardExit)
        case reload
        case redraw
        case nothing
    }

    /// What a key does. An unknown key does nothing.
    func handle(_ event: TerminalEvent) -> Outcome {
        if personalLogin != nil { return handlePersonal(event) }
        if state.showsHelp, event != .character("?") {
            switch event {
            case .character("q"), .control("c"): return .exit(.quit)
            case .resize: return .redraw
            case .endOfInput: return .exit(.endOfInput)
            default:
                state.showsHelp = false
                return .redraw
            }
        }
        switch event {
        case .character("q"), .control("c"): return .exit(.quit)
        case .endOfInput: return .exit(.endOfInput)
        case .character("1"), .character("2"), .character("3"), .character("4"):
            if case .character(let c) = event, let n = c.wholeNumberValue, let pane = Pane(rawValue: n - 1) {
                state.pane = pane
                state.detail = nil
            }
            return .redraw
        case .tab, .right:
            state.pane = Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count) ?? .reach
            state.detail = nil
            return .redraw
        case .backTab, .left:
            state.pane = Pane(rawValue: (state.pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .reach
            state.detail = nil
            return .redraw
        case .up, .character("k"): return moveSelection(by: -1)
        case .down, .character("j"): return moveSelection(by: 1)
        case .enter:
            guard state.pane != .silos, let leader = state.selectedLeader ?? leaders().first else { return .nothing }
            state.detail = leader
            state.selectedLeader = leader
            return .redraw
        case .escape, .backspace:
            guard state.detail != nil else { return .nothing }
            state.detail = nil
            return .redraw
        case .character("w"):
            state.cycleWindow()
            return .reload
        case .character("s"):
            state.cycleSort()
            return .redraw
        case .character("d"):
            let departments = Set(source.snapshot?.report.reach.compactMap { source.snapshot?.report.people[$0.person].department } ?? [])
            state.cycleDepartment(among: departments.sorted())
            keepSelectionValid()
            return .redraw
        case .character("f"):
            let present = InteractionSource.allCases.filter { (source.snapshot?.report.interactionsBySource[$0] ?? 0) > 0 }
            state.cycleSource(among: present)
            return .reload
        case .character("r"): return .reload
        case .character("?"):
            state.showsHelp.toggle()
            return .redraw
        case .resize: return .redraw
        default: return .nothing
        }
    }

    /// The personal view's keys: scroll the posts, change the window, refresh, quit.
    private func handlePersonal(_ event: TerminalEvent) -> Outcome {
        let posts = source.snapshot?.personal?.postsToEngage.count ?? 0
        switch event {
        case .character("q"), .control("c"): return .exit(.quit)
        case .endOfInput: return .exit(.endOfInput)
        case .up, .character("k"): return select(scroll - 1, of: posts)
        case .down, .character("j"): return select(scroll + 1, of: posts)
        case .pageUp: return select(scroll - 10, of: posts)
        case .pageDown, .character(" "): return select(scroll + 10, of: posts)
        case .home, .character("g"): return select(0, of: posts)
        case .end, .character("G"): return select(posts - 1, of: posts)
        case .character("w"):
            state.cycleWindow()
            scroll = 0
            return .reload
        case .character("r"): return .reload
        case .resize: return .redraw
        default: return .nothing
        }
    }

    /// Selects the post at `index` of the personal view's list, kept within the list.
    private func select(_ index: Int, of count: Int) -> Outcome {
        let target = max(0, min(index, count - 1))
        guard target != scroll else { return .nothing }
        scroll = target
        return .redraw
    }

    /// The next pane, for the wall's rotation.
    func rotatePane() {
        let panes = Pane.onTheWall
        state.pane = panes[((panes.firstIndex(of: state.pane) ?? -1) + 1) % panes.count]
    }

    private func leaders() -> [String] {
        guard let snapshot = source.snapshot else { return [] }
        return DashboardView.leaderRows(snapshot, state).map { snapshot.report.people[$0.person].id }
    }

    private func moveSelection(by delta: Int) -> Outcome {
        let ids = leaders()
        guard !ids.isEmpty, state.detail == nil else { return .nothing }
        let current = state.selectedLeader.flatMap { ids.firstIndex(of: $0) } ?? 0
        state.selectedLeader = ids[max(0, min(ids.count - 1, current + delta))]
        return .redraw
    }

    private func keepSelectionValid() {
        // The personal view's selected post stays within a list that may have shrunk.
        scroll = max(0, min(scroll, (source.snapshot?.personal?.postsToEngage.count ?? 0) - 1))
        let ids = leaders()
        if let selected = state.selectedLeader, ids.contains(selected) { return }
        state.selectedLeader = ids.first
    }
}
