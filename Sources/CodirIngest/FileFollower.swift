import CodirStore
import CodirText
import Foundation

/// Follows a growing events file like `tail -F`: imports each new complete line once, surviving rotation and
/// truncation, and resumes where it stopped after a restart (its position is saved in the database in the
/// same transaction as the lines it imported).
public final class FileFollower {
    public let path: String
    private let importer: Importer
    private let stateKey: String
    private var session: Int64?
    private var state: State
    private var handle: FileHandle?
    /// Lines per transaction.
    public var batchLines = 2000
    /// The most bytes read in one poll; a burst larger than that is taken over several polls.
    public var readLimit = 64 << 20
    /// Bytes after `state.offset` already read that hold no newline yet (a line still being written): kept
    /// here so that a long partial line is not read again at every poll.
    private var pending: [UInt8] = []
    /// Bytes read from the file so far, all polls together.
    private(set) var bytesRead: UInt64 = 0

    struct State: Codable, Equatable {
        var device: UInt64?
        var inode: UInt64?
        /// Bytes of the file already imported.
        var offset: UInt64 = 0
        /// Lines of the file already imported, its header included.
        var lines = 0
        /// The CSV header, once read.
        var header: String?
        var format: String?
    }

    public init(path: String, importer: Importer) throws(ImportFailure) {
        self.path = (path as NSString).standardizingPath
        self.importer = importer
        stateKey = "follow:" + (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        do {
            let saved = try importer.store.metadata(stateKey)
            state = saved.flatMap { try? JSONDecoder().decode(State.self, from: Data($0.utf8)) } ?? State()
        } catch {
            throw .store(error)
        }
    }

    /// Imports whatever complete lines are new; returns what each transaction did.
    public func poll() throws(ImportFailure) -> [FileImport] {
        var results: [FileImport] = []
        // Finish the file we were reading, even if it was renamed away (rotation).
        if let handle {
            results += try readNew(from: handle)
        }
        guard let identity = FileIdentity.of(path) else { return results }
        if identity.inode != state.inode || identity.device != state.device || handle == nil {
            if state.inode != nil && (identity.inode != state.inode || identity.device != state.device) {
                state = State()  // a new file under the same name
                pending = []
            }
            try? handle?.close()
            // Only a regular file is followed: a FIFO or a device would block the follower or never end.
            let descriptor: Int32
            do {
                descriptor = try SafeFile.open(path, followLinks: true)
            } catch {
                handle = nil
                throw .unreadable(file: path, reason: error.reason)
            }
            let opened = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            handle = opened
            state.device = identity.device
            state.inode = identity.inode
            results += try readNew(from: opened)
        }
        return results
    }

    private func readNew(from handle: FileHandle) throws(ImportFailure) -> [FileImport] {
        let size: UInt64
        do {
            size = try handle.seekToEnd()
        } catch {
            throw .unreadable(file: path, reason: Strings.current.files.cannotBeReadAnyMore)
        }
        if size < state.offset + UInt64(pending.count) {
            // Truncated: start again from the top; what was imported stays, and duplicates are recognised.
            state.offset = 0
            state.lines = 0
            state.header = nil
            pending = []
        }
        let readFrom = state.offset + UInt64(pending.count)
        guard size > readFrom else { return [] }
        let data: Data
        do {
            try handle.seek(toOffset: readFrom)
            data = try handle.read(upToCount: Int(min(size - readFrom, UInt64(readLimit)))) ?? Data()
        } catch {
            throw .unreadable(file: path, reason: Strings.current.files.cannotBeReadAnyMore)
        }
        // Only the new bytes are searched for a newline; a partial last line waits for its newline.
        let fresh = [UInt8](data)
        bytesRead += UInt64(fresh.count)
        guard let newlineInFresh = fresh.lastIndex(of: UInt8(ascii: "\n")) else {
            pending += fresh
            return []
        }
        let bytes = pending + fresh[...newlineInFresh]
        pending = Array(fresh[(newlineInFresh + 1)...])
        var results: [FileImport] = []
        var start = 0
        do {
            while start < bytes.count {
                // Up to `batchLines` lines a transaction.
                var end = start, count = 0
                while end < bytes.count, count < batchLines {
                    if bytes[end] == UInt8(ascii: "\n") { count += 1 }
                    end += 1
                }
                results.append(try importChunk(Array(bytes[start..<end]), lines: count))
                start = end
            }
        } catch {
            // What was not imported is read again, from the saved offset, at the next poll.
            pending = []
            throw error
        }
        return results
    }

    private func importChunk(_ chunk: [UInt8], lines: Int) throws(ImportFailure) -> FileImport {
        let format: InputFormat
        if let known = state.format.flatMap(InputFormat.init(rawValue:)) {
            format = known
        } else if let detected = InputFormat.detect(chunk) {
            format = detected
        } else {
            throw .unrecognised(
                file: path, line: state.lines + 1,
                reason: Strings.current.files.unrecognisedEvents)
        }
        var piece = chunk
        var lineOffset = state.lines
        var next = state
        if format != .jsonl {
            if state.header == nil, let firstNewline = chunk.firstIndex(of: UInt8(ascii: "\n")) {
                next.header = String(decoding: chunk[..<firstNewline], as: UTF8.self)
            } else if let header = state.header {
                piece = Array(header.utf8) + [UInt8(ascii: "\n")] + chunk
                lineOffset -= 1
            }
        }
        next.format = format.rawValue
        next.offset += UInt64(chunk.count)
        next.lines += lines
        let encoded = (try? JSONEncoder().encode(next)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let session: Int64
        if let existing = self.session {
            session = existing
        } else {
            do {
                session = try importer.store.beginSession(label: path, format: "follow")
            } catch {
                throw .store(error)
            }
            self.session = session
        }
        let result = try importer.importPiece(
            piece, file: path, format: format, lineOffset: lineOffset, session: session, stateKey: stateKey,
            state: encoded)
        state = next
        return result
    }
}
