import CodirModel
import CodirText
import Foundation
import ZIPFoundation

/// How much a zip archive (a LinkedIn archive, an xlsx workbook) may deliver before it is refused.
public struct ZipLimits: Sendable, Hashable {
    /// The most bytes one entry may deliver: 512 MiB.
    public var perEntry: UInt64 = 512 << 20
    /// The most bytes all the entries read from one archive may deliver together: 2 GiB.
    public var total: UInt64 = 2 << 30
    /// The highest compression ratio believed: 1000:1 (deflate cannot reach much more; a bomb claims more).
    public var ratio: UInt64 = 1000
    /// The most entries an archive may list (a LinkedIn archive has about a hundred, an xlsx a few dozen).
    public var entries = 10_000

    public init() {}
    public static let standard = ZipLimits()
}

/// Reads the entries of a zip archive with every delivered byte counted against `ZipLimits`.
///
/// The sizes in an entry's header are only used to refuse early; what is enforced is what the extraction
/// actually delivers, so a header that lies about an entry's size cannot make it larger than it claims.
struct ZipReader {
    let archive: Archive
    let limits: ZipLimits
    /// The archive file's own size: no entry can have more compressed bytes than that.
    private let fileSize: UInt64
    private var delivered: UInt64 = 0

    /// Why an entry cannot be read, as a phrase that names it.
    struct Refusal: Error {
        enum Kind { case unreadable, tooManyEntries, entry }
        var kind = Kind.entry
        var reason: String
    }

    init(path: String, limits: ZipLimits) throws(Refusal) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Refusal(kind: .unreadable, reason: Strings.current.files.notZip)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attributes?[.size] as? NSNumber)?.uint64Value ?? UInt64.max
        self.limits = limits
        // Listed once, lazily, up to the limit: a central directory of a million entries is refused before it
        // fills memory.
        var listed: [Entry] = []
        for entry in archive {
            guard listed.count < limits.entries else {
                throw Refusal(kind: .tooManyEntries, reason: Strings.current.files.tooManyEntries(limits.entries))
            }
            listed.append(entry)
        }
        entries = listed
    }

    /// Every entry, as listed at the start.
    private let entries: [Entry]

    /// The archive's file entries.
    var files: [Entry] { entries.filter { $0.type == .file } }

    /// The entry at `path`, if there is one.
    func entry(_ path: String) -> Entry? { entries.first { $0.path == path } }

    /// The bytes of one entry, within the limits.
    mutating func read(_ entry: Entry) throws(Refusal) -> [UInt8] {
        let name = quoted(entry.path)
        let declared = UInt64(entry.uncompressedSize)
        let compressed = max(1, min(UInt64(entry.compressedSize), fileSize))
        // Refused before reading anything when the header itself is beyond the limits.
        if declared > limits.perEntry {
            throw Refusal(reason: Strings.current.files.entryTooBig(name, declared, limits.perEntry))
        }
        if declared / compressed > limits.ratio {
            throw Refusal(reason: Strings.current.files.zipBomb(name, limits.ratio))
        }
        if delivered + declared > limits.total {
            throw Refusal(reason: Strings.current.files.archiveTooBig(limits.total))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(declared))
        let limits = self.limits
        let alreadyDelivered = delivered
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                let count = UInt64(bytes.count) + UInt64(chunk.count)
                // Counted as the bytes arrive: a header that lies is caught here, not after the fact.
                guard count <= declared, count <= limits.perEntry, alreadyDelivered + count <= limits.total else {
                    throw ZipOverflow()
                }
                bytes.append(contentsOf: chunk)
            }
        } catch is ZipOverflow {
            throw Refusal(reason: Strings.current.files.moreThanDeclared(name))
        } catch {
            throw Refusal(reason: Strings.current.files.cannotExtract(name))
        }
        delivered += UInt64(bytes.count)
        return bytes
    }
}

private struct ZipOverflow: Error {}
