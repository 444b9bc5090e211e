import CNCursesW
import Foundation

/// Display columns of text, from the C library's `wcwidth` (which needs a UTF-8 locale: see
/// `TextWidth.prepareLocale`).
public enum TextWidth {
    /// Sets the locale from the environment, as every curses program must before it starts; returns
    /// whether its character set is UTF-8.
    @discardableResult
    public static func prepareLocale(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if setlocale(LC_ALL, "") == nil {
            // The environment names a locale this host has not generated (many servers have only C.UTF-8, and an
            // ssh client sends its own LANG): the character set is still the one it asks for, through C.UTF-8
            // when that is UTF-8. The words do not depend on it (`Language.fromEnvironment`).
            setlocale(LC_ALL, "C")
            if asksForUTF8(environment) { setlocale(LC_CTYPE, "C.UTF-8") }
        }
        return localeIsUTF8
    }

    /// Whether the locale the environment names (`LC_ALL`, else `LC_CTYPE`, else `LANG`) has a UTF-8 character set.
    static func asksForUTF8(_ environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = name.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// Whether the current locale's character set is UTF-8.
    public static var localeIsUTF8: Bool { codir_locale_is_utf8() != 0 }

    /// Columns of one character: 0 for combining marks, 2 for wide glyphs, 1 otherwise. A character the
    /// locale cannot show (wcwidth −1) counts as one column, since it is drawn as a replacement.
    public static func columns(of character: Character) -> Int {
        if character.asciiValue != nil { return 1 }  // control characters are drawn as `?`, one column
        var total = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            let width = Int(codir_wcwidth(scalar.value))
            if index == 0 {
                total = width < 0 ? 1 : width
            } else if width > 0 && scalar.properties.isEmojiPresentation {
                total = max(total, 2)
            }
        }
        return total
    }

    /// Columns of a string.
    public static func columns(of text: String) -> Int {
        // Most text on screen is ASCII: one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Scalar by scalar is much cheaper than grapheme by grapheme; emoji sequences need the latter.
        var total = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x1F000 || scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) {
                return text.reduce(0) { $0 + columns(of: $1) }
            }
            if scalar.value < 0x7F {
                total += 1
            } else {
                let width = Int(codir_wcwidth(scalar.value))
                total += width < 0 ? 1 : width
            }
        }
        return total
    }
}

extension TextWidth {
    /// `text` cut to `width` columns, a cut ending with `ellipsis` (one column): the one truncation, for the
    /// screens and the text reports.
    public static func truncated(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        guard columns(of: text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = columns(of: character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// `text` cut or padded with spaces to exactly `width` columns (a wide character that would straddle the
    /// edge is left out and its column padded).
    public static func fitted(_ text: String, _ width: Int, alignRight: Bool = false, ellipsis: Character = "…") -> String {
        let cut = truncated(text, to: width, ellipsis: ellipsis)
        let padding = String(repeating: " ", count: max(0, width - columns(of: cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// The environment's character set (`LC_CTYPE` only) when it is UTF-8, else `C.UTF-8`'s: for a program that
    /// prints text measured in columns (the text reports) without touching how numbers are formatted.
    public static func prepareCharacterSet() {
        setlocale(LC_CTYPE, "")
        if !localeIsUTF8 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// The environment's locale when it is UTF-8, else `C.UTF-8` (which exists on every glibc system): for
    /// what must measure text the same way whatever the environment says (tests, benchmarks).
    public static func prepareUTF8Locale() {
        if !prepareLocale() { setlocale(LC_ALL, "C.UTF-8") }
    }
}
