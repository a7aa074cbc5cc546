import Foundation

/// Where `CopyEncoding` writes a record: the copy's bytes (`[UInt8]`), or a `CopyProof`.
protocol CopySink {
    mutating func append(_ byte: UInt8)
    /// Bytes that hold nothing to escape (keys, punctuation, `true`).
    mutating func literal(_ text: StaticString)
    /// Two spaces a level.
    mutating func indent(_ levels: Int)
    /// An object's member up to its value: `,` and a newline unless it is the first, then
    /// `levels` indents and `"name" : ` (a name with nothing to escape).
    mutating func key(_ name: StaticString, depth levels: Int, first: Bool)
    /// A JSON string in quotes, escaped as `JSONWriter` escapes it.
    mutating func string(_ text: String)
    /// An id in quotes, upper case.
    mutating func uuid(_ id: UUID)
    /// A timestamp in quotes (`Timestamp.append`).
    mutating func timestamp(_ date: Date)
    /// A day in quotes (`LocalDate.appendText`).
    mutating func day(_ date: LocalDate)
    /// A number's text as it is (`TreeEncoding`'s text for it).
    mutating func number(_ text: String)
    /// A tree as `JSONWriter.append` writes it `depth` levels deep.
    mutating func tree(_ value: JSONValue, depth: Int)
}

extension Array: CopySink where Element == UInt8 {
    mutating func literal(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func indent(_ levels: Int) { JSONWriter.indent(levels, into: &self) }

    mutating func key(_ name: StaticString, depth levels: Int, first: Bool) {
        if !first { literal(",\n") }
        indent(levels)
        append(UInt8(ascii: "\""))
        literal(name)
        literal("\" : ")
    }

    mutating func string(_ text: String) { JSONWriter.appendString(text, into: &self) }

    // Ids, timestamps and dates hold nothing to escape: written in quotes as they are.
    mutating func uuid(_ id: UUID) {
        append(UInt8(ascii: "\""))
        UUIDText.append(id, into: &self)
        append(UInt8(ascii: "\""))
    }

    mutating func timestamp(_ date: Date) {
        append(UInt8(ascii: "\""))
        Timestamp.append(date, into: &self)
        append(UInt8(ascii: "\""))
    }

    mutating func day(_ date: LocalDate) {
        append(UInt8(ascii: "\""))
        date.appendText(into: &self)
        append(UInt8(ascii: "\""))
    }

    mutating func number(_ text: String) { append(contentsOf: text.utf8) }

    mutating func tree(_ value: JSONValue, depth: Int) { JSONWriter.append(value, depth: depth, into: &self) }
}

/// Whether a record's bytes in a file, from `cursor` on, are exactly what `CopyEncoding` writes
/// for it: each piece the encoder would write is compared with the file where it would land,
/// and nothing is written. Ids are compared digit by digit, text with its escapes looked for in
/// the same pass; only timestamps, days, text that needs escapes and trees are written, into a
/// small buffer used again. Cheaper than writing the record and comparing, and the same
/// answer by construction: the encoder's own code drives it.
struct CopyProof: CopySink {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next piece must be; after the record, where its bytes end.
    private(set) var cursor: Int
    /// False from the first piece that differs (nothing is compared after it).
    private(set) var same = true
    private var scratch: [UInt8] = []
    /// The zone timestamps are written in (`Timestamp.append`'s), looked up once: asking for
    /// `TimeZone.current` takes a lock each time.
    private let timeZone = TimeZone.current

    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        self.bytes = bytes
        cursor = start
        scratch.reserveCapacity(256)
    }

    /// The proof of one record at `start` in `bytes`: the length of its bytes when they are the
    /// copy's, else nil.
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ write: (inout CopyProof) throws -> Void) -> Int? {
        var proof = CopyProof(bytes, at: start)
        return proof.length(at: start, write)
    }

    /// The proof of another record of the same bytes, at `start` (the buffer and the zone used
    /// again: a month's contacts are proved one after the other).
    mutating func length(at start: Int, _ write: (inout CopyProof) throws -> Void) -> Int? {
        cursor = start
        same = true
        guard (try? write(&self)) != nil, same else { return nil }
        return cursor - start
    }

    mutating func append(_ byte: UInt8) {
        guard same, cursor < bytes.count, bytes[cursor] == byte else { return fail() }
        cursor += 1
    }

    mutating func literal(_ text: StaticString) {
        compare(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func indent(_ levels: Int) {
        let count = levels * 2
        guard same, cursor + count <= bytes.count else { return fail() }
        for offset in 0..<count where bytes[cursor + offset] != UInt8(ascii: " ") { return fail() }
        cursor += count
    }

    /// The same pieces as the copy's `key`, compared in one pass.
    mutating func key(_ name: StaticString, depth levels: Int, first: Bool) {
        let length = name.utf8CodeUnitCount
        let total = (first ? 0 : 2) + levels * 2 + length + 5
        guard same, cursor + total <= bytes.count else { return fail() }
        var at = cursor
        if !first {
            guard bytes[at] == UInt8(ascii: ","), bytes[at + 1] == UInt8(ascii: "\n") else { return fail() }
            at += 2
        }
        for offset in 0..<(levels * 2) where bytes[at + offset] != UInt8(ascii: " ") { return fail() }
        at += levels * 2
        guard bytes[at] == UInt8(ascii: "\""), memcmp(bytes.baseAddress! + at + 1, name.utf8Start, length) == 0 else { return fail() }
        at += 1 + length
        guard bytes[at] == UInt8(ascii: "\""), bytes[at + 1] == UInt8(ascii: " "), bytes[at + 2] == UInt8(ascii: ":"),
              bytes[at + 3] == UInt8(ascii: " ")
        else { return fail() }
        cursor = at + 4
    }

    mutating func string(_ text: String) {
        append(UInt8(ascii: "\""))
        guard same else { return }
        var text = text
        // Text with nothing to escape is its UTF-8 as it is: compared in one pass, which also
        // looks for a byte that `JSONWriter` escapes.
        let plain = text.withUTF8 { utf8 -> Bool? in
            guard cursor + utf8.count <= bytes.count else { return false }
            for offset in 0..<utf8.count {
                let byte = utf8[offset]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return nil }
                if byte != bytes[cursor + offset] { return false }
            }
            cursor += utf8.count
            return true
        }
        switch plain {
        case true?:
            append(UInt8(ascii: "\""))
        case false?:
            fail()
        case nil:
            scratch.removeAll(keepingCapacity: true)
            JSONWriter.appendString(text, into: &scratch)
            // The quote before it is already compared.
            compareScratch(from: 1)
        }
    }

    mutating func uuid(_ id: UUID) {
        append(UInt8(ascii: "\""))
        guard same, cursor + 37 <= bytes.count else { return fail() }
        let matches = withUnsafeBytes(of: id.uuid) { value -> Bool in
            var at = cursor
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    if bytes[at] != 0x2D { return false }
                    at += 1
                }
                if bytes[at] != UUIDText.upperDigit(value[index] >> 4) || bytes[at + 1] != UUIDText.upperDigit(value[index] & 0x0F) {
                    return false
                }
                at += 2
            }
            return true
        }
        guard matches else { return fail() }
        cursor += 36
        append(UInt8(ascii: "\""))
    }

    mutating func timestamp(_ date: Date) {
        guard same else { return }
        scratch.removeAll(keepingCapacity: true)
        // As the copy's `timestamp` writes it, in quotes.
        scratch.append(UInt8(ascii: "\""))
        Timestamp.append(date, timeZone: timeZone, into: &scratch)
        scratch.append(UInt8(ascii: "\""))
        compareScratch()
    }

    mutating func day(_ date: LocalDate) {
        guard same else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.day(date)
        compareScratch()
    }

    mutating func number(_ text: String) {
        guard same else { return }
        var text = text
        text.withUTF8 { compare($0) }
    }

    mutating func tree(_ value: JSONValue, depth: Int) {
        guard same else { return }
        scratch.removeAll(keepingCapacity: true)
        JSONWriter.append(value, depth: depth, into: &scratch)
        compareScratch()
    }

    private mutating func compareScratch(from start: Int = 0) {
        let scratch = self.scratch
        scratch.withUnsafeBufferPointer { compare(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    private mutating func compare(_ expected: UnsafeBufferPointer<UInt8>) {
        guard same, cursor + expected.count <= bytes.count else { return fail() }
        if expected.count > 16 {
            if memcmp(bytes.baseAddress! + cursor, expected.baseAddress!, expected.count) != 0 { return fail() }
        } else {
            // Keys and punctuation: a few bytes, compared here rather than through a call.
            for offset in 0..<expected.count where bytes[cursor + offset] != expected[offset] { return fail() }
        }
        cursor += expected.count
    }

    private mutating func fail() { same = false }
}
