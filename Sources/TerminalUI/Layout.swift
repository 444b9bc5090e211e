/// The direction a layout splits in.
public enum Axis: Sendable {
    case horizontal
    case vertical
}

/// How much room one part of a layout asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less when there is not enough room).
    case fixed(Int)
    /// A share of what the fixed parts leave, never below `min` while there is room.
    case ratio(Double, min: Int)
}

extension Rect {
    /// Splits the rectangle along `axis`. Fixed parts are served first, then the ratios share the rest;
    /// rounding leftovers go to the last ratio part. Parts never overlap nor leave the rectangle.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let total = axis == .horizontal ? width : height
        let gaps = max(0, constraints.count - 1) * spacing
        var sizes = [Int](repeating: 0, count: constraints.count)
        var left = max(0, total - gaps)
        for (i, c) in constraints.enumerated() {
            if case .fixed(let n) = c {
                sizes[i] = min(max(0, n), left)
                left -= sizes[i]
            }
        }
        let ratios = constraints.enumerated().compactMap { i, c -> (Int, Double, Int)? in
            if case .ratio(let r, let m) = c { return (i, max(0, r), max(0, m)) }
            return nil
        }
        let weight = ratios.reduce(0.0) { $0 + $1.1 }
        var given = 0
        for (i, r, m) in ratios {
            let share = weight > 0 ? Int(Double(left) * r / weight) : 0
            sizes[i] = min(max(share, m), max(0, left - given))
            given += sizes[i]
        }
        if let last = ratios.last, given < left { sizes[last.0] += left - given }
        var offset = axis == .horizontal ? x : y
        return sizes.map { size in
            defer { offset += size + spacing }
            return axis == .horizontal
                ? Rect(x: offset, y: y, width: size, height: height)
                : Rect(x: x, y: offset, width: width, height: size)
        }
    }
}
