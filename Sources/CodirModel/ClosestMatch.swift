/// The candidate a mistyped word was most likely meant to be: the nearest by edit distance (ignoring case), when
/// it is near enough (at most a third of the word's letters differ, and at least one); nil otherwise or when two
/// candidates are equally near.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let typed = Array(word.lowercased())
    guard !typed.isEmpty, typed.count <= 64 else { return nil }
    let limit = max(1, typed.count / 3)
    var best: (distance: Int, candidate: String)?
    var tied = false
    for candidate in candidates {
        let target = Array(candidate.lowercased())
        guard target != typed, abs(target.count - typed.count) <= limit, target.count <= 64 else { continue }
        let distance = editDistance(typed, target)
        guard distance <= limit else { continue }
        if let current = best, distance >= current.distance {
            if distance == current.distance && candidate != current.candidate { tied = true }
            continue
        }
        best = (distance, candidate)
        tied = false
    }
    return tied ? nil : best?.candidate
}

/// Levenshtein distance, with a transposition of two neighbours counting as one edit (`actr`, `atcor`).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
}

/// `1 post`, `2 posts`, `0 posts`; `counted(1, "reply", "replies")` for an irregular plural.
public func counted(_ count: Int, _ noun: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : pluralForm ?? noun + "s")"
}
