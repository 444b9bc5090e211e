import ArgumentParser
import CodirMetrics
import CodirModel
import CodirReport
import CodirStore
import CodirText
import Foundation

/// `--window`, defined once for every command that shows a window.
struct WindowOption: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.current.help.reportWindow))
    var window: WindowLength = .days(30)
}

/// The window options of the commands that print metrics: `--window` and `--as-of`.
struct WindowOptions: ParsableArguments {
    @OptionGroup var length: WindowOption

    var window: WindowLength { length.window }

    @Option(help: ArgumentHelp(Strings.current.help.reportAsOf, valueName: "time"))
    var asOf: String?

    func asOfTimestamp() throws -> Timestamp {
        guard let asOf else { return Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        let parsed = Timestamp(iso8601: asOf) ?? Day(iso8601: asOf).map { $0.advanced(by: 1).start.adding(seconds: -1) }
        if let parsed {
            guard Bounds.isPlausible(parsed) else {
                throw ValidationError(Strings.current.commands.asOfOutside(sanitized(asOf)))
            }
            return parsed
        }
        throw ValidationError(Strings.current.commands.asOfNotTime(sanitized(asOf)))
    }

    func validate() throws { _ = try asOfTimestamp() }
}

extension WindowLength: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
    public static var allValueStrings: [String] { ["7d", "30d", "90d", "365d", "all"] }
}

extension ReportFormat: ExpressibleByArgument {}
extension CSVTable: ExpressibleByArgument {}

extension Codir {
    struct Report: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.reportAbstract,
                discussion: Strings.current.help.reportDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var windowOptions: WindowOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(help: ArgumentHelp(Strings.current.help.reportFormat))
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp(Strings.current.help.reportTable))
        var table: CSVTable = .leaders

        @Option(help: ArgumentHelp(Strings.current.help.reportBridges))
        var bridges = 10

        @Option(
            help: ArgumentHelp(
                Strings.current.help.reportSource,
                valueName: "sources"))
        var source: String?

        func validate() throws {
            guard bridges >= 0, bridges <= 100_000 else { throw ValidationError(Strings.current.commands.between("--bridges", "0", "100000")) }
            _ = try sources()
        }

        /// The sources of `--source`; nil for all.
        func sources() throws -> Set<InteractionSource>? {
            guard let source else { return nil }
            var sources = Set<InteractionSource>()
            for name in source.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let found = InteractionSource(rawValue: name) else {
                    throw ValidationError(
                        Strings.current.commands.notASource(sanitized(name), InteractionSource.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                sources.insert(found)
            }
            guard !sources.isEmpty else { throw ValidationError(Strings.current.commands.sourceNeedsOne) }
            return sources
        }

        func run() throws {
            let path = global.databasePath()
            let output = try Self.render(
                path: path, disclosure: viewer.disclosure(), length: windowOptions.window, asOf: try windowOptions.asOfTimestamp(), format: format,
                table: table, bridges: bridges, sources: try sources(), rates: try viewer.configuration().value)
            FileHandle.standardOutput.write(Data(output.utf8))
        }

        /// Opens the database read-only and renders its report.
        static func render(
            path: String, disclosure: Disclosure = .everything, length: WindowLength, asOf: Timestamp, format: ReportFormat, table: CSVTable = .leaders,
            bridges: Int = 10, sources: Set<InteractionSource>? = nil, rates: ValueRates = .defaults
        ) throws -> String {
            do {
                let store = try Store.open(path: path, access: .readOnly)
                let window = TimeWindow(length: length, asOf: asOf)
                let dataset = try store.dataset(for: window, trendWeeks: MetricsEngine.trendWeeks)
                let report = MetricsEngine.report(
                    for: dataset, length: length, asOf: asOf, bridgeLimit: bridges, sources: sources, rates: rates)
                    .disclosed(to: disclosure)
                let name =
                    try store.metadata(Store.organisationKey)
                    ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                return ReportDocument(organisation: name, report: report).rendered(as: format, table: table)
            } catch {
                throw fail(error)
            }
        }
    }
}
