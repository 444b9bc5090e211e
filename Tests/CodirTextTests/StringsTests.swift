import CodirModel
import CodirReport
import CodirText
import Testing
import TerminalUI

@Suite("French and English")
struct StringsTests {
    /// Every text of a table, by its path (`personal.impressions`, `frame.help` has no path: it is a function).
    static func leaves(_ value: Any, path: String = "") -> [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            let name = path.isEmpty ? (child.label ?? "") : path + "." + (child.label ?? "")
            switch child.value {
            case let text as String: out[name] = text
            case let texts as [String]: for (i, text) in texts.enumerated() { out["\(name)[\(i)]"] = text }
            case is Language: break
            default:
                // Nested tables; functions have no children.
                out.merge(leaves(child.value, path: name)) { a, _ in a }
            }
        }
        return out
    }

    /// The room a text is drawn in, where it is fixed: a key bar label, a tab, a tile's short caption.
    static let rooms: [String: Int] = [
        "frame.keyHelp": 8, "frame.keyQuit": 9, "frame.keyPanes": 8, "frame.keyBack": 8, "frame.keySelect": 9,
        "frame.keyDetail": 8, "frame.keyWindow": 9, "frame.keySort": 6, "frame.keyDepartment": 6,
        "frame.keySource": 8, "frame.keyEnter": 6, "frame.keyEscape": 5, "frame.keyRefresh": 11, "frame.stale": 8,
        "personal.leaders": 12, "personal.employees": 12, "personal.given": 11, "personal.received": 11,
        "personal.withheld": 8, "personal.givenReceived": 17, "personal.steady": 12, "personal.notShown": 12,
        "wall.changeShort": 14, "wall.eiIndexShort": 14, "wall.activeShort": 14, "wall.emvShort": 14,
        "wall.pressShort": 14, "format.justNow": 12, "format.now": 6, "format.partial": 8,
        // A sentence on standard error, not drawn in a room of its own.
        "messages.meNeedsTerminal": 200,
    ]

    @Test func everyTextHasBothLanguagesAndFitsItsRoom() {
        let english = Self.leaves(Strings.english)
        let french = Self.leaves(Strings.french)
        #expect(english.count > 100)
        #expect(Set(english.keys) == Set(french.keys))
        for (key, text) in english.sorted(by: { $0.key < $1.key }) {
            let translated = french[key] ?? ""
            #expect(text.isEmpty || !translated.isEmpty, "\(key) has no French")
            // The reports' sentences are wrapped at 80 columns, or are Markdown paragraphs, and the import summaries
            // are lines of a log, as are the importers' diagnostics and the commands' messages, and --help is wrapped by
            // the command-line parser: the layout adapts.
            let logged = ["imports.", "lines.", "files.", "sources.", "commands.", "help."].contains { key.hasPrefix($0) }
            let wrapped = (key.hasPrefix("report.") && !key.hasPrefix("report.column")) || logged
            let room = Self.rooms[key] ?? (wrapped ? Int.max : 80)
            #expect(
                TextWidth.columns(of: translated) <= max(room, TextWidth.columns(of: text)) || TextWidth.columns(of: translated) <= room,
                "\(key): '\(translated)' is wider than the \(room) columns it is drawn in")
        }
        // The help is drawn in a box inside 80 columns: every line, in both languages, fits 76.
        for language in Language.allCases {
            for line in Strings.of(language).frame.help("↑ ↓ / j k", "★") {
                #expect(TextWidth.columns(of: line) <= 76, "\(language) help line too wide: \(line)")
            }
        }
    }

    /// « de » elides before a vowel or a mute h: the post d'Isabelle, de Paul, d'un petit département.
    @Test func frenchElidesBeforeAVowel() {
        let wall = Strings.french.wall
        #expect(wall.named("Paul Durand", .comment, "Isabelle Moreau") == "Paul Durand a commenté le post d'Isabelle Moreau")
        #expect(wall.named("Isabelle Moreau", .reaction, "Paul Durand") == "Isabelle Moreau a réagi au post de Paul Durand")
        #expect(wall.named("Paul Durand", .share, "Hélène Roux") == "Paul Durand a partagé le post d'Hélène Roux")
        #expect(wall.departments("Finance", .comment, "un petit département") == "Finance a commenté un post d'un petit département")
        #expect(Strings.french.panes.dailyOf("Éric Petit", Day(year: 2026, month: 11, day: 2)).hasPrefix("Impressions par jour d'Éric Petit depuis le 2 novembre"))
        #expect(Strings.french.panes.dailyOf("Paul Durand", Day(year: 2026, month: 12, day: 1)).hasPrefix("Impressions par jour de Paul Durand depuis le 1er décembre"))
        #expect(Strings.english.panes.dailyOf("Paul Durand", Day(year: 2026, month: 12, day: 1)).hasPrefix("Daily impressions of Paul Durand since 2026-12-01"))
        #expect(Strings.english.wall.named("Paul Durand", .comment, "Isabelle Moreau") == "Paul Durand commented on Isabelle Moreau's post")
    }

    @Test func frenchNumbersTakeADecimalCommaAndSpaces() {
        Language.$current.withValue(.fr) {
            #expect(HumanFormat.count(1_230) == "1,2 k")
            #expect(HumanFormat.count(12_300) == "12 k")
            #expect(HumanFormat.count(4_200_000) == "4,2 M")
            #expect(HumanFormat.count(640) == "640")
            #expect(HumanFormat.percent(0.042) == "4,2 %")
            #expect(HumanFormat.percent(0.42) == "42 %")
            #expect(HumanFormat.change(0.18) == "+18 %")
            #expect(HumanFormat.change(-0.045) == "-4,5 %")
            #expect(HumanFormat.change(0.0001) == "0 %")
            #expect(HumanFormat.grouped(1_234) == "1 234")
            #expect(HumanFormat.grouped(1_234_567) == "1 234 567")
            #expect(HumanFormat.index(0.314) == "+0,31")
            #expect(HumanFormat.index(-0.001) == "+0,00")
            #expect(HumanFormat.money(0.5, "EUR") == "0,5 EUR")
            #expect(HumanFormat.money(2_340, "EUR") == "2,3 k EUR")
            #expect(HumanFormat.shortDate(Day(year: 2026, month: 11, day: 30)) == "30 nov.")
            #expect(HumanFormat.longDate(Day(year: 2026, month: 12, day: 1)) == "1 décembre 2026")
            #expect(HumanFormat.ago(0, now: 120) == "il y a 2 min")
            #expect(HumanFormat.ago(0, now: 3 * 86_400) == "il y a 3 j")
            #expect(HumanFormat.ago(0, now: 30) == "à l'instant")
            #expect(HumanFormat.window(.days(30)) == "30 j")
            #expect(HumanFormat.ordinal(1) == "1er")
            #expect(HumanFormat.ordinal(3) == "3e")
            #expect(plural(0, Noun("post", "posts")) == "0 post")
            #expect(plural(1_204, Noun("post", "posts")) == "1 204 posts")
        }
    }

    @Test func englishNumbersAreUnchanged() {
        #expect(Language.current == .en)
        #expect(HumanFormat.count(1_230) == "1.2k")
        #expect(HumanFormat.count(12_300) == "12k")
        #expect(HumanFormat.percent(0.042) == "4.2%")
        #expect(HumanFormat.change(0.18) == "+18%")
        #expect(HumanFormat.change(0.0001) == "0%")
        #expect(HumanFormat.grouped(1_234) == "1,234")
        #expect(HumanFormat.index(-0.001) == "+0.00")
        #expect(HumanFormat.money(0.5, "EUR") == "0.5 EUR")
        #expect(HumanFormat.shortDate(Day(year: 2026, month: 11, day: 30)) == "30 Nov")
        #expect(HumanFormat.ago(0, now: 120) == "2 min ago")
        #expect(HumanFormat.window(.days(30)) == "30d")
        #expect(HumanFormat.ordinal(2) == "2nd")
        #expect(plural(0, Noun("post", "posts")) == "0 posts")
    }

    /// As POSIX programs do: LC_ALL, then LC_MESSAGES, then LANG; French for anything starting with `fr`.
    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], Language.fr),
        (["LANG": "fr_CA"], .fr),
        (["LANG": "en_GB.UTF-8"], .en),
        (["LANG": "C.UTF-8"], .en),
        ([:], .en),
        (["LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"], .fr),
        (["LC_MESSAGES": "C", "LANG": "fr_FR.UTF-8"], .en),
    ])
    func theLanguageComesFromTheLocale(environment: [String: String], expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }
}
