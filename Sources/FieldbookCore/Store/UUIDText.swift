import Foundation

/// UUIDs in their 36-character text form, read without making a string.
enum UUIDText {
    /// Exactly 36 characters: hexadecimal digits (either case) with dashes after the 8th, 12th,
    /// 16th and 20th; nil for anything else.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36, let base = text.baseAddress,
              base[8] == 0x2D, base[13] == 0x2D, base[18] == 0x2D, base[23] == 0x2D else { return nil }
        // Each digit's value from a table (no branch on digit or letter, which random ids make
        // unpredictable), with 0xF0 for a byte that is not a digit: one check at the end.
        return hexValues.withUnsafeBufferPointer { table -> UUID? in
            var invalid: UInt8 = 0
            @inline(__always)
            func byte(_ offset: Int) -> UInt8 {
                let high = table[Int(base[offset])], low = table[Int(base[offset + 1])]
                invalid |= high | low
                return high << 4 | low & 0x0F
            }
            let uuid: uuid_t = (byte(0), byte(2), byte(4), byte(6), byte(9), byte(11), byte(14), byte(16),
                                byte(19), byte(21), byte(24), byte(26), byte(28), byte(30), byte(32), byte(34))
            return invalid & 0xF0 == 0 ? UUID(uuid: uuid) : nil
        }
    }

    /// The value of every byte as a hexadecimal digit (0-9, A-F, a-f); 0xF0 for any other byte.
    private static let hexValues: [UInt8] = (0...255).map { hex(UInt8($0)) }

    /// `uuid.uuidString`: upper case, in groups of 8-4-4-4-12 (as files hold them), written
    /// without the C library's formatting; `lowercase`: `uuid.uuidString.lowercased()`, as
    /// file names and messages write ids.
    static func text(_ uuid: UUID, lowercase: Bool = false) -> String {
        let letters: UInt8 = lowercase ? 87 : 55
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = 0x2D
                        position += 1
                    }
                    out[position] = digit(bytes[index] >> 4, letters)
                    out[position + 1] = digit(bytes[index] & 0x0F, letters)
                    position += 2
                }
                return position
            }
        }
    }

    /// `text(uuid)` (upper case) appended as UTF-8, without making a string.
    static func append(_ uuid: UUID, into out: inout [UInt8]) {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 { out.append(0x2D) }
                out.append(digit(bytes[index] >> 4, 55))
                out.append(digit(bytes[index] & 0x0F, 55))
            }
        }
    }

    /// True when `a`'s text sorts before `b`'s (`a.uuidString < b.uuidString`): the text is the
    /// bytes in hex, digits before letters, so the bytes' order is the text's.
    static func precedes(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { left in
            withUnsafeBytes(of: b.uuid) { right in
                for index in 0..<16 where left[index] != right[index] { return left[index] < right[index] }
                return false
            }
        }
    }

    /// The upper-case hexadecimal digit of `value` (0-15), as `append` writes it.
    @inline(__always)
    static func upperDigit(_ value: UInt8) -> UInt8 { digit(value, 55) }

    @inline(__always)
    private static func digit(_ value: UInt8, _ letters: UInt8) -> UInt8 {
        value < 10 ? 48 + value : letters + value
    }

    /// The value of a hexadecimal digit (0-9, A-F, a-f); 0xF0 for any other byte.
    @inline(__always)
    private static func hex(_ byte: UInt8) -> UInt8 {
        let digit = byte &- 48
        if digit < 10 { return digit }
        // Sets the lower-case bit: only A-F and a-f land on a-f.
        let letter = (byte | 0x20) &- 97
        if letter < 6 { return letter &+ 10 }
        return 0xF0
    }
}
