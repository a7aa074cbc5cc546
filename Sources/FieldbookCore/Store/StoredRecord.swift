import Foundation

/// A record kept in a file of its own.
public protocol StoredRecord: Codable, Sendable, VersionedRecord {
    var id: UUID { get }
    var updatedAt: Date { get set }
    /// Path of its file, relative to the data folder.
    var filePath: String { get }
    /// How the record is named in messages (never the person's name: messages may be logged).
    var recordName: String { get }
}

extension Client: StoredRecord {
    public var filePath: String { DataLayout.client(id) }
    public var recordName: String { "Client record \(id.lowercased)" }
}

extension Specialist: StoredRecord {
    public var filePath: String { DataLayout.specialist(id) }
    public var recordName: String { "Specialist record \(id.lowercased)" }
}

extension Employer: StoredRecord {
    public var filePath: String { DataLayout.employer(id) }
    public var recordName: String { "Employer record \(id.lowercased)" }
}

extension Settings: VersionedRecord {}
extension EmployerContact: VersionedRecord {}
