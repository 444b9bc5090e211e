import Foundation

/// A folder of its own under the temporary directory, for one test: `remove()` (or its release) deletes it
/// with everything in it. The one way the tests make scratch space.
public final class ScratchFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// `codir-LABEL-UUID` under the temporary directory.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("codir-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The path of `name` in the folder.
    public func path(_ name: String) -> String { file(name).path }

    public func remove() { try? FileManager.default.removeItem(at: url) }

    deinit { remove() }
}

/// Every byte of a database and its write-ahead log, to check that something is stored nowhere in them.
public func databaseBytes(_ path: String) -> Data {
    var bytes = Data()
    for suffix in ["", "-wal"] { bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data() }
    return bytes
}
