import CodirTestSupport
import Foundation

/// Runs the built `codir` binary, as a user would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `codir` executable next to the test bundle.
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("codir")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/codir")
    }

    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws { scratch = try ScratchFolder("cli") }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func resource(_ name: String) -> String { Self.packageRoot.appendingPathComponent("Resources/\(name)").path }

    /// A LinkedIn member archive, unpacked in `name`: `Shares.csv` with one post of 2 November 2026 (`commentary`),
    /// a `Profile.csv` when `owner` is given, and `files` beside them. Returns its path.
    func linkedInArchive(
        _ name: String = "Basic_LinkedInDataExport_11-09-2026", owner: (first: String, last: String)? = nil,
        commentary: String = "Hi", files: [String: String] = [:]
    ) throws -> String {
        let folder = path(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let share: UInt64 = (UInt64(1_793_610_000) * 1000) << 22 | 5
        var all = files
        all["Shares.csv"] =
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-02 09:00:00,https://www.linkedin.com/feed/update/urn:li:share:\(share),\(commentary),,,PUBLIC\n"
        if let owner { all["Profile.csv"] = "First Name,Last Name\n\(owner.first),\(owner.last)\n" }
        for (file, text) in all { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file)) }
        return folder
    }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    /// A process ready to start, with a private data folder and no inherited database.
    func process(_ arguments: [String]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CODIR_DB"] = nil
        environment["XDG_DATA_HOME"] = path("data")
        environment["NO_COLOR"] = "1"
        for key in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment[key] = nil }
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        return (process, out, err)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result {
        try run(arguments, environment: [:])
    }

    /// `codir ARGUMENTS` in English (whatever the machine's locale), with `overrides` added to its environment.
    func run(_ arguments: [String], environment overrides: [String: String]) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "CODIR_CONFIG"] { environment[key] = nil }
        environment["LANG"] = "C.UTF-8"
        environment.merge(overrides) { _, new in new }
        environment["CODIR_DB"] = nil
        environment["XDG_DATA_HOME"] = path("data")
        environment["NO_COLOR"] = "1"
        let result = try spawnAndWait(Self.executable.path, arguments, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Another writer holding a database's write lock: an `sqlite3` shell inside `BEGIN IMMEDIATE`, until `release`.
final class WriteLockHolder {
    private let process = Process()
    private let input = Pipe()
    private var released = false

    init(_ database: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nINSERT INTO meta VALUES ('lock', 'held');\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
    }

    /// Rolls back and lets the shell exit.
    func release() {
        guard !released else { return }
        released = true
        input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}
