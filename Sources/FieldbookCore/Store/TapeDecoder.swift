import Foundation

/// Decodes records straight from a `JSONTape`: the file is read once, by the strict reader, and
/// the records' own `Codable` conformances build them. Calendar dates, timestamps and UUIDs are
/// read from the bytes without making a string first. Errors are the `DecodingError`s that
/// `JSONCoding.describe` puts into words (field path, what was expected).
enum TapeDecoding {
    /// `fastPaths: false` decodes every value through `Codable` (to compare the two in tests).
    static func decode<T: Decodable>(_ type: T.Type, from tape: JSONTape, fastPaths: Bool = true) throws -> T {
        try TapeDecoder(tape: tape, node: 0, parent: nil, key: nil, fastPaths: fastPaths).value(T.self, at: 0, key: nil)
    }

    /// Reads `data` strictly and decodes it: a syntax error is a `JSONSyntaxError`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, fastPaths: Bool = true) throws -> T {
        try decode(type, from: try JSONReader.tape(data), fastPaths: fastPaths)
    }
}

/// A position in a list, as a coding key.
struct ListIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

final class TapeDecoder: Decoder {
    let tape: JSONTape
    let node: Int
    let parent: TapeDecoder?
    /// The key of this value in its parent (nil at the top).
    let key: (any CodingKey)?
    /// Whether the records that have one are read by their fast path (`TapeFastPath`).
    let fastPaths: Bool

    /// A nested value's decoder takes `fastPaths` from its parent.
    init(tape: JSONTape, node: Int, parent: TapeDecoder?, key: (any CodingKey)?, fastPaths: Bool = true) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
        self.fastPaths = parent?.fastPaths ?? fastPaths
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
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, at: node, [Any].self, path: codingPath)
        return TapeUnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { TapeSingleContainer(decoder: self) }

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

    /// The value at `index`: text, numbers, dates, timestamps and UUIDs read directly, contacts
    /// by their fast path when they are plain, any other type by its own `init(from:)`.
    func value<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return try string(at: index, key: key) as! T }
        if T.self == UUID.self { return try uuid(at: index, key: key) as! T }
        if T.self == LocalDate.self { return try localDate(at: index, key: key) as! T }
        if T.self == Date.self { return try timestamp(at: index, key: key) as! T }
        if T.self == Bool.self { return try bool(at: index, key: key) as! T }
        if T.self == Int.self { return try integer(Int.self, at: index, key: key) as! T }
        if T.self == Double.self { return try floatingPoint(Double.self, at: index, key: key) as! T }
        if T.self == Decimal.self { return try decimal(at: index, key: key) as! T }
        if fastPaths, let value = TapeFastPath.decode(T.self, from: tape, at: index) { return value }
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
