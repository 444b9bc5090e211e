import CodirFuzz
import Foundation

/// The long fuzz run of docs/fuzzing.md.
///
/// Usage: swift run -c release codir-fuzz [--seconds N] [--seed S] [--folder DIR]
/// Exits 0 when nothing was found, 1 with the findings listed. If the process itself dies (a trap), the
/// input that killed it is `DIR/current.*` (or `DIR/current-archive/`).
@main
enum FuzzMain {
    static func main() {
        var seconds = 60.0
        var seed = UInt64(Date().timeIntervalSince1970)
        var folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-fuzz").path
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch (argument, arguments.first) {
            case ("--seconds", let value?) where Double(value).map({ $0 > 0 && $0.isFinite }) == true:
                seconds = Double(value) ?? seconds
                arguments.removeFirst()
            case ("--seed", let value?) where UInt64(value) != nil:
                seed = UInt64(value) ?? seed
                arguments.removeFirst()
            case ("--folder", let value?):
                folder = value
                arguments.removeFirst()
            default:
                FileHandle.standardError.write(
                    Data("usage: codir-fuzz [--seconds N] [--seed S] [--folder DIR]\n".utf8))
                exit(64)
            }
        }
        print("codir-fuzz: seed \(seed), \(Int(seconds)) s, scratch folder \(folder)")
        do {
            let fuzzer = try Fuzzer(seed: seed, folder: folder)
            let summary = fuzzer.run(seconds: seconds) { summary in
                if summary.runs % 500 == 0 {
                    print("  \(summary.runs) runs, \(summary.findings.count) findings")
                }
            }
            print("runs: \(summary.runs) (\(summary.imported) imported, \(summary.refused) refused)")
            print("by format: " + summary.byFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("by mutation: " + summary.byMutation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("seconds by format: " + summary.secondsByFormat.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value))" }.joined(separator: ", "))
            print("slowest case: \(String(format: "%.2f", summary.slowest.seconds)) s, \(summary.slowest.what)")
            print("peak memory: \(summary.peakMemoryKiB / 1024) MiB")
            print("findings: \(summary.findings.count)")
            for finding in summary.findings.prefix(50) { print("  \(finding)") }
            exit(summary.findings.isEmpty ? 0 : 1)
        } catch {
            FileHandle.standardError.write(Data("codir-fuzz: error: \(error)\n".utf8))
            exit(1)
        }
    }
}
