import CodirModel
import CodirText

/// The people of a chat or mail source who are not in the directory, counted for the import's summary so that
/// the directory can be completed.
struct UnmatchedTally {
    private var counts: [String: Int] = [:]

    /// One more interaction skipped because of `name` (an address, a user name or id).
    mutating func count(_ name: String) { counts[name, default: 0] += 1 }

    /// The ten most active, most first, then by name.
    var top: [(String, Int)] { counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10).map { ($0.key, $0.value) } }

    /// `; not in the directory: a (3), b (1)`, or nothing when everyone was found.
    static func phrase(_ top: [(String, Int)]) -> String {
        top.isEmpty ? "" : Strings.current.imports.notInDirectory + top.map { "\(quoted($0.0, limit: 60)) (\($0.1))" }.joined(separator: ", ")
    }
}
