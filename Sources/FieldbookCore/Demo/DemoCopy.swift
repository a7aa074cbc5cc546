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
