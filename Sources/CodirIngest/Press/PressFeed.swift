import CodirModel
import CodirText
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One article of a press input (a feed item, a press CSV row), before it is matched to the directory. Its summary
/// is read only to find the people it names, and never kept.
public struct PressInput: Sendable, Hashable {
    /// The line it starts on (a CSV row's, a feed item's), for messages.
    public var line: Int
    public var at: Timestamp
    public var outlet: String
    public var title: String
    /// The article's own address (a Google Alerts redirect unwrapped); nil when the source gives none.
    public var url: String?
    public var summary: String
    public var audience: Int64?
    /// Directory ids the source names (a press CSV's `people`).
    public var people: [String]
}

/// RSS 2.0 and Atom feeds as media-monitoring services and Google Alerts deliver them.
public enum PressFeed {
    /// The most items read from one feed, and the most characters kept of a title, an outlet or a summary.
    public static let itemLimit = 50_000
    static let titleLimit = 500
    static let outletLimit = 200
    static let summaryLimit = 20_000

    /// Whether these first bytes of a file are an RSS or Atom feed (an XML declaration, a comment or a byte
    /// order mark may come first).
    public static func looksLikeFeed(_ head: ArraySlice<UInt8>) -> Bool {
        // Lossy: a character cut at the end of the head must not hide the root element before it.
        let text = String(decoding: head.prefix(2048), as: UTF8.self)
        var rest = Substring(text.drop { $0 == "\u{FEFF}" || $0.isWhitespace })
        // Past the declaration and comments, the root element.
        while rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
            let end = rest.hasPrefix("<?") ? "?>" : "-->"
            guard let close = rest.range(of: end) else { return false }
            rest = rest[close.upperBound...].drop { $0.isWhitespace }
        }
        return rest.hasPrefix("<rss") || rest.hasPrefix("<feed") || rest.hasPrefix("<rdf:RDF")
    }

    public struct Failure: Error, Sendable, Hashable {
        public var reason: String
    }

    /// The items of a feed, in the feed's order. An item without a title or a date is skipped and said in
    /// `skipped` (its position and why).
    public static func parse(_ bytes: [UInt8]) -> Result<(items: [PressInput], skipped: [(line: Int, reason: String)]), Failure> {
        let reader = FeedReader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse(), reader.isFeed else {
            if !reader.isFeed && reader.root != nil {
                return .failure(Failure(reason: Strings.current.sources.notAFeed(reader.root ?? "")))
            }
            let line = parser.lineNumber
            return .failure(Failure(reason: Strings.current.sources.notWellFormed(line, parser.parserError.map { "\($0.localizedDescription)" })))
        }
        var items: [PressInput] = []
        var skipped: [(Int, String)] = []
        let formatters = rfc822Formatters()
        for raw in reader.items.prefix(itemLimit) {
            let line = raw.line
            let title = clipped(plainText(raw.title), titleLimit)
            guard !title.isEmpty else {
                skipped.append((line, Strings.current.sources.itemWithoutTitle))
                continue
            }
            guard let at = date(raw.date, formatters: formatters) else {
                skipped.append((line, raw.date.isEmpty ? Strings.current.sources.itemWithoutDate : Strings.current.sources.badDate(quoted(raw.date))))
                continue
            }
            let url = raw.link.isEmpty ? nil : articleURL(raw.link)
            let outlet = clipped(plainText(raw.source), outletLimit).nonEmpty
                ?? url.flatMap(host(of:)) ?? clipped(plainText(reader.feedTitle), outletLimit).nonEmpty ?? "unknown outlet"
            items.append(
                PressInput(
                    line: line, at: at, outlet: outlet, title: title, url: url,
                    summary: clipped(plainText(raw.summary), summaryLimit), audience: nil, people: []))
        }
        if reader.items.count > itemLimit {
            skipped.append((reader.items[itemLimit].line, Strings.current.sources.tooManyItems(itemLimit)))
        }
        return .success((items, skipped))
    }

    /// A date as feeds write them: RFC 3339 (Atom) or RFC 822 (RSS: `Mon, 30 Nov 2026 08:15:00 GMT`, `+0100`).
    static func date(_ text: String, formatters: [DateFormatter]) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        if let at = Timestamp(iso8601: trimmed), Bounds.isPlausible(at) { return at }
        for formatter in formatters {
            if let date = formatter.date(from: trimmed) {
                let seconds = date.timeIntervalSince1970
                guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
                let at = Timestamp(seconds: Int64(seconds))
                return Bounds.isPlausible(at) ? at : nil
            }
        }
        return nil
    }

    /// The RFC 822 shapes feeds use, made once a feed.
    static func rfc822Formatters() -> [DateFormatter] {
        let formats: [String] = [
            "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss Z",
            "d MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm zzz",
        ]
        var formatters: [DateFormatter] = []
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            formatters.append(formatter)
        }
        return formatters
    }

    /// The article's own address: a Google redirect (`https://www.google.com/url?…&url=REAL&…`) unwrapped; nil for
    /// something that is not an http(s) address.
    public static func articleURL(_ link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 4096, let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https", components.host != nil
        else { return nil }
        if let host = components.host?.lowercased(), host == "google.com" || host.hasPrefix("www.google.") || host.hasPrefix("google."),
            components.path == "/url",
            let real = components.queryItems?.first(where: { $0.name == "url" || $0.name == "q" })?.value,
            real != trimmed
        {
            return articleURL(real)
        }
        return trimmed
    }

    /// The host of an address without `www.`, as the outlet of an item that names none.
    static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// Text from a feed's title or summary: HTML tags removed, entities decoded, spaces collapsed, controls out.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return decodeEntities(text).split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            .filter { !($0.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false) }
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "laquo": "«", "raquo": "»", "hellip": "…", "ndash": "–", "mdash": "—",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "acirc": "â", "ccedil": "ç", "ocirc": "ô",
        "ucirc": "û", "ugrave": "ù", "icirc": "î", "iuml": "ï", "euml": "ë", "Eacute": "É", "Egrave": "È",
        "Agrave": "À", "Ccedil": "Ç", "oelig": "œ", "euro": "€",
    ]

    /// `&amp;`, `&#39;`, `&#x2019;` and the common named entities decoded; anything else left as it is.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = namedEntities[String(name)]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    static func clipped(_ text: String, _ limit: Int) -> String { text.count <= limit ? text : String(text.prefix(limit - 1)) + "…" }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}

/// Collects a feed's items as XMLParser reads it.
private final class FeedReader: NSObject, XMLParserDelegate {
    struct Raw {
        /// The line the item starts on.
        var line = 0
        var title = ""
        var link = ""
        var date = ""
        var summary = ""
        var source = ""
    }
    var root: String?
    var isFeed = false
    var feedTitle = ""
    var items: [Raw] = []
    private var current: Raw?
    private var path: [String] = []
    private var text = ""
    private var entrySourceDepth: Int?

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init)?.lowercased() ?? name.lowercased()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = Self.local(elementName)
        if root == nil {
            root = elementName
            isFeed = name == "rss" || name == "feed" || name == "rdf"
        }
        path.append(name)
        text = ""
        if name == "item" || name == "entry" {
            if items.count <= PressFeed.itemLimit { current = Raw(line: parser.lineNumber) }
            return
        }
        guard current != nil else { return }
        if name == "source" && entrySourceDepth == nil { entrySourceDepth = path.count }
        if name == "link", let href = attributes["href"] {
            // Atom: the alternate link first, else the first link given.
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate" || current?.link.isEmpty == true { current?.link = href }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if text.utf8.count < 64 * 1024 { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if text.utf8.count < 64 * 1024 { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = Self.local(elementName)
        defer {
            if !path.isEmpty { path.removeLast() }
            text = ""
        }
        if name == "item" || name == "entry" {
            if let current { items.append(current) }
            current = nil
            entrySourceDepth = nil
            return
        }
        guard current != nil else {
            if name == "title" && feedTitle.isEmpty && path.count <= 3 { feedTitle = text }
            return
        }
        let inSource = entrySourceDepth.map { path.count > $0 } ?? false
        if name == "source" && entrySourceDepth == path.count {
            // RSS: `<source url="…">Outlet</source>`; Atom: `<source><title>Outlet</title></source>`.
            if current?.source.isEmpty == true { current?.source = text }
            entrySourceDepth = nil
            return
        }
        if inSource {
            if name == "title" { current?.source = text }
            return
        }
        switch name {
        case "title": current?.title = text
        case "link": if current?.link.isEmpty == true { current?.link = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        case "pubdate", "published", "date": current?.date = text
        case "updated": if current?.date.isEmpty == true { current?.date = text }
        case "description", "summary", "content": if current?.summary.isEmpty == true { current?.summary = text }
        default: break
        }
    }
}
