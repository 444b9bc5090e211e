import CodirModel
import CodirText
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

/// The sheets of an .xlsx file, read with ZIPFoundation and Foundation's XMLParser: names in order, and the
/// sheets asked for as rows of cells by column.
///
/// The file is treated as hostile: every part is bounded by `ZipLimits`, a part with a DTD (which xlsx never
/// has, and which XMLParser would expand) refuses the workbook, cell references and row numbers must lie
/// within Excel's `XFD1048576`, shared-string indices within the table, and each part is parsed once. A
/// workbook that cannot be read safely is refused whole.
public struct XLSXWorkbook: Sendable {
    /// Excel's limits: rows 1…1,048,576 and columns A…XFD (16,384).
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    /// The most cells and shared strings kept from one workbook; LinkedIn's exports hold a few thousand.
    public static let maxCells = 2_000_000
    /// The largest part read: 64 MiB.
    public static let maxPartBytes: UInt64 = 64 << 20

    public let sheetNames: [String]
    private let sheets: [String: [[Int: XLSXValue]]]

    /// Reads the workbook at `path`, parsing only the sheets named in `wanted` (case ignored; nil: all).
    public init(path: String, sheets wanted: Set<String>? = nil, limits: ZipLimits = .standard) throws(XLSXError) {
        var zip: ZipReader
        // A workbook's parts are small (LinkedIn's whole export is under a megabyte): 64 MiB a part, 256 MiB in
        // all at most, so that the parsed cells stay well within memory.
        var bounded = limits
        bounded.perEntry = min(limits.perEntry, Self.maxPartBytes)
        bounded.total = min(limits.total, 4 * Self.maxPartBytes)
        do {
            zip = try ZipReader(path: path, limits: bounded)
        } catch {
            throw XLSXError(
                reason: error.kind == .tooManyEntries ? error.reason : Strings.current.files.notXLSX)
        }
        func part(_ name: String) throws(XLSXError) -> Data? {
            guard let entry = zip.entry(name) else { return nil }
            let bytes: [UInt8]
            do {
                bytes = try zip.read(entry)
            } catch {
                throw XLSXError(reason: error.reason)
            }
            try XMLSafety.check(bytes, part: name)
            return Data(bytes)
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw XLSXError(reason: Strings.current.files.noWorkbook)
        }
        let sheetList = try XMLElements.sheets(workbook)
        let wantedNames = wanted.map { Set($0.map { $0.lowercased() }) }
        let used = sheetList.filter { wantedNames?.contains($0.name.lowercased()) ?? true }
        let relationships = used.isEmpty ? [:] : try part("xl/_rels/workbook.xml.rels").map(XMLElements.relationships) ?? [:]
        var sharedStrings: [String]?
        var parsed: [String: [[Int: XLSXValue]]] = [:]
        var budget = CellBudget(remaining: Self.maxCells)
        var read: [String: [[Int: XLSXValue]]] = [:]
        for sheet in used where read[sheet.name] == nil {
            guard let target = relationships[sheet.relationship] else { continue }
            let partName = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            if let rows = parsed[partName] {
                read[sheet.name] = rows  // another sheet entry naming the same part: parsed once
                continue
            }
            guard let data = try part(partName) else { continue }
            if sharedStrings == nil {
                sharedStrings = try part("xl/sharedStrings.xml").map { data throws(XLSXError) in
                    try XMLElements.sharedStrings(data, budget: &budget)
                } ?? []
            }
            let rows = try XMLElements.cells(data, part: partName, sharedStrings: sharedStrings ?? [], budget: &budget)
            parsed[partName] = rows
            read[sheet.name] = rows
        }
        sheetNames = sheetList.map(\.name).filter { read[$0] != nil }
        self.sheets = read
    }

    /// A sheet's rows, the first row first; a missing row is empty. Case of the name is ignored.
    public func rows(of sheet: String) -> [[Int: XLSXValue]]? {
        guard let name = sheetNames.first(where: { $0.caseInsensitiveCompare(sheet) == .orderedSame }) else { return nil }
        return sheets[name]
    }

    /// `B3` → column 1, row 2 (both from 0); nil when it is not a reference within `XFD1048576`.
    static func reference(_ text: String) -> (column: Int, row: Int?)? {
        var column = 0, letters = 0
        var rest = Substring(text)
        while let c = rest.first, let ascii = c.asciiValue, (65...90).contains(ascii) || (97...122).contains(ascii) {
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(ascii & 0xDF) - 64
            rest = rest.dropFirst()
        }
        guard letters > 0, column <= maxColumns else { return nil }
        if rest.isEmpty { return (column - 1, nil) }
        guard rest.count <= 7, rest.allSatisfy(\.isASCII), let row = Int(rest), (1...maxRows).contains(row) else {
            return nil
        }
        return (column - 1, row - 1)
    }
}

/// The cells and strings a workbook may still hold.
private struct CellBudget {
    var remaining: Int
}

/// What is refused before a part reaches XMLParser.
enum XMLSafety {
    /// A part with a DTD or an entity declaration (`<!DOCTYPE`, `<!ENTITY`: anything `<!` but a comment or
    /// CDATA) is refused, as is one not in valid UTF-8: such a declaration could hide from this check, and
    /// Foundation's XMLParser traps on an element name that is not valid UTF-8 (found by codir-fuzz).
    static func check(_ bytes: [UInt8], part: String) throws(XLSXError) {
        if bytes.contains(0) || String(bytes: bytes, encoding: .utf8) == nil {
            throw XLSXError(reason: Strings.current.files.partNotUTF8(quoted(part)))
        }
        var i = 0
        let count = bytes.count
        while i + 1 < count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "!") {
                let rest = bytes[(i + 2)..<min(count, i + 9)]
                if !rest.starts(with: Array("--".utf8)) && !rest.starts(with: Array("[CDATA[".utf8)) {
                    throw XLSXError(
                        reason:
                            Strings.current.files.partDTD(quoted(part))
                    )
                }
            }
            i += 1
        }
    }
}

/// The few XML shapes of an xlsx file, read with XMLParser.
private enum XMLElements {
    static func parser(_ data: Data, _ delegate: XMLParserDelegate) -> XMLParser {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        return parser
    }

    static func relationships(_ data: Data) throws(XLSXError) -> [String: String] {
        let collector = Collector { name, attributes in name == "Relationship" ? attributes : nil }
        try collector.parse(data, part: "xl/_rels/workbook.xml.rels")
        var result: [String: String] = [:]
        for attributes in collector.found {
            if let id = attributes["Id"], let target = attributes["Target"] { result[id] = target }
        }
        return result
    }

    static func sheets(_ data: Data) throws(XLSXError) -> [(name: String, relationship: String)] {
        let collector = Collector { name, attributes in name == "sheet" ? attributes : nil }
        try collector.parse(data, part: "xl/workbook.xml")
        return collector.found.compactMap { attributes in
            guard let name = attributes["name"],
                let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
            else { return nil }
            return (name, id)
        }
    }

    static func sharedStrings(_ data: Data, budget: inout CellBudget) throws(XLSXError) -> [String] {
        let reader = SharedStringReader(budget: budget.remaining)
        let parser = parser(data, reader)
        let ok = parser.parse() && parser.parserError == nil
        if let problem = reader.problem { throw XLSXError(reason: problem) }
        guard ok else { throw XLSXError(reason: Strings.current.files.partNotXML("xl/sharedStrings.xml")) }
        budget.remaining -= reader.strings.count
        return reader.strings
    }

    static func cells(_ data: Data, part: String, sharedStrings: [String], budget: inout CellBudget) throws(XLSXError)
        -> [[Int: XLSXValue]]
    {
        let reader = CellReader(part: part, sharedStrings: sharedStrings, budget: budget.remaining)
        let parser = parser(data, reader)
        let ok = parser.parse() && parser.parserError == nil
        if let problem = reader.problem { throw XLSXError(reason: problem) }
        guard ok else { throw XLSXError(reason: Strings.current.files.partNotXML(quoted(part))) }
        budget.remaining = reader.budget
        return reader.rows
    }
}

/// Collects the attributes of the elements a filter picks.
private final class Collector: NSObject, XMLParserDelegate {
    let filter: (String, [String: String]) -> [String: String]?
    var found: [[String: String]] = []

    init(filter: @escaping (String, [String: String]) -> [String: String]?) { self.filter = filter }

    func parse(_ data: Data, part: String) throws(XLSXError) {
        let parser = XMLElements.parser(data, self)
        guard parser.parse(), parser.parserError == nil else {
            throw XLSXError(reason: Strings.current.files.partNotXML(quoted(part)))
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if found.count < XLSXWorkbook.maxCells, let picked = filter(elementName, attributes) { found.append(picked) }
    }
}

/// `<si><t>…</t></si>` and rich text `<si><r><t>…</t></r>…</si>`.
private final class SharedStringReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var problem: String?
    private let budget: Int
    private var current: String?
    private var inText = false

    init(budget: Int) { self.budget = budget }

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
            guard strings.count < budget else {
                problem = Strings.current.files.workbookTooManyCells(XLSXWorkbook.maxCells)
                parser.abortParsing()
                return
            }
            strings.append(current ?? "")
            current = nil
        }
    }
}

/// `<row r="3"><c r="B3" t="s"><v>4</v></c>…</row>`, with shared, inline and plain strings and numbers.
private final class CellReader: NSObject, XMLParserDelegate {
    let part: String
    let sharedStrings: [String]
    var rows: [[Int: XLSXValue]] = []
    var problem: String?
    var budget: Int
    private var row = -1
    private var column = -1
    private var type: String?
    private var text = ""
    private var inValue = false

    init(part: String, sharedStrings: [String], budget: Int) {
        self.part = part
        self.sharedStrings = sharedStrings
        self.budget = budget
    }

    private func refuse(_ parser: XMLParser, _ reason: String) {
        guard problem == nil else { return }
        problem = Strings.current.files.partRefused(quoted(part), reason)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard problem == nil else { return }
        switch elementName {
        case "row":
            if let r = attributes["r"] {
                guard r.count <= 7, let number = Int(r), (1...XLSXWorkbook.maxRows).contains(number) else {
                    return refuse(parser, Strings.current.files.rowNumber(quoted(r), XLSXWorkbook.maxRows))
                }
                row = number - 1
            } else {
                guard row + 1 < XLSXWorkbook.maxRows else { return refuse(parser, Strings.current.files.tooManyRows(XLSXWorkbook.maxRows)) }
                row += 1
            }
            while rows.count <= row { rows.append([:]) }
            column = -1
        case "c":
            if let reference = attributes["r"] {
                guard let parsed = XLSXWorkbook.reference(reference) else {
                    return refuse(parser, Strings.current.files.cellBeyond(quoted(reference), XLSXWorkbook.maxRows))
                }
                column = parsed.column
            } else {
                guard column + 1 < XLSXWorkbook.maxColumns else {
                    return refuse(parser, Strings.current.files.tooManyColumns(XLSXWorkbook.maxColumns, row + 1))
                }
                column += 1
            }
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
        guard problem == nil else { return }
        switch elementName {
        case "v", "t": inValue = false
        case "c":
            guard row >= 0 else { return }
            let value: XLSXValue?
            switch type {
            case "s":
                guard text.utf8.count <= 10, let index = Int(text), sharedStrings.indices.contains(index) else {
                    return refuse(
                        parser,
                        Strings.current.files.sharedIndex(quoted(text), row + 1, sharedStrings.count)
                    )
                }
                value = .text(sharedStrings[index])
            case "inlineStr", "str": value = .text(text)
            case "b": value = .text(text == "1" ? "TRUE" : "FALSE")
            default: value = text.isEmpty ? nil : (Double(text).map { .number($0) } ?? .text(text))
            }
            if let value {
                guard budget > 0 else {
                    return refuse(parser, Strings.current.files.tooManyCells(XLSXWorkbook.maxCells))
                }
                budget -= 1
                rows[row][column] = value
            }
        default: break
        }
    }
}
