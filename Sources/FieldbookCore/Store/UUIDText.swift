import Foundation

/// UUIDs in their 36-character text form, read without making a string.
enum UUIDText {
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36, text[8] == 0x2D, text[13] == 0x2D, text[18] == 0x2D, text[23] == 0x2D else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var ok = true
        withUnsafeMutableBytes(of: &bytes) { out in
            var position = 0
            for byteIndex in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                guard let high = hex(text[position]), let low = hex(text[position + 1]) else { ok = false; return }
                out[byteIndex] = high << 4 | low
                position += 2
            }
        }
        return ok ? UUID(uuid: bytes) : nil
    }

    @inline(__always)
    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
