import Foundation

struct BinaryKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryRecordDecoder
    /// How many entries the object has, and where the first one starts.
    let count: Int
    let firstEntryOffset: Int
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(decoder: BinaryRecordDecoder) throws {
        self.decoder = decoder
        let reader = decoder.reader
        var cursor = decoder.offset + 5
        count = try reader.count(&cursor)
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

struct BinaryUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: BinaryRecordDecoder
    let count: Int?
    var currentIndex = 0
    private var cursor: Int
    var codingPath: [any CodingKey] { decoder.codingPath }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(decoder: BinaryRecordDecoder) throws {
        self.decoder = decoder
        var cursor = decoder.offset + 5
        count = try decoder.reader.count(&cursor)
        self.cursor = cursor
    }

    private mutating func next() throws -> (offset: Int, key: ListIndexKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(
                codingPath: codingPath + [ListIndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let offset = cursor
        cursor = try decoder.reader.end(ofValueAt: offset)
        defer { currentIndex += 1 }
        return (offset, ListIndexKey(currentIndex))
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

struct BinarySingleContainer: SingleValueDecodingContainer {
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
