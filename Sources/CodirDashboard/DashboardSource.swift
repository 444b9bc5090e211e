import CodirMetrics
import CodirModel
import CodirReport
import CodirStore
import CodirText
import Foundation
import LibC

/// One of the latest interactions, as the wall's ticker may tell it: people's names only when the viewer may
/// see individuals, a department's name only when it is large enough to hide in.
public struct TickerItem: Sendable, Hashable {
    public struct Party: Sendable, Hashable {
        /// Nil when the viewer may not see individuals.
        public var name: String?
        /// Nil when the department is too small to be named (`min_group_size`).
        public var department: String?
    }
    public var kind: InteractionKind
    public var at: Timestamp
    public var actor: Party
    public var target: Party
}

/// Which leader details a load computes (`DashboardSnapshot.leaderDetail(_:)`).
public enum LeaderDetailRequest: Sendable, Hashable {
    /// Every leader the viewer may see.
    case all
    /// None: the screen shows no detail.
    case none
    /// One leader, by directory id.
    case only(String)
}

/// A post of the personal report's list: whose, when, and its link when known.
public struct PostLine: Sendable, Hashable {
    public var id: String
    public var author: Int
    public var at: Timestamp
    public var url: String?
}

/// Everything one frame shows, computed once per data change, window change or minute. It holds only what its
/// viewer may see: the disclosure is applied before anything reaches a screen, and the raw data it was computed
/// from never reaches it (the leader details and audiences are computed for the leaders the viewer may see, the
/// details only for those the screen asked for).
public struct DashboardSnapshot: Sendable {
    public var organisation: String
    public var report: MetricsReport
    public var asOf: Timestamp
    /// When the data last changed (the end of the latest import or batch).
    public var lastChange: Timestamp?
    /// For `codir me`: the person at the keyboard, when the source was asked for them and they are in the
    /// directory.
    public var personal: PersonalReport?
    /// For `codir me`: the posts to engage with, in the personal report's order.
    public var postsToEngage: [PostLine] = []
    /// The latest interactions of the window, newest first, as the viewer may see them (the wall's ticker).
    public var ticker: [TickerItem] = []
    /// What each source holds about each person, for the Data pane.
    public var coverage: [SourceCoverage] = []
    /// A source whose last file is older than this many days is stale.
    public var staleAfterDays = 14
    fileprivate var leaderDetails: [Int: LeaderDetail] = [:]
    fileprivate var audiences: [Int: [DemographicRecord]] = [:]

    fileprivate init(organisation: String, report: MetricsReport, asOf: Timestamp) {
        self.organisation = organisation
        self.report = report
        self.asOf = asOf
    }

    /// Who engages with a leader's posts and whose posts they engaged with; nil for a leader whose numbers the
    /// viewer may not see.
    public func leaderDetail(_ person: Int) -> LeaderDetail? {
        guard report.reach.contains(where: { $0.person == person }) else { return nil }
        return leaderDetails[person]
    }

    /// A leader's audience from their latest analytics export; empty for a leader the viewer may not see.
    public func audience(of person: Int) -> [DemographicRecord] {
        guard report.reach.contains(where: { $0.person == person }) else { return [] }
        return audiences[person] ?? []
    }

    /// The Data pane's content: the leaders the viewer may see.
    public var dataStatus: DataStatus {
        DataStatus(
            organisation: organisation, people: report.people.filter(report.disclosure.showsNumbers(of:)),
            coverage: coverage, now: asOf, staleAfterDays: staleAfterDays)
    }
}

/// Reads the database for the dashboard, read-only, and tells when it changed.
///
/// The first load reads the window whole and computes the report as `codir report` does; in the background it
/// then builds the live figures (`LiveMetrics`), and from then on each load reads only the rows appended since
/// the last one and moves the window with the clock, at a cost that follows the change, not the window. Any
/// change other than an append (the database's `rewrites` count moved, the schema changed, the file was
/// replaced) and any change of window or sources loads everything again.
///
/// Keeps working through faults: while the database is missing, locked or unreadable, `refresh` reports
/// the reason and the last good snapshot stays on screen, marked stale.
public final class DashboardSource {
    public let path: String
    private var store: Store?
    private var identity: FileIdentity?
    private var version: Int64?
    public private(set) var snapshot: DashboardSnapshot?
    /// Why the data on screen may be out of date; nil when it is current.
    public private(set) var staleReason: String?

    /// What the viewer may see: the snapshot's report holds only that.
    public let disclosure: Disclosure
    /// For `codir me`: the login whose personal report each load computes.
    public let personalLogin: String?

    /// A source whose last file is older than this many days is stale (the Data pane).
    public let staleAfterDays: Int

    /// Whether loads after the first follow the appended rows (else each load reads the window whole, as
    /// `codir report` does).
    public let followsAppends: Bool

    /// The rates of the earned media value (`[value]` in the configuration).
    public let rates: ValueRates

    /// The live figures and where they stand in the database.
    private var live: (metrics: LiveMetrics, cursor: LiveCursor)?
    /// The live figures being built in the background after a full load (they take its rows over: a leader detail
    /// asked for meanwhile waits for them).
    private var building: LiveBuild?
    /// The leader details the snapshot holds, and whether it holds the sources' coverage.
    private var detailsShown: LeaderDetailRequest = .none
    private var coverageShown = false
    /// Links of posts already looked up, by post key, and the keys looked up (most posts have no link: they are
    /// not looked up again).
    private var urls: [String: String] = [:]
    private var lookedUp: Set<String> = []
    /// The last post list of `codir me`, by post positions.
    private var lines: (indices: [Int], lines: [PostLine])?
    /// How the last loads were made, for tests and the benchmark.
    public private(set) var fullLoads = 0
    public private(set) var liveLoads = 0

    public init(
        path: String, disclosure: Disclosure = .everything, personalLogin: String? = nil, staleAfterDays: Int = 14,
        followsAppends: Bool = true, rates: ValueRates = .defaults
    ) {
        self.path = path
        self.rates = rates
        self.disclosure = disclosure
        self.personalLogin = personalLogin
        self.staleAfterDays = staleAfterDays
        self.followsAppends = followsAppends
    }

    /// Whether the data changed since the last load (another process committed, or the file was replaced), or
    /// the live figures built in the background are ready to take over. Opens the database when it is not open
    /// yet.
    public func hasChanged() -> Bool {
        let current = FileIdentity.of(path)
        guard let current else {
            forget()
            staleReason = Strings.current.messages.noDatabase(path)
            return false
        }
        if current != identity || store == nil {
            forget()
            identity = current
            return true
        }
        if live == nil, let building {
            // Built after the first frame is on screen, not beside its drawing.
            building.start()
            if building.isDone { return true }
        }
        do {
            let now = try store?.dataVersion()
            return now != version
        } catch {
            staleReason = error.message
            return true
        }
    }

    /// Waits for the live figures being built in the background, if any (for tests and the benchmark).
    public func waitForLiveFigures() {
        building?.start()
        building?.wait()
    }

    private func forget() {
        store = nil
        identity = nil
        dropDerived()
    }

    /// Lets go of everything computed from the data: the live figures, a build, the post links and lines.
    private func dropDerived() {
        live = nil
        building = nil
        urls = [:]
        lookedUp = []
        lines = nil
    }

    /// Loads the report of `length` ending at `asOf`; on failure keeps the last snapshot and sets
    /// `staleReason`. Returns whether a new snapshot was loaded. With `coverage`, the snapshot holds what each
    /// source holds about each leader (the Data pane).
    @discardableResult
    public func load(
        length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>? = nil,
        leaderDetails: LeaderDetailRequest = .all, coverage: Bool = true
    ) -> Bool {
        do {
            let store = try self.store ?? Store.open(path: path, access: .readOnly)
            self.store = store
            identity = FileIdentity.of(path)
            let version = try store.dataVersion()
            if let built = building, built.length == length, built.sources == sources, let metrics = built.take() {
                live = (metrics, built.cursor)
                building = nil
                // The full load's rows and the build's scratch are gone: give their memory back.
                returnFreedMemory()
            }
            // Taken out, so that its storage is not shared while it changes (a shared copy would copy it whole).
            var held = live
            live = nil
            if var current = held.take(), current.metrics.length == length, current.metrics.sources == sources,
                current.metrics.move(to: asOf, activity: { [cursor = current.cursor] after, through in
                    try? store.activityCounts(after: after, through: through, cursor: cursor)
                }),
                let append = try store.appended(since: &current.cursor, window: TimeWindow(length: length, asOf: asOf))
            {
                current.metrics.append(posts: append.posts, interactions: append.interactions)
                current.metrics.replaceTables(
                    postStats: append.tables.postStats, daily: append.tables.daily, followers: append.tables.followers,
                    demographics: append.tables.demographics, press: append.tables.press)
                let next = try liveSnapshot(&current.metrics, store: store, details: leaderDetails)
                live = current
                try publish(next, store: store, coverage: coverage)
                detailsShown = leaderDetails
                liveLoads += 1
            } else if let built = building, built.length == length, built.sources == sources {
                // The live figures are being built: the frame on screen stays until they are ready (a leader
                // detail asked for meanwhile shows with them, a second or two later); the Data pane's table is
                // read at once.
                guard coverage, !coverageShown, personalLogin == nil, var next = snapshot else { return false }
                next.coverage = try store.coverage(leadersOnly: true)
                snapshot = next
                coverageShown = true
                return true
            } else {
                dropDerived()
                try publish(
                    fullSnapshot(store: store, length: length, asOf: asOf, sources: sources, details: leaderDetails),
                    store: store, coverage: coverage)
                detailsShown = leaderDetails
                fullLoads += 1
            }
            self.version = version
            staleReason = nil
            return true
        } catch let error as StoreError {
            forget()
            staleReason = error.message
            return false
        } catch {
            forget()
            staleReason = "\(error)"
            return false
        }
    }

    private func publish(_ computed: DashboardSnapshot, store: Store, coverage: Bool) throws(StoreError) {
        var next = computed
        next.lastChange = try store.lastChange()
        next.coverage = personalLogin == nil && coverage ? try store.coverage(leadersOnly: true) : []
        coverageShown = coverage
        next.staleAfterDays = staleAfterDays
        snapshot = next
    }

    /// Reads the window whole and computes everything, then starts building the live figures from the same data.
    private func fullSnapshot(
        store: Store, length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>?, details: LeaderDetailRequest
    ) throws(StoreError) -> DashboardSnapshot {
        let window = TimeWindow(length: length, asOf: asOf)
        let (loaded, cursor) = try store.liveDataset(
            for: window, trendWeeks: MetricsEngine.trendWeeks, previousInteractions: personalLogin != nil)
        let dataset = loaded.linkingPublishedPosts(asOf: asOf)
        let full = MetricsEngine.report(for: dataset, length: length, asOf: asOf, sources: sources, rates: rates)
        let person = personalLogin.flatMap { login in dataset.people.firstIndex { $0.login == login } }
        let personal = person.map { MetricsEngine.personal(for: $0, in: dataset, report: full) }
        // The window's interactions are in time order (the early ones, before the window, come last).
        let latest = InteractionRecord.newest(
            dataset.interactions.reversed().lazy.filter { $0.actor != $0.target && window.contains(seconds: $0.at) },
            count: Self.tickerLength)
        var next = try snapshot(
            full: full, personal: personal, posts: dataset.posts, latest: latest, demographics: dataset.demographics,
            store: store)
        if personalLogin == nil {
            next.leaderDetails = MetricsEngine.leaderDetails(for: Self.leaders(details, next.report), in: dataset, window: window)
        }
        if followsAppends, cursor.follows {
            building = LiveBuild(
                dataset: loaded, length: length, asOf: asOf, sources: sources, person: person, rates: rates, cursor: cursor)
        }
        return next
    }

    /// The snapshot from the live figures.
    private func liveSnapshot(
        _ metrics: inout LiveMetrics, store: Store, details: LeaderDetailRequest
    ) throws(StoreError) -> DashboardSnapshot {
        let full = metrics.report()
        var next = try snapshot(
            full: full, personal: metrics.personalReport(full), posts: metrics.base.posts,
            latest: metrics.latest(Self.tickerLength), demographics: metrics.base.demographics, store: store)
        if personalLogin == nil { next.leaderDetails = metrics.leaderDetails(for: Self.leaders(details, next.report)) }
        return next
    }

    static let tickerLength = 6

    /// The positions of the leaders whose details are asked for, among those the viewer may see.
    static func leaders(_ request: LeaderDetailRequest, _ report: MetricsReport) -> [Int] {
        switch request {
        case .all: return report.reach.map(\.person)
        case .none: return []
        case .only(let key): return report.reach.map(\.person).filter { report.people[$0].id == key }
        }
    }

    /// The snapshot of a full report (every row in), as the viewer may see it.
    private func snapshot(
        full: MetricsReport, personal: PersonalReport?, posts: [PostRecord], latest: [InteractionRecord],
        demographics: [DemographicRecord], store: Store
    ) throws(StoreError) -> DashboardSnapshot {
        let report = full.disclosed(to: disclosure)
        let name =
            try store.metadata(Store.organisationKey)
            ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var next = DashboardSnapshot(organisation: name, report: report, asOf: full.window.end)
        next.personal = personal?.disclosed(to: disclosure, report: full)
        next.postsToEngage = try postLines(personal?.postsToEngage ?? [], posts: posts, store: store)
        next.ticker = Self.ticker(latest, report: report)
        if personalLogin == nil {
            let shown = Set(report.reach.map(\.person))
            for row in demographics where shown.contains(Int(row.person)) { next.audiences[Int(row.person), default: []].append(row) }
        }
        return next
    }

    /// The post list of `codir me`, with links: the same list as last time is the same lines (a year of
    /// colleagues' posts is tens of thousands of lines), else built again, each link looked up once.
    private func postLines(_ indices: [Int], posts: [PostRecord], store: Store) throws(StoreError) -> [PostLine] {
        if let cached = lines, cached.indices == indices { return cached.lines }
        var made = indices.compactMap { index -> PostLine? in
            guard posts.indices.contains(index) else { return nil }
            let post = posts[index]
            return PostLine(id: post.id, author: Int(post.author), at: Timestamp(seconds: post.at), url: nil)
        }
        let missing = made.map(\.id).filter { !lookedUp.contains($0) }
        if !missing.isEmpty {
            urls.merge(try store.postURLs(keys: missing)) { $1 }
            lookedUp.formUnion(missing)
        }
        for index in made.indices { made[index].url = urls[made[index].id] }
        lines = (indices, made)
        return made
    }

    /// The latest interactions, newest first, named as the disclosed report allows.
    static func ticker(_ latest: [InteractionRecord], report: MetricsReport) -> [TickerItem] {
        let withheld = Set(report.silo.departments.filter(\.withheld).map(\.department))
        let names = report.disclosure.namesIndividuals
        func party(_ index: Int32) -> TickerItem.Party? {
            guard report.people.indices.contains(Int(index)) else { return nil }
            let person = report.people[Int(index)]
            return .init(name: names ? person.name : nil, department: withheld.contains(person.department) ? nil : person.department)
        }
        return latest.compactMap { i in
            guard let actor = party(i.actor), let target = party(i.target) else { return nil }
            return TickerItem(kind: i.kind, at: Timestamp(seconds: i.at), actor: actor, target: target)
        }
    }
}

/// The live figures of a full load, built on a thread of their own once the first frame is on screen, so that the
/// screen keeps answering keys meanwhile (a year's window takes one to two seconds to build). The build takes the
/// full load's rows over (`LiveMetrics` holds them in their own storage): nothing else may keep the dataset.
private final class LiveBuild {
    let length: WindowLength
    let sources: Set<InteractionSource>?
    let cursor: LiveCursor
    private let outcome: Outcome
    private let asOf: Timestamp
    private let person: Int?
    private let rates: ValueRates
    private var started = false

    /// What the thread takes and hands over.
    private final class Outcome: @unchecked Sendable {
        let done = NSCondition()
        /// The full load's dataset until the thread takes it (its only reference then).
        var dataset: Dataset?
        var result: LiveMetrics?
        var taken = false

        init(dataset: Dataset) { self.dataset = dataset }

        func takeDataset() -> Dataset {
            done.lock()
            defer { done.unlock() }
            return dataset.take() ?? Dataset()
        }
    }

    init(
        dataset: Dataset, length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>?, person: Int?,
        rates: ValueRates, cursor: LiveCursor
    ) {
        self.length = length
        self.rates = rates
        self.sources = sources
        self.cursor = cursor
        self.asOf = asOf
        self.person = person
        outcome = Outcome(dataset: dataset)
    }

    /// Starts the build, once.
    func start() {
        guard !started else { return }
        started = true
        // What the full report used and let go is given back first: the build then grows from there.
        returnFreedMemory()
        let (outcome, length, asOf, sources, person, rates) = (outcome, length, asOf, sources, person, rates)
        let thread = Thread {
            let metrics = LiveMetrics(
                dataset: outcome.takeDataset(), length: length, asOf: asOf, sources: sources, person: person,
                rates: rates)
            outcome.done.lock()
            outcome.result = metrics
            outcome.done.broadcast()
            outcome.done.unlock()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Whether the figures are built.
    var isDone: Bool {
        outcome.done.lock()
        defer { outcome.done.unlock() }
        return outcome.result != nil
    }

    /// The figures once built, handed over (this build keeps no copy); nil before.
    func take() -> LiveMetrics? {
        outcome.done.lock()
        defer { outcome.done.unlock() }
        if outcome.result != nil { outcome.taken = true }
        return outcome.result.take()
    }

    /// Waits until the figures are built (or were handed over).
    func wait() {
        start()
        outcome.done.lock()
        while outcome.result == nil && !outcome.taken { outcome.done.wait() }
        outcome.done.unlock()
    }
}
