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
        var out = ""
        write(value, indent: "", into: &out)
        out += "\n"
        return Data(out.utf8)
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[\n\n\(indent)]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (offset, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, into: &out)
                out += offset == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{\n\n\(indent)}"; return }
            let inner = indent + "  "
            out += "{\n"
            let keys = members.keys.sorted()
            for (offset, key) in keys.enumerated() {
                out += inner
                writeString(key, into: &out)
                out += " : "
                write(members[key]!, indent: inner, into: &out)
                out += offset == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += "\\u00" + String(pad2Hex: scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension String {
    fileprivate init(pad2Hex value: UInt32) {
        let hex = String(value, radix: 16)
        self = hex.count < 2 ? "0" + hex : hex
    }
}
