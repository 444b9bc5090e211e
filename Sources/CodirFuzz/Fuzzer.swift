import LibC
import CodirIngest
import CodirModel
import CodirStore
import Foundation
import ZIPFoundation

/// Feeds mutated inputs of every format to the importers, one scratch database for the whole run, and
/// checks after each what must always hold: the importer returned (a trap ends the process, which is the
/// finding), a file that failed left the database exactly as it was, memory did not jump, and the database
/// stays sound (`integrity_check`, `foreign_key_check`).
///
/// Before each case its input is written to `current.*` in the scratch folder, so that a case that kills the
/// process can be found and replayed.
public final class Fuzzer {
    /// Something that should never happen, with what caused it.
    public struct Finding: Sendable, CustomStringConvertible {
        public var run: Int
        public var format: Corpus.Format
        public var mutations: [Mutation]
        public var problem: String
        public var description: String {
            "run \(run), \(format.rawValue) (\(mutations.map(\.rawValue).joined(separator: ", "))): \(problem)"
        }
    }

    /// What a run did.
    public struct Summary: Sendable {
        public var runs = 0
        public var imported = 0
        public var refused = 0
        public var byFormat: [String: Int] = [:]
        public var byMutation: [String: Int] = [:]
        /// Seconds spent importing each format's cases.
        public var secondsByFormat: [String: Double] = [:]
        public var findings: [Finding] = []
        public var slowest: (seconds: Double, what: String) = (0, "")
        public var peakMemoryKiB = 0
    }

    /// A case taking longer than this is a finding.
    public var slowCase: Double = 10
    /// A case raising the process's peak memory by more than this is a finding.
    public var memoryJumpKiB = 300 * 1024

    public let folder: String
    private var rng: SeededGenerator
    private let store: Store

    /// A fuzzer whose scratch database and files live in `folder` (created; left for inspection).
    public init(seed: UInt64, folder: String) throws {
        self.folder = folder
        rng = SeededGenerator(seed: seed)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = (folder as NSString).appendingPathComponent("fuzz.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        store = try Store.open(path: database, access: .readWrite)
        _ = try Importer(store: store).importBytes(Array(Corpus.people.utf8), file: "people.csv")
    }

    /// Runs `iterations` cases, or as many as fit in `seconds`, whichever ends first.
    public func run(iterations: Int = .max, seconds: Double = .infinity, progress: ((Summary) -> Void)? = nil) -> Summary {
        var summary = Summary()
        let started = Date()
        while summary.runs < iterations && Date().timeIntervalSince(started) < seconds {
            let format = Corpus.Format.allCases.randomElement(using: &rng) ?? .jsonl
            summary.runs += 1
            summary.byFormat[format.rawValue, default: 0] += 1
            runCase(summary.runs, format, into: &summary)
            if summary.runs % 25 == 0 {
                checkIntegrity(summary.runs, format, into: &summary)
                progress?(summary)
            }
        }
        checkIntegrity(summary.runs, .jsonl, into: &summary)
        summary.peakMemoryKiB = Self.peakMemoryKiB()
        return summary
    }

    private func checkIntegrity(_ run: Int, _ format: Corpus.Format, into summary: inout Summary) {
        do {
            for problem in try store.integrityProblems() {
                summary.findings.append(Finding(run: run, format: format, mutations: [], problem: "database: \(problem)"))
            }
        } catch {
            summary.findings.append(Finding(run: run, format: format, mutations: [], problem: "integrity check: \(error)"))
        }
    }

    private func runCase(_ run: Int, _ format: Corpus.Format, into summary: inout Summary) {
        let before: StoreCounts
        do {
            before = try store.counts()
        } catch {
            summary.findings.append(Finding(run: run, format: format, mutations: [], problem: "counts: \(error)"))
            return
        }
        let memoryBefore = Self.peakMemoryKiB()
        let started = Date()
        var mutations: [Mutation] = []
        let outcome: Result<Bool, ImportFailure>
        do {
            outcome = try feed(format, mutations: &mutations)
        } catch {
            summary.findings.append(Finding(run: run, format: format, mutations: mutations, problem: "set-up: \(error)"))
            return
        }
        for mutation in mutations { summary.byMutation[mutation.rawValue, default: 0] += 1 }
        let elapsed = Date().timeIntervalSince(started)
        summary.secondsByFormat[format.rawValue, default: 0] += elapsed
        if elapsed > summary.slowest.seconds {
            summary.slowest = (elapsed, "\(format.rawValue) (\(mutations.map(\.rawValue).joined(separator: ", ")))")
        }
        func finding(_ problem: String) {
            summary.findings.append(Finding(run: run, format: format, mutations: mutations, problem: problem))
        }
        if elapsed > slowCase { finding("took \(Int(elapsed)) s") }
        let jump = Self.peakMemoryKiB() - memoryBefore
        if jump > memoryJumpKiB { finding("peak memory rose by \(jump / 1024) MiB") }
        let after: StoreCounts
        do {
            after = try store.counts()
        } catch {
            finding("counts after: \(error)")
            return
        }
        switch outcome {
        case .success(let logged):
            summary.imported += 1
            if logged && after.imports != before.imports + 1 { finding("an import that succeeded logged \(after.imports - before.imports) imports") }
        case .failure(let failure):
            summary.refused += 1
            if case .store(let error) = failure { finding("a store error for a bad file: \(error.message)") }
            // Refused whole: nothing of it is left behind.
            if after != before { finding("a refused file changed the database (\(before) → \(after))") }
        }
    }

    /// Builds a mutated input of `format`, writes it where the importers read it, and imports it.
    /// The result says whether the import was logged (an empty file is not).
    private func feed(_ format: Corpus.Format, mutations: inout [Mutation]) throws -> Result<Bool, ImportFailure> {
        let importer = Importer(store: store)
        func mutated(_ text: String, donor: String) -> [UInt8] {
            let (bytes, applied) = Mutator.mutate(Array(text.utf8), donor: Array(donor.utf8), using: &rng)
            mutations += applied
            return bytes
        }
        switch format {
        case .people, .jsonl, .csv:
            let seed = format == .people ? Corpus.people : format == .jsonl ? Corpus.jsonl : Corpus.csv
            let bytes = mutated(seed, donor: [Corpus.people, Corpus.jsonl, Corpus.csv].randomElement(using: &rng) ?? "")
            let path = save(bytes, as: "current.\(format.rawValue)")
            return Result { () throws(ImportFailure) in try importer.importBytes(bytes, file: path).format != nil }
        case .mbox:
            let bytes = mutated(Corpus.mbox, donor: Corpus.mbox)
            let path = save(bytes, as: "current.mbox")
            return Result { () throws(ImportFailure) in _ = try importer.importMail(at: path); return true }
        case .slack, .vivaEngage:
            let seed = format == .slack ? Corpus.slack : Corpus.vivaEngage
            var files = seed.map { ($0.0, Array($0.1.utf8)) }
            let target = Int.random(in: 0..<files.count, using: &rng)
            files[target].1 = mutated(seed[target].1, donor: seed.randomElement(using: &rng)?.1 ?? "")
            let export = (folder as NSString).appendingPathComponent("current-\(format.rawValue)")
            try? FileManager.default.removeItem(atPath: export)
            for (name, bytes) in files {
                let path = export + "/" + name
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            return Result { () throws(ImportFailure) in
                _ = format == .slack ? try importer.importSlack(at: export).summary : try importer.importVivaEngage(at: export).summary
                return true
            }
        case .archiveZip, .archiveFolder:
            var files = Corpus.archive.map { ($0.0, Array($0.1.utf8)) }
            let target = Int.random(in: 0..<files.count, using: &rng)
            let donor = Corpus.archive.randomElement(using: &rng)?.1 ?? ""
            files[target].1 = mutated(Corpus.archive[target].1, donor: donor)
            if format == .archiveFolder {
                let archive = (folder as NSString).appendingPathComponent("current-archive")
                try? FileManager.default.removeItem(atPath: archive)
                try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
                for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: archive + "/" + name)) }
                return Result { () throws(ImportFailure) in _ = try importer.importArchive(at: archive, person: nil); return true }
            }
            let path = try zip(files, as: "current.zip", damage: Bool.random(using: &rng), mutations: &mutations)
            return Result { () throws(ImportFailure) in _ = try importer.importArchive(at: path, person: nil); return true }
        case .xlsx:
            var parts = Corpus.xlsxParts().map { ($0.0, Array($0.1.utf8)) }
            let damageZip = Bool.random(using: &rng)
            if !damageZip {
                let target = Int.random(in: 0..<parts.count, using: &rng)
                let text = String(decoding: parts[target].1, as: UTF8.self)
                parts[target].1 = mutated(text, donor: Corpus.xlsxParts().randomElement(using: &rng)?.1 ?? "")
            }
            let path = try zip(parts, as: "Content_2026-11-01_2026-11-30_ClaireMartin.xlsx", damage: damageZip, mutations: &mutations)
            return Result { () throws(ImportFailure) in _ = try importer.importAnalytics(at: path, person: "ceo"); return true }
        }
    }

    private func save(_ bytes: [UInt8], as name: String) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try? Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Zips `files`; with `damage`, the zip's own bytes are then mutated.
    private func zip(_ files: [(String, [UInt8])], as name: String, damage: Bool, mutations: inout [Mutation]) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (entry, bytes) in files {
            let data = Data(bytes)
            try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard damage else { return path }
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var damaged = original
        // Bytes of a zip: flips and cuts, not long lines (which would only make it bigger).
        let applied: Mutation = [.bitFlip, .interestingByte, .truncation, .deletion, .hugeNumber].randomElement(using: &rng) ?? .bitFlip
        Mutator.apply(applied, to: &damaged, donor: original, using: &rng)
        mutations.append(applied)
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The process's peak resident memory so far, in KiB.
    static func peakMemoryKiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
            return Int(usage.ru_maxrss) / 1024
        #else
            return Int(usage.ru_maxrss)
        #endif
    }
}
