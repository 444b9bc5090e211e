import CodirModel
import CodirText
import Foundation
import TerminalUI

/// Which data codir holds for each leader: the sources, the period each covers, when its last file arrived,
/// and whom to ask for a fresh export. What `codir status` prints and the dashboard's Data pane shows.
public struct DataStatus: Sendable {
    public struct Leader: Sendable {
        public var person: Person
        /// Their sources, in `DataSource` order.
        public var sources: [SourceCoverage]
        /// The LinkedIn exports (archive, analytics) that are missing or stale: what to ask them for.
        public var toRequest: [DataSource]
    }

    public var organisation: String
    public var now: Timestamp
    public var staleAfterDays: Int
    public var leaders: [Leader]

    /// The sources only a leader can export.
    public static let perLeader: [DataSource] = [.archive, .analytics]

    public init(organisation: String, people: [Person], coverage: [SourceCoverage], now: Timestamp, staleAfterDays: Int) {
        self.organisation = organisation
        self.now = now
        self.staleAfterDays = staleAfterDays
        let byPerson = Dictionary(grouping: coverage, by: \.person)
        leaders = people.filter { $0.role == .leader }.map { person in
            let sources = (byPerson[person.id] ?? []).sorted { $0.source.code < $1.source.code }
            // A leader whose LinkedIn activity arrives fresh by some other way (an advocacy tool's events) needs no
            // export; else each LinkedIn export that is missing or stale is to be asked for.
            let freshElsewhere = sources.contains { $0.source == .events && !$0.isStale(now: now, afterDays: staleAfterDays) }
            let toRequest = freshElsewhere ? [] : Self.perLeader.filter { wanted in
                sources.first { $0.source == wanted }.map { $0.isStale(now: now, afterDays: staleAfterDays) } ?? true
            }
            return Leader(person: person, sources: sources, toRequest: toRequest)
        }
    }

    public func isStale(_ coverage: SourceCoverage) -> Bool { coverage.isStale(now: now, afterDays: staleAfterDays) }

    /// Leaders with at least one source.
    public var leadersWithData: Int { leaders.count(where: { !$0.sources.isEmpty }) }

    /// "3 d ago", "just now", or "never".
    public func age(_ coverage: SourceCoverage) -> String {
        guard let file = coverage.lastFile else { return Strings.current.panes.never }
        return HumanFormat.ago(file.seconds, now: now.seconds)
    }

    /// "LinkedIn archive and LinkedIn analytics".
    public static func list(_ sources: [DataSource]) -> String {
        let titles = sources.map(\.title)
        guard titles.count > 1, let last = titles.last else { return titles.first ?? "" }
        return titles.dropLast().joined(separator: ", ") + " and " + last
    }

    /// What to ask one leader for, in a sentence; nil when nothing.
    public func request(for leader: Leader) -> String? {
        guard !leader.toRequest.isEmpty else { return nil }
        let words = Strings.current.panes
        let reasons = leader.toRequest.map { source -> String in
            guard let held = leader.sources.first(where: { $0.source == source }) else {
                return "\(words.sourceTitle(source)) (\(words.noneYet))"
            }
            return "\(words.sourceTitle(source)) (\(words.lastFile(age(held))))"
        }
        return "\(sanitized(leader.person.name))\(HumanFormat.colon) \(reasons.joined(separator: ", "))"
    }

    // MARK: - Text

    /// The text of `codir status`, within 80 columns.
    public func text() -> String {
        var lines: [String] = []
        let words = Strings.current.messages, panes = Strings.current.panes
        lines.append(words.statusTitle(sanitized(organisation), "\(now.day.iso8601) \(Self.clock(now))"))
        lines.append(words.staleAfter(plural(staleAfterDays, panes.day)))
        lines.append(words.eachSource)
        lines.append("")
        if leaders.isEmpty { lines.append(Strings.current.report.noLeaders) }
        for leader in leaders {
            lines.append("\(sanitized(leader.person.name)) (\(sanitized(leader.person.department)))")
            if leader.sources.isEmpty { lines.append(words.noDataYet) }
            for coverage in leader.sources {
                lines.append(
                    "  " + TextWidth.fitted(panes.sourceTitle(coverage.source), 19)
                        + TextWidth.fitted(words.period(coverage.first.day.iso8601, coverage.last.day.iso8601), 25)
                        + TextWidth.fitted(plural(Int(clamping: coverage.records), words.record), 15)
                        + words.file(age(coverage)) + (isStale(coverage) ? words.staleMark : ""))
            }
        }
        let requests = leaders.compactMap(request(for:))
        lines.append("")
        if requests.isEmpty {
            lines.append(panes.nothingToAsk)
        } else {
            lines.append(words.askForExport)
            lines.append(words.askForExport2)
            lines += requests.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func clock(_ t: Timestamp) -> String {
        let seconds = t.seconds - t.day.start.seconds
        return String(format: "%02d:%02d", Int(seconds / 3600), Int(seconds % 3600 / 60))
    }

    // MARK: - JSON

    /// The JSON of `codir status --format json`, documented in docs/formats.md.
    public func json() -> String {
        let root: JSONValue = .object([
            ("organisation", .string(organisation)),
            ("as_of", .string(now.iso8601)),
            ("stale_after_days", .int(staleAfterDays)),
            ("leaders_with_data", .int(leadersWithData)),
            ("leaders", .array(leaders.map { leader in
                .object([
                    ("person", .string(leader.person.id)), ("name", .string(leader.person.name)),
                    ("department", .string(leader.person.department)),
                    ("sources", .array(leader.sources.map { coverage in
                        .object([
                            ("source", .string(coverage.source.rawValue)),
                            ("first", .string(coverage.first.iso8601)), ("last", .string(coverage.last.iso8601)),
                            ("records", .int64(coverage.records)),
                            ("last_file_at", coverage.lastFile.map { .string($0.iso8601) } ?? .null),
                            ("stale", .bool(isStale(coverage))),
                        ])
                    })),
                    ("to_request", .array(leader.toRequest.map { .string($0.rawValue) })),
                ])
            })),
        ])
        var out = ""
        root.write(to: &out, indent: 0)
        return out + "\n"
    }
}
