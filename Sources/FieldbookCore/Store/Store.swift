import Foundation

/// Reads and writes a data folder of JSON files.
///
/// Every file read or written is remembered by a hash of its bytes. Before a record file is
/// overwritten, the file on disk is compared with that hash: if someone else changed it in
/// the meantime, nothing is overwritten, this copy's version is kept under `conflicts/`, and
/// the save fails with `StoreError.conflict`.
public final class Store {
    public enum Mode: Sendable {
        /// Creates the folder and its format file when missing; saves allowed.
        case readWrite
        /// Never writes anything (a demo source, `fieldbook check`).
        case readOnly
    }

    public let folder: URL
    public let mode: Mode
    private var known: [String: ContentHash?] = [:]
    private var contactFiles: [UUID: String] = [:]
    private let now: @Sendable () -> Date
    /// Where each successful write is logged (see `AuditLog`); nil logs nothing.
    public var auditLog: AuditLog?

    public init(folder: URL, mode: Mode = .readWrite, now: @escaping @Sendable () -> Date = { Date() })
        throws(StoreError)
    {
        self.folder = folder.standardizedFileURL
        self.mode = mode
        self.now = now
        let formatURL = self.folder.appendingPathComponent(DataLayout.formatFile)
        if let data = try DurableFile.read(formatURL) {
            let format: FormatFile
            do {
                format = try JSONCoding.decoder().decode(FormatFile.self, from: data)
            } catch {
                throw .unreadableFormatFile(path: formatURL.path, reason: JSONCoding.describe(error, in: data))
            }
            if format.formatVersion > FormatFile.currentVersion {
                throw .newerFormat(found: format.formatVersion, supported: FormatFile.currentVersion)
            }
        } else if mode == .readWrite {
            if !DurableFile.list(self.folder).isEmpty {
                throw .notADataFolder(path: self.folder.path)
            }
            try DurableFile.makeFolder(self.folder)
            try DurableFile.write(JSONCoding.encode(FormatFile()), to: formatURL)
        } else if !DurableFile.isDirectory(self.folder) {
            throw .io(path: self.folder.path, reason: "no such folder")
        }
    }

    // MARK: Loading

    /// Reads every record. Files that cannot be read are listed in `problems`, left untouched,
    /// and do not stop the rest from loading.
    public func load() -> DataSnapshot {
        var snapshot = DataSnapshot()
        var problems: [DataProblem] = []
        let decoder = JSONCoding.decoder()

        func decode<T: Decodable>(_ type: T.Type, _ relative: String, _ kind: RecordKind) -> T? {
            let url = folder.appendingPathComponent(relative)
            let data: Data?
            do {
                data = try DurableFile.read(url)
            } catch {
                problems.append(DataProblem(path: relative, kind: kind, message: "cannot be read"))
                return nil
            }
            guard let data else { return nil }
            known[relative] = ContentHash(data)
            do {
                return try decoder.decode(type, from: data)
            } catch {
                problems.append(DataProblem(path: relative, kind: kind, message: JSONCoding.describe(error, in: data)))
                return nil
            }
        }

        func records<T: Decodable & Identifiable>(
            _ type: T.Type, in folderName: String, _ kind: RecordKind
        ) -> [T] where T.ID == UUID {
            var result: [T] = []
            for name in DurableFile.list(folder.appendingPathComponent(folderName)) {
                let relative = "\(folderName)/\(name)"
                guard name.hasSuffix(".json") else {
                    problems.append(DataProblem(path: relative, kind: kind, message: "not a .json file; Fieldbook ignores it"))
                    continue
                }
                guard let record = decode(type, relative, kind) else { continue }
                if name != "\(record.id.lowercased).json" {
                    problems.append(DataProblem(
                        path: relative, kind: kind,
                        message: "file name does not match the record's id \(record.id.lowercased); it was loaded"))
                }
                result.append(record)
            }
            return result
        }

        if let settings = decode(Settings.self, DataLayout.settingsFile, .settings) {
            snapshot.settings = settings
        }
        snapshot.specialists = records(Specialist.self, in: DataLayout.specialists, .specialist)
        snapshot.clients = records(Client.self, in: DataLayout.clients, .client)
        snapshot.employers = records(Employer.self, in: DataLayout.employers, .employer)
        snapshot.employerContacts = loadEmployerContacts(decode: { decode(EmployerContactMonth.self, $0, .employerContacts) }, problems: &problems)
        snapshot.problems = problems
        return snapshot
    }

    private func loadEmployerContacts(
        decode: (String) -> EmployerContactMonth?, problems: inout [DataProblem]
    ) -> [EmployerContact] {
        var byID: [UUID: EmployerContact] = [:]
        contactFiles = [:]
        let root = folder.appendingPathComponent(DataLayout.employerContacts)
        for specialistFolder in DurableFile.list(root) {
            let folderRelative = "\(DataLayout.employerContacts)/\(specialistFolder)"
            guard DurableFile.isDirectory(root.appendingPathComponent(specialistFolder)) else {
                problems.append(DataProblem(path: folderRelative, kind: .employerContacts,
                                            message: "expected a folder named after a specialist's id"))
                continue
            }
            for name in DurableFile.list(root.appendingPathComponent(specialistFolder)) {
                let relative = "\(folderRelative)/\(name)"
                guard name.hasSuffix(".json") else {
                    problems.append(DataProblem(path: relative, kind: .employerContacts, message: "not a .json file; Fieldbook ignores it"))
                    continue
                }
                guard let month = decode(relative) else { continue }
                if "\(month.specialistID.lowercased)" != specialistFolder || "\(month.month).json" != name {
                    problems.append(DataProblem(
                        path: relative, kind: .employerContacts,
                        message: "file holds specialist \(month.specialistID.lowercased), month \(month.month), which does not match its place; it was loaded"))
                }
                for (index, contact) in month.contacts.enumerated() {
                    if DataLayout.monthKey(contact.date) != month.month || contact.specialistID != month.specialistID {
                        problems.append(DataProblem(
                            path: relative, kind: .employerContacts,
                            message: "contacts[\(index)] (\(contact.date)) does not belong to this specialist and month; it was loaded"))
                    }
                    if let existing = byID[contact.id], existing.updatedAt >= contact.updatedAt { continue }
                    byID[contact.id] = contact
                    contactFiles[contact.id] = relative
                }
            }
        }
        return byID.values.sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    // MARK: Saving

    /// Saves a client (with their jobs and contacts), a specialist or an employer, and returns
    /// it as saved, with `updatedAt` set to now.
    @discardableResult
    public func save<Record: StoredRecord>(_ record: Record) throws(StoreError) -> Record {
        var stamped = record
        stamped.updatedAt = wholeSeconds(now())
        try write(stamped, to: stamped.filePath, name: stamped.recordName)
        return stamped
    }

    /// Writes a record as it is, timestamps included (the demo copy, imports).
    public func saveKeepingTimestamp<Record: StoredRecord>(_ record: Record) throws(StoreError) {
        try write(record, to: record.filePath, name: record.recordName)
    }

    /// Writes many employer contacts as they are, one write per month file.
    public func saveKeepingTimestamps(_ contacts: [EmployerContact]) throws(StoreError) {
        let groups = Dictionary(grouping: contacts) {
            DataLayout.employerContacts(specialist: $0.specialistID, month: $0.date)
        }
        for (relative, group) in groups.sorted(by: { $0.key < $1.key }) {
            try merge(group, into: relative)
        }
    }

    /// Puts `contacts` (all of one specialist and month) into their month file, replacing
    /// earlier versions of the same contacts.
    private func merge(_ contacts: [EmployerContact], into relative: String) throws(StoreError) {
        guard let first = contacts.first else { return }
        var month = try readMonth(relative) ?? EmployerContactMonth(
            specialistID: first.specialistID, month: DataLayout.monthKey(first.date), contacts: [])
        let ids = Set(contacts.map(\.id))
        month.contacts.removeAll { ids.contains($0.id) }
        month.contacts += contacts
        month.contacts.sort { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
        try write(month, to: relative, name: "Employer contacts for \(month.month)")
        for contact in contacts { contactFiles[contact.id] = relative }
    }

    public func save(_ settings: Settings) throws(StoreError) {
        try write(settings, to: DataLayout.settingsFile, name: "Settings")
    }

    /// Saves one employer contact into its specialist's month file, moving it if its date or
    /// specialist changed.
    @discardableResult
    public func save(_ contact: EmployerContact) throws(StoreError) -> EmployerContact {
        var record = contact
        record.updatedAt = wholeSeconds(now())
        let previous = contactFiles[record.id]
        let target = DataLayout.employerContacts(specialist: record.specialistID, month: record.date)
        try merge([record], into: target)
        if let previous, previous != target, var old = try readMonth(previous) {
            old.contacts.removeAll { $0.id == record.id }
            try write(old, to: previous, name: "Employer contacts for \(old.month)")
        }
        return record
    }

    /// Timestamps are stored to the second; stamping whole seconds keeps memory and disk equal.
    private func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private func readMonth(_ relative: String) throws(StoreError) -> EmployerContactMonth? {
        let url = folder.appendingPathComponent(relative)
        guard let data = try DurableFile.read(url) else { return nil }
        if known[relative] == nil { known[relative] = ContentHash(data) }
        do {
            return try JSONCoding.decoder().decode(EmployerContactMonth.self, from: data)
        } catch {
            throw .io(path: relative, reason: "cannot be updated because it does not parse: \(JSONCoding.describe(error, in: data))")
        }
    }

    /// Writes one record file, unless it changed on disk since this store last read or wrote it.
    private func write<T: Encodable>(_ value: T, to relative: String, name: String) throws(StoreError) {
        guard mode == .readWrite else { throw .readOnly }
        let url = folder.appendingPathComponent(relative)
        let data = try JSONCoding.encode(value)
        let previous = try DurableFile.read(url)
        let onDisk = previous.map(ContentHash.init)
        let expected: ContentHash? = known[relative] ?? nil
        if onDisk != expected {
            let kept = try keepConflictCopy(data, for: relative)
            throw .conflict(record: name, path: relative, keptCopy: kept)
        }
        try DurableFile.write(data, to: url)
        auditLog?.recordWrite(of: relative, from: previous, to: data)
        known[relative] = ContentHash(data)
    }

    private func keepConflictCopy(_ data: Data, for relative: String) throws(StoreError) -> String {
        let stamp = Timestamp.format(now())
            .replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: "+", with: "p")
        let base = relative.replacingOccurrences(of: "/", with: "--").replacingOccurrences(of: ".json", with: "")
        let keptRelative = "\(DataLayout.conflicts)/\(base).\(stamp).json"
        try DurableFile.write(data, to: folder.appendingPathComponent(keptRelative))
        return keptRelative
    }
}
