import LibC
import CodirModel
import CodirStore
import CodirText
import Foundation

/// Why the watcher cannot go on.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The inbox of `codir ingest --watch`: a folder that a group of people can write to, whose files are each
/// imported once and then filed in `done/` or `failed/`.
///
/// Others write here, so nothing is trusted: a file is claimed by an atomic rename into `processing/` before
/// it is opened, opened without following a symbolic link and without blocking, and read only if `fstat`
/// says it is a regular file (a folder only if it is a real folder whose entries are regular files or
/// folders). Symbolic links, FIFOs, sockets and devices are filed in `failed/` unopened. `done/`, `failed/`
/// and `processing/` must be real folders inside the inbox, and every move is a `renameat` relative to their
/// descriptors that never replaces anything (a name already taken gets `.1`, `.2`…). Nothing is deleted.
///
/// A database that is busy or full leaves the file in `processing/` to be tried again; a file found there at
/// start (the watcher was stopped while importing it) is imported again, which adds nothing twice. A file
/// that changed while it was imported is imported again before it is filed.
public final class FolderWatcher {
    public let folder: String
    private let importer: Importer
    private let person: String?
    /// Seconds a dropped file's size and time must stay the same before it is taken.
    public var settle: Double
    /// Whether an imported file is kept in `done/` (`--keep done`, the default) or removed once imported
    /// (`--keep none`): it is removed from `processing/`, the watcher's own folder, never from the inbox.
    public var keepsImported = true
    /// Log lines (for stderr) and import summaries (for stdout).
    private let log: (String) -> Void
    private let summary: (String) -> Void

    private let inbox: Int32
    private var places: [Place: (descriptor: Int32, identity: FileIdentity)] = [:]
    private var seen: [String: (fingerprint: DropFingerprint, since: Date)] = [:]

    enum Place: String, CaseIterable {
        case processing, done, failed
    }

    public init(
        folder: String, importer: Importer, person: String? = nil, settle: Double = 3,
        log: @escaping (String) -> Void, summary: @escaping (String) -> Void
    ) throws(WatchError) {
        self.folder = folder
        self.importer = importer
        self.person = person
        self.settle = settle
        self.log = log
        self.summary = summary
        inbox = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard inbox >= 0 else {
            throw WatchError(description: Strings.current.files.inboxNotFolder(quoted(folder)))
        }
        do throws(WatchError) {
            for place in Place.allCases {
                // processing/ is the watcher's alone; done/ and failed/ may be read by the group.
                if mkdirat(inbox, place.rawValue, place == .processing ? 0o700 : 0o750) != 0 && errno != EEXIST {
                    throw WatchError(
                        description: Strings.current.files.inboxCannotCreate("\(quoted(folder))/\(place.rawValue)", String(cString: strerror(errno))))
                }
                let descriptor = openat(inbox, place.rawValue, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard descriptor >= 0, let identity = FileIdentity(descriptor: descriptor) else {
                    throw WatchError(
                        description: Strings.current.files.inboxNotRealFolder("\(quoted(folder))/\(place.rawValue)"))
                }
                places[place] = (descriptor, identity)
            }
        } catch {
            closeAll()
            throw error
        }
    }

    deinit { closeAll() }

    private func closeAll() {
        for (descriptor, _) in places.values { close(descriptor) }
        places = [:]
        if inbox >= 0 { close(inbox) }
    }

    /// One look at the inbox: files left in `processing/` first, then every settled new file.
    /// Throws only when the watcher must stop (its folders were replaced).
    public func poll(now: Date = Date()) throws(WatchError) {
        try checkPlaces()
        for name in entries(of: descriptor(.processing)) {
            process(name)
        }
        let names = entries(of: inbox).filter { name in
            Place(rawValue: name) == nil && !Self.isInProgress(name)
        }
        seen = seen.filter { names.contains($0.key) }
        for name in names {
            guard let fingerprint = DropFingerprint(of: name, in: inbox) else { continue }
            guard let previous = seen[name], previous.fingerprint == fingerprint else {
                seen[name] = (fingerprint, now)
                continue
            }
            guard now.timeIntervalSince(previous.since) >= settle else { continue }
            seen[name] = nil
            guard let claimed = move(name, from: inbox, to: .processing) else { continue }
            process(claimed, shownAs: name)
        }
    }

    private func descriptor(_ place: Place) -> Int32 { places[place]?.descriptor ?? -1 }

    /// The watcher's folders must still be the real folders it opened.
    private func checkPlaces() throws(WatchError) {
        for (place, (_, identity)) in places {
            var status = stat()
            guard fstatat(inbox, place.rawValue, &status, AT_SYMLINK_NOFOLLOW) == 0,
                status.st_mode & S_IFMT == S_IFDIR, FileIdentity(status) == identity
            else {
                throw WatchError(
                    description: Strings.current.files.inboxReplaced("\(quoted(folder))/\(place.rawValue)"))
            }
        }
    }

    /// Imports one file of `processing/` and files it; a busy or full database leaves it there.
    private func process(_ name: String, shownAs original: String? = nil) {
        let shown = (folder as NSString).appendingPathComponent(original ?? name)
        let processing = descriptor(.processing)
        var status = stat()
        guard fstatat(processing, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFDIR else {
            file(name, to: .failed, shown: shown, because: Strings.current.files.neverOpened(SafeFile.kindName(status.st_mode)))
            return
        }
        // A file that changes while it is imported is imported again, a few times at most.
        for _ in 0..<3 {
            let before = DropFingerprint(of: name, in: processing)
            let outcome = kind == S_IFDIR ? importFolder(name, shown: shown) : importFile(name, shown: shown)
            switch outcome {
            case .retryLater(let reason):
                log(Strings.current.files.staysInProcessing(quoted(shown), reason))
                return
            case .failed(let reason):
                file(name, to: .failed, shown: shown, because: reason)
                return
            case .imported:
                if let before, DropFingerprint(of: name, in: processing) != before {
                    log(Strings.current.files.changedWhileImported(quoted(shown)))
                    continue
                }
                if keepsImported {
                    file(name, to: .done, shown: shown, because: nil)
                } else if remove(name, in: descriptor(.processing)) {
                    log(Strings.current.files.importedAndRemoved(quoted(shown)))
                } else {
                    log(Strings.current.files.cannotRemove(quoted(shown), String(cString: strerror(errno))))
                    file(name, to: .done, shown: shown, because: nil)
                }
                return
            }
        }
        log(Strings.current.files.keepsChanging(quoted(shown)))
    }

    enum Outcome {
        case imported
        case failed(String)
        case retryLater(String)
    }

    private func importFile(_ name: String, shown: String) -> Outcome {
        let descriptor: Int32
        do {
            descriptor = try SafeFile.open(name, in: self.descriptor(.processing), followLinks: false)
        } catch {
            return .failed(error.reason)
        }
        defer { close(descriptor) }
        // Read through the descriptor already checked, whatever the name now points to.
        do throws(ImportFailure) {
            report(try importer.importInput(at: SafeFile.path(of: descriptor), person: person, as: shown))
            return .imported
        } catch {
            return outcome(of: error)
        }
    }

    private func importFolder(_ name: String, shown: String) -> Outcome {
        let processing = descriptor(.processing)
        let folder = openat(processing, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return .failed(Strings.current.files.cannotOpenAsFolder) }
        defer { close(folder) }
        for entry in entries(of: folder) {
            var status = stat()
            guard fstatat(folder, entry, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .failed(Strings.current.files.insideCannotExamine(quoted(entry))) }
            let kind = status.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFDIR else {
                return .failed(Strings.current.files.insideNeverOpened(quoted(entry), SafeFile.kindName(status.st_mode)))
            }
        }
        let path = ((self.folder as NSString).appendingPathComponent(Place.processing.rawValue) as NSString)
            .appendingPathComponent(name)
        do throws(ImportFailure) {
            report(try importer.importInput(at: path, person: person, as: shown))
            return .imported
        } catch {
            return outcome(of: error)
        }
    }

    private func outcome(of failure: ImportFailure) -> Outcome {
        switch failure {
        case .store(let error):
            // Busy, full or failing storage is no fault of the file: it is tried again later.
            log(failure.description)
            let reason =
                switch error {
                case .locked: Strings.current.files.databaseBusy
                case .full: Strings.current.files.databaseFull
                default: Strings.current.files.databaseRefused
                }
            return .retryLater(reason)
        case .unreadable, .unrecognised:
            log(failure.description)
            return .failed(Strings.current.files.couldNotImport)
        }
    }

    private func report(_ result: ImportResult) {
        for diagnostic in result.diagnostics { log(diagnostic.description) }
        summary(result.summary)
    }

    /// Removes `name` (a file, or a folder and what it holds) from the folder open on `parent`, without following
    /// any symbolic link: a link is removed, never what it points at. Only used in `processing/`, which is the
    /// watcher's alone.
    private func remove(_ name: String, in parent: Int32) -> Bool {
        var status = stat()
        guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        if status.st_mode & S_IFMT == S_IFDIR {
            let child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return false }
            defer { close(child) }
            for entry in entries(of: child, includingHidden: true) where !remove(entry, in: child) { return false }
            return unlinkat(parent, name, AT_REMOVEDIR) == 0
        }
        return unlinkat(parent, name, 0) == 0
    }

    /// Moves `name` from `processing/` to `place`, and says so.
    private func file(_ name: String, to place: Place, shown: String, because reason: String?) {
        guard let moved = move(name, from: descriptor(.processing), to: place) else { return }
        log(Strings.current.files.filed(quoted(shown), place.rawValue, moved == name ? nil : quoted(moved), reason))
    }

    /// Renames `name` in the folder `source` into `place` under a name not yet taken there; the name it got,
    /// or nil when it could not be moved.
    private func move(_ name: String, from source: Int32, to place: Place) -> String? {
        let target = descriptor(place)
        var candidate = name
        var suffix = 0
        var status = stat()
        // Only the watcher writes in its folders, so a free name stays free until the rename.
        while fstatat(target, candidate, &status, AT_SYMLINK_NOFOLLOW) == 0 {
            suffix += 1
            candidate = "\(name).\(suffix)"
        }
        guard renameat(source, name, target, candidate) == 0 else {
            log(Strings.current.files.cannotMove(quoted(name), place.rawValue, String(cString: strerror(errno))))
            return nil
        }
        return candidate
    }

    /// The names in the folder open on `descriptor`, sorted, without `.` and `..` (and hidden files, unless asked).
    private func entries(of descriptor: Int32, includingHidden: Bool = false) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || (!includingHidden && name.hasPrefix(".")) { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// Hidden files and the names of files still being written (`.part`, `.partial`, `.tmp`,
    /// `.crdownload`, `.download`, a trailing `~`).
    public static func isInProgress(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || name.hasSuffix("~")
            || [".part", ".partial", ".tmp", ".crdownload", ".download"].contains { lower.hasSuffix($0) }
    }
}

extension FileIdentity {
    init(_ status: stat) {
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// What says a dropped file (or an unpacked archive's folder) is still being written: its identity, size and
/// modification time, and those of a folder's entries, read without following links.
struct DropFingerprint: Hashable {
    private var parts: [[Int64]] = []

    init?(of name: String, in folder: Int32) {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        parts.append(Self.values(status))
        guard status.st_mode & S_IFMT == S_IFDIR else { return }
        let inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard inner >= 0, let stream = fdopendir(inner) else {
            if inner >= 0 { close(inner) }
            return
        }
        defer { closedir(stream) }
        var count = 0
        while let entry = readdir(stream), count < 10_000 {
            count += 1
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            var entryStatus = stat()
            if entryName != ".", entryName != "..", fstatat(inner, entryName, &entryStatus, AT_SYMLINK_NOFOLLOW) == 0 {
                parts.append(Self.values(entryStatus))
            }
        }
        parts.sort { $0.lexicographicallyPrecedes($1) }
    }

    private static func values(_ status: stat) -> [Int64] {
        #if canImport(Darwin)
            let modified = status.st_mtimespec
        #else
            let modified = status.st_mtim
        #endif
        return [
            Int64(bitPattern: UInt64(status.st_ino)), Int64(status.st_size), Int64(modified.tv_sec),
            Int64(modified.tv_nsec), Int64(status.st_mode),
        ]
    }
}
