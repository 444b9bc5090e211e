import Foundation
import ProcessRun

import LibC

/// Runs a program to completion, its output captured (`ProcessRun`).
public func spawnAndWait(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try ProcessRun.run(executable, arguments, environment: environment)
    return (result.status, result.stdout, result.stderr)
}

/// Runs a program to completion and measures it: exit status, output, peak memory (KiB) and seconds.
public func spawnAndMeasure(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
) throws -> (status: Int32, stdout: String, stderr: String, peakKiB: Int, seconds: Double) {
    let result = try ProcessRun.run(executable, arguments, environment: environment)
    return (result.status, result.stdout, result.stderr, result.peakKiB, result.seconds)
}

/// Starts a program in the background, its output sent to `log`; returns its pid, for `stopBackground`.
public func spawnInBackground(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
    try ProcessRun.start(executable, arguments, stdout: log, stderr: log, append: true)
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
