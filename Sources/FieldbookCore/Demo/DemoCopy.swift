import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fieldbook --demo`: a fresh private copy of the sample data, moved in time so that its
/// newest activity is yesterday. The source folder is only read.
///
/// Made in two steps, so the app can show its first frame before the copy is on disk:
/// `prepare` reads the source and makes the private folder (with only its format file) and
/// the store that writes the copy; `write` then writes every record and career profile
/// through that store. The app runs `write` as the first job on the store's queue, so every
/// save of the session comes after the copy is complete. `make` does both at once.
public enum DemoCopy {
    public struct Result {
        public var folder: URL
        public var shiftedByDays: Int
        /// Files in the source that could not be read (they are not copied).
        public var problems: [DataProblem]
        /// The store that writes the copy: once `write` is done it knows every file it wrote, as
        /// if it had read them.
        public var store: Store
        /// The copy's records, as `store.load()` would read them once written: the app opens
        /// with these instead of reading the folder a second time.
        public var snapshot: DataSnapshot
        /// The sample data folder the copy is made from (its career profiles are copied by `write`).
        public var source: URL
    }

    /// The copy made and written (see `prepare` and `write`).
    public static func make(from source: URL, today: LocalDate, into parent: URL? = nil) throws(StoreError) -> Result {
        let result = try prepare(from: source, today: today, into: parent)
        try write(result.snapshot, profilesFrom: result.source, shiftedByDays: result.shiftedByDays, to: result.store)
        return result
    }

    /// Reads the source and moves it in time; makes the private folder, writes its format file
    /// and nothing else, and opens the store that `write` writes the copy with.
    public static func prepare(from source: URL, today: LocalDate, into parent: URL? = nil) throws(StoreError) -> Result {
        let sourceStore = try Store(folder: source, mode: .readOnly)
        let snapshot = sourceStore.load()
        let newest = snapshot.newestActivity ?? today.adding(days: -1)
        let shift = newest.days(until: today.adding(days: -1))
        // Records moved in time are no version of any file yet: each save of one starts from
        // the file as this store wrote it.
        var moved = snapshot.shifted(byDays: shift).withoutFileVersions()
        // Unreadable source files are not copied, so the copy has none.
        moved.problems = []

        let base = parent ?? FileManager.default.temporaryDirectory
        let folder = try makePrivateTemporaryFolder(in: base)
        // Written here, unsynced like the rest of the copy: with it the store opens the folder
        // as a data folder without installing anything; `write` copies the rest.
        try DurableFile.write(JSONCoding.encode(FormatFile()), to: folder.appendingPathComponent(DataLayout.formatFile), using: .unsynced)
        let store = try Store(folder: folder)
        store.syncsWrites = false
        return Result(folder: folder, shiftedByDays: shift, problems: snapshot.problems, store: store, snapshot: moved, source: source)
    }

    /// Writes the copy through the store `prepare` made: every record of `snapshot` (keeping their
    /// timestamps), the questionnaire and every career profile session moved in time. Without an
    /// fsync per file: it is a throwaway copy in a private temporary folder, deleted when the app
    /// quits, and made again from `sample-data` on every start, so a crash that lost some of its
    /// writes loses nothing (writes stay atomic). The store syncs again afterwards, so the app's
    /// own saves in the demo are made as in any folder.
    public static func write(_ snapshot: DataSnapshot, profilesFrom source: URL, shiftedByDays days: Int, to store: Store) throws(StoreError) {
        store.syncsWrites = false
        try write(snapshot, to: store)
        try copyCareerProfiles(from: source, to: store.folder, shiftedByDays: days)
        store.syncsWrites = true
    }

    /// Writes every record of `snapshot` into an empty store (keeping their timestamps).
    public static func write(_ snapshot: DataSnapshot, to store: Store) throws(StoreError) {
        try store.save(snapshot.settings)
        for record in snapshot.specialists { try store.saveKeepingTimestamp(record) }
        for record in snapshot.employers { try store.saveKeepingTimestamp(record) }
        for record in snapshot.clients { try store.saveKeepingTimestamp(record) }
        try store.saveKeepingTimestamps(snapshot.employerContacts)
    }

    /// The questionnaire (the built-in one when the source has none) and every career profile
    /// session, moved in time with the rest.
    static func copyCareerProfiles(from source: URL, to folder: URL, shiftedByDays days: Int) throws(StoreError) {
        let from = CareerProfileStore(folder: source, mode: .readOnly)
        let to = CareerProfileStore(folder: folder)
        let definition = try DurableFile.read(source.appendingPathComponent(CareerProfileLayout.definitionFile))
            ?? Data(DefaultCareerProfile.json.utf8)
        try DurableFile.write(definition, to: folder.appendingPathComponent(CareerProfileLayout.definitionFile), using: .unsynced)
        let decoder = JSONCoding.decoder()
        for clientID in from.clientsWithProfiles() {
            let relative = CareerProfileLayout.clientFolder(clientID)
            for name in DurableFile.list(source.appendingPathComponent(relative)) where name.hasSuffix(".json") {
                guard let data = try DurableFile.read(source.appendingPathComponent("\(relative)/\(name)")),
                      let file = try? decoder.decode(ProfileSessionFile.self, from: data)
                else { continue }
                try to.copy(file.shifted(byDays: days), syncing: false)
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
