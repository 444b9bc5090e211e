import CodirModel
import CodirStore
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
                    reason: "it holds a directory that is not the demo's; give 'codir demo' its own --db")
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
        var total = ImportCounts()
        for day in fromDay...now.day {
            progress?(day)
            let (_, counts) = try store.importFile(
                file: "demo \(day.iso8601)", sha256: "", format: "demo"
            ) { writer in
                if created && day == fromDay {
                    try writer.setMetadata(Store.organisationKey, DemoOrganisation.name)
                    try writer.setMetadata("demo_seed", String(seed))
                    try writer.setMetadata("demo_start_day", String(startDay.number))
                    for person in organisation.people { _ = try writer.write(person) }
                }
                for event in history.events(on: day, until: now) { _ = try writer.write(event) }
                try writer.setMetadata("demo_until", String(now.seconds))
            }
            total.imported += counts.imported
            total.duplicates += counts.duplicates
            total.rejected += counts.rejected
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
