import Foundation

/// Finds people named in a text by their full name, as whole words, without regard to case or accents:
/// "Émilie Rousseau" is found in "EMILIE ROUSSEAU a dit" and in "selon emilie rousseau,", not in "Emilie Rousseaux".
struct NameMatcher {
    private let names: [(id: String, words: [Substring])]

    /// `people`: directory ids and full names. A name of one word is not looked for (too many false matches).
    init(people: [(id: String, name: String)]) {
        names = people.compactMap { person in
            let words = Self.words(person.name)
            return words.count >= 2 ? (person.id, words) : nil
        }
    }

    /// The ids of the people named in `texts`, in the order given at the start, each once.
    func people(in texts: [String]) -> [String] {
        let words = texts.map(Self.words)
        return names.filter { name in words.contains { Self.contains($0, name.words) } }.map(\.id)
    }

    /// The words of a text: runs of letters and digits, folded (case, accents, width).
    static func words(_ text: String) -> [Substring] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split { !($0.isLetter || $0.isNumber) }
    }

    private static func contains(_ text: [Substring], _ name: [Substring]) -> Bool {
        guard name.count <= text.count else { return false }
        var start = 0
        while start + name.count <= text.count {
            if text[start] == name[0] && zip(text[start...], name).allSatisfy({ $0 == $1 }) { return true }
            start += 1
        }
        return false
    }
}
