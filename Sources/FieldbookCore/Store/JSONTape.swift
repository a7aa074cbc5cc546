import Foundation

/// A JSON document read in one pass into a flat list of nodes that point into its bytes, the
/// way a tape holds a recording: records are decoded straight from it (`TapeDecoder`), and the
/// tree a merge needs (`JSONValue`) is built from it only when a save asks.
///
/// Layout: a container's node is followed by its contents (for an object, each key's node then
/// its value's nodes), and says where the node after its contents is (`next`), so a reader
/// skips a whole value in one step.
final class JSONTape: @unchecked Sendable {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, array, object
    }

    struct Node {
        var kind: Kind
        /// For a string, true when it holds escapes: its text is in `escapedTexts`.
        var escaped = false
        /// Bytes of a number or of a string between its quotes; a container's opening bracket.
        var start: Int
        var end: Int
        /// Members of an object, items of an array.
        var count = 0
        /// The index of the node after this one and everything inside it.
        var next = 0
    }

    /// The document's bytes (never changed once read; shared by every decoder of the tape).
    let bytes: [UInt8]
    let nodes: [Node]
    /// The text of strings with escapes, by node index.
    let escapedTexts: [Int: String]

    init(bytes: [UInt8], nodes: [Node], escapedTexts: [Int: String]) {
        self.bytes = bytes
        self.nodes = nodes
        self.escapedTexts = escapedTexts
    }

    /// The index of the node after the value at `index` and everything inside it.
    @inline(__always)
    func after(_ index: Int) -> Int {
        let node = nodes[index]
        return node.kind == .array || node.kind == .object ? node.next : index + 1
    }

    /// The text of the string at `index`.
    func string(at index: Int) -> String {
        let node = nodes[index]
        if node.escaped { return escapedTexts[index] ?? "" }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[node.start..<node.end]), as: UTF8.self)
        }
    }

    /// The text of a number as written.
    func numberText(at index: Int) -> String {
        let node = nodes[index]
        return String(decoding: bytes[node.start..<node.end], as: UTF8.self)
    }

    /// True when the string at `index` is `text`.
    func string(at index: Int, equals text: String) -> Bool {
        let node = nodes[index]
        if node.escaped { return escapedTexts[index] == text }
        var text = text
        return text.withUTF8 { wanted in
            guard wanted.count == node.end - node.start else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                wanted.isEmpty || memcmp(buffer.baseAddress! + node.start, wanted.baseAddress!, wanted.count) == 0
            }
        }
    }

    /// The value at `index` as a tree.
    func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(numberText(at: index))
        case .string: return .string(string(at: index))
        case .array:
            var items: [JSONValue] = []
            items.reserveCapacity(node.count)
            var cursor = index + 1
            for _ in 0..<node.count {
                items.append(value(at: cursor))
                cursor = after(cursor)
            }
            return .array(items)
        case .object:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(node.count)
            var cursor = index + 1
            for _ in 0..<node.count {
                members[string(at: cursor)] = value(at: cursor + 1)
                cursor = after(cursor + 1)
            }
            return .object(members)
        }
    }
}
