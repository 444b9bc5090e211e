import CodirMetrics
import CodirModel
import CodirReport
import CodirStore
import Foundation

/// Everything one frame shows, computed once per data change, window change or minute.
public struct DashboardSnapshot: Sendable {
    public var organisation: String
    public var report: MetricsReport
    public var dataset: Dataset
    public var asOf: Timestamp
    /// When the data last changed (the end of the latest import or batch).
    public var lastChange: Timestamp?
    /// For `codir me`: the person at the keyboard, when the source was asked for them and they are in the
    /// directory.
    public var personal: PersonalReport?
    /// The links of the personal report's posts to engage with, by post key.
    public var postURLs: [String: String] = [:]
    /// What each source holds about each person, for the Data pane.
    public var coverage: [SourceCoverage] = []
    /// A source whose last file is older than this many days is stale.
    public var staleAfterDays = 14

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
            snapshot = DashboardSnapshot(
                organisation: name, report: report, dataset: dataset, asOf: asOf, lastChange: try store.lastChange(),
                personal: personal, postURLs: urls, coverage: personalLogin == nil ? try store.coverage() : [],
                staleAfterDays: staleAfterDays)
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
}
