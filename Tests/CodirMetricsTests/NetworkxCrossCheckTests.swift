import CodirModel
import Foundation
import Testing

@testable import CodirMetrics

/// The silo metrics against networkx's values, committed by scripts/networkx_reference.py.
@Suite("Cross-check against networkx")
struct NetworkxCrossCheckTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let emailFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/email-eu-core")

    struct Expected: Decodable {
        struct Department: Decodable {
            var ei_index: Double?
            var internal_ties: Int
            var external_ties: Int
        }
        var modularity: Double
        var ei_index: Double
        var internal_ties: Int
        var external_ties: Int
        var total_weight: Int
        var departments: [String: Department]
        var top_bridge_reach: [Int]
    }

    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("expected-silos.json"))
        return try #require(try JSONDecoder().decode([String: Expected].self, from: data)[name])
    }

    /// Everyone interacts on one day, inside a 7-day window.
    static func dataset(people: [(String, String)], edges: [(String, String)]) -> Dataset {
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.0, Int32($0)) })
        let at = Timestamp(iso8601: "2026-11-20T12:00:00Z")!.seconds
        return Dataset(
            people: people.map { Person(id: $0.0, name: $0.0, department: $0.1, role: .employee) },
            interactions: edges.map {
                InteractionRecord(actor: index[$0.0]!, target: index[$0.1]!, kind: .message, at: at)
            })
    }

    static func check(_ silo: SiloReport, against expected: Expected) {
        #expect(abs(silo.modularity! - expected.modularity) < 1e-9)
        #expect(abs(silo.eiIndex! - expected.ei_index) < 1e-12)
        #expect(silo.internalTies == expected.internal_ties)
        #expect(silo.externalTies == expected.external_ties)
        #expect(silo.totalWeight == expected.total_weight)
        #expect(silo.departments.count == expected.departments.count)
        for department in silo.departments {
            let reference = expected.departments[department.department]
            #expect(department.internalTies == reference?.internal_ties, "\(department.department)")
            #expect(department.externalTies == reference?.external_ties, "\(department.department)")
            #expect(department.eiIndex == reference?.ei_index, "\(department.department)")
        }
        #expect(silo.bridges.map(\.departmentsReached) == expected.top_bridge_reach)
    }

    @Test func generatedOrganisationWithRepeatedAndSelfInteractions() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("generated-org.tsv"), encoding: .utf8)
        let parts = text.components(separatedBy: "\n\n")
        let people = parts[0].split(separator: "\n").map { line in
            let f = line.split(separator: "\t")
            return (String(f[0]), String(f[1]))
        }
        let edges = parts[1].split(separator: "\n").map { line in
            let f = line.split(separator: "\t")
            return (String(f[0]), String(f[1]))
        }
        let dataset = Self.dataset(people: people, edges: edges)
        let silo = MetricsEngine.silos(
            in: dataset, window: TimeWindow(length: .days(7), asOf: Timestamp(iso8601: "2026-11-22T00:00:00Z")!))
        Self.check(silo, against: try Self.expected("generated"))
    }

    @Test(
        "SNAP email-Eu-core: Q = 0.29909, E-I = 0.30643",
        .enabled(if: FileManager.default.fileExists(atPath: emailFolder.path), "needs ../shared/data/email-eu-core"))
    func emailEuCore() throws {
        let labels = try String(
            contentsOf: Self.emailFolder.appendingPathComponent("email-Eu-core-department-labels.txt"), encoding: .utf8)
        let people = labels.split(separator: "\n").map { line in
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return (String(f[0]), String(f[1]))
        }
        let edgeText = try String(
            contentsOf: Self.emailFolder.appendingPathComponent("email-Eu-core.txt"), encoding: .utf8)
        let edges = edgeText.split(separator: "\n").map { line in
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return (String(f[0]), String(f[1]))
        }
        #expect(edges.count == 25_571)
        let silo = MetricsEngine.silos(
            in: Self.dataset(people: people, edges: edges),
            window: TimeWindow(length: .days(7), asOf: Timestamp(iso8601: "2026-11-22T00:00:00Z")!))
        #expect(String(format: "%.5f", silo.modularity!) == "0.29909")
        #expect(String(format: "%.5f", silo.eiIndex!) == "0.30643")
        Self.check(silo, against: try Self.expected("email_eu_core"))
    }
}
