import Foundation
import CodirModel

/// Writes people and events in the canonical formats codir imports: the people CSV and events as JSON Lines.
/// What the demo hands to `Importer.importInput(bytes:as:)`, so that its data enters by the one way in.
public enum CanonicalEncoding {
    /// The people CSV (`id,name,department,role,login,linkedin,email`), quoted where needed.
    public static func peopleCSV(_ people: [Person]) -> [UInt8] {
        var text = PeopleDecoder.columns.joined(separator: ",") + "\n"
        for person in people {
            let fields = [
                person.id, person.name, person.department, person.role.rawValue, person.login ?? "", person.linkedin ?? "",
                (person.emails ?? []).joined(separator: ";"),
            ]
            text += fields.map(csvField).joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    /// Events as JSON Lines, one object a line, with the fields `docs/formats.md` lists.
    public static func jsonLines(_ events: [Event]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 120)
        for event in events {
            var fields: [(String, String)] = []
            func text(_ name: String, _ value: String?) { if let value { fields.append((name, jsonString(value))) } }
            func number(_ name: String, _ value: Int64?) { if let value { fields.append((name, String(value))) } }
            switch event {
            case .post(let e):
                text("type", "post"); text("id", e.id); text("author", e.author); text("at", e.at.iso8601)
                text("network", e.network); text("url", e.url)
                if let tags = e.hashtags { fields.append(("hashtags", "[" + tags.map(jsonString).joined(separator: ",") + "]")) }
            case .interaction(let e):
                text("type", e.kind.rawValue); text("id", e.id); text("actor", e.actor); text("post", e.post)
                text("target", e.target); text("at", e.at.iso8601)
            case .stats(let e):
                text("type", "stats"); text("post", e.post); text("at", e.at.iso8601); number("impressions", e.impressions)
                number("engagements", e.engagements)
            case .daily(let e):
                text("type", "daily"); text("person", e.person); text("day", e.day.iso8601)
                number("impressions", e.impressions); number("engagements", e.engagements)
                number("new_followers", e.newFollowers)
            case .followers(let e):
                text("type", "followers"); text("person", e.person); text("at", e.at.iso8601); number("count", e.count)
            }
            out += Array(("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n").utf8)
        }
        return out
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonString(_ value: String) -> String { jsonQuoted(value) }
}

extension Importer {
    /// Imports input held in memory (people, or events as JSON Lines or CSV, recognised by their content), under
    /// the name `name`: the same way in, and the same result, as `importInput(at:)` for a file.
    public func importInput(bytes: [UInt8], as name: String, format: InputFormat? = nil) throws(ImportFailure) -> ImportResult {
        let result = try importBytes(bytes, file: name, format: format)
        return ImportResult(
            kind: .canonical, file: name, summary: result.summary, diagnostics: result.diagnostics,
            rejectedLines: result.rejectedLines, header: result.header, counts: result.counts)
    }
}
