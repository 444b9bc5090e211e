import CodirText
import LibC
import Foundation
import Synchronization

/// Platform facts and signals, in one place.
enum Platform {
    /// Colour on stderr only for a terminal that is not `dumb`, and never with NO_COLOR set.
    static var stderrSupportsColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Set by SIGINT, SIGTERM or SIGHUP once `catchStopSignals()` has run.
    static var stopRequested: Bool { stopFlag.load(ordering: .relaxed) }

    /// Turns SIGINT, SIGTERM and SIGHUP (the terminal or connection went away) into a request to stop at
    /// the next safe point.
    /// With `exitWithin`, a stop request that the program has not honoured after that many seconds (it is in
    /// the middle of a long import) ends the process at once with status 0; SQLite rolls back the unfinished
    /// transaction at the next open.
    static func catchStopSignals(exitWithin deadline: Double? = nil) {
        if let deadline {
            // Made here: the language is bound to this thread, not to the one that says it.
            let message = Strings.current.files.stoppedDuringImport + "\n"
            Thread.detachNewThread {
                while !stopRequested { usleep(50_000) }
                usleep(UInt32(deadline * 1_000_000))
                FileHandle.standardError.write(Data(message.utf8))
                _exit(0)
            }
        }
        signal(SIGINT, handleStop)
        signal(SIGTERM, handleStop)
        signal(SIGHUP, handleStop)
        // A parent may have started us with these signals blocked (the mask is inherited): unblock them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The process's real user: its id and its login from the password database. The environment
    /// (`$USER`, `$LOGNAME`) is not consulted: anyone can set it.
    static func realUser() -> (uid: UInt32, login: String?) {
        let uid = getuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var storage = [CChar](repeating: 0, count: 16_384)
        let status = getpwuid_r(uid, &entry, &storage, storage.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return (uid, nil) }
        return (uid, String(cString: name))
    }

    /// Sleeps up to `seconds`, waking early when a stop is requested.
    static func sleep(_ seconds: Double) {
        var left = seconds
        while left > 0 && !stopRequested {
            let slice = min(left, 0.1)
            usleep(UInt32(slice * 1_000_000))
            left -= slice
        }
    }
}

private let stopFlag = Atomic<Bool>(false)

private func handleStop(_ signal: Int32) {
    stopFlag.store(true, ordering: .relaxed)
}
