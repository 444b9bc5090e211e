import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with posix_spawn and waitpid, its output captured through files.
///
/// Foundation's `Process.waitUntilExit` can miss a child's exit when tests spawn processes from several
/// threads at once; waiting on the pid itself cannot.
public func spawnAndWait(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let scratch = try ScratchFolder("spawn")
    defer { scratch.remove() }
    let outPath = scratch.file("out").path, errPath = scratch.file("err").path
    let pid = try spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath, flags: O_TRUNC)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = (status & 0x7f) == 0
    let exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (
        exitStatus, (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    )
}

/// Runs a program to completion and measures it: exit status, output, peak memory (KiB) and seconds.
public func spawnAndMeasure(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (status: Int32, stdout: String, stderr: String, peakKiB: Int, seconds: Double) {
    let scratch = try ScratchFolder("spawn")
    defer { scratch.remove() }
    let outPath = scratch.file("out").path, errPath = scratch.file("err").path
    let started = Date()
    let pid = try spawn(executable, arguments, environment: environment, stdout: outPath, stderr: errPath, flags: O_TRUNC)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let seconds = Date().timeIntervalSince(started)
    let exited = (status & 0x7f) == 0
    let exitStatus = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (
        exitStatus, (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "", Int(usage.ru_maxrss), seconds
    )
}

/// Starts a program with standard input from /dev/null and its output in files (`flags`: O_TRUNC or O_APPEND).
private func spawn(
    _ executable: String, _ arguments: [String], environment: [String: String]?, stdout: String, stderr: String,
    flags: Int32
) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | flags, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | flags, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { env.forEach { free($0) } }
    var pid = pid_t()
    let code = posix_spawn(&pid, executable, &actions, nil, argv, env)
    guard code == 0 else { throw SpawnError(message: "cannot start \(executable): \(String(cString: strerror(code)))") }
    return pid
}

public struct SpawnError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Starts a program in the background, its output sent to `log`; returns its pid, for `stopBackground`.
public func spawnInBackground(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
    try spawn(executable, arguments, environment: nil, stdout: log, stderr: log, flags: O_APPEND)
}

/// Whether a background program is still running (it has not exited).
public func isRunning(_ pid: pid_t) -> Bool {
    var status: Int32 = 0
    return waitpid(pid, &status, WNOHANG) == 0
}

/// Stops a background program with SIGTERM and waits for it.
public func stopBackground(_ pid: pid_t) {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
}
