import CodirModel

/// Computes every metric of `docs/metrics.md` from a dataset.
///
/// Pure: the same dataset, window and moment always give the same report. Interactions of a person with
/// themself are left out everywhere.
public enum MetricsEngine {
    /// The number of weeks of the E-I trend.
    public static let trendWeeks = 12

    /// Computes the full report for the window of `length` ending at `asOf`.
    /// With `sources`, the silo figures count only the interactions of those sources; reach and colleague
    /// engagement, about LinkedIn posts, always count everything.
    public static func report(
        for dataset: Dataset, length: WindowLength, asOf: Timestamp, bridgeLimit: Int = 10,
        sources: Set<InteractionSource>? = nil, rates: ValueRates = .defaults
    ) -> MetricsReport {
        let window = TimeWindow(length: length, asOf: asOf)
        let leaders = dataset.people.indices.filter { dataset.people[$0].isLeader }
        let reach = reachRows(for: leaders, in: dataset, window: window)
        let (engagement, committee) = colleagueEngagement(in: dataset, leaders: leaders, window: window)
        var siloDataset = dataset
        if let sources { siloDataset.interactions = dataset.interactions.filter { sources.contains($0.source) } }
        let silo = silos(in: siloDataset, window: window, bridgeLimit: bridgeLimit)
        var report = MetricsReport(
            length: length, window: window, people: dataset.people,
            summary: summary(of: dataset, window: window), reach: reach, engagement: engagement,
            committee: committee, silo: silo)
        report.siloSources = sources
        for i in dataset.interactions where i.actor != i.target && window.contains(seconds: i.at) {
            report.interactionsBySource[i.source, default: 0] += 1
        }
        report.influence = influence(in: dataset, window: window, reach: reach, rates: rates)
        return report
    }

    /// Counts of people, activity and posts in the window.
    public static func summary(of dataset: Dataset, window: TimeWindow) -> ActivitySummary {
        let leaders = dataset.people.count(where: { $0.isLeader })
        var active = [Bool](repeating: false, count: dataset.people.count)
        var interactions = 0
        for i in dataset.interactions where i.actor != i.target && window.contains(seconds: i.at) {
            interactions += 1
            active[Int(i.actor)] = true
        }
        let activeEmployees = dataset.people.indices.count(where: { active[$0] && !dataset.people[$0].isLeader })
        let posts = dataset.posts.count(where: { window.contains(seconds: $0.at) })
        return ActivitySummary(
            people: dataset.people.count, leaders: leaders, employees: dataset.people.count - leaders,
            activeEmployees: activeEmployees, interactions: interactions, posts: posts)
    }
}
