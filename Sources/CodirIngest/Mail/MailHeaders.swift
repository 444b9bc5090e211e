import CodirModel
import Foundation

/// The few headers of one e-mail that codir reads: who, whom, when, and the message's identity. Nothing else
/// of a message (subject, body, attachments) is ever kept.
struct MailHeaders: Sendable, Hashable {
    var from: String?
    var recipients: [String] = []
    var date: Timestamp?
    var messageID: String?
    /// The raw From, To, Cc, Date and Message-ID lines, for `rejects` (never the subject).
    var kept: String = ""

    /// The most bytes of a message read for its headers: 256 KiB.
    static let limit = 256 << 10

    /// Reads the header block at the start of `bytes` (up to the first empty line, 256 KiB at most), unfolding
    /// continuation lines; lines that are not headers are passed over.
    init(_ bytes: ArraySlice<UInt8>) {
        let block = bytes.prefix(Self.limit)
        // Only the five headers read are turned into text; every other line is passed over as bytes.
        var fields: [(String, [UInt8])] = []
        var current: Int?  // the index in `fields` of the header being continued, if it is one of ours
        var lineStart = block.startIndex
        var index = block.startIndex
        func take(_ line: ArraySlice<UInt8>) -> Bool {
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty { return false }  // the end of the headers
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if let current { fields[current].1 += [UInt8(ascii: " ")] + line }
                return true
            }
            current = nil
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), let name = Self.wanted(line[line.startIndex..<colon]) else {
                return true
            }
            fields.append((name, Array(line[(colon + 1)...])))
            current = fields.count - 1
            return true
        }
        while index < block.endIndex {
            if block[index] == UInt8(ascii: "\n") {
                if !take(block[lineStart..<index]) { break }
                lineStart = index + 1
            }
            index += 1
        }
        if index == block.endIndex, lineStart < block.endIndex { _ = take(block[lineStart..<block.endIndex]) }
        for (name, raw) in fields {
            switch name {
            case "from":
                if from == nil { from = MailAddress.list(raw).first }
            case "to", "cc":
                for address in MailAddress.list(raw) where !recipients.contains(address) { recipients.append(address) }
            case "date":
                if date == nil { date = MailDate.parse(Self.text(raw[...])) }
            default:  // message-id
                if messageID == nil {
                    let id = String(Self.text(raw[...]).filter { $0 != "<" && $0 != ">" }).trimmingBlanks.lowercased()
                    if !id.isEmpty { messageID = id }
                }
            }
        }
        // Only an unusable message is kept (in `rejects`), as these five headers; the others need no text.
        kept =
            from == nil || date == nil
            ? fields.map { "\($0.0): \(Self.text($0.1[...]).trimmingBlanks)" }.joined(separator: "\n") : ""
    }

    /// The header's name, lower-cased, if it is one of the five read; nil for any other.
    static func wanted(_ name: ArraySlice<UInt8>) -> String? {
        var lower = [UInt8]()
        lower.reserveCapacity(name.count)
        for byte in name where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
            lower.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        switch lower {
        case Array("from".utf8): return "from"
        case Array("to".utf8): return "to"
        case Array("cc".utf8): return "cc"
        case Array("date".utf8): return "date"
        case Array("message-id".utf8): return "message-id"
        default: return nil
        }
    }

    /// Header bytes as text: UTF-8, else each byte as its Latin-1 character (old mailers wrote raw 8-bit
    /// headers). Native Swift decoding: this runs for every header line of every message.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}

/// Addresses of an RFC 5322 address list, lower-cased: display names (quoted or RFC 2047-encoded), comments,
/// groups (`undisclosed-recipients:;`) and angle brackets are handled; only the addresses are kept.
enum MailAddress {
    static func list(_ value: String) -> [String] { list(Array(value.utf8)) }

    /// The same over the header's bytes: a state machine on UTF-8, no `String` until an address is found.
    static func list(_ bytes: [UInt8]) -> [String] {
        var addresses: [String] = []
        var current: [UInt8] = []  // the element outside comments and quotes
        var angle: [UInt8]?  // what is inside <…>, when there is one
        var inAngle = false, inQuote = false, escaped = false
        var commentDepth = 0
        func finish() {
            var candidate = angle ?? current
            while let last = candidate.last, last == 0x20 || last == 0x09 || last == 0x0D { candidate.removeLast() }
            var start = 0
            while start < candidate.count, candidate[start] == 0x20 || candidate[start] == 0x09 { start += 1 }
            let trimmed = candidate[start...]
            if let at = trimmed.lastIndex(of: UInt8(ascii: "@")), at != trimmed.startIndex, at + 1 != trimmed.endIndex,
                !trimmed.contains(0x20), !trimmed.contains(0x09)
            {
                let lower = trimmed.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                let address = String(decoding: lower, as: UTF8.self).lowercased()
                if !addresses.contains(address) { addresses.append(address) }
            }
            current.removeAll(keepingCapacity: true)
            angle = nil
        }
        for byte in bytes {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inQuote = false }
                continue
            }
            if commentDepth > 0 {
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "(") {
                    commentDepth += 1
                } else if byte == UInt8(ascii: ")") {
                    commentDepth -= 1
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inQuote = true
            case UInt8(ascii: "("): commentDepth = 1
            case UInt8(ascii: "<"):
                inAngle = true
                angle = []
            case UInt8(ascii: ">"): inAngle = false
            case UInt8(ascii: ","), UInt8(ascii: ";"): finish()
            case UInt8(ascii: ":") where !inAngle:
                current.removeAll(keepingCapacity: true)  // a group's name: its members follow
            default:
                if inAngle { angle?.append(byte) } else { current.append(byte) }
            }
        }
        finish()
        return addresses
    }
}

/// RFC 5322 dates (`Mon, 2 Nov 2026 09:30:00 +0100`, with or without the weekday or seconds, with obsolete zone
/// names such as `GMT` or `EST`, and a trailing comment), bounded to 1970–2100.
enum MailDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8,
        "pdt": -7, "cet": 1, "cest": 2,
    ]

    static func parse(_ value: String) -> Timestamp? {
        var text = value
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        // Split on spaces, tabs and commas by hand: Foundation's character sets cost more than the parse.
        var parts = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let first = parts.first, first.count == 3, first.allSatisfy(\.isLetter), !months.contains(first) { parts.removeFirst() }
        guard parts.count >= 4, parts[0].count <= 2, let day = Int(parts[0]), let month = months.firstIndex(of: String(parts[1].prefix(3))),
            parts[2].count <= 4, var year = Int(parts[2])
        else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        let time = parts[3].split(separator: ":").map { Int($0) }
        guard time.count == 2 || time.count == 3, let hour = time[0], let minute = time[1], hour < 24, minute < 60 else {
            return nil
        }
        let second = time.count == 3 ? (time[2] ?? 99) : 0
        guard second < 61, let date = Bounds.day(year: year, month: month + 1, day: day) else { return nil }
        var offset = 0
        if parts.count >= 5 {
            let zone = parts[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let digits = Int(zone.dropFirst()) {
                let minutes = (digits / 100) * 60 + digits % 100
                guard digits / 100 < 24, digits % 100 < 60 else { return nil }
                offset = (sign == "-" ? -1 : 1) * minutes * 60
            } else if let hours = zones[zone] {
                offset = hours * 3600
            }
        }
        let at = Timestamp(seconds: date.start.seconds + Int64(hour * 3600 + minute * 60 + min(second, 59) - offset))
        return Bounds.isPlausible(at) ? at : nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (native, unlike Foundation's `trimmingCharacters`).
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
