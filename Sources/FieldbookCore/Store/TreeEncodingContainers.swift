import Foundation

/// The containers of `TreeEncoder`: each writes into its node of the tree being built.
struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let object: TreeObject

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) { object.set(.null, for: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) { object.set(.bool(value), for: key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) { object.set(.string(value), for: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(try TreeEncoding.number(value, path: { codingPath + [key] }), for: key.stringValue)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(try TreeEncoding.number(value, path: { codingPath + [key] }), for: key.stringValue)
    }
    mutating func encode(_ value: Int, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) { object.set(.number(String(value)), for: key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(try TreeEncoder.tree(of: value, parent: encoder, key: key), for: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TreeEncoder(parent: encoder, key: key)
        object.setOpen(nested, for: key.stringValue)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = TreeEncoder(parent: encoder, key: key)
        object.setOpen(nested, for: key.stringValue)
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named name: String) -> any Encoder {
        let nested = TreeEncoder(parent: encoder, key: TreeSuperKey(stringValue: name))
        object.setOpen(nested, for: name)
        return nested
    }
}

struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let array: TreeArray

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    private var nextKey: ListIndexKey { ListIndexKey(array.items.count) }

    mutating func encodeNil() { array.items.append(.null) }
    mutating func encode(_ value: Bool) { array.items.append(.bool(value)) }
    mutating func encode(_ value: String) { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        let key = nextKey
        array.items.append(try TreeEncoding.number(value, path: { codingPath + [key] }))
    }
    mutating func encode(_ value: Float) throws {
        let key = nextKey
        array.items.append(try TreeEncoding.number(value, path: { codingPath + [key] }))
    }
    mutating func encode(_ value: Int) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) { array.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) { array.items.append(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try TreeEncoder.tree(of: value, parent: encoder, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = TreeEncoder(parent: encoder, key: nextKey)
        array.appendOpen(nested)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TreeEncoder(parent: encoder, key: nextKey)
        array.appendOpen(nested)
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = TreeEncoder(parent: encoder, key: nextKey)
        array.appendOpen(nested)
        return nested
    }
}

struct TreeSingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue) { encoder.node = .value(value) }

    mutating func encodeNil() { set(.null) }
    mutating func encode(_ value: Bool) { set(.bool(value)) }
    mutating func encode(_ value: String) { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try TreeEncoding.number(value, path: { codingPath })) }
    mutating func encode(_ value: Float) throws { set(try TreeEncoding.number(value, path: { codingPath })) }
    mutating func encode(_ value: Int) { set(.number(String(value))) }
    mutating func encode(_ value: Int8) { set(.number(String(value))) }
    mutating func encode(_ value: Int16) { set(.number(String(value))) }
    mutating func encode(_ value: Int32) { set(.number(String(value))) }
    mutating func encode(_ value: Int64) { set(.number(String(value))) }
    mutating func encode(_ value: UInt) { set(.number(String(value))) }
    mutating func encode(_ value: UInt8) { set(.number(String(value))) }
    mutating func encode(_ value: UInt16) { set(.number(String(value))) }
    mutating func encode(_ value: UInt32) { set(.number(String(value))) }
    mutating func encode(_ value: UInt64) { set(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        set(try TreeEncoder.tree(of: value, parent: encoder.parent, key: encoder.key))
    }
}

/// The key of a super encoder (`super`, or the key it was asked for).
struct TreeSuperKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
