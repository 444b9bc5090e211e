import CodirModel
import CodirText
import Foundation

/// A field's value as the input gave it.
enum FieldValue {
    case text(String)
    case integer(Int64)
    /// A JSON array of strings.
    case list([String])
    /// A JSON number with a fraction, a boolean, another array or an object.
    case other(String)
}

/// Named fields of one input record: a CSV row under its header or a JSON object.
protocol FieldSource {
    /// The field's value; nil when absent, null or an empty CSV cell.
    func value(_ name: String) -> FieldValue?
}

/// Why a line cannot be imported, as one phrase for `FILE:LINE: error: REASON`.
public struct LineError: Error, Sendable, Hashable {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Turns named fields into canonical events, checking every field (see docs/formats.md).
enum EventDecoder {
    static let types = "post, reaction, comment, share, message, mention, stats, daily or followers"

    static func decode(_ fields: some FieldSource) -> Result<Event, LineError> {
        do {
            let type = try text(fields, "type")
            switch type {
            case "post":
                let url = try optionalText(fields, "url")
                return .success(
                    .post(
                        PostEvent(
                            id: try text(fields, "id"), author: try text(fields, "author"),
                            at: try timestamp(fields, "at"), network: try optionalText(fields, "network") ?? "linkedin",
                            url: url, hashtags: try hashtags(fields, "hashtags"))))
            case "reaction", "comment", "share":
                return .success(
                    .interaction(
                        InteractionEvent(
                            id: try optionalText(fields, "id"), kind: InteractionKind(rawValue: type) ?? .reaction,
                            actor: try text(fields, "actor"), post: try text(fields, "post"),
                            at: try timestamp(fields, "at"))))
            case "message", "mention":
                return .success(
                    .interaction(
                        InteractionEvent(
                            id: try optionalText(fields, "id"), kind: InteractionKind(rawValue: type) ?? .message,
                            actor: try text(fields, "actor"), target: try text(fields, "target"),
                            at: try timestamp(fields, "at"))))
            case "stats":
                return .success(
                    .stats(
                        PostStatsEvent(
                            post: try text(fields, "post"), at: try timestamp(fields, "at"),
                            impressions: try count(fields, "impressions"),
                            engagements: try optionalCount(fields, "engagements"))))
            case "daily":
                let dayText = try text(fields, "day")
                guard let day = Day(iso8601: dayText) else {
                    throw LineError(Strings.current.lines.badDay(quoted(dayText)))
                }
                if let problem = Bounds.problem(day, field: "day") { throw LineError(problem) }
                let row = DailyStatsEvent(
                    person: try text(fields, "person"), day: day,
                    impressions: try optionalCount(fields, "impressions"),
                    engagements: try optionalCount(fields, "engagements"),
                    newFollowers: try optionalCount(fields, "new_followers"))
                guard row.impressions != nil || row.engagements != nil || row.newFollowers != nil else {
                    throw LineError(Strings.current.lines.dailyNeedsOne)
                }
                return .success(.daily(row))
            case "followers":
                return .success(
                    .followers(
                        FollowersEvent(
                            person: try text(fields, "person"), at: try timestamp(fields, "at"),
                            count: try count(fields, "count"))))
            default:
                throw LineError(Strings.current.lines.unknownType(quoted(type), types))
            }
        } catch let error as LineError {
            return .failure(error)
        } catch {
            return .failure(LineError("\(error)"))
        }
    }

    // MARK: - Fields

    static func optionalText(_ fields: some FieldSource, _ name: String) throws -> String? {
        switch fields.value(name) {
        case nil: return nil
        case .text(let value):
            // SQLite's C interface and C strings end text at NUL: a key holding one would not find itself.
            guard !value.containsNUL else { throw LineError(Strings.current.lines.containsNUL(name)) }
            return value
        case .integer(let value): return String(value)
        case .list: throw LineError(Strings.current.lines.notAList(name))
        case .other(let value): throw LineError(Strings.current.lines.notAString(name, quoted(value)))
        }
    }

    /// A post's hashtags: a JSON array of strings, or one text of hashtags separated by `;` (CSV), each with or
    /// without its `#`; normalised, each once. Nil when absent; an empty list is "none" (it clears those known).
    static func hashtags(_ fields: some FieldSource, _ name: String) throws -> [String]? {
        let given: [String]
        switch fields.value(name) {
        case nil: return nil
        case .text(let value): given = value.split(separator: ";").map(String.init)
        case .list(let values): given = values
        case .integer(let value): given = [String(value)]
        case .other(let value): throw LineError(Strings.current.lines.notHashtags(name, quoted(value)))
        }
        var tags: [String] = []
        for raw in given {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let tag = Hashtag.normalised(trimmed) else {
                throw LineError(Strings.current.lines.badHashtag(quoted(trimmed), name, Hashtag.maximumLength))
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    static func text(_ fields: some FieldSource, _ name: String) throws -> String {
        guard let value = try optionalText(fields, name) else { throw LineError(Strings.current.lines.missingField(name)) }
        return value
    }

    static func timestamp(_ fields: some FieldSource, _ name: String) throws -> Timestamp {
        let value = try text(fields, name)
        guard let at = Timestamp(iso8601: value) else {
            throw LineError(Strings.current.lines.badTimestamp(quoted(value), name))
        }
        if let problem = Bounds.problem(at, field: name) { throw LineError(problem) }
        return at
    }

    static func optionalCount(_ fields: some FieldSource, _ name: String) throws -> Int64? {
        let number: Int64
        switch fields.value(name) {
        case nil: return nil
        case .integer(let value): number = value
        case .text(let value):
            guard let parsed = Int64(value.trimmingSpaces) else {
                throw LineError(Strings.current.lines.nonNumeric(quoted(value), name))
            }
            number = parsed
        case .list: throw LineError(Strings.current.lines.nonNumericList(name))
        case .other(let value): throw LineError(Strings.current.lines.nonNumericOther(quoted(value), name))
        }
        if let problem = Bounds.problem(count: number, field: name) { throw LineError(problem) }
        return number
    }

    static func count(_ fields: some FieldSource, _ name: String) throws -> Int64 {
        guard let value = try optionalCount(fields, name) else { throw LineError(Strings.current.lines.missingField(name)) }
        return value
    }
}

extension String {
    /// Whether the text holds a NUL character; a `memchr` over native UTF-8, on the import's hot path.
    var containsNUL: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        } ?? utf8.contains(0)
    }

    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
