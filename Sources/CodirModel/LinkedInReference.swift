import Foundation

/// What a LinkedIn link points at: a post (`share` or `ugcPost` URN), an activity (the feed item, as reactions
/// and comments name it), possibly through a comment.
public struct LinkedInReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case share, ugcPost, activity
    }

    public var kind: Kind
    /// The numeric id of the URN.
    public var id: UInt64
    /// The link names a comment (`?commentUrn=`): a reaction to it is not a reaction to the post.
    public var isComment: Bool

    /// `urn:li:share:7212345678901234567`.
    public var urn: String { "urn:li:\(kind.rawValue):\(id)" }

    /// When the id was minted: LinkedIn ids carry a Unix time in milliseconds in their high 41 bits.
    public var minted: Timestamp { Self.minted(id) }

    public static func minted(_ id: UInt64) -> Timestamp { Timestamp(seconds: Int64(id >> 22) / 1000) }

    /// Reads the first `urn:li:share|ugcPost|activity:ID` in a link, percent-encoded or not.
    public init?(link: String) {
        let decoded = link.removingPercentEncoding ?? link
        // The first URN in the link is the item itself; a comment's URN may name its activity later on.
        var found: (position: String.Index, kind: Kind, id: UInt64)?
        for kind in [Kind.share, .ugcPost, .activity] {
            guard let range = decoded.range(of: "urn:li:\(kind.rawValue):") else { continue }
            let digits = decoded[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            guard let id = UInt64(digits) else { continue }
            if found.map({ range.lowerBound < $0.position }) ?? true { found = (range.lowerBound, kind, id) }
        }
        guard let (_, kind, id) = found else { return nil }
        self.kind = kind
        self.id = id
        isComment = decoded.contains("commentUrn=") || decoded.contains("urn:li:comment:")
    }
}

/// Matches the activity ids that reactions and comments name to known posts' share / ugcPost ids.
///
/// An activity id is minted within seconds of its post's id, so when no post has the same URN, the post whose
/// id was minted closest, within `tolerance` seconds, is the one.
public struct LinkedInPostMatcher: Sendable {
    public enum Match: Sendable, Hashable {
        /// Same URN.
        case exact(postID: UInt64)
        /// By the time rule.
        case byTime(postID: UInt64)
        case unmatched
    }

    public static let tolerance: Int64 = 10

    private let ids: Set<UInt64>
    /// Post ids sorted by their minting time.
    private let byTime: [(seconds: Int64, id: UInt64)]

    public init(postIDs: some Sequence<UInt64>) {
        ids = Set(postIDs)
        byTime = ids.map { (LinkedInReference.minted($0).seconds, $0) }.sorted { $0.seconds < $1.seconds }
    }

    public func match(_ reference: LinkedInReference) -> Match {
        if ids.contains(reference.id) { return .exact(postID: reference.id) }
        let t = reference.minted.seconds
        // Binary search for the first post minted at or after t - tolerance.
        var low = 0, high = byTime.count
        while low < high {
            let mid = (low + high) / 2
            if byTime[mid].seconds < t - Self.tolerance { low = mid + 1 } else { high = mid }
        }
        var best: (distance: Int64, id: UInt64)?
        var index = low
        while index < byTime.count, byTime[index].seconds <= t + Self.tolerance {
            let distance = abs(byTime[index].seconds - t)
            if best.map({ distance < $0.distance }) ?? true { best = (distance, byTime[index].id) }
            index += 1
        }
        return best.map { .byTime(postID: $0.id) } ?? .unmatched
    }
}
