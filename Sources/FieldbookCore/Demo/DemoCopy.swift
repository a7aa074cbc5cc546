import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fieldbook --demo`: a fresh private copy of the sample data, moved in time so that its
/// newest activity is yesterday. The source folder is only read.
public enum DemoCopy {
    public struct Result: Sendable {
        public var folder: URL
        public var shiftedByDays: Int
        /// Files in the source that could not be read (they are not copied).
        public var problems: [DataProblem]
    }

    public static func make(from source: URL, today: LocalDate, into parent: URL? = nil) throws(StoreError) -> Result {
        let sourceStore = try Store(folder: source, mode: .readOnly)
        let snapshot = sourceStore.load()
        let newest = snapshot.newestActivity ?? today.adding(days: -1)
        let shift = newest.days(until: today.adding(days: -1))
        let moved = snapshot.shifted(byDays: shift)

        let base = parent ?? FileManager.default.temporaryDirectory
        let folder = try makePrivateTemporaryFolder(in: base)
        let store = try Store(folder: folder)
        try write(moved, to: store)
        try copyCareerProfiles(from: source, to: folder, shiftedByDays: shift)
        return Result(folder: folder, shiftedByDays: shift, problems: snapshot.problems)
    }

    /// Writes every record of `snapshot` into an empty store (keeping their timestamps).
    public static func write(_ snapshot: DataSnapshot, to store: Store) throws(StoreError) {
        try store.save(snapshot.settings)
        for record in snapshot.specialists { try store.saveKeepingTimestamp(record) }
        for record in snapshot.employers { try store.saveKeepingTimestamp(record) }
        for record in snapshot.clients { try store.saveKeepingTimestamp(record) }
        try store.saveKeepingTimestamps(snapshot.employerContacts)
    }

    /// The questionnaire and every career profile session, moved in time with the rest.
    static func copyCareerProfiles(from source: URL, to folder: URL, shiftedByDays days: Int) throws(StoreError) {
        let from = CareerProfileStore(folder: source, mode: .readOnly)
        let to = CareerProfileStore(folder: folder)
        if let definition = try DurableFile.read(source.appendingPathComponent(CareerProfileLayout.definitionFile)) {
            try DurableFile.write(definition, to: folder.appendingPathComponent(CareerProfileLayout.definitionFile))
        }
        let decoder = JSONCoding.decoder()
        for clientID in from.clientsWithProfiles() {
            let relative = CareerProfileLayout.clientFolder(clientID)
            for name in DurableFile.list(source.appendingPathComponent(relative)) where name.hasSuffix(".json") {
                guard let data = try DurableFile.read(source.appendingPathComponent("\(relative)/\(name)")),
                      let file = try? decoder.decode(ProfileSessionFile.self, from: data)
                else { continue }
                try to.copy(file.shifted(byDays: days))
            }
        }
    }

    static func makePrivateTemporaryFolder(in base: URL) throws(StoreError) -> URL {
        try DurableFile.makeFolder(base)
        var template = Array(base.appendingPathComponent("fieldbook-demo-XXXXXX").path.utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            mkdtemp(buffer.baseAddress!) != nil
        }
        guard created else { throw .io(path: base.path, reason: String(cString: strerror(errno))) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        chmod(path, DurableFile.folderMode)
        return URL(fileURLWithPath: path)
    }
}
