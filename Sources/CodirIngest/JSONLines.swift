import CodirText
import Foundation

/// One line of a JSON Lines file.
struct JSONLine {
    /// 1-based line number.
    var line: Int
    var raw: String
    /// The parsed object, or why the line is not one.
    var object: Result<[String: Any], LineError>
}

/// Splits JSON Lines text and parses each non-blank line as one JSON object.
enum JSONLines {
    static func lines(of bytes: [UInt8]) -> [JSONLine] {
        var result: [JSONLine] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let slice = bytes[start..<contentEnd]
            if slice.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                result.append(parse(slice, line: line))
            }
            start = end + 1
            line += 1
        }
        return result
    }

    private static func parse(_ slice: ArraySlice<UInt8>, line: Int) -> JSONLine {
        guard let raw = String(validating: slice, as: UTF8.self) else {
            return JSONLine(
                line: line, raw: String(decoding: slice, as: UTF8.self),
                object: .failure(LineError(Strings.current.lines.notUTF8)))
        }
        let object: Result<[String: Any], LineError>
        do {
            let value = try JSONSerialization.jsonObject(with: Data(slice), options: [])
            if let dictionary = value as? [String: Any] {
                object = .success(dictionary)
            } else {
                object = .failure(LineError(Strings.current.lines.oneObjectPerLine))
            }
        } catch {
            object = .failure(LineError(Strings.current.lines.malformedJSON(shortReason(error))))
        }
        return JSONLine(line: line, raw: raw, object: object)
    }

    private static func shortReason(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        guard var text else { return Strings.current.files.notJSONObject }
        while text.last == "." { text.removeLast() }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// A JSON object's members as named fields.
struct JSONFields: FieldSource {
    let object: [String: Any]

    func value(_ name: String) -> FieldValue? {
        guard let member = object[name] else { return nil }
        switch member {
        case is NSNull: return nil
        case let text as String: return .text(text)
        case let number as NSNumber:
            if CFNumberIsBoolean(number) { return .other(number.boolValue ? "true" : "false") }
            let integer = number.int64Value
            if number.doubleValue == Double(integer) { return .integer(integer) }
            return .other(number.stringValue)
        case let strings as [String]: return .list(strings)
        case is [Any]: return .other(Strings.current.files.anArray)
        case is [String: Any]: return .other(Strings.current.files.anObject)
        default: return .other("\(member)")
        }
    }
}

private func CFNumberIsBoolean(_ number: NSNumber) -> Bool {
    // Foundation on Linux has no CFBooleanGetTypeID; booleans report the "c" (char) Objective-C type.
    String(cString: number.objCType) == "c"
}
