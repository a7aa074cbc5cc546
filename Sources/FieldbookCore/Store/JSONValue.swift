import Foundation

/// A JSON document as it is in a file: every key kept, numbers as their text. The store keeps
/// each file it reads in this form, so fields this version of Fieldbook does not know are
/// written back unchanged, and so a change on disk can be merged field by field.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number as written, so nothing is lost to rounding.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The `id` of a list item, when it has one.
    var itemID: String? {
        if case .string(let id)? = self["id"] { return id }
        return nil
    }
}

/// Why a file is not JSON this store accepts, with where it goes wrong.
struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    var reason: String
    var description: String { "not valid JSON at line \(line), column \(column): \(reason)" }
}

/// Writes a JSON value the way every Fieldbook file is written: two-space indents, sorted
/// keys, `"key" : value`, and one trailing newline.
enum JSONWriter {
    static func data(_ value: JSONValue) -> Data {
        Data(bytes(value))
    }

    /// The file's bytes (UTF-8), written straight into one buffer.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        write(value, depth: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Appends `value` as it is written `depth` levels deep in a document (its lines after the
    /// first indented so), without a newline after it.
    static func append(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        write(value, depth: depth, into: &out)
    }

    /// Appends `text` as a JSON string, in quotes.
    static func appendString(_ text: String, into out: inout [UInt8]) {
        writeString(text, into: &out)
    }

    static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static func write(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(contentsOf: "[\n".utf8)
            if items.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (offset, item) in items.enumerated() {
                indent(depth + 1, into: &out)
                write(item, depth: depth + 1, into: &out)
                if offset != items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(contentsOf: "{\n".utf8)
            if members.isEmpty { out.append(UInt8(ascii: "\n")) }
            let sorted = members.sorted { $0.key < $1.key }
            for (offset, member) in sorted.enumerated() {
                indent(depth + 1, into: &out)
                writeString(member.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                write(member.value, depth: depth + 1, into: &out)
                if offset != sorted.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string in quotes. Only ASCII needs escaping, so the text's UTF-8 is copied as it is
    /// between escapes.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0x0F))
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
