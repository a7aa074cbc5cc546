import Foundation

/// Decodes records straight from a `JSONTape`: the file is read once, by the strict reader, and
/// the records' own `Codable` conformances build them. Calendar dates, timestamps and UUIDs are
/// read from the bytes without making a string first. Errors are the `DecodingError`s that
/// `JSONCoding.describe` puts into words (field path, what was expected).
enum TapeDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from tape: JSONTape) throws -> T {
        try TapeDecoder(tape: tape, node: 0, parent: nil, key: nil).value(T.self, at: 0, key: nil)
    }

    /// Reads `data` strictly and decodes it: a syntax error is a `JSONSyntaxError`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decode(type, from: try JSONReader.tape(data))
    }
}

/// A position in a list, as a coding key.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private final class TapeDecoder: Decoder {
    let tape: JSONTape
    let node: Int
    let parent: TapeDecoder?
    /// The key of this value in its parent (nil at the top).
    let key: (any CodingKey)?

    init(tape: JSONTape, node: Int, parent: TapeDecoder?, key: (any CodingKey)?) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var cursor: TapeDecoder? = self
        while let decoder = cursor {
            if let key = decoder.key { path.append(key) }
            cursor = decoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, at: node, [String: Any].self, path: codingPath)
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, at: node, [Any].self, path: codingPath)
        return UnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

    // MARK: Values

    func kindName(_ kind: JSONTape.Kind) -> String {
        switch kind {
        case .null: "null"
        case .true, .false: "bool"
        case .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }

    func expect(_ kind: JSONTape.Kind, at index: Int, _ type: Any.Type, path: @autoclosure () -> [any CodingKey]) throws {
        let found = tape.nodes[index].kind
        guard found != kind else { return }
        if found == .null {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path(), debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        throw DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path(), debugDescription: "Expected to decode \(type) but found \(kindName(found)) instead."))
    }

    func path(adding key: (any CodingKey)?) -> [any CodingKey] {
        key.map { codingPath + [$0] } ?? codingPath
    }

    func corrupted(_ description: String, key: (any CodingKey)?) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path(adding: key), debugDescription: description))
    }

    func string(at index: Int, key: (any CodingKey)?) throws -> String {
        try expect(.string, at: index, String.self, path: path(adding: key))
        return tape.string(at: index)
    }

    func bool(at index: Int, key: (any CodingKey)?) throws -> Bool {
        switch tape.nodes[index].kind {
        case .true: return true
        case .false: return false
        default:
            try expect(.true, at: index, Bool.self, path: path(adding: key))
            return false
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        try expect(.number, at: index, T.self, path: path(adding: key))
        let node = tape.nodes[index]
        var value: T? = tape.bytes.withUnsafeBufferPointer { buffer in
            var cursor = node.start
            let negative = buffer[cursor] == UInt8(ascii: "-")
            if negative { cursor += 1 }
            var result: T = 0
            while cursor < node.end {
                let digit = buffer[cursor] &- 48
                guard digit < 10 else { return nil }
                let (times, overflowTimes) = result.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = negative ? times.subtractingReportingOverflow(T(digit))
                                                  : times.addingReportingOverflow(T(digit))
                guard !overflowTimes, !overflowSum else { return nil }
                result = sum
                cursor += 1
            }
            return result
        }
        if value == nil, let double = Double(tape.numberText(at: index)), double.rounded() == double {
            value = T(exactly: double)
        }
        guard let value else {
            throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> does not fit in \(T.self).", key: key)
        }
        return value
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        try expect(.number, at: index, T.self, path: path(adding: key))
        guard let value = T(tape.numberText(at: index)), value.isFinite else {
            throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> does not fit in \(T.self).", key: key)
        }
        return value
    }

    /// The value at `index`: text, numbers, dates, timestamps and UUIDs read directly, any other
    /// type by its own `init(from:)`.
    func value<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return try string(at: index, key: key) as! T }
        if T.self == UUID.self { return try uuid(at: index, key: key) as! T }
        if T.self == LocalDate.self { return try localDate(at: index, key: key) as! T }
        if T.self == Date.self { return try timestamp(at: index, key: key) as! T }
        if T.self == Bool.self { return try bool(at: index, key: key) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index, key: key) as! T }
        if T.self == Double.self { return try floatingPoint(Double.self, at: index, key: key) as! T }
        if T.self == Decimal.self { return try decimal(at: index, key: key) as! T }
        return try T(from: TapeDecoder(tape: tape, node: index, parent: self, key: key))
    }

    private func withStringBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        let node = tape.nodes[index]
        guard !node.escaped else { return nil }
        return tape.bytes.withUnsafeBufferPointer { buffer in body(UnsafeBufferPointer(rebasing: buffer[node.start..<node.end])) }
    }

    func uuid(at index: Int, key: (any CodingKey)?) throws -> UUID {
        try expect(.string, at: index, String.self, path: path(adding: key))
        if let uuid = withStringBytes(at: index, UUIDText.parse) { return uuid }
        guard let uuid = UUID(uuidString: tape.string(at: index)) else {
            throw corrupted("Attempted to decode UUID from invalid UUID string.", key: key)
        }
        return uuid
    }

    func localDate(at index: Int, key: (any CodingKey)?) throws -> LocalDate {
        try expect(.string, at: index, String.self, path: path(adding: key))
        if let date = withStringBytes(at: index, { try? LocalDate(isoBytes: $0) }) { return date }
        do {
            return try LocalDate(parsing: tape.string(at: index))
        } catch {
            throw corrupted(error.description, key: key)
        }
    }

    func timestamp(at index: Int, key: (any CodingKey)?) throws -> Date {
        try expect(.string, at: index, String.self, path: path(adding: key))
        if let date = withStringBytes(at: index, Timestamp.parse(bytes:)) { return date }
        let text = tape.string(at: index)
        guard let date = Timestamp.parse(text) else {
            throw corrupted("\"\(text)\" is not an ISO 8601 timestamp with an offset (e.g. 2026-11-22T09:30:00+01:00)", key: key)
        }
        return date
    }

    func decimal(at index: Int, key: (any CodingKey)?) throws -> Decimal {
        try expect(.number, at: index, Decimal.self, path: path(adding: key))
        guard let value = Decimal(string: tape.numberText(at: index), locale: Locale(identifier: "en_US_POSIX")) else {
            throw corrupted("Parsed JSON number <\(tape.numberText(at: index))> does not fit in Decimal.", key: key)
        }
        return value
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        let tape = decoder.tape
        var keys: [Key] = []
        var cursor = decoder.node + 1
        for _ in 0..<tape.nodes[decoder.node].count {
            if let key = Key(stringValue: tape.string(at: cursor)) { keys.append(key) }
            cursor = tape.after(cursor + 1)
        }
        return keys
    }

    /// The node of the value under `key`, if the object has it.
    private func find(_ key: Key) -> Int? {
        let tape = decoder.tape
        var name = key.stringValue
        let count = tape.nodes[decoder.node].count
        return name.withUTF8 { wanted in
            tape.bytes.withUnsafeBufferPointer { bytes in
                tape.nodes.withUnsafeBufferPointer { nodes in
                    var cursor = decoder.node + 1
                    for _ in 0..<count {
                        let node = nodes[cursor]
                        if node.escaped {
                            if tape.escapedTexts[cursor] == String(decoding: wanted, as: UTF8.self) { return cursor + 1 }
                        } else if node.end - node.start == wanted.count,
                                  wanted.isEmpty || memcmp(bytes.baseAddress! + node.start, wanted.baseAddress!, wanted.count) == 0 {
                            return cursor + 1
                        }
                        let value = nodes[cursor + 1]
                        cursor = value.kind == .array || value.kind == .object ? value.next : cursor + 2
                    }
                    return nil
                }
            }
        }
    }

    private func node(_ key: Key) throws -> Int {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return node
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.tape.nodes[try node(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: node(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: node(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.floatingPoint(type, at: node(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.floatingPoint(type, at: node(key), key: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(type, at: node(key), key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(type, at: node(key), key: key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type, at: node(key), key: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: decoder.tape, node: node(key), parent: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(tape: decoder.tape, node: node(key), parent: decoder, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TapeDecoder(tape: decoder.tape, node: try node(key), parent: decoder, key: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    private var cursor: Int
    private(set) var currentIndex = 0

    init(decoder: TapeDecoder) {
        self.decoder = decoder
        cursor = decoder.node + 1
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { decoder.tape.nodes[decoder.node].count }
    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next<T>(_ type: T.Type, _ read: (TapeDecoder, Int, IndexKey) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let value = try read(decoder, cursor, IndexKey(currentIndex))
        cursor = decoder.tape.after(cursor)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.tape.nodes[cursor].kind == .null else { return false }
        cursor += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.bool(at: $1, key: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.string(at: $1, key: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.floatingPoint(type, at: $1, key: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.floatingPoint(type, at: $1, key: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.integer(type, at: $1, key: $2) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.value(type, at: $1, key: $2) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) {
            try TapeDecoder(tape: $0.tape, node: $1, parent: $0, key: $2).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) {
            try TapeDecoder(tape: $0.tape, node: $1, parent: $0, key: $2).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { TapeDecoder(tape: $0.tape, node: $1, parent: $0, key: $2) }
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    private var node: Int { decoder.node }

    func decodeNil() -> Bool { decoder.tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: node, key: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: node, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type, at: node, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type, at: node, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: node, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: node, key: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The value itself, not a value inside it: no key is added to the path.
        try decoder.value(type, at: node, key: nil)
    }
}

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
