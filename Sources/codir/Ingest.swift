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
        static let configuration = CommandConfiguration(
            abstract: "Import continuously: follow a growing events file, or watch a folder for dropped files.",
            discussion: """
                --follow FILE imports each new complete line of a JSON Lines or CSV events file as it arrives \
                (like tail -F: rotation and truncation are survived), in small transactions, and resumes where it \
                stopped after a restart. --watch DIR imports every file dropped into DIR once (people, events, \
                LinkedIn archives and analytics, Slack and Viva Engage exports, Maildirs, mbox and .eml files, \
                press feeds and press CSV files: whatever codir import recognises), once it \
                has not changed for --settle seconds: it is claimed by a \
                rename into DIR/processing/, imported, then moved to DIR/done/ or DIR/failed/ (never replacing \
                anything; symbolic links, FIFOs and devices are filed unopened). A busy database leaves it in \
                processing/ to be tried again. Both stop within a second on Ctrl-C or SIGTERM.

                Examples: codir ingest --follow /var/log/intranet/events.jsonl
                          codir ingest --watch /srv/codir/inbox --person ceo
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The events file to follow.", valueName: "file"))
        var follow: String?

        @Option(help: ArgumentHelp("The folder to watch.", valueName: "dir"))
        var watch: String?

        @Option(help: "Seconds between two looks at the file or folder.")
        var interval: Double = 0.5

        @Option(help: ArgumentHelp("Whose LinkedIn exports the watched folder receives, when they do not say.", valueName: "id"))
        var person: String?

        @Option(help: "With --watch: seconds a dropped file's size and time must stay the same before it is taken (a copy in progress is left alone).")
        var settle: Double = 3

        @Option(help: "With --watch, for e-mail: a message to more directory recipients than this is a broadcast and gives no interaction.")
        var maxRecipients = 20

        @Option(help: "With --watch: what becomes of an imported file: done (kept in DIR/done/) or none (removed once imported).")
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
