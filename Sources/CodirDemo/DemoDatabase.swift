import CodirIngest
import CodirModel
import CodirStore
import CodirText
import Foundation

/// Creates the demo database and keeps its history up to date.
public enum DemoDatabase {
    /// Days of history a new demo database starts with.
    public static let historyDays = 120

    /// What `prepare` did.
    public struct Outcome: Sendable {
        public var created: Bool
        public var seed: UInt64
        public var firstDay: Day
        /// What the days imported, added up.
        public var counts: ImportCounts
    }

    /// Fills an empty store with the demo organisation and `historyDays` days of history up to `now`; on a
    /// store that already holds the demo, generates the days since it was last brought up to date.
    public static func prepare(
        _ store: Store, seed requestedSeed: UInt64, now: Timestamp, progress: ((Day) -> Void)? = nil
    ) throws -> Outcome {
        let existingSeed = try store.metadata("demo_seed").flatMap(UInt64.init)
        let created = existingSeed == nil
        if created {
            let people = try store.counts().people
            guard people == 0 else {
                throw StoreError.io(
                    path: store.path,
                    reason: Strings.current.commands.notTheDemo)
            }
        }
        let seed = existingSeed ?? requestedSeed
        let startDay =
            try store.metadata("demo_start_day").flatMap(Int.init).map(Day.init(number:))
            ?? now.day.advanced(by: -historyDays)
        let organisation = DemoOrganisation(seed: seed)
        let history = DemoHistory(organisation: organisation, seed: seed, startDay: startDay)
        let until = try store.metadata("demo_until").flatMap(Int64.init).map(Timestamp.init(seconds:))
        // Regenerate the day the history stopped in (it may have been cut short) and every day since.
        let fromDay = until?.day ?? startDay
        // The demo's data enters by the one way in, as canonical files would: its directory as a people CSV,
        // each day's events as JSON Lines. A day cut short is generated again, which adds nothing twice.
        let importer = Importer(store: store)
        var total = ImportCounts()
        func take(_ result: ImportResult) throws {
            if result.hasRejections {
                throw StoreError.io(
                    path: store.path, reason: "the demo's own data was refused: \(result.diagnostics.first?.description ?? result.summary)")
            }
            total.imported += result.counts?.imported ?? 0
            total.duplicates += result.counts?.duplicates ?? 0
        }
        do {
            if created {
                try take(importer.importInput(bytes: CanonicalEncoding.peopleCSV(organisation.people), as: "demo directory", format: .people))
                total = ImportCounts()  // the records of the history, not the directory
                try store.setMetadata(Store.organisationKey, DemoOrganisation.name)
                try store.setMetadata("demo_seed", String(seed))
                try store.setMetadata("demo_start_day", String(startDay.number))
            }
            for day in fromDay...now.day {
                progress?(day)
                let events = CanonicalEncoding.jsonLines(history.events(on: day, until: now))
                try take(importer.importInput(bytes: events, as: "demo \(day.iso8601)", format: .jsonl))
                if let press = history.pressCSV(on: day, until: now) {
                    let result = try importer.importPress(bytes: press, as: "demo press \(day.iso8601)")
                    if result.rejected > 0 {
                        throw StoreError.io(
                            path: store.path,
                            reason: "the demo's own press was refused: \(result.diagnostics.first?.description ?? result.summary)")
                    }
                }
                try store.setMetadata("demo_until", String(now.seconds))
            }
        } catch let failure as ImportFailure {
            if case .store(let storeError) = failure { throw storeError }
            throw StoreError.io(path: store.path, reason: "the demo's own data was refused: \(failure.description)")
        }
        return Outcome(created: created, seed: seed, firstDay: startDay, counts: total)
    }

    /// The default location of the demo database: `$XDG_DATA_HOME/codir/demo.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/codir/demo.sqlite"
    }
}
