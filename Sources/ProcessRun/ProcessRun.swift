import LibC
import Foundation

/// Runs programs with `posix_spawn` and waits on their pid (Foundation's `Process.waitUntilExit` can miss a
/// child's exit when several threads spawn at once; waiting on the pid cannot). What the tests and the
/// benchmark share.
public enum ProcessRun {
    /// A finished program.
    public struct Result: Sendable {
        /// Its exit status, or 128 + the signal that ended it.
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
        /// Peak resident memory, KiB.
        public var peakKiB: Int
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` to completion. Standard input is `stdin` (a file) or /dev/null; with `mergeOutput`,
    /// standard error goes where standard output does.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil,
        mergeOutput: Bool = false
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codir-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let err = mergeOutput ? out : folder.appendingPathComponent("err").path
        let started = Date()
        let pid = try start(executable, arguments, environment: environment, stdin: stdin, stdout: out, stderr: err, append: false)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exited = (status & 0x7f) == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: mergeOutput ? "" : (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
            seconds: seconds, peakKiB: Int(usage.ru_maxrss))
    }

    /// Starts `executable` with its output in files (appended to, or truncated); returns its pid.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil,
        stdout: String, stderr: String, append: Bool
    ) throws -> pid_t {
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, flags, 0o644)
        if stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, flags, 0o644)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, nil, argv, env)
        guard code == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(code)))") }
        return pid
    }
}
