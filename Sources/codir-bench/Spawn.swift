import Foundation
import ProcessRun

/// A finished child process: wall time and peak resident memory.
struct Measurement {
    var seconds: Double
    var peakRSSBytes: Int
    var status: Int32
    var output: String
}

/// Runs a program to completion, its output (standard error too) kept, and measures it (`ProcessRun`).
func measure(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Measurement {
    let result = try ProcessRun.run(executable, arguments, stdin: stdin, mergeOutput: true)
    return Measurement(seconds: result.seconds, peakRSSBytes: result.peakKiB * 1024, status: result.status, output: result.stdout)
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
