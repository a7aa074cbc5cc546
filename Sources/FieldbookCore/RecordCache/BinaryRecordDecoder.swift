import Foundation

extension BinaryRecordCoding {
    /// Decodes a value written by `encode`. Anything unexpected (a cache written by other code,
    /// damaged bytes) throws; it never reads outside `bytes`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: Data) throws -> T {
        try bytes.withUnsafeBytes { raw in
            let reader = BinaryReader(bytes: raw)
            let decoder = BinaryRecordDecoder(reader: reader, offset: 0, parent: nil, key: nil)
            return try decoder.value(T.self, at: 0, key: nil)
        }
    }
}

final class BinaryRecordDecoder: Decoder {
    let reader: BinaryReader
    let offset: Int
    /// The decoder of the value holding this one, and this value's key in it (nil at the top):
    /// the coding path is made from them only when an error needs it.
    let parent: BinaryRecordDecoder?
    let key: (any CodingKey)?
    /// For an object: the entry a lookup starts at. Keys are written in the order a record's
    /// `encode(to:)` gives them, which is the order its `init(from:)` asks for them, so the
    /// key asked for is nearly always the next one: one comparison.
    var nextEntry = 0
    var nextEntryOffset = 0
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: BinaryReader, offset: Int, parent: BinaryRecordDecoder?, key: (any CodingKey)?) {
        self.reader = reader
        self.offset = offset
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var cursor: BinaryRecordDecoder? = self
        while let decoder = cursor {
            if let key = decoder.key { path.append(key) }
            cursor = decoder.parent
        }
        return path.reversed()
    }

    /// A decoder of the value at `offset` inside this one.
    func child(at offset: Int, key: (any CodingKey)?) -> BinaryRecordDecoder {
        BinaryRecordDecoder(reader: reader, offset: offset, parent: self, key: key)
    }

    func tag(at offset: Int) throws -> BinaryRecordTag {
        guard let tag = BinaryRecordTag(rawValue: try reader.byte(offset)) else { throw BinaryDamaged() }
        return tag
    }

    func mismatch(_ type: Any.Type, key: (any CodingKey)?) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(
            codingPath: key.map { codingPath + [$0] } ?? codingPath, debugDescription: "not in the cache's form"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard try tag(at: offset) == .object else { throw mismatch([String: Any].self, key: nil) }
        return KeyedDecodingContainer(try BinaryKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard try tag(at: offset) == .array else { throw mismatch([Any].self, key: nil) }
        return try BinaryUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { BinarySingleContainer(decoder: self) }

    // MARK: Values

    func isNull(at offset: Int) throws -> Bool { try tag(at: offset) == .null }

    func bool(at offset: Int, key: (any CodingKey)?) throws -> Bool {
        switch try tag(at: offset) {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, key: key)
        }
    }

    func string(at offset: Int, key: (any CodingKey)?) throws -> String {
        guard try tag(at: offset) == .string else { throw mismatch(String.self, key: key) }
        var cursor = offset + 1
        return reader.string(try reader.textRange(&cursor))
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at offset: Int, key: (any CodingKey)?) throws -> T {
        var cursor = offset + 1
        let value: T?
        switch try tag(at: offset) {
        case .integer: value = T(exactly: try reader.signed(&cursor))
        case .unsigned: value = T(exactly: try reader.varint(&cursor))
        default: throw mismatch(T.self, key: key)
        }
        guard let value else { throw mismatch(T.self, key: key) }
        return value
    }

    func double(at offset: Int, key: (any CodingKey)?) throws -> Double {
        var cursor = offset + 1
        switch try tag(at: offset) {
        case .double: return Double(bitPattern: try reader.fixed(cursor))
        case .integer: return Double(try reader.signed(&cursor))
        case .unsigned: return Double(try reader.varint(&cursor))
        default: throw mismatch(Double.self, key: key)
        }
    }

    func value<T: Decodable>(_ type: T.Type, at offset: Int, key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return try string(at: offset, key: key) as! T }
        if T.self == UUID.self {
            guard try tag(at: offset) == .uuid, offset + 17 <= reader.bytes.count else { throw mismatch(T.self, key: key) }
            // (Not `UUID().uuid`: that draws a random UUID, a system call, for every one decoded.)
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &uuid) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: reader.bytes[(offset + 1)..<(offset + 17)]))
            }
            return UUID(uuid: uuid) as! T
        }
        if T.self == LocalDate.self {
            guard try tag(at: offset) == .day else { throw mismatch(T.self, key: key) }
            var cursor = offset + 1
            // Days beyond any calendar the records use are refused, never computed with.
            let day = try reader.signed(&cursor)
            guard day >= -100_000_000, day <= 100_000_000 else { throw mismatch(T.self, key: key) }
            return LocalDate(dayNumber: Int(day)) as! T
        }
        if T.self == Date.self {
            guard try tag(at: offset) == .timestamp else { throw mismatch(T.self, key: key) }
            return Date(timeIntervalSinceReferenceDate: Double(bitPattern: try reader.fixed(offset + 1))) as! T
        }
        return try T(from: child(at: offset, key: key))
    }
}
