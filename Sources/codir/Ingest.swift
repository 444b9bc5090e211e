import ArgumentParser
import CodirIngest
import CodirModel
import CodirStore
import CodirText
import Foundation

/// What `ingest --watch` does with an imported file.
enum KeepImported: String, ExpressibleByArgument, CaseIterable {
    case done, none
}

extension Codir {
    struct Ingest: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.ingestAbstract,
                discussion: Strings.current.help.ingestDiscussion)
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(Strings.current.help.ingestFollow, valueName: "file"))
        var follow: String?

        @Option(help: ArgumentHelp(Strings.current.help.ingestWatch, valueName: "dir"))
        var watch: String?

        @Option(help: ArgumentHelp(Strings.current.help.ingestInterval))
        var interval: Double = 0.5

        @Option(help: ArgumentHelp(Strings.current.help.ingestPerson, valueName: "id"))
        var person: String?

        @Option(help: ArgumentHelp(Strings.current.help.ingestSettle))
        var settle: Double = 3

        @Option(help: ArgumentHelp(Strings.current.help.ingestMaxRecipients))
        var maxRecipients = 20

        @Option(help: ArgumentHelp(Strings.current.help.ingestKeep))
        var keep: KeepImported = .done

        @OptionGroup var settings: ViewerOptions

        func validate() throws {
            guard (follow == nil) != (watch == nil) else { throw ValidationError(Strings.current.commands.followOrWatch) }
            guard interval >= 0.05, interval <= 3600 else { throw ValidationError(Strings.current.commands.betweenSeconds("--interval", "0.05", "3600")) }
            guard settle >= 0, settle <= 3600 else { throw ValidationError(Strings.current.commands.betweenSeconds("--settle", "0", "3600")) }
            guard (1...100_000).contains(maxRecipients) else {
                throw ValidationError(Strings.current.commands.between("--max-recipients", "1", "100000"))
            }
        }

        func run() throws {
            // Stopped within a second whatever it is doing: an import cut short is rolled back, and its file,
            // left in processing/ (or the followed file's saved position), is taken again at the next start.
            Platform.catchStopSignals(exitWithin: 1)
            let store: Store
            do {
                store = try Store.open(path: global.databasePath(), access: .readWrite, createFolder: global.createsFolder())
            } catch {
                throw fail(error)
            }
            // The configuration's retention_days, applied at the start and then at most once an hour.
            let retention = Retention(days: try settings.configuration().retentionDays)
            retention.apply(to: store, log: { printError($0) })
            if let follow { try followFile(follow, store: store, retention: retention) }
            if let watch { try watchFolder(watch, store: store, retention: retention) }
        }

        private func followFile(_ path: String, store: Store, retention: Retention) throws {
            let follower: FileFollower
            do {
                follower = try FileFollower(path: path, importer: Importer(store: store))
            } catch {
                printError(error.description)
                throw ExitStatus.rejectedInput
            }
            printError(Strings.current.imports.following(path))
            var total = ImportCounts()
            while !Platform.stopRequested {
                do {
                    let results = try follower.poll()
                    if results.contains(where: { $0.counts.imported > 0 }) {
                        retention.apply(to: store, afterImport: true, log: { printError($0) })
                    }
                    for result in results {
                        for diagnostic in result.diagnostics { printError(diagnostic.description) }
                        total.imported += result.counts.imported
                        total.duplicates += result.counts.duplicates
                        total.rejected += result.counts.rejected
                        if result.counts.imported + result.counts.duplicates + result.counts.rejected > 0 {
                            printLine(
                                Strings.current.imports.followed(path, result.counts.imported, result.counts.duplicates, result.counts.rejected)
                            )
                        }
                    }
                } catch {
                    switch error {
                    case .store(let storeError) where storeError == .locked(path: store.path):
                        break  // another writer is busy: the next look will do
                    case .store(let storeError): throw fail(storeError)
                    default: printError(error.description)
                    }
                }
                retention.apply(to: store, log: { printError($0) })
                Platform.sleep(interval)
            }
            printLine(Strings.current.imports.canonicalTotal(path, total.imported, total.duplicates, total.rejected))
        }

        private func watchFolder(_ folder: String, store: Store, retention: Retention) throws {
            let watcher: FolderWatcher
            do {
                var importer = Importer(store: store)
                importer.maxRecipients = maxRecipients
                watcher = try FolderWatcher(
                    folder: folder, importer: importer, person: person, settle: settle,
                    log: { printError($0) },
                    summary: {
                        printLine($0)
                        retention.apply(to: store, afterImport: true, log: { printError($0) })
                    })
                watcher.keepsImported = keep == .done
            } catch {
                printError("error: \(error.description)")
                throw ExitStatus.unreadableInput
            }
            printError(Strings.current.imports.watching(folder))
            while !Platform.stopRequested {
                do {
                    try watcher.poll()
                } catch {
                    printError("error: \(error.description)")
                    throw ExitStatus.unreadableInput
                }
                retention.apply(to: store, log: { printError($0) })
                Platform.sleep(interval)
            }
        }
    }
}
