import Foundation

/// The records a load builds by the tens of thousands (employer contacts, a client's contacts),
/// read straight from the tape by code written for them, without the generic `Codable`
/// machinery (a decoder object and a container box per value, generic metadata, existentials).
///
/// A fast path reads only what is plain: every required key present once, each value of the
/// expected kind, UUIDs, dates and timestamps in the form the tape's byte parsers read, keys
/// without escapes. Anything else is a `TapeMiss`, and `TapeDecoder` then decodes the value
/// through the record's own `Codable` conformance, so the record and any error (its message,
/// its field path) are exactly that path's. What it reads as the `Codable` path does: unknown
/// keys are ignored, an absent or null optional is nil, open enumerations keep any text.
enum TapeFastPath {
    /// The value of type `T` at `index`, when `T` has a fast path and the value is plain; nil
    /// otherwise (the caller then decodes it through `Codable`).
    static func decode<T>(_ type: T.Type, from tape: JSONTape, at index: Int) -> T? {
        do {
            if T.self == [EmployerContact].self {
                var contacts = try tape.fastList(at: index, employerContact)
                EmployerContact.shareText(&contacts)
                return contacts as? T
            }
            if T.self == [ClientContact].self {
                var contacts = try tape.fastList(at: index, clientContact)
                ClientContact.shareText(&contacts)
                return contacts as? T
            }
            if T.self == EmployerContact.self { return try employerContact(tape, at: index) as? T }
            if T.self == ClientContact.self { return try clientContact(tape, at: index) as? T }
            if T.self == ProfileSessionFile.self { return try profileSession(tape, at: index) as? T }
            if T.self == [AnswerEntry].self { return try tape.fastList(at: index, answerEntry) as? T }
            if T.self == AnswerEntry.self { return try answerEntry(tape, at: index) as? T }
            if T.self == AnswerValue.self { return try answerValue(tape, at: index) as? T }
        } catch {
            return nil
        }
        return nil
    }
}

/// A value the fast path does not read itself: the `Codable` path decodes it instead.
struct TapeMiss: Error {}

extension JSONTape {
    /// True when the key at `node` is `name` (a key with escapes never is: the fast path leaves
    /// those to the `Codable` path, which compares their text).
    @inline(__always)
    func fastKey(_ node: Int, is name: StaticString) -> Bool {
        let key = nodes[node]
        let length = key.end - key.start
        guard length == name.utf8CodeUnitCount, !key.escaped else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + key.start, name.utf8Start, length) == 0
        }
    }

    /// Each member of the object at `index`, as the positions of its key and its value; throws
    /// when it is not an object or a key holds escapes (the `Codable` path reads those).
    @inline(__always)
    func fastMembers(of index: Int, _ body: (_ key: Int, _ value: Int) -> Void) throws(TapeMiss) {
        let object = nodes[index]
        guard object.kind == .object else { throw TapeMiss() }
        var key = index + 1
        for _ in 0..<object.count {
            if nodes[key].escaped { throw TapeMiss() }
            body(key, key + 1)
            key = after(key + 1)
        }
    }

    /// The bytes of the string at `index`, which must hold no escapes.
    @inline(__always)
    private func plainString<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R?) throws(TapeMiss) -> R {
        let node = nodes[index]
        guard node.kind == .string, !node.escaped else { throw TapeMiss() }
        let value = bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[node.start..<node.end]))
        }
        guard let value else { throw TapeMiss() }
        return value
    }

    func fastUUID(_ index: Int) throws(TapeMiss) -> UUID {
        try plainString(index, UUIDText.parse)
    }

    func fastOptionalUUID(_ index: Int?) throws(TapeMiss) -> UUID? {
        guard let index, nodes[index].kind != .null else { return nil }
        return try fastUUID(index)
    }

    func fastDate(_ index: Int) throws(TapeMiss) -> LocalDate {
        try plainString(index) { try? LocalDate(isoBytes: $0) }
    }

    func fastOptionalDate(_ index: Int?) throws(TapeMiss) -> LocalDate? {
        guard let index, nodes[index].kind != .null else { return nil }
        return try fastDate(index)
    }

    func fastTimestamp(_ index: Int) throws(TapeMiss) -> Date {
        try plainString(index, Timestamp.parse(bytes:))
    }

    /// Any string, escapes included (the tape holds their text).
    func fastString(_ index: Int) throws(TapeMiss) -> String {
        guard nodes[index].kind == .string else { throw TapeMiss() }
        return string(at: index)
    }

    func fastOptionalString(_ index: Int?) throws(TapeMiss) -> String? {
        guard let index, nodes[index].kind != .null else { return nil }
        return try fastString(index)
    }

    func fastBool(_ index: Int) throws(TapeMiss) -> Bool {
        switch nodes[index].kind {
        case .true: return true
        case .false: return false
        default: throw TapeMiss()
        }
    }

    func fastUUIDList(_ index: Int) throws(TapeMiss) -> [UUID] {
        try fastList(at: index) { (tape, item) throws(TapeMiss) in try tape.fastUUID(item) }
    }

    /// The items of the array at `index`, each read by `item`.
    func fastList<Element>(at index: Int, _ item: (JSONTape, Int) throws(TapeMiss) -> Element) throws(TapeMiss) -> [Element] {
        let node = nodes[index]
        guard node.kind == .array else { throw TapeMiss() }
        var items: [Element] = []
        items.reserveCapacity(node.count)
        var cursor = index + 1
        for _ in 0..<node.count {
            items.append(try item(self, cursor))
            cursor = after(cursor)
        }
        return items
    }
}
