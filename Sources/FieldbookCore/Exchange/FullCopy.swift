import Foundation

/// Every record of a data folder in one JSON document, each record as its own file holds it
/// (docs/data-format.md): `fieldbook export all --json`.
public struct FullCopy: Codable, Sendable, Equatable {
    public var format: String
    public var formatVersion: Int
    public var settings: Settings
    public var specialists: [Specialist]
    public var clients: [Client]
    public var employers: [Employer]
    public var employerContacts: [EmployerContact]
    /// Absent in copies written before reviews were kept.
    @DefaultWhenAbsent<NoItems<FidelityReview>> public var fidelityReviews: [FidelityReview]

    public init(_ snapshot: DataSnapshot) {
        format = "fieldbook-full-copy"
        formatVersion = FormatFile.currentVersion
        settings = snapshot.settings
        // By id (as its text sorts), or by date then id; ids compared as bytes, not formatted.
        specialists = snapshot.specialists.sorted { UUIDText.precedes($0.id, $1.id) }
        clients = snapshot.clients.sorted { UUIDText.precedes($0.id, $1.id) }
        employers = snapshot.employers.sorted { UUIDText.precedes($0.id, $1.id) }
        employerContacts = RecordOrder.byDateThenID(snapshot.employerContacts, date: \.date, id: \.id)
        fidelityReviews = RecordOrder.byDateThenID(snapshot.fidelityReviews, date: \.date, id: \.id)
    }

    /// The document's bytes, pretty and with sorted keys like the data files.
    public func data() throws(StoreError) -> Data {
        var whole = Data()
        try write { whole.append(contentsOf: $0) }
        return whole
    }

    /// Writes the document to `sink` record by record, each piece ending at a line's end: the
    /// bytes `JSONEncoder` makes of the whole copy (pretty, sorted keys), without the whole
    /// document ever being in memory, and each record through the store's own encoder.
    /// `progress` is told the records written of the records in all, piece by piece.
    public func write(to sink: ([UInt8]) throws -> Void, progress: (any ProgressListener)? = nil) throws(StoreError) {
        do {
            try writeDocument(sink, progress)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: "", reason: "could not write the copy: \(error)")
        }
    }

    /// The pieces are about this size (a record is never cut).
    private static let pieceSize = 1 << 20

    /// The records the document holds.
    public var recordCount: Int {
        clients.count + employerContacts.count + employers.count + fidelityReviews.count + specialists.count
    }

    private func writeDocument(_ sink: ([UInt8]) throws -> Void, _ progress: (any ProgressListener)?) throws {
        var out: [UInt8] = []
        out.reserveCapacity(Self.pieceSize + 65_536)
        let total = recordCount
        var written = 0
        func flush(_ force: Bool = false) throws {
            guard force || out.count >= Self.pieceSize else { return }
            try sink(out)
            out.removeAll(keepingCapacity: true)
            progress?.show(written, of: total)
        }
        func member(_ key: String, last: Bool = false, _ value: () throws -> Void) rethrows {
            JSONWriter.indent(1, into: &out)
            JSONWriter.appendString(key, into: &out)
            out.append(contentsOf: " : ".utf8)
            try value()
            out.append(contentsOf: (last ? "\n" : ",\n").utf8)
        }
        func list<R: Encodable>(_ records: [R]) throws {
            out.append(contentsOf: "[\n".utf8)
            if records.isEmpty { out.append(UInt8(ascii: "\n")) }
            for (offset, record) in records.enumerated() {
                JSONWriter.indent(2, into: &out)
                JSONWriter.append(try TreeEncoding.encode(record), depth: 2, into: &out)
                out.append(contentsOf: (offset == records.count - 1 ? "\n" : ",\n").utf8)
                written += 1
                try flush()
            }
            JSONWriter.indent(1, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        // The keys in sorted order, as the encoder writes them.
        out.append(contentsOf: "{\n".utf8)
        try member("clients") { try list(clients) }
        try member("employerContacts") { try list(employerContacts) }
        try member("employers") { try list(employers) }
        try member("fidelityReviews") { try list(fidelityReviews) }
        member("format") { JSONWriter.appendString(format, into: &out) }
        member("formatVersion") { out.append(contentsOf: String(formatVersion).utf8) }
        try member("settings") { JSONWriter.append(try TreeEncoding.encode(settings), depth: 1, into: &out) }
        try member("specialists", last: true) { try list(specialists) }
        out.append(contentsOf: "}\n".utf8)
        try flush(true)
    }

    /// Reads a copy back (for checks and tests).
    public static func read(_ data: Data) throws -> FullCopy {
        try JSONCoding.decoder().decode(FullCopy.self, from: data)
    }
}
