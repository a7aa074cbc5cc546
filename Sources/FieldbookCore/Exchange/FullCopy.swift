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
        specialists = snapshot.specialists.sorted { $0.id.uuidString < $1.id.uuidString }
        clients = snapshot.clients.sorted { $0.id.uuidString < $1.id.uuidString }
        employers = snapshot.employers.sorted { $0.id.uuidString < $1.id.uuidString }
        employerContacts = snapshot.employerContacts.sorted { ($0.date, $0.id.uuidString) < ($1.date, $1.id.uuidString) }
        fidelityReviews = snapshot.fidelityReviews.sorted { ($0.date, $0.id.uuidString) < ($1.date, $1.id.uuidString) }
    }

    /// The document's bytes, pretty and with sorted keys like the data files.
    public func data() throws(StoreError) -> Data { try JSONCoding.encode(self) }

    /// Reads a copy back (for checks and tests).
    public static func read(_ data: Data) throws -> FullCopy {
        try JSONCoding.decoder().decode(FullCopy.self, from: data)
    }
}
