import LibC
import CodirModel
import CodirText
import Foundation

/// Opening and reading files that someone else may have put there: only regular files are read (never a
/// FIFO, a socket or a device, which could block or never end), without blocking on open, and never more
/// than a limit.
public enum SafeFile {
    /// The most bytes read from one input file: 2 GiB.
    public static let defaultLimit: UInt64 = 2 << 30

    /// Why a file cannot be read, as a phrase.
    public struct Failure: Error, Sendable {
        public var reason: String
    }

    /// Opens `name` relative to the folder `directory` (or the working directory) for reading, and checks
    /// that it is a regular file. With `followLinks` false a symbolic link is refused.
    public static func open(_ name: String, in directory: Int32 = AT_FDCWD, followLinks: Bool) throws(Failure) -> Int32 {
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if !followLinks { flags |= O_NOFOLLOW }
        let descriptor = openat(directory, name, flags)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw Failure(reason: Strings.current.files.noSuchFile)
            case EACCES, EPERM: throw Failure(reason: Strings.current.files.permissionDenied)
            case ELOOP: throw Failure(reason: Strings.current.files.symbolicLink)
            case ENXIO: throw Failure(reason: Strings.current.files.socketOrDevice)
            default: throw Failure(reason: String(cString: strerror(code)))
            }
        }
        do {
            try requireRegular(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    /// Throws unless the open file is a regular file.
    public static func requireRegular(_ descriptor: Int32) throws(Failure) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: Strings.current.files.cannotExamine) }
        if status.st_mode & S_IFMT != S_IFREG { throw Failure(reason: Strings.current.files.notRegular(kindName(status.st_mode))) }
    }

    /// What a mode says a file that is not a regular file is (`a folder`, `a FIFO`, …), in the reader's language.
    public static func kindName(_ mode: mode_t) -> String {
        let words = Strings.current.files
        return switch mode & S_IFMT {
        case S_IFDIR: words.kindFolder
        case S_IFLNK: words.kindLink
        case S_IFIFO: words.kindFIFO
        case S_IFSOCK: words.kindSocket
        case S_IFCHR, S_IFBLK: words.kindDevice
        default: words.kindOther
        }
    }

    /// Reads the whole of the regular file open on `descriptor` from its start, refusing one above `limit`.
    public static func read(_ descriptor: Int32, limit: UInt64 = defaultLimit) throws(Failure) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: Strings.current.files.cannotExamine) }
        let size = UInt64(max(0, status.st_size))
        guard size <= limit else {
            throw Failure(reason: Strings.current.files.tooBig(size, limit))
        }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var filled = 0
        // The size fstat gave, then whatever the file grew by meanwhile, a chunk at a time, within the limit.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count: Int
            if filled < bytes.count {
                count = bytes.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return pread(descriptor, base + filled, buffer.count - filled, off_t(filled))
                }
            } else {
                count = chunk.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return pread(descriptor, base, buffer.count, off_t(filled))
                }
                if count > 0 {
                    guard UInt64(filled) + UInt64(count) <= limit else {
                        throw Failure(reason: Strings.current.files.grew(limit))
                    }
                    bytes.append(contentsOf: chunk[0..<count])
                }
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
    }

    /// Reads a regular file by path (`followLinks`: whether a symbolic link may lead to it).
    public static func read(path: String, followLinks: Bool = true, limit: UInt64 = defaultLimit) throws(Failure)
        -> [UInt8]
    {
        let descriptor = try open(path, followLinks: followLinks)
        defer { close(descriptor) }
        return try read(descriptor, limit: limit)
    }

    /// A path that opens the very file already open on `descriptor`, for libraries that take a path
    /// (ZIPFoundation): `/proc/self/fd/N` on Linux, `/dev/fd/N` elsewhere.
    public static func path(of descriptor: Int32) -> String {
        #if os(Linux)
            "/proc/self/fd/\(descriptor)"
        #else
            "/dev/fd/\(descriptor)"
        #endif
    }
}
