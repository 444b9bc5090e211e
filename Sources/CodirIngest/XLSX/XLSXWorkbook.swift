import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A cell's value as the sheet stores it.
public enum XLSXValue: Sendable, Hashable {
    case text(String)
    case number(Double)

    /// The value as text, numbers without a useless `.0`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        }
    }
}

/// Why a workbook cannot be read.
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// The sheets of an .xlsx file, read with ZIPFoundation and Foundation's XMLParser: names in order, and each
/// sheet as rows of cells by column.
public struct XLSXWorkbook: Sendable {
    public let sheetNames: [String]
    private let sheets: [String: [[Int: XLSXValue]]]

    public init(path: String) throws(XLSXError) {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError(reason: "not a readable xlsx file (it is a zip archive inside); export it again")
        }
        func entry(_ name: String) throws(XLSXError) -> Data? {
            guard let item = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(item) { data.append($0) }
            } catch {
                throw XLSXError(reason: "the part \(name) cannot be extracted; the file is damaged")
            }
            return data
        }
        guard let workbook = try entry("xl/workbook.xml") else {
            throw XLSXError(reason: "no workbook inside; this is not an xlsx file")
        }
        let relationships = try entry("xl/_rels/workbook.xml.rels").map(XMLElements.relationships) ?? [:]
        let sharedStrings = try entry("xl/sharedStrings.xml").map(XMLElements.sharedStrings) ?? []
        var names: [String] = []
        var sheets: [String: [[Int: XLSXValue]]] = [:]
        for (name, relationship) in XMLElements.sheets(workbook) {
            guard let target = relationships[relationship] else { continue }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let data = try entry(part) else { continue }
            names.append(name)
            sheets[name] = XMLElements.cells(data, sharedStrings: sharedStrings)
        }
        sheetNames = names
        self.sheets = sheets
    }

    /// A sheet's rows, the first row first; a missing row is empty. Case of the name is ignored.
    public func rows(of sheet: String) -> [[Int: XLSXValue]]? {
        guard let name = sheetNames.first(where: { $0.caseInsensitiveCompare(sheet) == .orderedSame }) else { return nil }
        return sheets[name]
    }
}

/// The few XML shapes of an xlsx file, read with XMLParser.
private enum XMLElements {
    static func relationships(_ data: Data) -> [String: String] {
        let collector = Collector { name, attributes, _ in
            name == "Relationship" ? attributes : nil
        }
        collector.parse(data)
        var result: [String: String] = [:]
        for attributes in collector.found {
            if let id = attributes["Id"], let target = attributes["Target"] { result[id] = target }
        }
        return result
    }

    static func sheets(_ data: Data) -> [(String, String)] {
        let collector = Collector { name, attributes, _ in name == "sheet" ? attributes : nil }
        collector.parse(data)
        return collector.found.compactMap { attributes in
            guard let name = attributes["name"], let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
            else { return nil }
            return (name, id)
        }
    }

    static func sharedStrings(_ data: Data) -> [String] {
        let reader = SharedStringReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }

    static func cells(_ data: Data, sharedStrings: [String]) -> [[Int: XLSXValue]] {
        let reader = CellReader(sharedStrings: sharedStrings)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.rows
    }
}

/// Collects the attributes of the elements a filter picks.
private final class Collector: NSObject, XMLParserDelegate {
    let filter: (String, [String: String], Int) -> [String: String]?
    var found: [[String: String]] = []

    init(filter: @escaping (String, [String: String], Int) -> [String: String]?) { self.filter = filter }

    func parse(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if let picked = filter(elementName, attributes, found.count) { found.append(picked) }
    }
}

/// `<si><t>…</t></si>` and rich text `<si><r><t>…</t></r>…</si>`.
private final class SharedStringReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current: String?
    private var inText = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "si" { current = "" }
        if elementName == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current?.append(string) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "t" { inText = false }
        if elementName == "si" {
            strings.append(current ?? "")
            current = nil
        }
    }
}

/// `<row r="3"><c r="B3" t="s"><v>4</v></c>…</row>`, with shared, inline and plain strings and numbers.
private final class CellReader: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var rows: [[Int: XLSXValue]] = []
    private var row = -1
    private var column = 0
    private var type: String?
    private var text = ""
    private var inValue = false

    init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "row":
            row = (attributes["r"].flatMap(Int.init) ?? (row + 2)) - 1
            while rows.count <= row { rows.append([:]) }
            column = -1
        case "c":
            let reference = attributes["r"] ?? ""
            column = Self.column(reference) ?? (column + 1)
            type = attributes["t"]
            text = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t": inValue = false
        case "c":
            guard row >= 0 else { return }
            let value: XLSXValue?
            switch type {
            case "s": value = Int(text).flatMap { $0 < sharedStrings.count ? .text(sharedStrings[$0]) : nil }
            case "inlineStr", "str": value = .text(text)
            case "b": value = .text(text == "1" ? "TRUE" : "FALSE")
            default: value = text.isEmpty ? nil : (Double(text).map { .number($0) } ?? .text(text))
            }
            if let value { rows[row][column] = value }
        default: break
        }
    }

    /// `B3` → 1.
    static func column(_ reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter }.uppercased()
        guard !letters.isEmpty else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
