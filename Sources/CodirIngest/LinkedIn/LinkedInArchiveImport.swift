import CodirModel
import CodirStore
import CodirText
import Foundation
import ZIPFoundation

/// What importing one member's data archive did.
public struct ArchiveImport: Sendable {
    public struct Engagement: Sendable, Hashable {
        /// Matched to a known post by its URN.
        public var matched = 0
        /// Matched by the time rule (an activity id minted within seconds of the post's id).
        public var matchedByTime = 0
        /// Kept until an archive brings their post.
        public var waiting = 0
        /// Already imported before.
        public var duplicates = 0
    }

    public var file: String
    /// The directory id of the archive's owner.
    public var person: String
    public var posts = 0
    public var postDuplicates = 0
    /// Posts creator analytics had already brought under their activity URN: one post, not two.
    public var postsKnownFromAnalytics = 0
    public var reactions = Engagement()
    public var comments = Engagement()
    /// Reactions to comments, which are not engagement with a post.
    public var reactionsToComments = 0
    /// Interactions from earlier archives that this one's posts resolved.
    public var resolvedFromEarlier = 0
    /// The owner's connections (`Connections.csv`), and those found in the directory by profile URL, or by
    /// name for directory entries without a URL.
    public var connections = 0
    public var connectionsInDirectoryByURL = 0
    public var connectionsInDirectoryByName = 0
    public var filesUsed: [String] = []
    public var filesIgnored = 0
    public var diagnostics: [Diagnostic] = []

    /// One line per archive, for the import's output.
    public var summary: String {
        let words = Strings.current.sources
        func engagement(_ e: Engagement) -> String {
            words.engagement(e.matched + e.matchedByTime, e.matchedByTime, e.waiting)
                + (e.duplicates > 0 ? words.alreadyImportedComma(e.duplicates) : "")
        }
        var text =
            words.archiveHead(file, person, posts) + (postDuplicates > 0 ? words.alreadyImported(postDuplicates) : "")
            + (postsKnownFromAnalytics > 0 ? words.knownFromAnalytics(postsKnownFromAnalytics) : "")
            + words.reactionsAndComments(engagement(reactions), engagement(comments))
        if reactionsToComments > 0 { text += words.reactionsToComments(reactionsToComments) }
        if resolvedFromEarlier > 0 { text += words.earlierMatched(resolvedFromEarlier) }
        if connections > 0 {
            text += words.connections(
                connections, connectionsInDirectoryByURL + connectionsInDirectoryByName,
                connectionsInDirectoryByURL, connectionsInDirectoryByName)
        }
        text += words.filesUsed(filesUsed.joined(separator: ", "), filesIgnored)
        return text
    }
}

extension Importer {
    /// Imports a member data archive, as downloaded (`.zip`) or unpacked in a folder, as one transaction. The
    /// owner is `person`, else the directory entry named as in `Profile.csv`. `name` is what messages call it
    /// (default: `path`).
    ///
    /// Only regular files are read from a folder (a symbolic link, FIFO or device among the archive's files
    /// refuses it), and a zip's entries are read within `zipLimits`.
    public func importArchive(at path: String, person: String?, as name: String? = nil) throws(ImportFailure)
        -> ArchiveImport
    {
        let shown = name ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(file: shown, reason: Strings.current.files.noSuchFile)
        }
        var contents: [LinkedInArchive.File: (name: String, bytes: [UInt8])] = [:]
        var ignored = 0
        func take(_ name: String, _ bytes: () throws(ImportFailure) -> [UInt8]) throws(ImportFailure) {
            let base = (name as NSString).lastPathComponent
            guard let kind = LinkedInArchive.File(fileName: base), contents[kind] == nil else {
                ignored += 1
                return
            }
            contents[kind] = (base, try bytes())
        }
        if isFolder.boolValue {
            let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else { throw .unreadable(file: shown, reason: Strings.current.files.folderCannotBeOpened) }
            defer { close(folder) }
            let files: [String]
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                throw .unreadable(file: shown, reason: Strings.current.files.folderCannotBeListed)
            }
            for name in files {
                try take(name) { () throws(ImportFailure) -> [UInt8] in
                    do throws(SafeFile.Failure) {
                        let descriptor = try SafeFile.open(name, in: folder, followLinks: false)
                        defer { close(descriptor) }
                        return try SafeFile.read(descriptor, limit: zipLimits.perEntry)
                    } catch {
                        throw .unreadable(file: "\(shown)/\(name)", reason: error.reason)
                    }
                }
            }
        } else {
            var zip: ZipReader
            do {
                zip = try ZipReader(path: path, limits: zipLimits)
            } catch {
                throw .unrecognised(file: shown, line: nil, reason: error.kind == .unreadable ? Strings.current.files.notZipDownloadAgain : error.reason)
            }
            for entry in zip.files.sorted(by: { $0.path < $1.path }) {
                try take(entry.path) { () throws(ImportFailure) -> [UInt8] in
                    do throws(ZipReader.Refusal) {
                        return try zip.read(entry)
                    } catch {
                        throw .unrecognised(file: shown, line: nil, reason: error.reason)
                    }
                }
            }
        }
        let folder = shown
        guard contents[.shares] != nil || contents[.reactions] != nil || contents[.comments] != nil else {
            throw .unrecognised(
                file: folder, line: nil,
                reason: Strings.current.sources.notLinkedInArchive)
        }
        do {
            let (result, _) = try store.importFile(
                file: folder, sha256: "", format: "linkedin-archive", commit: !dryRun
            ) { writer in
                try ArchiveJob(folder: folder, contents: contents, ignored: ignored, person: person).run(writer)
            }
            return result
        } catch {
            throw ImportFailure(error, store: store)
        }
    }
}

/// The work of importing one archive inside its transaction.
private struct ArchiveJob {
    let folder: String
    let contents: [LinkedInArchive.File: (name: String, bytes: [UInt8])]
    let ignored: Int
    let person: String?

    func run(_ writer: ImportWriter) throws -> ArchiveImport {
        let owner = try self.owner(writer)
        var result = ArchiveImport(file: folder, person: owner)
        result.filesIgnored = ignored
        result.filesUsed = LinkedInArchive.File.allCases.compactMap { contents[$0]?.name }

        // Kept apart from `result`, whose counters are passed inout while problems are noted.
        var diagnostics: [Diagnostic] = []
        func problem(_ file: LinkedInArchive.File, _ line: Int?, _ reason: String) {
            let name = contents[file].map { "\(folder)/\($0.name)" } ?? folder
            diagnostics.append(Diagnostic(file: name, line: line, severity: .error, message: reason))
        }
        func rows<Row>(_ file: LinkedInArchive.File, _ read: ([UInt8]) -> Result<ArchiveRows<Row>, LinkedInArchive.FileError>) -> [Row] {
            guard let bytes = contents[file]?.bytes else { return [] }
            switch read(bytes) {
            case .success(let rows):
                for (line, reason) in rows.problems { problem(file, line, reason) }
                return rows.rows
            case .failure(let error):
                problem(file, nil, error.reason)
                return []
            }
        }

        // Posts first, so that the owner's own engagement can match them.
        for share in rows(.shares, LinkedInArchive.shares) {
            // The commentary's hashtags are kept, never its text.
            let post = PostEvent(
                id: share.reference.urn, author: owner, at: share.date, url: share.link,
                hashtags: Hashtag.extract(from: share.commentary))
            let merged = writer.mergedPosts
            switch try writer.write(.post(post)) {
            case .success(.duplicate): result.postDuplicates += 1
            case .success:
                result.posts += 1
                if writer.mergedPosts > merged { result.postsKnownFromAnalytics += 1 }
            case .failure(let rejection): problem(.shares, share.line, rejection.reason)
            }
        }

        let known = try writer.linkedInPosts()
        let matcher = LinkedInPostMatcher(postIDs: known.keys)

        enum Outcome { case matched, matchedByTime, waiting, duplicate, rejected }

        /// Writes one reaction or comment, matched to its post or kept waiting.
        func engage(_ kind: InteractionKind, _ reference: LinkedInReference, at: Timestamp, line: Int, file: LinkedInArchive.File)
            throws -> Outcome
        {
            let postID: UInt64
            var byTime = false
            switch matcher.match(reference) {
            case .exact(let id): postID = id
            case .byTime(let id):
                postID = id
                byTime = true
            case .unmatched:
                return try writer.keepPending(actor: owner, kind: kind, activityID: reference.id, at: at) ? .waiting : .duplicate
            }
            guard let key = known[postID] else { return .rejected }
            let event = InteractionEvent(
                id: "linkedin:\(owner):\(kind.rawValue):\(reference.id):\(at.seconds)", kind: kind, actor: owner,
                post: key, at: at, source: .linkedin)
            switch try writer.write(.interaction(event)) {
            case .success(.duplicate): return .duplicate
            case .success: return byTime ? .matchedByTime : .matched
            case .failure(let rejection):
                problem(file, line, rejection.reason)
                return .rejected
            }
        }
        func tally(_ e: inout ArchiveImport.Engagement, _ outcome: Outcome) {
            switch outcome {
            case .matched: e.matched += 1
            case .matchedByTime: e.matchedByTime += 1
            case .waiting: e.waiting += 1
            case .duplicate: e.duplicates += 1
            case .rejected: break
            }
        }

        for reaction in rows(.reactions, LinkedInArchive.reactions) {
            if reaction.reference.isComment {
                result.reactionsToComments += 1
                continue
            }
            let outcome = try engage(.reaction, reaction.reference, at: reaction.date, line: reaction.line, file: .reactions)
            tally(&result.reactions, outcome)
        }
        for comment in rows(.comments, LinkedInArchive.comments) {
            // Without a date, the comment's own id (or its activity's) says when it was written.
            let at = comment.date ?? comment.reference.minted
            let outcome = try engage(.comment, comment.reference, at: at, line: comment.line, file: .comments)
            tally(&result.comments, outcome)
        }

        // Earlier archives' engagement whose post this archive brought.
        for pending in try writer.pendingInteractions() {
            guard let reference = LinkedInReference(link: "urn:li:activity:\(pending.activityID)") else { continue }
            let postID: UInt64
            switch matcher.match(reference) {
            case .exact(let id), .byTime(let id): postID = id
            case .unmatched: continue
            }
            guard let key = known[postID] else { continue }
            let event = InteractionEvent(
                id: "linkedin:\(pending.actor):\(pending.kind.rawValue):\(pending.activityID):\(pending.at.seconds)",
                kind: pending.kind, actor: pending.actor, post: key, at: pending.at, source: .linkedin)
            if case .success = try writer.write(.interaction(event)) {
                try writer.removePending(pending)
                // What this run kept waiting did not match the same posts: these come from earlier archives.
                result.resolvedFromEarlier += 1
            }
        }
        // Connections: who of the owner's network is in the directory, by profile URL first.
        let connections = rows(.connections, LinkedInArchive.connections)
        if !connections.isEmpty {
            let people = try writer.directory()
            let byURL = Dictionary(
                people.compactMap { person in person.linkedin.map { (Self.normalisedProfile($0), person.id) } },
                uniquingKeysWith: { first, _ in first })
            let byName = Dictionary(grouping: people.filter { $0.linkedin == nil }, by: { $0.name.lowercased() })
            result.connections = connections.count
            for connection in connections {
                if byURL[Self.normalisedProfile(connection.url)] != nil {
                    result.connectionsInDirectoryByURL += 1
                } else if byName["\(connection.firstName) \(connection.lastName)".lowercased()]?.count == 1 {
                    result.connectionsInDirectoryByName += 1
                }
            }
        }
        result.diagnostics = diagnostics
        return result
    }

    /// `https://www.linkedin.com/in/claire-martin/` and `linkedin.com/in/Claire-Martin` are the same profile.
    static func normalisedProfile(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The archive's owner: `--person`, else the one directory entry named as in Profile.csv.
    private func owner(_ writer: ImportWriter) throws -> String {
        if let person {
            guard writer.knowsPerson(person) else {
                throw ImportFailure.unrecognised(
                    file: folder, line: nil,
                    reason: Strings.current.sources.personNotInDirectory(quoted(person)))
            }
            return person
        }
        guard let profile = contents[.profile] else {
            throw ImportFailure.unrecognised(
                file: folder, line: nil, reason: Strings.current.sources.noProfile)
        }
        let name: (first: String, last: String)
        switch LinkedInArchive.profileName(profile.bytes) {
        case .success(let found): name = found
        case .failure(let error):
            throw ImportFailure.unrecognised(file: "\(folder)/\(profile.name)", line: nil, reason: error.reason)
        }
        let full = "\(name.first) \(name.last)"
        let keys = try writer.personKeys(named: full)
        guard keys.count == 1, let key = keys.first else {
            throw ImportFailure.unrecognised(
                file: folder, line: nil,
                reason: keys.isEmpty
                    ? Strings.current.sources.nobodyNamed(quoted(full))
                    : Strings.current.sources.severalNamed(keys.count, quoted(full), quoted(keys.joined(separator: ", "))))
        }
        return key
    }
}
