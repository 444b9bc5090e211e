import Foundation
import CodirMetrics
import CodirModel

/// The JSON report: stable key order, documented in docs/formats.md; unknown values are `null`.
struct JSONReport {
    /// Interactions of the window by source, in a fixed order.
    private var sourceCounts: JSONValue {
        var members: [(String, JSONValue)] = []
        for source in InteractionSource.allCases {
            if let count = report.interactionsBySource[source] { members.append((source.rawValue, .int(count))) }
        }
        return .object(members)
    }

    /// The sources the silo figures count, or null for all.
    private var siloSources: JSONValue {
        guard let sources = report.siloSources else { return .null }
        let names: [JSONValue] = InteractionSource.allCases.filter { sources.contains($0) }.map { .string($0.rawValue) }
        return .array(names)
    }

    let document: ReportDocument

    private var report: MetricsReport { document.report }

    func render() -> String {
        let silo = report.silo
        let s = report.summary
        let root: JSONValue = .object([
            ("organisation", .string(document.organisation)),
            (
                "window",
                .object([
                    ("length", .string(report.length.description)),
                    ("start", report.window.start.map { .string($0.iso8601) } ?? .null),
                    ("end", .string(report.window.end.iso8601)),
                ])
            ),
            (
                "summary",
                .object([
                    ("people", .int(s.people)), ("leaders", .int(s.leaders)), ("employees", .int(s.employees)),
                    ("active_employees", .int(s.activeEmployees)),
                    ("active_employee_share", .double(s.activeEmployeeShare)),
                    ("interactions", .int(s.interactions)), ("posts", .int(s.posts)),
                ])
            ),
            ("reach", .array(report.reach.map(reach))),
            ("engagement", .array(report.engagement.map(engagement))),
            (
                "committee",
                .object([
                    ("leaders", .array(report.committee.leaders.map { .string(report.people[$0].id) })),
                    ("counts", .array(report.committee.counts.map { .array($0.map { .int($0) }) })),
                    ("engaged_pairs", .int(report.committee.engagedPairs)),
                    ("reciprocal_pairs", .int(report.committee.reciprocalPairs)),
                ])
            ),
            ("reciprocity", .double(report.committee.reciprocity)),
            (
                "silo",
                .object([
                    ("ei_index", .double(silo.eiIndex)),
                    ("internal_ties", .int(silo.internalTies)),
                    ("external_ties", .int(silo.externalTies)),
                    ("total_interactions", .int(silo.totalWeight)),
                    ("modularity", .double(silo.modularity)),
                    (
                        "departments",
                        .array(
                            silo.departments.map {
                                .object([
                                    ("department", .string($0.department)), ("members", .int($0.members)),
                                    ("ei_index", .double($0.eiIndex)),
                                    ("internal_ties", $0.withheld ? .null : .int($0.internalTies)),
                                    ("external_ties", $0.withheld ? .null : .int($0.externalTies)),
                                    ("withheld", .number($0.withheld ? "true" : "false")),
                                ])
                            })
                    ),
                    (
                        "matrix",
                        .object([
                            ("departments", .array(silo.matrix.departments.map { .string($0) })),
                            (
                                "counts",
                                .array(
                                    silo.matrix.counts.indices.map { row in
                                        .array(silo.matrix.counts[row].indices.map { silo.matrix.count(row, $0).map(JSONValue.int) ?? .null })
                                    })
                            ),
                        ])
                    ),
                    (
                        "bridges",
                        .array(
                            silo.bridges.map {
                                let person = report.people[$0.person]
                                return .object([
                                    ("person", .string(person.id)), ("name", .string(person.name)),
                                    ("department", .string(person.department)),
                                    ("departments_reached", .int($0.departmentsReached)),
                                    ("cross_interactions", .int($0.crossInteractions)),
                                ])
                            })
                    ),
                    (
                        "weekly_ei",
                        .array(
                            silo.weekly.map {
                                .object([
                                    ("week_start", .string($0.start.iso8601)), ("ei_index", .double($0.eiIndex)),
                                    ("modularity", .double($0.modularity)),
                                    ("internal_ties", .int($0.internalTies)),
                                    ("external_ties", .int($0.externalTies)),
                                ])
                            })
                    ),
                ])
            ),
            ("visibility", .string(report.disclosure.visibility.rawValue)),
            (
                "committee_reach",
                .object([
                    ("leaders", .int(report.committeeReach.leaders)),
                    ("leaders_who_posted", .int(report.committeeReach.leadersWhoPosted)),
                    ("posts", .int(report.committeeReach.posts)),
                    ("impressions", .int64(report.committeeReach.impressions)),
                    ("leaders_with_impressions", .int(report.committeeReach.leadersWithImpressions)),
                    ("leaders_with_partial_previous", .int(report.committeeReach.leadersWithPartialPrevious)),
                    ("previous_impressions", .int64(report.committeeReach.previousImpressions)),
                    ("impressions_change", .double(report.committeeReach.impressionsChange)),
                    ("engagements", .int64(report.committeeReach.engagements)),
                ])
            ),
            ("sources", sourceCounts),
            ("silo_sources", siloSources),
            ("influence", influence),
        ])
        var out = ""
        root.write(to: &out, indent: 0)
        return out + "\n"
    }

    private func reach(_ row: ReachRow) -> JSONValue {
        let person = report.people[row.person]
        return .object([
            ("person", .string(person.id)), ("name", .string(person.name)), ("department", .string(person.department)),
            ("impressions", .int64(row.impressions)), ("impressions_source", .string(row.impressionSource.rawValue)),
            ("previous_impressions", .int64(row.previousImpressions)),
            ("impressions_change", .double(row.impressionsChange)),
            ("previous_is_partial", .bool(row.previousIsPartial)),
            ("engagements", .int64(row.engagements)), ("engagements_source", .string(row.engagementSource.rawValue)),
            ("engagement_rate", .double(row.engagementRate)), ("posts", .int(row.posts)),
            ("followers", .int64(row.followers)), ("follower_growth", .int64(row.followerGrowth)),
            ("follower_growth_source", .string(row.followerGrowthSource.rawValue)),
            (
                "daily_impressions",
                .object([
                    ("start", .string(row.seriesStart.iso8601)),
                    ("values", .array(row.dailyImpressions.map { .int64($0) })),
                ])
            ),
        ])
    }

    private func id(_ person: Int) -> JSONValue { .string(report.people[person].id) }

    /// Exemplarity, editorial line, media impact and market value (docs/formats.md).
    private var influence: JSONValue {
        let influence = report.influence
        let exemplarity: [JSONValue] = influence.exemplarity.map { row in
            .object([
                ("person", id(row.person)), ("team_active_share", .double(row.share)),
                ("team_active_share_previous", .double(row.previousShare)),
                ("weekly_posts", .array(row.weeklyPosts.map { .int($0) })),
                ("weekly_team_active_share", .array(row.weeklyActiveShare.map { .double($0) })),
                ("correlation", .double(row.correlation)),
                ("department", .string(row.department)), ("team_employees", .int(row.employees)),
                ("team_active", .int(row.active)), ("team_active_previous", row.previousActive.map { .int($0) } ?? .null),
            ])
        }
        let editorial: JSONValue = .object([
            (
                "hashtags",
                .array(influence.hashtags.map { .object([("hashtag", .string($0.hashtag)), ("posts", .int($0.posts)), ("leaders", .int($0.leaders))]) })
            ),
            (
                "leaders",
                .array(
                    influence.editorial.map {
                        .object([
                            ("person", id($0.person)), ("top_hashtags", .array($0.topHashtags.map { .string($0) })),
                            ("regularity", .double($0.regularity)), ("weekly_posts", .array($0.weeklyPosts.map { .int($0) })),
                        ])
                    })
            ),
        ])
        let media: JSONValue = .object([
            ("mentions", .int(influence.mentions)),
            (
                "leaders",
                .array(
                    influence.press.map {
                        .object([
                            ("person", id($0.person)), ("mentions", .int($0.mentions)), ("audience", .int64($0.audience)),
                            ("previous_mentions", $0.previousMentions.map { .int($0) } ?? .null),
                            ("share_of_voice", .double($0.shareOfVoice)),
                        ])
                    })
            ),
            (
                "headlines",
                .array(
                    influence.headlines.map {
                        .object([
                            ("date", .string($0.at.iso8601)), ("outlet", .string($0.outlet)), ("title", .string($0.title)),
                            ("url", $0.url.map { .string($0) } ?? .null), ("people", .array($0.people.map(id))),
                        ])
                    })
            ),
            ("previous_mentions", influence.previousMentions.map { .int($0) } ?? .null),
        ])
        let value: JSONValue = .object([
            ("currency", .string(influence.rates.currency)), ("cpm", .double(influence.rates.cpm)),
            ("cpe", .double(influence.rates.cpe)), ("committee_emv", .double(influence.committeeValue)),
            (
                "leaders",
                .array(
                    influence.value.map {
                        .object([
                            ("person", id($0.person)), ("emv", .double($0.emv)),
                            ("follower_growth_rate", .double($0.followerGrowthRate)),
                            ("follower_growth_rank", $0.growthRank.map { .int($0.place) } ?? .null),
                        ])
                    })
            ),
        ])
        return .object([("exemplarity", .array(exemplarity)), ("editorial", editorial), ("media", media), ("market_value", value)])
    }

    private func engagement(_ row: EngagementRow) -> JSONValue {
        let person = report.people[row.person]
        return .object([
            ("person", .string(person.id)), ("name", .string(person.name)),
            ("given_to_leaders", .int(row.givenToLeaders)), ("given_to_employees", .int(row.givenToEmployees)),
            ("received_from_leaders", .int(row.receivedFromLeaders)),
            ("received_from_employees", .int(row.receivedFromEmployees)),
            ("colleague_posts", .int(row.colleaguePosts)), ("covered_posts", .int(row.coveredPosts)),
            ("coverage", .double(row.coverage)),
        ])
    }
}

/// A JSON value whose objects keep their keys in the order given.
indirect enum JSONValue {
    case null
    case string(String)
    case number(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    static func bool(_ value: Bool) -> JSONValue { .number(value ? "true" : "false") }
    static func int64(_ value: Int64?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
    static func double(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number("\(value)")
    }

    func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .number(let text): out += text
        case .string(let text): out += JSONValue.quoted(text)
        case .array(let items):
            // Arrays of plain values stay on one line.
            if items.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(to: &out, indent: indent + 1)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += closing + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += pad + JSONValue.quoted(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += closing + "}"
        }
    }

    static func quoted(_ text: String) -> String { jsonQuoted(text) }
}
