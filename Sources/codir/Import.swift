import ArgumentParser
import CodirIngest
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Import: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.importAbstract,
                discussion: Strings.current.help.importDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var settings: ViewerOptions

        @Option(
            help: ArgumentHelp(
                Strings.current.help.importFormat,
                valueName: "format"))
        var format: String?

        @Flag(help: ArgumentHelp(Strings.current.help.importDryRun))
        var dryRun = false

        @Option(help: ArgumentHelp(Strings.current.help.importRejects, valueName: "path"))
        var rejects: String?

        @Option(help: ArgumentHelp(Strings.current.help.importOrganisation))
        var organisation: String?

        @Option(help: ArgumentHelp(Strings.current.help.importPerson, valueName: "id"))
        var person: String?

        @Option(help: ArgumentHelp(Strings.current.help.importMaxRecipients))
        var maxRecipients = 20

        @Argument(help: ArgumentHelp(Strings.current.help.importFiles, valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty && organisation == nil {
                throw ValidationError(Strings.current.commands.giveFile)
            }
            if let format, ForcedFormat(format) == nil {
                throw ValidationError(Strings.current.commands.formatNotOne(sanitized(format), ForcedFormat.names.joined(separator: ", ")))
            }
            guard (1...100_000).contains(maxRecipients) else {
                throw ValidationError(Strings.current.commands.between("--max-recipients", "1", "100000"))
            }
        }

        func run() throws {
            let path = global.databasePath()
            let store: Store
            do {
                if dryRun {
                    store = FileManager.default.fileExists(atPath: path) ? try Store.copyInMemory(of: path) : try Store.inMemory()
                } else {
                    store = try Store.open(path: path, access: .readWrite, createFolder: global.createsFolder())
                }
                if let organisation, !dryRun { try store.setMetadata(Store.organisationKey, organisation) }
            } catch {
                throw fail(error)
            }
            // A dry run imports into a copy in memory, thrown away at the end: each file commits to the copy, so
            // that the next one sees it (a first bundle: the people, then their archives).
            var importer = Importer(store: store, dryRun: false)
            importer.maxRecipients = maxRecipients
            let bar = ProgressBar()
            if Platform.stderrIsTerminal { importer.progress = { bar.show($0) } }
            var rejectsFile = try RejectsFile(path: rejects)
            var status = ExitCode.success
            for file in files {
                let result: ImportResult
                do {
                    bar.start(file)
                    defer { bar.clear() }
                    result = try importer.importInput(at: file, forced: format.flatMap(ForcedFormat.init), person: person)
                } catch {
                    switch error {
                    case .unreadable:
                        printError(error.description)
                        status = ExitStatus.unreadableInput
                    case .unrecognised:
                        printError(error.description)
                        if status == .success { status = ExitStatus.rejectedInput }
                    case .store(let storeError):
                        throw fail(storeError)
                    }
                    continue
                }
                for diagnostic in result.diagnostics { printError(diagnostic.description) }
                rejectsFile.append(result)
                printLine(result.summary + (dryRun ? Strings.current.imports.dryRun : ""))
                if result.hasRejections && status == .success { status = ExitStatus.rejectedInput }
            }
            // The configuration's retention_days: the database never holds more history than decided.
            if !dryRun { Retention(days: try settings.configuration().retentionDays).apply(to: store, afterImport: true, log: { printError($0) }) }
            if status != .success { throw status }
        }
    }
}


/// The `--rejects` file: rejected lines, verbatim, under their CSV header when they have one, so the file
/// can be fixed and imported again.
struct RejectsFile {
    private let handle: FileHandle?
    private let path: String?
    private var lastHeader: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            printError("error: " + Strings.current.commands.cannotWriteRejects(path))
            throw ExitStatus.cannotCreate
        }
        self.handle = handle
    }

    mutating func append(_ result: ImportResult) {
        guard let handle, !result.rejectedLines.isEmpty else { return }
        var text = ""
        if let header = result.header, header != lastHeader {
            text += header + "\n"
            lastHeader = header
        }
        for line in result.rejectedLines { text += line.text + "\n" }
        handle.write(Data(text.utf8))
    }
}

/// A one-line progress bar on stderr for files that take more than a moment; it erases itself.
final class ProgressBar: @unchecked Sendable {
    private var label = ""
    private var started = Date()
    private var shown = false
    private var lastPercent = -1
    /// `42%` / `42 %`: taken when a file starts, on the thread the language is bound to.
    private var percentSpace = ""

    func start(_ label: String) {
        self.label = quoted((label as NSString).lastPathComponent, limit: 40)
        percentSpace = Strings.current.format.percentSpace
        started = Date()
        lastPercent = -1
    }

    func show(_ fraction: Double) {
        // Only for imports that last: short ones finish before a bar would help.
        guard Date().timeIntervalSince(started) > 0.5 else { return }
        let percent = fraction.isFinite ? Int(max(0, min(1, fraction)) * 100) : 0
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)\(percentSpace)% \(label)".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
