import Foundation

/// A strict JSON reader: RFC 8259, plus two rules of the data format: a key appears once per
/// object (a file holding `"name"` twice is refused, because readers disagree on which one
/// wins), and nesting stops at a depth no record needs (so a hostile file cannot exhaust the stack).
struct JSONReader {
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var nodes: [JSONTape.Node] = []
    private var escapedTexts: [Int: String] = [:]
    private var index = 0
    /// Keys of the objects being read, innermost last (node indices), to refuse a key twice.
    private var keys: [Int] = []

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 12)
    }

    /// The document as a tree (for merges and tests).
    static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try tape(data).value(at: 0)
    }

    /// The document as a tape, read once.
    static func tape(_ data: Data) throws(JSONSyntaxError) -> JSONTape {
        try tape(bytes: [UInt8](data))
    }

    /// The document as a tape, read once from bytes already in an array (kept by the tape, not copied).
    static func tape(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONTape {
        var reader = JSONReader(bytes)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        if reader.index >= reader.bytes.count {
            throw reader.failure("the file is empty or ends too early; it may have been cut short")
        }
        try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.index < reader.bytes.count { throw reader.failure("unexpected text after the end of the document") }
        return JSONTape(bytes: reader.bytes, nodes: reader.nodes, escapedTexts: reader.escapedTexts)
    }

    private func failure(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let position = JSONCoding.position(ofByte: min(offset ?? index, bytes.count), in: Data(bytes))
        return JSONSyntaxError(line: position.line, column: position.column, reason: reason)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case 0x20:
                // An indentation: its spaces eight at a time (the first byte that is not a space
                // is found from the word, then looked at as any other byte).
                index += 1
                while index + 8 <= count {
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
                    let other = word ^ 0x2020_2020_2020_2020
                    if other != 0 {
                        index += other.littleEndian.trailingZeroBitCount / 8
                        break
                    }
                    index += 8
                }
            case 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) levels deep") }
        guard index < bytes.count else { throw failure("the file ends too early; it may have been cut short") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "<") where bytes[index...].starts(with: Array("<<<<<<<".utf8)):
            throw failure("a merge conflict marker (<<<<<<<): a sync or version control tool left two versions here")
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[index...].starts(with: expected) else { throw failure("unexpected character") }
        nodes.append(JSONTape.Node(kind: kind, start: index, end: index + expected.count))
        index += expected.count
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) {
        let node = nodes.count
        nodes.append(JSONTape.Node(kind: .object, start: index, end: index))
        index += 1
        let firstKey = keys.count
        defer { keys.removeSubrange(firstKey...) }
        var manyKeys: Set<String>?
        var sorted = true
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            nodes[node].next = nodes.count
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("the file ends too early; it may have been cut short") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
            let keyStart = index
            let keyNode = nodes.count
            try string()
            // Files are written with sorted keys: while each key sorts after the one before, it
            // cannot be one of them. Otherwise (a few dozen keys) they are compared in place; a
            // larger object gets a set.
            let twice: Bool
            if sorted, let last = keys.last, keys.count > firstKey, sortsAfter(keyNode, last) {
                twice = false
                keys.append(keyNode)
            } else if keys.count == firstKey {
                twice = false
                keys.append(keyNode)
            } else if var seen = manyKeys {
                manyKeys = nil
                twice = !seen.insert(text(at: keyNode)).inserted
                manyKeys = seen
            } else {
                sorted = false
                twice = keys[firstKey...].contains { sameKey($0, keyNode) }
                keys.append(keyNode)
                if keys.count - firstKey > 32 { manyKeys = Set(keys[firstKey...].map { text(at: $0) }) }
            }
            if twice {
                let key = text(at: keyNode)
                throw failure("the key \"\(JSONCoding.escapedForMessage(String(key.prefix(80))))\" appears twice in the same object", at: keyStart)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            index += 1
            skipWhitespace()
            try value(depth: depth + 1)
            count += 1
            if try closes(node, with: UInt8(ascii: "}"), count: count) { return }
        }
    }

    /// After a member of the container at `node`: true when `closing` ends it (its count and
    /// end recorded), false after a comma.
    private mutating func closes(_ node: Int, with closing: UInt8, count: Int) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw failure("the file ends too early; it may have been cut short") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        guard bytes[index] == closing else { throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
        index += 1
        nodes[node].count = count
        nodes[node].next = nodes.count
        return true
    }

    /// The text of a string node read so far.
    private func text(at node: Int) -> String {
        if nodes[node].escaped { return escapedTexts[node] ?? "" }
        return String(decoding: bytes[nodes[node].start..<nodes[node].end], as: UTF8.self)
    }

    /// Whether the key at node `a` sorts strictly after the key at node `b` (bytes compared;
    /// false when either holds escapes, whose text is not their bytes).
    private func sortsAfter(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a], second = nodes[b]
        if first.escaped || second.escaped { return false }
        let firstLength = first.end - first.start, secondLength = second.end - second.start
        return bytes.withUnsafeBufferPointer { buffer in
            let common = min(firstLength, secondLength)
            let order = common == 0 ? 0 : memcmp(buffer.baseAddress! + first.start, buffer.baseAddress! + second.start, common)
            return order > 0 || (order == 0 && firstLength > secondLength)
        }
    }

    /// Whether two keys (string nodes) hold the same text.
    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a], second = nodes[b]
        if first.escaped || second.escaped { return text(at: a) == text(at: b) }
        let length = first.end - first.start
        guard length == second.end - second.start else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            length == 0 || memcmp(buffer.baseAddress! + first.start, buffer.baseAddress! + second.start, length) == 0
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) {
        let node = nodes.count
        nodes.append(JSONTape.Node(kind: .array, start: index, end: index))
        index += 1
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            nodes[node].next = nodes.count
            return
        }
        while true {
            skipWhitespace()
            try value(depth: depth + 1)
            count += 1
            if try closes(node, with: UInt8(ascii: "]"), count: count) { return }
        }
    }

    private mutating func number() throws(JSONSyntaxError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.index
            while reader.index < reader.bytes.count, (48...57).contains(reader.bytes[reader.index]) { reader.index += 1 }
            return reader.index - from
        }
        let integer = index
        let count = digits(&self)
        guard count > 0 else { throw failure("a number needs digits") }
        if count > 1 && bytes[integer] == UInt8(ascii: "0") { throw failure("a number cannot start with 0", at: integer) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("a number needs digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure("a number needs digits in its exponent") }
        }
        nodes.append(JSONTape.Node(kind: .number, start: start, end: index))
    }

    /// A string in quotes. Text without escapes stays in the bytes (checked to be UTF-8);
    /// text with escapes is decoded once into `escapedTexts`.
    private mutating func string() throws(JSONSyntaxError) {
        let start = index
        index += 1
        let count = bytes.count
        var ascii = true
        // The common case: no escapes, so the text is the bytes between the quotes.
        while index < count {
            index = bytes.withUnsafeBytes { Self.plainRun($0, from: index) }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !ascii {
                    let valid = bytes.withUnsafeBufferPointer { buffer in
                        String(validating: UnsafeBufferPointer(rebasing: buffer[(start + 1)..<index]), as: UTF8.self) != nil
                    }
                    guard valid else { throw failure("text that is not valid UTF-8", at: start + 1) }
                }
                nodes.append(JSONTape.Node(kind: .string, start: start + 1, end: index))
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("a control character inside quotes must be escaped") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        index = start
        let text = try escapedString()
        let node = nodes.count
        nodes.append(JSONTape.Node(kind: .string, escaped: true, start: start + 1, end: index - 1))
        escapedTexts[node] = text
    }

    /// The end of the run of plain bytes from `start` in a string (ASCII, no quote, backslash or
    /// control character), read eight bytes at a time; it stops at or before the first byte
    /// that is not plain, which `string()` then looks at on its own.
    @inline(__always)
    private static func plainRun(_ buffer: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            // A byte's high bit is set in each term when that byte is a quote, a backslash,
            // below 0x20, or not ASCII (exact for "any such byte in the word").
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { break }
            index += 8
        }
        return index
    }

    private mutating func escapedString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ reader: JSONReader, upTo end: Int) throws(JSONSyntaxError) {
            guard runStart < end else { return }
            guard let text = String(validating: reader.bytes[runStart..<end], as: UTF8.self) else {
                throw reader.failure("text that is not valid UTF-8", at: runStart)
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw failure("a text in quotes is not closed", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(self, upTo: index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("a control character inside quotes must be escaped") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            try flush(self, upTo: index)
            index += 1
            guard index < bytes.count else { throw failure("a text in quotes is not closed", at: start) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                let unit = try hexUnit()
                if (0xD800...0xDBFF).contains(unit) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw failure("a lone UTF-16 surrogate in \\u escapes")
                    }
                    index += 2
                    let low = try hexUnit()
                    guard (0xDC00...0xDFFF).contains(low),
                          let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    else { throw failure("a lone UTF-16 surrogate in \\u escapes") }
                    scalars.append(scalar)
                } else if let scalar = Unicode.Scalar(unit) {
                    scalars.append(scalar)
                } else {
                    throw failure("a lone UTF-16 surrogate in \\u escapes")
                }
            default:
                throw failure("an unknown escape \\\(String(decoding: [escape], as: UTF8.self))")
            }
            runStart = index
        }
    }

    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw failure("\\u needs four hexadecimal digits")
            }
            value = value * 16 + digit
        }
        index += 4
        return value
    }
}
