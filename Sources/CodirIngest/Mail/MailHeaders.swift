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
        var fields: [(String, String)] = []
        var lineStart = block.startIndex
        var index = block.startIndex
        func take(_ line: ArraySlice<UInt8>) -> Bool {
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty { return false }  // the end of the headers
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if !fields.isEmpty { fields[fields.count - 1].1 += " " + Self.text(line).trimmingCharacters(in: .whitespaces) }
                return true
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return true }  // not a header: skipped
            let name = Self.text(line[line.startIndex..<colon]).trimmingCharacters(in: .whitespaces).lowercased()
            fields.append((name, Self.text(line[(colon + 1)...]).trimmingCharacters(in: .whitespaces)))
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
        var kept: [String] = []
        for (name, value) in fields {
            switch name {
            case "from":
                if from == nil { from = MailAddress.list(value).first }
            case "to", "cc":
                for address in MailAddress.list(value) where !recipients.contains(address) { recipients.append(address) }
            case "date":
                if date == nil { date = MailDate.parse(value) }
            case "message-id":
                if messageID == nil {
                    let id = value.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")).lowercased()
                    if !id.isEmpty { messageID = id }
                }
            default: continue
            }
            kept.append("\(name): \(value)")
        }
        self.kept = kept.joined(separator: "\n")
    }

    /// Header bytes as text: UTF-8, else Latin-1 (old mailers wrote raw 8-bit headers).
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(bytes: bytes, encoding: .utf8) ?? String(decoding: bytes.map { $0 }, as: Unicode.ASCII.self)
    }
}

/// Addresses of an RFC 5322 address list, lower-cased: display names (quoted or RFC 2047-encoded), comments,
/// groups (`undisclosed-recipients:;`) and angle brackets are handled; only the addresses are kept.
enum MailAddress {
    static func list(_ value: String) -> [String] {
        var addresses: [String] = []
        var current = ""  // the element outside comments and quotes
        var angle: String?  // what is inside <…>, when there is one
        var inAngle = false, inQuote = false, escaped = false
        var commentDepth = 0
        func finish() {
            let candidate = (angle ?? current).trimmingCharacters(in: .whitespaces)
            if let at = candidate.lastIndex(of: "@"), at != candidate.startIndex, candidate.index(after: at) != candidate.endIndex,
                !candidate.contains(" ")
            {
                let address = candidate.lowercased()
                if !addresses.contains(address) { addresses.append(address) }
            }
            current = ""
            angle = nil
        }
        for character in value {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if character == "\\" { escaped = true } else if character == "\"" { inQuote = false }
                continue
            }
            if commentDepth > 0 {
                if character == "\\" { escaped = true } else if character == "(" { commentDepth += 1 } else if character == ")" { commentDepth -= 1 }
                continue
            }
            switch character {
            case "\"": inQuote = true
            case "(": commentDepth = 1
            case "<":
                inAngle = true
                angle = ""
            case ">": inAngle = false
            case ",", ";": finish()
            case ":" where !inAngle:
                current = ""  // a group's name: its members follow
            default:
                if inAngle { angle?.append(character) } else { current.append(character) }
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
