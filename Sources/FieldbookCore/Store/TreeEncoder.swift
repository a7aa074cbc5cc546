import Foundation

/// Encodes records straight into the JSON tree a file is written from (`JSONValue`), as
/// `TapeDecoder` decodes them straight from a file's bytes: no text in between. The tree is
/// the one `JSONCoding.encode` gives read back by `JSONReader.parse`: timestamps as
/// `Timestamp.format`, UUIDs in Foundation's upper-case text, numbers in the text
/// Foundation's `JSONEncoder` writes for them, a value that encodes nothing as `{}`.
enum TreeEncoding {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try TreeEncoder.tree(of: value, parent: nil, key: nil)
    }

    /// A number as `JSONEncoder` writes it: the shortest text that reads back as the same
    /// value, without a trailing `.0`. Not a number and the infinities are not JSON.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, path: () -> [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path(), debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }
}

/// A container's value while it is being filled. Nested containers and super encoders are
/// filled after their parent took them, so they stay open (their encoder kept) until the whole
/// value is encoded, then become `JSONValue`s.
enum TreeNode {
    case value(JSONValue)
    case object(TreeObject)
    case array(TreeArray)

    var json: JSONValue {
        switch self {
        case .value(let value): value
        case .object(let object): object.json
        case .array(let array): array.json
        }
    }
}

final class TreeObject {
    var members: [String: JSONValue] = [:]
    /// Members still being filled (nested containers, super encoders), by key.
    var open: [String: TreeEncoder] = [:]

    init(capacity: Int = 0) {
        members.reserveCapacity(capacity)
    }

    func set(_ value: JSONValue, for key: String) {
        members[key] = value
        if !open.isEmpty { open[key] = nil }
    }

    func setOpen(_ encoder: TreeEncoder, for key: String) {
        open[key] = encoder
        members[key] = nil
    }

    var json: JSONValue {
        guard !open.isEmpty else { return .object(members) }
        var all = members
        for (key, encoder) in open { all[key] = encoder.json }
        return .object(all)
    }
}

final class TreeArray {
    var items: [JSONValue] = []
    /// Items still being filled (nested containers, super encoders), by place.
    var open: [Int: TreeEncoder] = [:]

    func appendOpen(_ encoder: TreeEncoder) {
        open[items.count] = encoder
        items.append(.null)
    }

    var json: JSONValue {
        guard !open.isEmpty else { return .array(items) }
        var all = items
        for (index, encoder) in open { all[index] = encoder.json }
        return .array(all)
    }
}

final class TreeEncoder: Encoder {
    let parent: TreeEncoder?
    /// The key of this value in its parent (nil at the top).
    let key: (any CodingKey)?
    var node: TreeNode?

    init(parent: TreeEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var cursor: TreeEncoder? = self
        while let encoder = cursor {
            if let key = encoder.key { path.append(key) }
            cursor = encoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// What was encoded; a value that encoded nothing is an empty object, as with `JSONEncoder`.
    var json: JSONValue { node?.json ?? .object([:]) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: TreeObject
        if case .object(let existing)? = node {
            object = existing
        } else {
            object = TreeObject(capacity: 16)
            node = .object(object)
        }
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: TreeArray
        if case .array(let existing)? = node {
            array = existing
        } else {
            array = TreeArray()
            node = .array(array)
        }
        return TreeUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleContainer(encoder: self)
    }

    /// The tree of one value: the types `JSONEncoder` writes in a way of its own (timestamps
    /// by the store's strategy, decimals, URLs, data) and the common leaves directly, the rest
    /// through the value's own `encode(to:)`.
    static func tree<T: Encodable>(of value: T, parent: TreeEncoder?, key: (any CodingKey)?) throws -> JSONValue {
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == UUID.self, let id = value as? UUID { return .string(UUIDText.text(id)) }
        if T.self == Date.self, let date = value as? Date { return .string(Timestamp.format(date)) }
        if T.self == Decimal.self, let decimal = value as? Decimal { return .number(decimal.description) }
        if T.self == URL.self, let url = value as? URL { return .string(url.absoluteString) }
        if T.self == Data.self, let data = value as? Data { return .string(data.base64EncodedString()) }
        let encoder = TreeEncoder(parent: parent, key: key)
        try value.encode(to: encoder)
        return encoder.json
    }
}
