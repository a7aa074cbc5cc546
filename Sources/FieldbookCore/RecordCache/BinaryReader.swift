import Foundation

struct BinaryDamaged: Error {}

/// Reads the pieces of the binary form, every read checked against the end.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer

    func byte(_ offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw BinaryDamaged() }
        return bytes[offset]
    }

    func varint(_ offset: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte(offset)
            offset += 1
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw BinaryDamaged() }
        }
    }

    func signed(_ offset: inout Int) throws -> Int64 {
        let raw = try varint(&offset)
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    func fixed(_ offset: Int) throws -> UInt64 {
        guard offset >= 0, offset + 8 <= bytes.count else { throw BinaryDamaged() }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    func length(_ offset: Int) throws -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { throw BinaryDamaged() }
        return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// A count or length at `offset`: never more than the bytes there are (a damaged or
    /// hand-made count past `Int`'s range is refused, never converted).
    func count(_ offset: inout Int) throws -> Int {
        let raw = try varint(&offset)
        guard raw <= UInt64(bytes.count) else { throw BinaryDamaged() }
        return Int(raw)
    }

    /// Where the text at `offset` (length, bytes) lies.
    func textRange(_ offset: inout Int) throws -> Range<Int> {
        let count = try count(&offset)
        guard count <= bytes.count - offset else { throw BinaryDamaged() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The offset just after the value at `offset`.
    func end(ofValueAt offset: Int) throws -> Int {
        guard let tag = BinaryRecordTag(rawValue: try byte(offset)) else { throw BinaryDamaged() }
        var cursor = offset + 1
        switch tag {
        case .null, .false, .true: return cursor
        case .integer, .unsigned, .day: _ = try varint(&cursor); return cursor
        case .double, .timestamp: return cursor + 8
        case .uuid: return cursor + 16
        case .string: _ = try textRange(&cursor); return cursor
        case .array, .object: return cursor + 4 + (try length(cursor))
        }
    }
}
