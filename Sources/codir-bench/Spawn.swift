#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// A finished child process: wall time and peak resident memory.
struct Measurement {
    var seconds: Double
    var peakRSSBytes: Int
    var status: Int32
    var output: String
}

/// Runs a program to completion, its output to a file, and measures it with wait4's resource usage.
func measure(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Measurement {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("codir-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let started = Date()
    let code = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard code == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(code)))") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Date().timeIntervalSince(started)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    return Measurement(seconds: seconds, peakRSSBytes: Int(usage.ru_maxrss) * 1024, status: status, output: output)
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
