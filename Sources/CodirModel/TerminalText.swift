/// Text from the data made safe for a terminal: control characters (newlines included) and bidirectional
/// overrides, which could move the cursor, forge a line or disguise text, become `?`.
public func sanitized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            out.append("?")
        default:
            out.append(scalar)
        }
    }
    return String(out)
}

/// A value from the input as a message quotes it: sanitised and cut to about `limit` characters, the cut
/// marked with `…` and the full length, so that a field of 800 MB does not become a line of 800 MB.
public func quoted(_ text: some StringProtocol, limit: Int = 100) -> String {
    var scalars = 0
    var end = text.unicodeScalars.startIndex
    while end < text.unicodeScalars.endIndex, scalars < limit {
        end = text.unicodeScalars.index(after: end)
        scalars += 1
    }
    guard end < text.unicodeScalars.endIndex else { return sanitized(String(text)) }
    var head = String.UnicodeScalarView()
    head.append(contentsOf: text.unicodeScalars[..<end])
    return sanitized(String(head)) + "… (\(text.utf8.count) bytes)"
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped (C1 controls and the line
/// separators U+2028 and U+2029 too, so that no reader takes the output for anything but text).
public func jsonQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029
            {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
