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

    /// `uuid.uuidString`: upper case, in groups of 8-4-4-4-12 (as files hold them), written
    /// without the C library's formatting.
    static func text(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = 0x2D
                        position += 1
                    }
                    out[position] = digit(bytes[index] >> 4)
                    out[position + 1] = digit(bytes[index] & 0x0F)
                    position += 2
                }
                return position
            }
        }
    }

    @inline(__always)
    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? 48 + value : 55 + value
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
