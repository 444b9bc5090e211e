import CodirMetrics
import CodirModel
import Foundation
import TerminalUI
import Testing

@testable import CodirReport

/// A report over a small organisation with an unknown value or two and a hostile name.
func sampleDocument() -> ReportDocument {
    let people = [
        Person(id: "a", name: "Anne-Sophie de La Tour-Dauvergne", department: "Direction générale", role: .leader),
        Person(id: "b", name: "Bob\u{1B}[31m Red", department: "Ventes, export", role: .leader),
        Person(id: "c", name: "Chen", department: "R&D", role: .employee),
    ]
    let at = Timestamp(iso8601: "2026-11-25T10:00:00Z")!.seconds
    let dataset = Dataset(
        people: people,
        posts: [PostRecord(id: "p", author: 0, at: at)],
        interactions: [
            InteractionRecord(actor: 1, target: 0, kind: .reaction, post: 0, at: at + 60),
            InteractionRecord(actor: 2, target: 0, kind: .comment, post: 0, at: at + 120),
            InteractionRecord(actor: 0, target: 2, kind: .message, at: at + 180),
        ],
        postStats: [PostStatRecord(post: 0, at: at + 3600, impressions: 12_345, engagements: 321)],
        followers: [FollowerRecord(person: 0, at: at, count: 8_210)])
    let asOf = Timestamp(iso8601: "2026-11-30T00:00:00Z")!
    return ReportDocument(
        organisation: "Exemple SA", report: MetricsEngine.report(for: dataset, length: .days(30), asOf: asOf))
}

@Suite("Human formats")
struct HumanFormatTests {
    @Test func counts() {
        #expect(HumanFormat.count(Int64(950)) == "950")
        #expect(HumanFormat.count(Int64(12_345)) == "12k")
        #expect(HumanFormat.count(Int64(1_234)) == "1.2k")
        #expect(HumanFormat.count(Int64(4_200_000)) == "4.2M")
        #expect(HumanFormat.count(nil as Int64?) == "–")
        #expect(HumanFormat.money(12_345.6, "EUR") == "12k EUR")
        #expect(HumanFormat.money(640.4, "EUR") == "640 EUR")
        #expect(HumanFormat.money(0.5, "USD") == "0.5 USD")
        #expect(HumanFormat.money(2.75, "€") == "2.75 €")
        #expect(HumanFormat.money(3, "EUR") == "3 EUR")
        #expect(HumanFormat.money(.infinity, "EUR") == "–")
    }

    @Test func ratiosAndChanges() {
        #expect(HumanFormat.percent(0.042) == "4.2%")
        #expect(HumanFormat.percent(0.5) == "50%")
        #expect(HumanFormat.change(0.18) == "+18%")
        #expect(HumanFormat.change(-0.045) == "-4.5%")
        #expect(HumanFormat.change(nil) == "–")
        #expect(HumanFormat.index(-0.421) == "-0.42")
        #expect(HumanFormat.index(0) == "+0.00")
    }

    @Test func terminalTextIsSanitised() {
        #expect(sanitized("a\u{1B}[2Jb\u{202E}c\td") == "a?[2Jb?c?d")
    }

    @Test func widthsCountColumnsNotCharacters() {
        TextWidth.prepareUTF8Locale()
        #expect(TextWidth.columns(of: "Émilie") == 6)
        #expect(TextWidth.columns(of: "e\u{301}") == 1)
        #expect(TextWidth.columns(of: "東京") == 4)
        #expect(TextWidth.fitted("Direction générale", 10) == "Direction…")
        #expect(TextWidth.fitted("東京東京東京", 7) == "東京東…")
        #expect(TextWidth.fitted("東京東京東京", 6) == "東京… ")
        #expect(TextWidth.columns(of: TextWidth.fitted("東京東京東京", 7)) == 7)
    }
}

@Suite("Report formats")
struct ReportFormatTests {
    let document = sampleDocument()

    @Test func textFitsEightyColumnsAndShowsUnknownsAsDashes() {
        let text = document.rendered(as: .text)
        for line in text.split(separator: "\n") {
            #expect(TextWidth.columns(of: String(line)) <= 80, "\(line)")
        }
        #expect(text.contains("REACH"))
        #expect(text.contains("COLLEAGUE ENGAGEMENT"))
        #expect(text.contains("SILOS"))
        #expect(text.contains("12k"))
        #expect(text.contains("–"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = document.rendered(as: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let window = try #require(root["window"] as? [String: Any])
        #expect(window["start"] as? String == "2026-10-31T00:00:00Z")
        #expect(window["end"] as? String == "2026-11-30T00:00:00Z")
        let reach = try #require(root["reach"] as? [[String: Any]])
        #expect(reach.count == 2)
        for key in [
            "person", "name", "department", "impressions", "engagements", "engagement_rate", "posts", "followers",
            "follower_growth",
        ] {
            #expect(reach[0][key] != nil, "reach.\(key)")
        }
        #expect(reach[0]["impressions"] as? Int == 12_345)
        #expect(reach[1]["impressions"] is NSNull)
        let engagement = try #require(root["engagement"] as? [[String: Any]])
        for key in [
            "person", "given_to_leaders", "given_to_employees", "received_from_leaders", "received_from_employees",
            "coverage",
        ] {
            #expect(engagement[0][key] != nil, "engagement.\(key)")
        }
        #expect(root["reciprocity"] != nil)
        let silo = try #require(root["silo"] as? [String: Any])
        for key in ["ei_index", "modularity", "departments", "matrix", "bridges", "weekly_ei"] {
            #expect(silo[key] != nil, "silo.\(key)")
        }
        let departments = try #require(silo["departments"] as? [[String: Any]])
        #expect(Set(departments[0].keys).isSuperset(of: ["department", "ei_index", "internal_ties", "external_ties"]))
        let matrix = try #require(silo["matrix"] as? [String: Any])
        #expect(matrix["departments"] as? [String] == ["Direction générale", "R&D", "Ventes, export"])
        let bridges = try #require(silo["bridges"] as? [[String: Any]])
        #expect(Set(bridges[0].keys).isSuperset(of: ["person", "departments_reached"]))
        let weekly = try #require(silo["weekly_ei"] as? [[String: Any]])
        #expect(weekly.count == 12)
        #expect(Set(weekly[0].keys).isSuperset(of: ["week_start", "ei_index"]))
        // Key order is stable: the document starts with the organisation, then the window.
        #expect(json.hasPrefix("{\n  \"organisation\": \"Exemple SA\",\n  \"window\": {"))
    }

    @Test func csvQuotesFieldsAndLeavesUnknownsEmpty() {
        let csv = document.rendered(as: .csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("rank,person,name,department,impressions"))
        #expect(lines[2].contains(",\"Ventes, export\","))
        #expect(lines[2].contains(",,"))  // unknown impressions
        let departments = document.rendered(as: .csv, table: .departments)
        #expect(departments.hasPrefix("department,members,internal_ties,external_ties,ei_index,withheld\r\n"))
    }

    @Test func markdownIsTables() {
        let md = document.rendered(as: .md)
        #expect(md.hasPrefix("# Exemple SA: influence report\n"))
        // Dates as people write them, a headline of the committee's figures, a legend under the tables.
        #expect(md.contains("_3 October 2026 to 1 November 2026_") || md.contains(" 2026 to "), "\(md)")
        #expect(!md.contains("T00:00:00Z"))
        #expect(md.contains("impressions** for the committee"))
        #expect(md.contains("_Impressions and engagement rate"))
        #expect(md.contains("_E-I index: (ties across departments"))
        #expect(!md.contains(" 1 posts") && !md.contains(" 1 leaders") && !md.contains(" 1 interactions"))
        #expect(md.contains("| # | Leader | Department |"))
        #expect(md.contains("|---:|---|---|"))
        #expect(md.contains("R\\&D") == false)
        #expect(!md.contains("\u{1B}"))
    }
}

@Suite("Fixed-point formatting")
struct FixedFormatTests {
    @Test func roundsHalfAwayFromZeroAtTheLastDigitShown() {
        let cases: [(Double, Int, String)] = [
            (0, 0, "0"), (0.004, 2, "0.00"), (1.25, 1, "1.3"), (-1.25, 1, "-1.3"), (2.5, 0, "3"), (-7.5, 0, "-8"),
            (0.125, 3, "0.125"), (12.3456, 2, "12.35"), (12.3456, 1, "12.3"), (12.3456, 0, "12"), (-0.001, 2, "-0.00"),
            (123_456.75, 1, "123456.8"), (0.05, 2, "0.05"),
        ]
        for (value, digits, text) in cases {
            #expect(HumanFormat.fixed(value, digits: digits) == text, "\(value) with \(digits) digits")
        }
    }
}

@Suite("Reports under a restricted visibility")
struct DisclosedReportTests {
    func document(_ disclosure: Disclosure) -> ReportDocument {
        let people = [
            Person(id: "a", name: "Alice Leader", department: "X", role: .leader, login: "alice"),
            Person(id: "b", name: "Bruno Leader", department: "Y", role: .leader, login: "bruno"),
            Person(id: "e", name: "Emma Employee", department: "Y", role: .employee, login: "emma"),
        ]
        let at = Timestamp(iso8601: "2026-11-20T10:00:00Z")!.seconds
        let dataset = Dataset(
            people: people, posts: [PostRecord(id: "p", author: 0, at: at), PostRecord(id: "q", author: 1, at: at)],
            interactions: [
                InteractionRecord(actor: 2, target: 0, kind: .reaction, post: 0, at: at + 60),
                InteractionRecord(actor: 0, target: 1, kind: .comment, post: 1, at: at + 120),
            ],
            postStats: [
                PostStatRecord(post: 0, at: at + 3600, impressions: 1000, engagements: 10),
                PostStatRecord(post: 1, at: at + 3600, impressions: 400, engagements: 4),
            ], daily: [], followers: [])
        let report = MetricsEngine.report(for: dataset, length: .days(30), asOf: Timestamp(iso8601: "2026-11-29T00:00:00Z")!)
        return ReportDocument(organisation: "Test", report: report.disclosed(to: disclosure))
    }

    @Test func selfShowsOnlyTheViewersRowWithoutARankAndTheWholeCommittee() {
        let text = document(Disclosure(visibility: .self, viewerLogin: "bruno")).rendered(as: .text)
        #expect(text.contains("Bruno Leader"))
        #expect(!text.contains("Alice Leader"))
        #expect(text.contains("Only your own row is shown"))
        #expect(text.contains("Committee: 1.4k impressions"))
        #expect(!text.contains("\n1  Bruno"))  // no rank among rows that are not shown
        let csv = document(Disclosure(visibility: .self, viewerLogin: "bruno")).rendered(as: .csv)
        #expect(!csv.contains("Alice"))
    }

    @Test func anEmployeeOrAggregateSeesNoLeadersRow() {
        let employee = document(Disclosure(visibility: .self, viewerLogin: "emma")).rendered(as: .text)
        #expect(employee.contains("your login is not a leader's in the directory"))
        #expect(!employee.contains("Alice Leader") && !employee.contains("Bruno Leader"))
        let json = document(Disclosure(visibility: .aggregate, viewerLogin: "alice")).rendered(as: .json)
        #expect(json.contains("\"visibility\": \"aggregate\""))
        #expect(json.contains("\"reach\": []"))
        #expect(json.contains("\"impressions\": 1400"))
    }
}

/// What a CSV report holds is read in terminals and spreadsheets: it is sanitised, and nothing in it runs.
@Suite("CSV safety")
struct CSVSafetyTests {
    func document(names: [String]) -> ReportDocument {
        let people = names.enumerated().map { Person(id: "p\($0.offset)", name: $0.element, department: "D\($0.offset)", role: .leader) }
        let asOf = Timestamp(iso8601: "2026-11-30T00:00:00Z")!
        return ReportDocument(
            organisation: "X", report: MetricsEngine.report(for: Dataset(people: people), length: .days(30), asOf: asOf))
    }

    @Test func escapeSequencesAreShownHarmlesslyAndFormulasNeverRun() {
        let csv = document(names: ["Eve\u{1B}]0;owned\u{07}", "=HYPERLINK(\"x\")", "\tTAB", "\rCR", "-2+3", "@SUM(A1)", "+1", "-12"])
            .rendered(as: .csv)
        #expect(!csv.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x09 })
        #expect(csv.contains("Eve?]0;owned?"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains(",'?TAB,"))
        #expect(csv.contains(",'?CR,"))
        #expect(csv.contains(",'-2+3,"))
        #expect(csv.contains(",'@SUM(A1),"))
        // A number stays a number.
        #expect(csv.contains(",-12,"))
        // Rows end with CRLF and nowhere else.
        #expect(csv.components(separatedBy: "\r\n").allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
    }
}

/// The text and Markdown reports in French: every heading and sentence, French numbers, still 80 columns.
@Suite("Reports in French")
struct FrenchReportTests {
    @Test func theTextReportReadsFrenchAndFits80Columns() {
        let text = Language.$current.withValue(.fr) { sampleDocument().rendered(as: .text) }
        for expected in [
            "Exemple SA · fenêtre 30 j", "Du ", "AUDIENCE", "ENGAGEMENT ENTRE COLLÈGUES", "SILOS (toutes les interactions",
            "INFLUENCE : exemplarité", "Dirigeant", "Comité : 12 k impressions", "Indice E-I", "Valeur de marché",
            "Fluidité de l'organisation", "salariés actifs", " %",
        ] {
            #expect(text.contains(expected), "\(expected) missing:\n\(text)")
        }
        for english in ["REACH", "Leader ", "Committee", "window", "Top bridges", "Market value", "employees active"] {
            #expect(!text.contains(english), "'\(english)' left in English:\n\(text)")
        }
        for line in text.split(separator: "\n") where TextWidth.columns(of: String(line)) > 80 {
            Issue.record("wider than 80 columns: \(line)")
        }
        // English is unchanged.
        let english = sampleDocument().rendered(as: .text)
        #expect(english.contains("REACH") && english.contains("Committee: 12k impressions"))
    }

    @Test func theMarkdownMemoReadsFrench() {
        let md = Language.$current.withValue(.fr) { sampleDocument().rendered(as: .md) }
        for expected in [
            "# Exemple SA : rapport d'influence", "_du ", "novembre 2026", "**12 k impressions** pour le comité",
            "## Audience", "## Engagement entre collègues", "## Silos", "## Influence", "### Exemplarité",
            "### Valeur de marché", "| Dirigeant |", "Taux d'engagement", "Principaux ponts :",
        ] {
            #expect(md.contains(expected), "\(expected) missing:\n\(md)")
        }
        for english in ["influence report", "## Reach", "| Leader |", "for the committee", "Top bridges", "Exemplarity"] {
            #expect(!md.contains(english), "'\(english)' left in English:\n\(md)")
        }
    }
}
