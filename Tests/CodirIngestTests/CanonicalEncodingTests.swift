import CodirModel
import CodirStore
import Foundation
import Testing

@testable import CodirIngest

/// The demo's data enters by the one way in, written as canonical files: what is written reads back the same.
@Suite("Canonical encoding")
struct CanonicalEncodingTests {
    @Test func peopleAndEventsReadBackAsWritten() throws {
        let people = [
            Person(id: "ceo", name: "Claire \"CM\" Martin, PDG", department: "Direction générale", role: .leader, login: "cmartin", linkedin: nil, emails: ["claire@example.fr", "cm@example.fr"]),
            Person(id: "e1", name: "Zoé Lefèvre", department: "R&D; Innovation", role: .employee),
        ]
        let at = Timestamp(iso8601: "2026-11-02T09:30:00Z")!
        let events: [Event] = [
            .post(PostEvent(id: "p\"1", author: "ceo", at: at, url: "https://www.linkedin.com/feed/update/urn:li:share:7391000000000000001")),
            .interaction(InteractionEvent(id: "r\\1", kind: .reaction, actor: "e1", post: "p\"1", at: at.adding(seconds: 60))),
            .interaction(InteractionEvent(kind: .message, actor: "ceo", target: "e1", at: at.adding(seconds: 120))),
            .stats(PostStatsEvent(post: "p\"1", at: at.adding(seconds: 3600), impressions: 1200, engagements: 40)),
            .daily(DailyStatsEvent(person: "ceo", day: at.day, impressions: 800, engagements: nil, newFollowers: 3)),
            .followers(FollowersEvent(person: "ceo", at: at, count: 5000)),
        ]
        let store = try Store.inMemory()
        let importer = Importer(store: store)
        let directory = try importer.importInput(bytes: CanonicalEncoding.peopleCSV(people), as: "people")
        #expect(!directory.hasRejections, "\(directory.diagnostics)")
        let imported = try importer.importInput(bytes: CanonicalEncoding.jsonLines(events), as: "events")
        #expect(imported.counts?.imported == events.count && !imported.hasRejections, "\(imported.diagnostics)")
        #expect(try store.people().map(\.name) == people.map(\.name))
        #expect(try store.people().map(\.department) == people.map(\.department))
        let dataset = try store.dataset(for: TimeWindow(length: .days(7), asOf: at.adding(seconds: 86_400)))
        #expect(dataset.posts.map(\.id) == ["p\"1"])
        #expect(dataset.interactions.count == 2)
        #expect(dataset.daily.first?.newFollowers == 3 && dataset.postStats.first?.impressions == 1200)
        // The same bytes again add nothing.
        #expect(try importer.importInput(bytes: CanonicalEncoding.jsonLines(events), as: "again").counts?.imported == 0)
    }
}
