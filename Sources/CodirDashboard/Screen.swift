import CodirModel
import Foundation
import TerminalUI

/// What a key asks of the application loop.
public enum ScreenAction: Sendable, Equatable {
    case exit(DashboardExit)
    /// Load the data again (the window or the sources changed, or `r`).
    case reload
    case redraw
    case nothing
}

/// What a frame is drawn from: the snapshot (only what the viewer may see), why it may be out of date, the time.
public struct ScreenInput: Sendable {
    public var snapshot: DashboardSnapshot?
    public var staleReason: String?
    public var now: Timestamp
}

/// A screen the application loop drives, as htop's screens and ratatui's app state: it owns its state, draws a
/// frame for a size, handles keys, says which data it needs and when it must wake by itself. The dashboard, the
/// wall and `codir me` are three screens; `DashboardApp` knows none of them.
public protocol Screen: AnyObject {
    /// The window to load.
    var window: WindowLength { get }
    /// The sources the silo figures count; nil for all.
    var sources: Set<InteractionSource>? { get }
    /// The leader details each load computes: a screen that never shows one asks for none.
    var leaderDetails: LeaderDetailRequest { get }
    /// Whether each load reads what each source holds about each leader (the Data pane's table).
    var needsCoverage: Bool { get }
    func render(_ input: ScreenInput, size: Size, context: RenderContext) -> CellBuffer
    func handle(_ event: TerminalEvent, snapshot: DashboardSnapshot?) -> ScreenAction
    /// After each load: keeps the screen's selections within what the new data holds.
    func loaded(_ snapshot: DashboardSnapshot?)
    /// The next moment the screen must wake by itself; nil for never.
    func nextWake() -> Date?
    /// Called at that moment; whether the screen changed.
    func wake(now: Date, size: Size) -> Bool
}

extension Screen {
    public var sources: Set<InteractionSource>? { nil }
    public var leaderDetails: LeaderDetailRequest { .none }
    public var needsCoverage: Bool { false }
    public func loaded(_ snapshot: DashboardSnapshot?) {}
    public func nextWake() -> Date? { nil }
    public func wake(now: Date, size: Size) -> Bool { false }
}

/// `codir dash`: the panes, the leader detail, the help; keys to switch, select, sort, filter.
public class DashboardScreen: Screen {
    public internal(set) var state: DashboardState

    public init(state: DashboardState) { self.state = state }

    public var window: WindowLength { state.window }
    public var sources: Set<InteractionSource>? { state.source.map { [$0] } }
    /// Only the open detail's leader: computing every leader's at each change would cost more than the rest.
    public var leaderDetails: LeaderDetailRequest { state.detail.map { .only($0) } ?? .none }
    /// Only while the Data pane is shown.
    public var needsCoverage: Bool { state.pane == .data }

    public func render(_ input: ScreenInput, size: Size, context: RenderContext) -> CellBuffer {
        DashboardView(snapshot: input.snapshot, staleReason: input.staleReason, state: state, context: context, now: input.now)
            .render(size: size)
    }

    /// What a key does. An unknown key does nothing.
    public func handle(_ event: TerminalEvent, snapshot: DashboardSnapshot?) -> ScreenAction {
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
        case .character("1"), .character("2"), .character("3"), .character("4"), .character("5"):
            guard case .character(let c) = event, let n = c.wholeNumberValue, let pane = Pane(rawValue: n - 1) else {
                return .redraw
            }
            return show(pane)
        case .tab, .right:
            return show(Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count) ?? .reach)
        case .backTab, .left:
            return show(Pane(rawValue: (state.pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .reach)
        case .up, .character("k"): return moveSelection(by: -1, snapshot)
        case .down, .character("j"): return moveSelection(by: 1, snapshot)
        case .enter:
            guard state.pane != .silos, let leader = state.selectedLeader ?? leaders(snapshot).first else { return .nothing }
            state.detail = leader
            state.selectedLeader = leader
            // Its detail is computed by a load (the live path makes it cheap).
            return .reload
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
            let departments = Set(snapshot?.report.reach.compactMap { snapshot?.report.people[$0.person].department } ?? [])
            state.cycleDepartment(among: departments.sorted())
            loaded(snapshot)
            return .redraw
        case .character("f"):
            let present = InteractionSource.allCases.filter { (snapshot?.report.interactionsBySource[$0] ?? 0) > 0 }
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

    /// Switches to `pane`; the Data pane's table is read by a load.
    private func show(_ pane: Pane) -> ScreenAction {
        let needed = needsCoverage
        state.pane = pane
        state.detail = nil
        return needsCoverage && !needed ? .reload : .redraw
    }

    public func loaded(_ snapshot: DashboardSnapshot?) {
        let ids = leaders(snapshot)
        if let selected = state.selectedLeader, ids.contains(selected) { return }
        state.selectedLeader = ids.first
    }

    /// The dashboard never wakes by itself (the wall does).
    public func nextWake() -> Date? { nil }
    public func wake(now: Date, size: Size) -> Bool { false }

    private func leaders(_ snapshot: DashboardSnapshot?) -> [String] {
        guard let snapshot else { return [] }
        return DashboardView.leaderRows(snapshot, state).map { snapshot.report.people[$0.person].id }
    }

    private func moveSelection(by delta: Int, _ snapshot: DashboardSnapshot?) -> ScreenAction {
        let ids = leaders(snapshot)
        guard !ids.isEmpty, state.detail == nil else { return .nothing }
        let current = state.selectedLeader.flatMap { ids.firstIndex(of: $0) } ?? 0
        state.selectedLeader = ids[max(0, min(ids.count - 1, current + delta))]
        return .redraw
    }
}

/// `codir wall`: the committee's tiles, a ticker and the panes, rotating when they do not all fit.
public final class WallScreen: DashboardScreen {
    /// Seconds between two panes.
    public let rotate: Double
    private var lastRotation = Date()

    public init(state: DashboardState, rotate: Double) {
        self.rotate = rotate
        super.init(state: state)
    }

    public override func render(_ input: ScreenInput, size: Size, context: RenderContext) -> CellBuffer {
        WallView(snapshot: input.snapshot, staleReason: input.staleReason, state: state, context: context, now: input.now, rotate: rotate)
            .render(size: size)
    }

    public override func nextWake() -> Date? { lastRotation.addingTimeInterval(rotate) }

    public override func wake(now: Date, size: Size) -> Bool {
        guard now.timeIntervalSince(lastRotation) >= rotate else { return false }
        lastRotation = now
        guard !WallView.showsAllPanes(size) else { return false }
        rotatePane()
        return true
    }

    /// The next pane of the figures (never the Data pane).
    func rotatePane() {
        let panes = Pane.onTheWall
        state.pane = panes[((panes.firstIndex(of: state.pane) ?? -1) + 1) % panes.count]
    }
}

/// `codir me`: one person's numbers and the posts to engage with; keys scroll the posts.
public final class PersonalScreen: Screen {
    public let login: String
    public private(set) var state: DashboardState
    /// The selected post of the list.
    public private(set) var scroll = 0

    public init(login: String, state: DashboardState) {
        self.login = login
        self.state = state
    }

    public var window: WindowLength { state.window }

    public func render(_ input: ScreenInput, size: Size, context: RenderContext) -> CellBuffer {
        PersonalView(
            snapshot: input.snapshot, staleReason: input.staleReason, state: state, context: context, now: input.now,
            login: login, scroll: scroll
        ).render(size: size)
    }

    public func handle(_ event: TerminalEvent, snapshot: DashboardSnapshot?) -> ScreenAction {
        let posts = snapshot?.postsToEngage.count ?? 0
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

    public func loaded(_ snapshot: DashboardSnapshot?) {
        // The selected post stays within a list that may have shrunk.
        scroll = max(0, min(scroll, (snapshot?.postsToEngage.count ?? 0) - 1))
    }

    private func select(_ index: Int, of count: Int) -> ScreenAction {
        let target = max(0, min(index, count - 1))
        guard target != scroll else { return .nothing }
        scroll = target
        return .redraw
    }
}
