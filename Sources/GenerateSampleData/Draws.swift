import Foundation
import SyntheticData

/// The one generator of the whole sample: every draw, in a fixed order, comes from it.
@MainActor var random = SeededRandom(seed: 20_261_120)
@MainActor func uuid() -> UUID {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                       bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
}
@MainActor func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
@MainActor func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
@MainActor func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
