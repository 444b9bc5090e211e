import CodirFuzz
import CodirModel
import Foundation
import Testing

/// The short fuzz run of every importer, with a fixed seed (the long one is `codir-fuzz`, docs/fuzzing.md).
@Suite("Fuzzing the importers")
struct FuzzTests {
    @Test func mutatedInputsOfEveryFormatNeverTrapNorLeaveHalfAnImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-fuzz-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fuzzer = try Fuzzer(seed: 20_261_201, folder: folder)
        let summary = fuzzer.run(iterations: 600, seconds: 30)
        #expect(summary.findings.isEmpty, "\(summary.findings.map(\.description).joined(separator: "\n"))")
        // Every format and every kind of mutation was tried, and some inputs still went in.
        #expect(Set(summary.byFormat.keys) == Set(Corpus.Format.allCases.map(\.rawValue)))
        #expect(summary.byMutation.count == Mutation.allCases.count)
        #expect(summary.imported > 0 && summary.refused > 0)
    }

    @Test func theSameSeedGivesTheSameMutations() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7)
        let seed = Array("type,id\npost,1\n".utf8)
        #expect(Mutator.mutate(seed, donor: seed, using: &a).0 == Mutator.mutate(seed, donor: seed, using: &b).0)
    }
}
