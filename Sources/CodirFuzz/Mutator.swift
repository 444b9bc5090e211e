import CodirModel
import Foundation

/// The ways an input is damaged.
public enum Mutation: String, Sendable, CaseIterable {
    /// One bit flipped.
    case bitFlip = "bit-flip"
    /// A byte replaced by one that parsers trip on (NUL, quote, comma, newline, 0xFF…).
    case interestingByte = "interesting-byte"
    /// The end cut off anywhere.
    case truncation
    /// A piece of another input put in.
    case splice
    /// A number replaced by a huge, negative, fractional or non-finite one.
    case hugeNumber = "huge-number"
    /// Thousands of nested brackets or tags.
    case deepNesting = "deep-nesting"
    /// A line of a megabyte.
    case longLine = "long-line"
    /// A byte-order mark, UTF-16, invalid UTF-8, CR-only line ends.
    case oddEncoding = "odd-encoding"
    /// A run of bytes removed.
    case deletion
    /// A line repeated many times.
    case duplication
}

/// Applies random mutations to bytes.
public enum Mutator {
    static let interestingBytes: [UInt8] = [0, 0x0A, 0x0D, 0x22, 0x27, 0x2C, 0x3C, 0x3E, 0x5C, 0x7B, 0x7D, 0x7F, 0x80, 0xC3, 0xFF, 0x1B, 0x26]
    static let numbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "1e300",
        "-1e300", "NaN", "inf", "-0", "0.5", "1000000000001", "-1", "0x10", "1,000", "\u{663}",
    ]
    static let dates = [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "2026-02-30T00:00:00Z",
        "2026-11-02T25:00:00Z", "9223372036854775807-01-01", "16 Jun 9223372036854775807", "2101-01-01 00:00:00",
    ]

    /// `bytes` with one to three mutations applied; `donor` is spliced from.
    public static func mutate(_ bytes: [UInt8], donor: [UInt8], using rng: inout SeededGenerator) -> ([UInt8], [Mutation]) {
        var out = bytes
        var applied: [Mutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let mutation = Mutation.allCases.randomElement(using: &rng) ?? .bitFlip
            apply(mutation, to: &out, donor: donor, using: &rng)
            applied.append(mutation)
        }
        // Inputs stay small enough that the run measures the importers, not the making of inputs.
        if out.count > maxSize { out.removeSubrange(maxSize...) }
        return (out, applied)
    }

    /// The largest mutated input: 8 MiB.
    public static let maxSize = 8 << 20

    static func apply(_ mutation: Mutation, to bytes: inout [UInt8], donor: [UInt8], using rng: inout SeededGenerator) {
        func position() -> Int { bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng) }
        switch mutation {
        case .bitFlip:
            guard !bytes.isEmpty else { return }
            let i = position()
            bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
        case .interestingByte:
            guard !bytes.isEmpty else { return }
            bytes[position()] = interestingBytes.randomElement(using: &rng) ?? 0
        case .truncation:
            bytes.removeSubrange(position()...)
        case .splice:
            guard !donor.isEmpty else { return }
            let start = Int.random(in: 0..<donor.count, using: &rng)
            let end = min(donor.count, start + Int.random(in: 1...256, using: &rng))
            bytes.insert(contentsOf: donor[start..<end], at: position())
        case .hugeNumber:
            // Replace a run of digits (or a date) with something no counter should hold.
            let choice = Bool.random(using: &rng) ? numbers.randomElement(using: &rng) : dates.randomElement(using: &rng)
            let replacement = Array((choice ?? "").utf8)
            let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            guard let start = digits.randomElement(using: &rng) else {
                bytes.insert(contentsOf: replacement, at: position())
                return
            }
            var end = start
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2D || bytes[end] == 0x3A
                || bytes[end] == 0x54
            { end += 1 }
            bytes.replaceSubrange(start..<end, with: replacement)
        case .deepNesting:
            let depth = logUniform(100...20_000, using: &rng)
            let (open, close): ([UInt8], [UInt8]) =
                switch Int.random(in: 0...2, using: &rng) {
                case 0: (Array("[".utf8), Array("]".utf8))
                case 1: (Array("{\"a\":".utf8), Array("}".utf8))
                default: (Array("<a>".utf8), Array("</a>".utf8))
                }
            var nested: [UInt8] = []
            nested.reserveCapacity(depth * (open.count + close.count))
            for _ in 0..<depth { nested += open }
            for _ in 0..<depth { nested += close }
            bytes.insert(contentsOf: nested, at: position())
        case .longLine:
            let length = logUniform(1_000...1_000_000, using: &rng)
            bytes.insert(contentsOf: repeatElement(UInt8(ascii: Bool.random(using: &rng) ? "x" : "9"), count: length), at: position())
        case .oddEncoding:
            switch Int.random(in: 0...4, using: &rng) {
            case 0: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            case 1: bytes = [0xFF, 0xFE] + bytes.flatMap { [$0, 0] }
            case 2: bytes.insert(contentsOf: [0xC3, 0x28, 0xE2, 0x82], at: position())
            case 3: bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
            default: bytes.insert(contentsOf: [0xE2, 0x80, 0xAE, 0x1B, 0x5B, 0x32, 0x4A], at: position())
            }
        case .deletion:
            guard !bytes.isEmpty else { return }
            let start = position()
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...64, using: &rng)))
        case .duplication:
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard let line = lines.randomElement(using: &rng) else { return }
            let copies = logUniform(2...2_000, using: &rng)
            var extra: [UInt8] = []
            for _ in 0..<copies where extra.count < maxSize { extra += line + [0x0A] }
            bytes += extra
        }
    }
}

/// A size between the bounds, small ones as likely as large ones (uniform in its logarithm).
func logUniform(_ range: ClosedRange<Int>, using rng: inout SeededGenerator) -> Int {
    let low = log(Double(range.lowerBound)), high = log(Double(range.upperBound))
    let value = exp(Double.random(in: low...high, using: &rng))
    return min(range.upperBound, max(range.lowerBound, Int(value)))
}
