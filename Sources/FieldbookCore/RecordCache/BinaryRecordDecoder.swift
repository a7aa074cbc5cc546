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

    /// Where the text at `offset` (length, bytes) lies.
    func textRange(_ offset: inout Int) throws -> Range<Int> {
        let count = Int(try varint(&offset))
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

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private final class BinaryRecordDecoder: Decoder {
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
        return KeyedDecodingContainer(try KeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard try tag(at: offset) == .array else { throw mismatch([Any].self, key: nil) }
        return try UnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

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
            return LocalDate(dayNumber: Int(try reader.signed(&cursor))) as! T
        }
        if T.self == Date.self {
            guard try tag(at: offset) == .timestamp else { throw mismatch(T.self, key: key) }
            return Date(timeIntervalSinceReferenceDate: Double(bitPattern: try reader.fixed(offset + 1))) as! T
        }
        return try T(from: child(at: offset, key: key))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryRecordDecoder
    /// How many entries the object has, and where the first one starts.
    let count: Int
    let firstEntryOffset: Int
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(decoder: BinaryRecordDecoder) throws {
        self.decoder = decoder
        let reader = decoder.reader
        var cursor = decoder.offset + 5
        count = Int(try reader.varint(&cursor))
        guard count <= reader.bytes.count else { throw BinaryDamaged() }
        firstEntryOffset = cursor
        decoder.nextEntry = 0
        decoder.nextEntryOffset = cursor
    }

    /// Each entry's key bytes and where its value starts, in order.
    private func forEachEntry(_ body: (Range<Int>, Int) -> Void) {
        var cursor = firstEntryOffset
        for _ in 0..<count {
            guard let key = try? decoder.reader.textRange(&cursor) else { return }
            body(key, cursor)
            guard let end = try? decoder.reader.end(ofValueAt: cursor) else { return }
            cursor = end
        }
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        forEachEntry { range, _ in
            if let key = Key(stringValue: decoder.reader.string(range)) { keys.append(key) }
        }
        return keys
    }

    /// Where the value under `key` starts: looked for from the entry after the last one found,
    /// round to it again.
    private func find(_ key: Key) -> Int? {
        guard count > 0 else { return nil }
        var name = key.stringValue
        return name.withUTF8 { utf8 -> Int? in
            let reader = decoder.reader
            var entry = decoder.nextEntry
            var cursor = decoder.nextEntryOffset
            for _ in 0..<count {
                if entry == count {
                    entry = 0
                    cursor = firstEntryOffset
                }
                guard let range = try? reader.textRange(&cursor) else { return nil }
                let value = cursor
                guard let end = try? reader.end(ofValueAt: value) else { return nil }
                entry += 1
                cursor = end
                if range.count == utf8.count,
                   utf8.count == 0 || memcmp(reader.bytes.baseAddress! + range.lowerBound, utf8.baseAddress!, utf8.count) == 0
                {
                    decoder.nextEntry = entry
                    decoder.nextEntryOffset = end
                    return value
                }
            }
            return nil
        }
    }

    private func at(_ key: Key) throws -> Int {
        guard let offset = find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return offset
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try decoder.isNull(at: try at(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: try at(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: try at(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(at: try at(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decoder.double(at: try at(key), key: key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(type, at: try at(key), key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(type, at: try at(key), key: key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.value(type, at: try at(key), key: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let offset = find(key), try !decoder.isNull(at: offset) else { return nil }
        return try decoder.value(type, at: offset, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(at: try at(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(at: try at(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw BinaryDamaged() }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(at: try at(key), key: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: BinaryRecordDecoder
    let count: Int?
    var currentIndex = 0
    private var cursor: Int
    var codingPath: [any CodingKey] { decoder.codingPath }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(decoder: BinaryRecordDecoder) throws {
        self.decoder = decoder
        var cursor = decoder.offset + 5
        count = Int(try decoder.reader.varint(&cursor))
        self.cursor = cursor
    }

    private mutating func next() throws -> (offset: Int, key: IndexKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let offset = cursor
        cursor = try decoder.reader.end(ofValueAt: offset)
        defer { currentIndex += 1 }
        return (offset, IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try decoder.isNull(at: cursor) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { let (at, key) = try next(); return try decoder.bool(at: at, key: key) }
    mutating func decode(_ type: String.Type) throws -> String { let (at, key) = try next(); return try decoder.string(at: at, key: key) }
    mutating func decode(_ type: Double.Type) throws -> Double { let (at, key) = try next(); return try decoder.double(at: at, key: key) }
    mutating func decode(_ type: Float.Type) throws -> Float { let (at, key) = try next(); return Float(try decoder.double(at: at, key: key)) }
    mutating func decode(_ type: Int.Type) throws -> Int { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let (at, key) = try next(); return try decoder.integer(type, at: at, key: key) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (at, key) = try next()
        return try decoder.value(type, at: at, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (at, key) = try next()
        return try decoder.child(at: at, key: key).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (at, key) = try next()
        return try decoder.child(at: at, key: key).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (at, key) = try next()
        return decoder.child(at: at, key: key)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: BinaryRecordDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var offset: Int { decoder.offset }

    func decodeNil() -> Bool { (try? decoder.isNull(at: offset)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: offset, key: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: offset, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double(at: offset, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double(at: offset, key: nil)) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: offset, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: offset, key: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, at: offset, key: nil) }
}
