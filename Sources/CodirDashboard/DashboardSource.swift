import CodirMetrics
import CodirModel
import CodirReport
import CodirStore
import Foundation

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

/// A post of the personal report's list: whose, when, and its link when known.
public struct PostLine: Sendable, Hashable {
    public var id: String
    public var author: Int
    public var at: Timestamp
    public var url: String?
}

/// Everything one frame shows, computed once per data change, window change or minute. It holds only what its
/// viewer may see: the disclosure is applied before anything reaches a screen, and the raw data it was computed
/// from stays out of the screens' reach (`fileprivate`), asked only through the guarded `leaderDetail(_:)` and
/// `audience(of:)`.
public struct DashboardSnapshot: Sendable {
    public var organisation: String
    public var report: MetricsReport
    fileprivate let dataset: Dataset
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

    fileprivate init(organisation: String, report: MetricsReport, dataset: Dataset, asOf: Timestamp) {
        self.organisation = organisation
        self.report = report
        self.dataset = dataset
        self.asOf = asOf
    }

    /// Who engages with a leader's posts and whose posts they engaged with; nil for a leader whose numbers the
    /// viewer may not see.
    public func leaderDetail(_ person: Int) -> LeaderDetail? {
        guard report.reach.contains(where: { $0.person == person }) else { return nil }
        return MetricsEngine.leaderDetail(for: person, in: dataset, window: report.window)
    }

    /// A leader's audience from their latest analytics export; empty for a leader the viewer may not see.
    public func audience(of person: Int) -> [DemographicRecord] {
        guard report.reach.contains(where: { $0.person == person }) else { return [] }
        return dataset.demographics.filter { Int($0.person) == person }
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

    public init(path: String, disclosure: Disclosure = .everything, personalLogin: String? = nil, staleAfterDays: Int = 14) {
        self.path = path
        self.disclosure = disclosure
        self.personalLogin = personalLogin
        self.staleAfterDays = staleAfterDays
    }

    /// Whether the data changed since the last load (another process committed, or the file was replaced).
    /// Opens the database when it is not open yet.
    public func hasChanged() -> Bool {
        let current = FileIdentity.of(path)
        guard let current else {
            store = nil
            identity = nil
            staleReason = "no database at \(path); waiting for it"
            return false
        }
        if current != identity || store == nil {
            store = nil
            identity = current
            return true
        }
        do {
            let now = try store?.dataVersion()
            return now != version
        } catch {
            staleReason = error.message
            return true
        }
    }

    /// Loads the report of `length` ending at `asOf`; on failure keeps the last snapshot and sets
    /// `staleReason`. Returns whether a new snapshot was loaded.
    @discardableResult
    public func load(length: WindowLength, asOf: Timestamp, sources: Set<InteractionSource>? = nil) -> Bool {
        do {
            let store = try self.store ?? Store.open(path: path, access: .readOnly)
            self.store = store
            identity = FileIdentity.of(path)
            let version = try store.dataVersion()
            let window = TimeWindow(length: length, asOf: asOf)
            let dataset = try store.dataset(
                for: window, trendWeeks: MetricsEngine.trendWeeks, previousInteractions: personalLogin != nil)
            let full = MetricsEngine.report(for: dataset, length: length, asOf: asOf, sources: sources)
            let personal = personalLogin.flatMap { login in
                dataset.people.firstIndex { $0.login == login }.map {
                    MetricsEngine.personal(for: $0, in: dataset, report: full).disclosed(to: disclosure, report: full)
                }
            }
            let report = full.disclosed(to: disclosure)
            let urls = try store.postURLs(keys: personal?.postsToEngage.map { dataset.posts[$0].id } ?? [])
            let name =
                try store.metadata(Store.organisationKey)
                ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var next = DashboardSnapshot(organisation: name, report: report, dataset: dataset, asOf: asOf)
            next.lastChange = try store.lastChange()
            next.personal = personal
            next.postsToEngage = (personal?.postsToEngage ?? []).compactMap { index in
                guard dataset.posts.indices.contains(index) else { return nil }
                let post = dataset.posts[index]
                return PostLine(id: post.id, author: Int(post.author), at: Timestamp(seconds: post.at), url: urls[post.id])
            }
            next.ticker = Self.ticker(dataset, report: report, asOf: asOf)
            next.coverage = personalLogin == nil ? try store.coverage() : []
            next.staleAfterDays = staleAfterDays
            snapshot = next
            self.version = version
            staleReason = nil
            return true
        } catch let error as StoreError {
            store = nil
            staleReason = error.message
            return false
        } catch {
            store = nil
            staleReason = "\(error)"
            return false
        }
    }

    /// The latest six interactions up to `asOf`, newest first, named as the disclosed report allows.
    static func ticker(_ dataset: Dataset, report: MetricsReport, asOf: Timestamp) -> [TickerItem] {
        let withheld = Set(report.silo.departments.filter(\.withheld).map(\.department))
        let names = report.disclosure.namesIndividuals
        func party(_ index: Int32) -> TickerItem.Party? {
            guard report.people.indices.contains(Int(index)) else { return nil }
            let person = report.people[Int(index)]
            return .init(name: names ? person.name : nil, department: withheld.contains(person.department) ? nil : person.department)
        }
        return dataset.interactions.lazy.filter { $0.actor != $0.target && $0.at <= asOf.seconds }
            .sorted { $0.at > $1.at }.prefix(6)
            .compactMap { i in
                guard let actor = party(i.actor), let target = party(i.target) else { return nil }
                return TickerItem(kind: i.kind, at: Timestamp(seconds: i.at), actor: actor, target: target)
            }
    }
}
