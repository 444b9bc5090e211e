import CodirModel
import CodirStore
import CodirText
import Foundation

/// What importing press coverage did: an RSS or Atom feed, or a press CSV
/// (`date,outlet,title,url,audience,people`).
public struct PressImport: Sendable {
    public var file: String
    /// Items new to the database, and those already there (the same address, or the same outlet, title and day).
    public var items = 0
    public var duplicates = 0
    /// New items that name at least one leader, and the leader mentions among them.
    public var itemsNamingLeaders = 0
    public var mentions = 0
    public var rejected = 0
    public var diagnostics: [Diagnostic] = []

    public var summary: String {
        sanitized(Strings.current.imports.press(file, items, itemsNamingLeaders, mentions, duplicates, rejected))
    }
}

/// The identity of a press item: its address when it has one (the same article in two feeds is one), else its
/// outlet, title and day, compared without regard to case, accents or spacing.
enum PressIdentity {
    static func key(url: String?, outlet: String, title: String, at: Timestamp) -> String {
        if let url {
            let bare = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
            return "url " + bare
        }
        func folded(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return "item " + folded(outlet) + "|" + folded(title) + "|" + at.day.iso8601
    }
}

extension Importer {
    /// The columns of a press CSV.
    static let pressColumns = ["date", "outlet", "title", "url", "audience", "people"]

    /// Whether these first bytes are a press CSV: its header starts `date,outlet,title`.
    static func looksLikePressCSV(_ head: ArraySlice<UInt8>) -> Bool {
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head
        let firstLine = start.prefix { $0 != 0x0A && $0 != 0x0D }
        let header = String(decoding: firstLine, as: UTF8.self).lowercased().replacingOccurrences(of: " ", with: "")
        return header.hasPrefix("date,outlet,title")
    }

    /// Imports press coverage: an RSS 2.0 or Atom feed file (Google Alerts' included) or a press CSV. Each item is
    /// matched to the leaders it names (its `people`, and their full names in its title or summary), stored once
    /// however many feeds bring it, and kept as date, outlet, title, link, audience and people only.
    public func importPress(at path: String, as name: String? = nil) throws(ImportFailure) -> PressImport {
        let shown = name ?? path
        let bytes: [UInt8]
        do {
            bytes = try SafeFile.read(path: path, followLinks: true, limit: fileLimit)
        } catch {
            throw .unreadable(file: shown, reason: error.reason)
        }
        return try importPress(bytes: bytes, as: shown)
    }

    /// Imports press coverage held in memory (a feed or a press CSV) under the name `shown`, as `importPress(at:)`.
    public func importPress(bytes: [UInt8], as shown: String) throws(ImportFailure) -> PressImport {
        var result = PressImport(file: shown)
        var inputs: [PressInput] = []
        if PressFeed.looksLikeFeed(bytes.prefix(4096)) {
            switch PressFeed.parse(bytes) {
            case .success(let parsed):
                inputs = parsed.items
                for skip in parsed.skipped {
                    result.diagnostics.append(Diagnostic(file: shown, line: skip.line, severity: .warning, message: skip.reason))
                }
            case .failure(let failure):
                throw .unrecognised(file: shown, line: nil, reason: failure.reason)
            }
        } else {
            guard String(bytes: bytes, encoding: .utf8) != nil else {
                throw .unrecognised(
                    file: shown, line: nil,
                    reason: Strings.current.files.notUTF8Text)
            }
            let (rows, errors) = try Self.pressRows(bytes, file: shown)
            inputs = rows
            result.rejected += errors.count
            result.diagnostics += errors
        }
        do {
            let (counted, _) = try store.importFile(file: shown, sha256: "", format: "press", commit: !dryRun) { writer in
                var result = result
                let names = try writer.leaderNames()
                let matcher = NameMatcher(people: names)
                let leaders = Set(names.map(\.id))
                for input in inputs {
                    if let unknown = input.people.first(where: { !writer.knows(person: $0) }) {
                        result.rejected += 1
                        result.diagnostics.append(
                            Diagnostic(
                                file: shown, line: input.line, severity: .error,
                                message: Strings.current.lines.unknownPerson(quoted(unknown), "people")))
                        continue
                    }
                    var people = input.people
                    for id in matcher.people(in: [input.title, input.summary]) where !people.contains(id) { people.append(id) }
                    let item = PressItem(
                        key: PressIdentity.key(url: input.url, outlet: input.outlet, title: input.title, at: input.at),
                        at: input.at, outlet: input.outlet, title: input.title, url: input.url, audience: input.audience,
                        people: people)
                    switch try writer.write(press: item) {
                    case .success(.inserted): result.items += 1
                    case .success:
                        result.duplicates += 1
                        continue
                    case .failure(let rejection):
                        result.rejected += 1
                        result.diagnostics.append(Diagnostic(file: shown, line: input.line, severity: .error, message: rejection.reason))
                        continue
                    }
                    let named = people.filter(leaders.contains).count
                    if named > 0 {
                        result.itemsNamingLeaders += 1
                        result.mentions += named
                    }
                }
                return result
            }
            return counted
        } catch {
            throw ImportFailure(error, store: store)
        }
    }

    /// The rows of a press CSV, and an error for each row that cannot be read.
    static func pressRows(_ bytes: [UInt8], file: String) throws(ImportFailure) -> ([PressInput], [Diagnostic]) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records = CSVReader(bytes: Array(bytes[start...])).makeIterator()
        guard let header = records.next() else { return ([], []) }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() { columns[field.trimmingCharacters(in: .whitespaces).lowercased()] = index }
        let missing = ["date", "outlet", "title"].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw .unrecognised(
                file: file, line: header.line,
                reason: Strings.current.sources.pressColumnsMissing(missing.map { "'\($0)'" }.joined(separator: ", ")))
        }
        var rows: [PressInput] = []
        var errors: [Diagnostic] = []
        while let record = records.next() {
            if let error = record.error {
                errors.append(Diagnostic(file: file, line: record.line, severity: .error, message: error))
                continue
            }
            func cell(_ name: String) -> String {
                guard let index = columns[name], index < record.fields.count else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespaces)
            }
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func reject(_ message: String) { errors.append(Diagnostic(file: file, line: record.line, severity: .error, message: message)) }
            let dateText = cell("date")
            // A day alone stands for its noon, as daily rows do.
            guard let at = Timestamp(iso8601: dateText) ?? Day(iso8601: dateText)?.noon, Bounds.isPlausible(at) else {
                reject(Strings.current.sources.badPressDate(quoted(dateText)))
                continue
            }
            let title = PressFeed.clipped(PressFeed.plainText(cell("title")), PressFeed.titleLimit)
            let outlet = PressFeed.clipped(PressFeed.plainText(cell("outlet")), PressFeed.outletLimit)
            guard !title.isEmpty else { reject(Strings.current.lines.missingField("title")); continue }
            guard !outlet.isEmpty else { reject(Strings.current.lines.missingField("outlet")); continue }
            var url: String?
            if !cell("url").isEmpty {
                guard let given = PressFeed.articleURL(cell("url")) else {
                    reject(Strings.current.sources.badAddress(quoted(cell("url"))))
                    continue
                }
                url = given
            }
            var audience: Int64?
            if !cell("audience").isEmpty {
                let digits = cell("audience").filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
                guard let number = Int64(digits), Bounds.problem(count: number, field: "audience") == nil else {
                    reject(Strings.current.sources.badAudience(quoted(cell("audience"))))
                    continue
                }
                audience = number
            }
            let people = cell("people").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rows.append(
                PressInput(
                    line: record.line, at: at, outlet: outlet, title: title, url: url, summary: "", audience: audience,
                    people: Array(Set(people)).sorted()))
        }
        return (rows, errors)
    }
}
