import ArgumentParser
import CodirIngest
import CodirModel
import CodirStore
import Foundation

extension Codir {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import continuously: follow a growing events file, or watch a folder for dropped files.",
            discussion: """
                --follow FILE imports each new complete line of a JSON Lines or CSV events file as it arrives \
                (like tail -F: rotation and truncation are survived), in small transactions, and resumes where it \
                stopped after a restart. --watch DIR imports every file dropped into DIR once (people, events, \
                LinkedIn archives and analytics), once it has not changed for --settle seconds, then moves it to \
                DIR/done/ or DIR/failed/. Both stop cleanly on Ctrl-C or SIGTERM.
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

        func validate() throws {
            guard (follow == nil) != (watch == nil) else { throw ValidationError("Give either --follow FILE or --watch DIR.") }
            guard interval >= 0.05, interval <= 3600 else { throw ValidationError("--interval must be between 0.05 and 3600 seconds.") }
            guard settle >= 0, settle <= 3600 else { throw ValidationError("--settle must be between 0 and 3600 seconds.") }
        }

        func run() throws {
            Platform.catchStopSignals()
            let store: Store
            do {
                store = try Store.open(path: global.databasePath(), access: .readWrite)
            } catch {
                throw fail(error)
            }
            if let follow { try followFile(follow, store: store) }
            if let watch { try watchFolder(watch, store: store) }
        }

        private func followFile(_ path: String, store: Store) throws {
            let follower: FileFollower
            do {
                follower = try FileFollower(path: path, importer: Importer(store: store))
            } catch {
                printError(error.description)
                throw ExitStatus.rejectedInput
            }
            printError("ingest: following \(path)")
            var total = ImportCounts()
            while !Platform.stopRequested {
                do {
                    for result in try follower.poll() {
                        for diagnostic in result.diagnostics { printError(diagnostic.description) }
                        total.imported += result.counts.imported
                        total.duplicates += result.counts.duplicates
                        total.rejected += result.counts.rejected
                        if result.counts.imported + result.counts.duplicates + result.counts.rejected > 0 {
                            printLine(
                                "\(path): +\(result.counts.imported) imported, \(result.counts.duplicates) duplicates, \(result.counts.rejected) rejected"
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
                Platform.sleep(interval)
            }
            printLine("\(path): \(total.imported) imported, \(total.duplicates) duplicates, \(total.rejected) rejected in all")
        }

        private func watchFolder(_ folder: String, store: Store) throws {
            let fileManager = FileManager.default
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                printError("error: \(folder) is not a folder; create it or name another with --watch")
                throw ExitStatus.unreadableInput
            }
            let done = (folder as NSString).appendingPathComponent("done")
            let failed = (folder as NSString).appendingPathComponent("failed")
            for destination in [done, failed] { try? fileManager.createDirectory(atPath: destination, withIntermediateDirectories: true) }
            printError("ingest: watching \(folder)")
            let importer = Importer(store: store)
            // A file is taken once its size and modification time have not changed for --settle seconds, so
            // that a copy in progress (even a stalled one) is not read half; names that copying tools give
            // to files being written are left alone until renamed.
            var seen: [String: (size: UInt64, modified: Date, since: Date)] = [:]
            while !Platform.stopRequested {
                let names = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? [])
                    .filter { !Self.isInProgress($0) }.sorted()
                seen = seen.filter { names.contains($0.key) }
                for name in names where name != "done" && name != "failed" {
                    let path = (folder as NSString).appendingPathComponent(name)
                    let (size, modified) = Self.fingerprint(path)
                    guard let previous = seen[name], previous.size == size, previous.modified == modified else {
                        seen[name] = (size, modified, Date())
                        continue
                    }
                    guard Date().timeIntervalSince(previous.since) >= settle else { continue }
                    seen[name] = nil
                    let succeeded = importDropped(path, importer: importer)
                    let target = ((succeeded ? done : failed) as NSString).appendingPathComponent(name)
                    try? fileManager.removeItem(atPath: target)
                    do {
                        try fileManager.moveItem(atPath: path, toPath: target)
                        printError("ingest: \(name) → \(succeeded ? "done" : "failed")/")
                    } catch {
                        printError("error: cannot move \(path) to \(target); check the folder's permissions")
                    }
                }
                Platform.sleep(interval)
            }
        }

        /// The size and the latest modification time of a file, or of everything in a folder (an unpacked
        /// archive), so that a folder whose files are still being copied is not taken.
        static func fingerprint(_ path: String) -> (size: UInt64, modified: Date) {
            let fileManager = FileManager.default
            func attributes(_ path: String) -> (UInt64, Date) {
                let attributes = try? fileManager.attributesOfItem(atPath: path)
                return (attributes?[.size] as? UInt64 ?? 0, attributes?[.modificationDate] as? Date ?? .distantPast)
            }
            var (size, modified) = attributes(path)
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
                let contents = fileManager.enumerator(atPath: path)
            {
                for case let name as String in contents {
                    let (entrySize, entryModified) = attributes((path as NSString).appendingPathComponent(name))
                    size += entrySize
                    modified = max(modified, entryModified)
                }
            }
            return (size, modified)
        }

        /// Hidden files and the names of files still being written (`.part`, `.partial`, `.tmp`,
        /// `.crdownload`, `.download`, a trailing `~`).
        static func isInProgress(_ name: String) -> Bool {
            let lower = name.lowercased()
            return name.hasPrefix(".") || name.hasSuffix("~")
                || [".part", ".partial", ".tmp", ".crdownload", ".download"].contains { lower.hasSuffix($0) }
        }

        /// Imports one dropped file or folder; false when it could not be imported at all.
        private func importDropped(_ path: String, importer: Importer) -> Bool {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            do {
                if isFolder.boolValue || path.lowercased().hasSuffix(".zip") {
                    let result = try importer.importArchive(at: path, person: person)
                    for diagnostic in result.diagnostics { printError(diagnostic.description) }
                    printLine(result.summary)
                } else if path.lowercased().hasSuffix(".xlsx") {
                    let result = try importer.importAnalytics(at: path, person: person)
                    for diagnostic in result.diagnostics { printError(diagnostic.description) }
                    printLine(result.summary)
                } else {
                    let result = try importer.importFile(at: path)
                    for diagnostic in result.diagnostics { printError(diagnostic.description) }
                    printLine(result.summary)
                }
                return true
            } catch {
                printError(error.description)
                return false
            }
        }
    }
}
