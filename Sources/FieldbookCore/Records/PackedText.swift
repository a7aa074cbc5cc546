/// A record's optional text fields held in one buffer of UTF-8: each field's bytes, or
/// `absent` for nil, with `separator` between fields. Neither byte ever occurs in UTF-8, so
/// the text needs no escaping. When every field is nil the value holds no bytes and allocates
/// nothing.
///
/// Five strings of an employer contact cost five allocations of a string's header and bytes
/// (about 80 bytes each for a sentence, 16 bytes in the record); here they cost one, and
/// 16 bytes in the record. The records a file holds can go further and share one buffer
/// (`share(_:_:)`): a value is then a window on it, and the file's records cost one
/// allocation between them. Reading a field makes a `String` (no allocation up to 15 bytes).
///
/// Equal when every field is equal as a `String` (canonically equivalent text is equal, as
/// with the plain fields it replaces), and hashed to match.
struct PackedText: Hashable, Sendable {
    /// The buffer this value's bytes are in: its own, or one shared with other values.
    private var storage: ContiguousArray<UInt8>
    /// Where this value's bytes start in `storage`, and how many there are (`UInt32.max`: all
    /// of `storage`, its own, for text past what 32 bits count).
    private var start: UInt32
    private var count: UInt32

    static let separator: UInt8 = 0xFF
    static let absent: UInt8 = 0xFE

    /// The fields in order. The holder keeps their count: every field nil is held as no bytes.
    init(_ fields: String?...) {
        self.init(fields: fields)
    }

    init(fields: [String?]) {
        guard fields.contains(where: { $0 != nil }) else {
            self.init(storage: [], start: 0, count: 0)
            return
        }
        var bytes = ContiguousArray<UInt8>()
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + ($1?.utf8.count ?? 1) })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(Self.separator) }
            if let field { bytes.append(contentsOf: field.utf8) } else { bytes.append(Self.absent) }
        }
        self.init(storage: bytes, start: 0, count: bytes.count < Int(UInt32.max) ? UInt32(bytes.count) : .max)
    }

    private init(storage: ContiguousArray<UInt8>, start: UInt32, count: UInt32) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// This value's bytes.
    @inline(__always)
    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { buffer in
            body(count == .max ? buffer : UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start) + Int(count)]))
        }
    }

    /// The texts at `text` of `records`, moved into one buffer they share (made once they are
    /// all in it, so it is never copied on a write): one allocation for a file's records in
    /// place of one each. The fields read the same; a value changed later gets its own buffer.
    static func share<Record>(_ records: inout [Record], _ text: WritableKeyPath<Record, PackedText>) {
        var total = 0
        for record in records { total += Int(record[keyPath: text].count) }
        // A text past 32 bits counts as `UInt32.max`, so such a file's texts keep their own.
        guard total > 0, total < Int(UInt32.max) else { return }
        var shared = ContiguousArray<UInt8>()
        shared.reserveCapacity(total)
        for record in records { record[keyPath: text].withBytes { shared.append(contentsOf: $0) } }
        var offset: UInt32 = 0
        for index in records.indices {
            let count = records[index][keyPath: text].count
            guard count > 0 else { continue }
            records[index][keyPath: text] = PackedText(storage: shared, start: offset, count: count)
            offset += count
        }
    }

    /// The field at `index` of the `count` this value was made with; nil when absent.
    subscript(index: Int, of count: Int) -> String? {
        get {
            precondition((0..<count).contains(index), "no such field")
            guard self.count > 0 else { return nil }
            return withBytes { buffer -> String? in
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
        count == 0 ? [] : fields(withBytes { $0.reduce(1) { $1 == Self.separator ? $0 + 1 : $0 } })
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
        lhs.withBytes { left in rhs.withBytes { left.elementsEqual($0) } } || lhs.heldFields == rhs.heldFields
    }

    func hash(into hasher: inout Hasher) {
        for field in heldFields { hasher.combine(field) }
    }
}
