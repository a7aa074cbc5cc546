/// A record's optional text fields held in one buffer of UTF-8: each field's bytes, or
/// `absent` for nil, with `separator` between fields. Neither byte ever occurs in UTF-8, so
/// the text needs no escaping. When every field is nil the buffer is empty and allocates
/// nothing.
///
/// Five strings of an employer contact cost five allocations of a string's header and bytes
/// (about 80 bytes each for a sentence, 16 bytes in the record); here they cost one, and
/// 8 bytes in the record. Reading a field makes a `String` (no allocation up to 15 bytes).
///
/// Equal when every field is equal as a `String` (canonically equivalent text is equal, as
/// with the plain fields it replaces), and hashed to match.
struct PackedText: Hashable, Sendable {
    private var bytes: ContiguousArray<UInt8>

    static let separator: UInt8 = 0xFF
    static let absent: UInt8 = 0xFE

    /// The fields in order. The holder keeps their count: every field nil is held as no bytes.
    init(_ fields: String?...) {
        self.init(fields: fields)
    }

    init(fields: [String?]) {
        guard fields.contains(where: { $0 != nil }) else {
            bytes = []
            return
        }
        var bytes = ContiguousArray<UInt8>()
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + ($1?.utf8.count ?? 1) })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(Self.separator) }
            if let field { bytes.append(contentsOf: field.utf8) } else { bytes.append(Self.absent) }
        }
        self.bytes = bytes
    }

    /// The field at `index` of the `count` this value was made with; nil when absent.
    subscript(index: Int, of count: Int) -> String? {
        get {
            precondition((0..<count).contains(index), "no such field")
            guard !bytes.isEmpty else { return nil }
            return bytes.withUnsafeBufferPointer { buffer -> String? in
                let range = Self.range(of: index, in: buffer)
                if range.count == 1 && buffer[range.lowerBound] == Self.absent { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            }
        }
        set {
            var fields = self.fields(count)
            fields[index] = newValue
            self = PackedText(fields: fields)
        }
    }

    /// The `count` fields, in order.
    func fields(_ count: Int) -> [String?] { (0..<count).map { self[$0, of: count] } }

    /// The fields the bytes hold: none when every field is nil.
    private var heldFields: [String?] {
        bytes.isEmpty ? [] : fields(bytes.reduce(1) { $1 == Self.separator ? $0 + 1 : $0 })
    }

    /// The bytes of field `index` (for `absent`, that one byte).
    private static func range(of index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, field = 0
        while field < index {
            start = buffer[start...].firstIndex(of: separator)! + 1
            field += 1
        }
        let end = buffer[start...].firstIndex(of: separator) ?? buffer.count
        return start..<end
    }

    static func == (lhs: PackedText, rhs: PackedText) -> Bool {
        lhs.bytes == rhs.bytes || lhs.heldFields == rhs.heldFields
    }

    func hash(into hasher: inout Hasher) {
        for field in heldFields { hasher.combine(field) }
    }
}
