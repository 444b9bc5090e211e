/// Counts by 64-bit key, in one open-addressed table with linear probing: 12 bytes a slot at up to 80 % load, where
/// a `Dictionary<UInt64, Int32>` takes twice that (a power-of-two capacity at most 75 % full). The live path keeps
/// a year's ties in it (825,000 pairs on the benchmark organisation). A count of zero is no entry.
struct CountMap: Sendable {
    /// Each slot's key plus one; 0 is an empty slot.
    private var slots: [UInt64]
    private var values: [Int32]
    private(set) var count = 0

    init() {
        slots = [UInt64](repeating: 0, count: 16)
        values = [Int32](repeating: 0, count: 16)
    }

    /// The slot where `stored` belongs first: the key's hash scaled to the capacity (no power of two needed).
    private func home(_ stored: UInt64) -> Int {
        let hash = stored &* 0x9E37_79B9_7F4A_7C15
        return Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high)
    }

    /// The slot holding `stored`, or the empty slot where it would go.
    private func find(_ stored: UInt64) -> (index: Int, found: Bool) {
        var index = home(stored)
        while true {
            let slot = slots[index]
            if slot == stored { return (index, true) }
            if slot == 0 { return (index, false) }
            index += 1
            if index == slots.count { index = 0 }
        }
    }

    /// The count of `key` (below 2^63), 0 when absent; setting 0 removes it.
    subscript(key: UInt64) -> Int32 {
        get {
            let (index, found) = find(key &+ 1)
            return found ? values[index] : 0
        }
        set {
            let stored = key &+ 1
            let (index, found) = find(stored)
            if found {
                if newValue != 0 { values[index] = newValue } else { remove(at: index) }
            } else if newValue != 0 {
                slots[index] = stored
                values[index] = newValue
                count += 1
                if count * 5 > slots.count * 4 { grow() }
            }
        }
    }

    /// Empties a slot and moves back the entries after it that would no longer be found (backward-shift deletion).
    private mutating func remove(at removed: Int) {
        var hole = removed
        var index = removed
        while true {
            index += 1
            if index == slots.count { index = 0 }
            let slot = slots[index]
            if slot == 0 { break }
            let wanted = home(slot)
            // The entry stays when its home lies cyclically in (hole, index].
            let stays = hole <= index ? (wanted > hole && wanted <= index) : (wanted > hole || wanted <= index)
            if stays { continue }
            slots[hole] = slot
            values[hole] = values[index]
            hole = index
        }
        slots[hole] = 0
        values[hole] = 0
        count -= 1
    }

    private mutating func grow() {
        let old = (slots, values)
        let capacity = slots.count + slots.count / 2
        slots = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        for (slot, value) in zip(old.0, old.1) where slot != 0 {
            let (index, _) = find(slot)
            slots[index] = slot
            values[index] = value
        }
    }
}
