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
        format = Self.formatName
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

    /// The document's `format`.
    static let formatName = "fieldbook-full-copy"

    /// The pieces are about this size (a record is never cut).
    private static let pieceSize = 1 << 20

    /// The records the document holds.
    public var recordCount: Int {
        clients.count + employerContacts.count + employers.count + fidelityReviews.count + specialists.count
    }

    private func writeDocument(_ sink: ([UInt8]) throws -> Void, _ progress: (any ProgressListener)?) throws {
        let lists = Self.Lists(clients: clients.count, employerContacts: employerContacts.count, employers: employers.count,
                               fidelityReviews: fidelityReviews.count, specialists: specialists.count)
        try Self.writeDocument(lists, settings: settings, format: format, formatVersion: formatVersion, to: sink,
                               progress: progress) { list, index, out in
            switch list {
            case .clients: try CopyEncoding.append(clients[index], depth: 2, into: &out)
            case .employerContacts: try CopyEncoding.append(employerContacts[index], depth: 2, into: &out)
            case .employers: try CopyEncoding.append(employers[index], depth: 2, into: &out)
            case .fidelityReviews: try CopyEncoding.append(fidelityReviews[index], depth: 2, into: &out)
            case .specialists: try CopyEncoding.append(specialists[index], depth: 2, into: &out)
            }
        }
    }

    /// The lists of records a copy holds.
    enum List {
        case clients, employerContacts, employers, fidelityReviews, specialists
    }

    /// How many records each list holds.
    struct Lists {
        var clients, employerContacts, employers, fidelityReviews, specialists: Int

        var total: Int { clients + employerContacts + employers + fidelityReviews + specialists }
    }

    /// The document around its records, each appended by `record` (a list, the record's place
    /// in it, and where to append it, two levels deep), in pieces of about `pieceSize` that end
    /// at a line's end. The copy in memory and the copy streamed from a folder both write it.
    static func writeDocument(
        _ lists: Lists, settings: Settings, format: String = formatName, formatVersion: Int = FormatFile.currentVersion,
        to sink: ([UInt8]) throws -> Void, progress: (any ProgressListener)?,
        record: (List, Int, inout [UInt8]) throws -> Void
    ) throws {
        var out: [UInt8] = []
        out.reserveCapacity(Self.pieceSize + 65_536)
        let total = lists.total
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
        func list(_ list: List, _ count: Int) throws {
            out.append(contentsOf: "[\n".utf8)
            if count == 0 { out.append(UInt8(ascii: "\n")) }
            for index in 0..<count {
                JSONWriter.indent(2, into: &out)
                try record(list, index, &out)
                out.append(contentsOf: (index == count - 1 ? "\n" : ",\n").utf8)
                written += 1
                try flush()
            }
            JSONWriter.indent(1, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        // The keys in sorted order, as the encoder writes them.
        out.append(contentsOf: "{\n".utf8)
        try member("clients") { try list(.clients, lists.clients) }
        try member("employerContacts") { try list(.employerContacts, lists.employerContacts) }
        try member("employers") { try list(.employers, lists.employers) }
        try member("fidelityReviews") { try list(.fidelityReviews, lists.fidelityReviews) }
        member("format") { JSONWriter.appendString(format, into: &out) }
        member("formatVersion") { out.append(contentsOf: String(formatVersion).utf8) }
        try member("settings") { try CopyEncoding.append(settings, depth: 1, into: &out) }
        try member("specialists", last: true) { try list(.specialists, lists.specialists) }
        out.append(contentsOf: "}\n".utf8)
        try flush(true)
    }

    /// Reads a copy back (for checks and tests).
    public static func read(_ data: Data) throws -> FullCopy {
        try JSONCoding.decoder().decode(FullCopy.self, from: data)
    }
}
