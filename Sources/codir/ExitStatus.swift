import ArgumentParser
import CodirIngest
import CodirModel
import CodirStore
import Foundation

/// The documented exit statuses (sysexits.h), listed in the README.
enum ExitStatus {
    static let rejectedInput = ExitCode(65)
    static let unreadableInput = ExitCode(66)
    static let noDatabase = ExitCode(69)
    static let cannotCreate = ExitCode(73)
    static let unusableDatabase = ExitCode(74)
    static let databaseLocked = ExitCode(75)
    static let badConfiguration = ExitCode(78)

    static func of(_ error: StoreError) -> ExitCode {
        switch error {
        case .missing: noDatabase
        case .unknownPerson: rejectedInput
        case .cannotCreate: cannotCreate
        case .cannotOpen, .notCodirDatabase, .newerSchema, .walFilesMissing, .full, .io: unusableDatabase
        case .locked: databaseLocked
        }
    }
}

/// Prints one sentence on stderr and returns the exit code to throw.
func fail(_ error: StoreError) -> ExitCode {
    printError("error: \(error.message)")
    return ExitStatus.of(error)
}

/// Writes a line to stderr, colouring `error:` and `warning:` when stderr is a terminal that can show colour.
/// The line is sanitised whole: a file name or a value quoted in it cannot send an escape sequence to the
/// terminal or forge another line with a newline.
func printError(_ line: String) {
    var text = sanitized(line)
    if Platform.stderrSupportsColour {
        text = text.replacingOccurrences(of: "error:", with: "\u{1B}[1;31merror:\u{1B}[0m", options: [], range: text.range(of: "error:"))
        text = text.replacingOccurrences(of: "warning:", with: "\u{1B}[1;33mwarning:\u{1B}[0m", options: [], range: text.range(of: "warning:"))
    }
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes one line to stdout, sanitised like `printError`'s.
func printLine(_ line: String) {
    print(sanitized(line))
}
