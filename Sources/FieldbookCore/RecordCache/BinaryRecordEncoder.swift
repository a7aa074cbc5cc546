import Foundation

/// The compact binary form the record cache keeps decoded records in. A value is a tag byte
/// and its contents: numbers as variable-length integers or 8-byte doubles, text as its length
/// and UTF-8 bytes, UUIDs as 16 bytes, calendar dates as day numbers, timestamps as the bits of
/// a double, lists and objects with their byte length first so a reader can step over them.
/// The records' own `Codable` conformances drive both directions, so the cache never needs to
/// know a record's fields.
enum BinaryRecordTag: UInt8 {
    case null = 0, `false`, `true`, integer, unsigned, double, string, array, object, uuid, timestamp, day
}

enum BinaryRecordCoding {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = BinaryNode()
        try root.set(value, codingPath: [])
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        root.write(into: &bytes)
        return bytes
    }
}

/// A value being encoded: a tree first, written out once complete (objects need their length).
final class BinaryNode {
    enum Content {
        case null, bool(Bool), integer(Int64), unsigned(UInt64), double(Double), string(String)
        case uuid(UUID), timestamp(Date), day(Int), array([BinaryNode]), object([(String, BinaryNode)])
    }

    var content: Content = .null

    func set<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let uuid as UUID: content = .uuid(uuid)
        case let date as Date: content = .timestamp(date)
        case let day as LocalDate: content = .day(day.dayNumber)
        case let text as String: content = .string(text)
        default: try value.encode(to: BinaryRecordEncoder(node: self, codingPath: codingPath))
        }
    }

    func append(_ child: BinaryNode) {
        if case .array(var items) = content {
            content = .null
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
    }

    func put(_ key: String, _ child: BinaryNode) {
        if case .object(var entries) = content {
            content = .null
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                entries[index].1 = child
            } else {
                entries.append((key, child))
            }
            content = .object(entries)
        } else {
            content = .object([(key, child)])
        }
    }

    func write(into bytes: inout [UInt8]) {
        switch content {
        case .null: bytes.append(BinaryRecordTag.null.rawValue)
        case .bool(let value): bytes.append((value ? BinaryRecordTag.true : .false).rawValue)
        case .integer(let value):
            bytes.append(BinaryRecordTag.integer.rawValue)
            BinaryBytes.appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
        case .unsigned(let value):
            bytes.append(BinaryRecordTag.unsigned.rawValue)
            BinaryBytes.appendVarint(value, to: &bytes)
        case .double(let value):
            bytes.append(BinaryRecordTag.double.rawValue)
            BinaryBytes.appendFixed(value.bitPattern, to: &bytes)
        case .string(let value):
            bytes.append(BinaryRecordTag.string.rawValue)
            BinaryBytes.appendString(value, to: &bytes)
        case .uuid(let value):
            bytes.append(BinaryRecordTag.uuid.rawValue)
            withUnsafeBytes(of: value.uuid) { bytes.append(contentsOf: $0) }
        case .timestamp(let value):
            bytes.append(BinaryRecordTag.timestamp.rawValue)
            BinaryBytes.appendFixed(value.timeIntervalSinceReferenceDate.bitPattern, to: &bytes)
        case .day(let value):
            bytes.append(BinaryRecordTag.day.rawValue)
            BinaryBytes.appendVarint(UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63)), to: &bytes)
        case .array(let items):
            bytes.append(BinaryRecordTag.array.rawValue)
            let lengthAt = BinaryBytes.reserveLength(in: &bytes)
            BinaryBytes.appendVarint(UInt64(items.count), to: &bytes)
            for item in items { item.write(into: &bytes) }
            BinaryBytes.fillLength(at: lengthAt, in: &bytes)
        case .object(let entries):
            bytes.append(BinaryRecordTag.object.rawValue)
            let lengthAt = BinaryBytes.reserveLength(in: &bytes)
            BinaryBytes.appendVarint(UInt64(entries.count), to: &bytes)
            for (key, value) in entries {
                BinaryBytes.appendString(key, to: &bytes)
                value.write(into: &bytes)
            }
            BinaryBytes.fillLength(at: lengthAt, in: &bytes)
        }
    }
}

/// Writing the pieces of the binary form.
enum BinaryBytes {
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func appendFixed(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var text = value
        text.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Four bytes to be filled with the length of what follows them (`fillLength`).
    static func reserveLength(in bytes: inout [UInt8]) -> Int {
        bytes.append(contentsOf: [0, 0, 0, 0])
        return bytes.count
    }

    static func fillLength(at end: Int, in bytes: inout [UInt8]) {
        let length = UInt32(bytes.count - end)
        withUnsafeBytes(of: length.littleEndian) { raw in
            for index in 0..<4 { bytes[end - 4 + index] = raw[index] }
        }
    }
}

private struct BinaryRecordEncoder: Encoder {
    let node: BinaryNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: BinaryNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: BinaryNode
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> BinaryNode {
        let child = BinaryNode()
        node.put(key.stringValue, child)
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).content = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).content = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).content = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).content = .double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { child(key).content = .double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).content = .integer(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).content = .integer(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).content = .integer(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).content = .integer(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).content = .integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).content = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).set(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        BinaryRecordEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryRecordEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        BinaryRecordEncoder(node: childNamed("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BinaryRecordEncoder(node: child(key), codingPath: codingPath + [key])
    }

    private func childNamed(_ name: String) -> BinaryNode {
        let child = BinaryNode()
        node.put(name, child)
        return child
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: BinaryNode
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    private func child() -> BinaryNode {
        let child = BinaryNode()
        node.append(child)
        return child
    }

    mutating func encodeNil() throws { child().content = .null }
    mutating func encode(_ value: Bool) throws { child().content = .bool(value) }
    mutating func encode(_ value: String) throws { child().content = .string(value) }
    mutating func encode(_ value: Double) throws { child().content = .double(value) }
    mutating func encode(_ value: Float) throws { child().content = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { child().content = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { child().content = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { child().content = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { child().content = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { child().content = .integer(value) }
    mutating func encode(_ value: UInt) throws { child().content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { child().content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { child().content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { child().content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { child().content = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try child().set(value, codingPath: codingPath + [AnyKey(intValue: index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        BinaryRecordEncoder(node: child(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryRecordEncoder(node: child(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryRecordEncoder(node: child(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: BinaryNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { node.content = .double(value) }
    mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { node.content = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .integer(value) }
    mutating func encode(_ value: UInt) throws { node.content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
}
