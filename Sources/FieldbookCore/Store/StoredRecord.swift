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

// Each kind of record file declares itself here, once (see `RecordFile`).

extension Client: StoredRecord, RecordFile {
    public var filePath: String { DataLayout.client(id) }
    public var recordName: String { "Client record \(id.lowercased)" }
    static let fileKind = RecordFileKind(Client.self, DataLayout.clients, .folder, .client, code: 3)
    static func collect(_ record: Client, from relative: String, into loaded: inout LoadedRecords) {
        loaded.add(record, from: relative, to: \.clients)
    }
}

extension Specialist: StoredRecord, RecordFile {
    public var filePath: String { DataLayout.specialist(id) }
    public var recordName: String { "Specialist record \(id.lowercased)" }
    static let fileKind = RecordFileKind(Specialist.self, DataLayout.specialists, .folder, .specialist, code: 2)
    static func collect(_ record: Specialist, from relative: String, into loaded: inout LoadedRecords) {
        loaded.add(record, from: relative, to: \.specialists)
    }
}

extension Employer: StoredRecord, RecordFile {
    public var filePath: String { DataLayout.employer(id) }
    public var recordName: String { "Employer record \(id.lowercased)" }
    static let fileKind = RecordFileKind(Employer.self, DataLayout.employers, .folder, .employer, code: 4)
    static func collect(_ record: Employer, from relative: String, into loaded: inout LoadedRecords) {
        loaded.add(record, from: relative, to: \.employers)
    }
}

extension FidelityReview: StoredRecord, RecordFile {
    public var filePath: String { DataLayout.fidelityReview(id) }
    public var recordName: String { "Fidelity review \(id.lowercased)" }
    static let fileKind = RecordFileKind(FidelityReview.self, DataLayout.fidelityReviews, .folder, .fidelityReview, code: 6)
    static func collect(_ record: FidelityReview, from relative: String, into loaded: inout LoadedRecords) {
        loaded.add(record, from: relative, to: \.fidelityReviews)
    }
}

extension Settings: VersionedRecord, RecordFile {
    static let fileKind = RecordFileKind(Settings.self, DataLayout.settingsFile, .file, .settings, code: 1)
    static func collect(_ record: Settings, from relative: String, into loaded: inout LoadedRecords) {
        loaded.snapshot.settings = record
    }
}

extension EmployerContactMonth: RecordFile {
    static let fileKind = RecordFileKind(
        EmployerContactMonth.self, DataLayout.employerContacts, .folderPerSpecialist, .employerContacts, code: 5,
        auditName: "employer contact")
    /// Every contact is loaded (a later version of one, by `updatedAt`, takes its place); a
    /// month in a file that is not its place, or contacts of another month, are reported.
    static func collect(_ month: EmployerContactMonth, from relative: String, into loaded: inout LoadedRecords) {
        loaded.problems += Store.placeProblems(of: month, at: relative)
        for contact in month.contacts where loaded.contacts.offer(contact, id: contact.id, updatedAt: \.updatedAt) {
            loaded.contactFiles.read(contact.id, from: relative)
        }
    }
}

extension EmployerContact: VersionedRecord {}
