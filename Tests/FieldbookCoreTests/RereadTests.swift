@testable import FieldbookCore
import Foundation
import Testing

/// After a sync changed some files, only those are read again; a reader that meets a file a
/// sync is halfway through writing reads it again once the sync lets go of the folder lock.
@Suite struct RereadTests {
    @Test func onlyTheChangedFilesAreReadAgainAndTheResultIsAWholeLoads() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        let other = try Store(folder: data).save(Sample.client(name: "Ana Lima")).record
        let leaving = try Store(folder: data).save(Sample.client(name: "Leaving Soon")).record
        let app = try Store(folder: data)
        var shown = app.load()

        // Another copy (a sync) changes a phone, moves the employer contact to October, adds a
        // contact, takes a client away.
        let elsewhere = try Store(folder: data)
        let loaded = elsewhere.load()
        var phoned = try #require(loaded.client(client.id))
        phoned.phone = "555-0300"
        try elsewhere.save(phoned)
        var moved = try #require(loaded.employerContacts.first)
        moved.date = date("2026-10-30")
        try elsewhere.save(moved)
        try elsewhere.save(Sample.employerContact(on: "2026-11-02"))
        try FileManager.default.removeItem(at: data.appendingPathComponent(DataLayout.client(leaving.id)))
        // A file not among those named: damaged on disk, but not read, so not reported.
        try Data("{".utf8).write(to: data.appendingPathComponent(DataLayout.client(other.id)))

        let changed = [DataLayout.client(client.id), DataLayout.client(leaving.id),
                       DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-11-18")),
                       DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-10-30")),
                       ".gitignore", "audit/x.log"]
        let update = app.reread(changed)
        guard case .files(let changes) = update else {
            Issue.record("read the whole folder: \(update)")
            return
        }
        #expect(changes.paths.count == 4)
        update.apply(to: &shown)
        #expect(shown.client(client.id)?.phone == "555-0300")
        #expect(shown.client(leaving.id) == nil)
        #expect(shown.client(other.id) != nil)
        #expect(shown.problems.isEmpty, "\(shown.problems)")
        // The same records a whole load gives, apart from the file not read.
        var whole = try Store(folder: data).load()
        whole.problems.removeAll { $0.path == DataLayout.client(other.id) }
        #expect(shown.employerContacts == whole.employerContacts)
        #expect(Set(shown.clients.filter { $0.id != other.id }) == Set(whole.clients))
        // The app's store knows where the moved contact is now: a save of it lands there.
        var again = try #require(shown.employerContacts.first { $0.id == moved.id })
        again.outcome = "Met the owner"
        try app.save(again)
        let months = EmployerContactMonth.fileKind.files(in: data)
        #expect(months.count == 2)
        #expect(try Store(folder: data).load().employerContacts.filter { $0.id == moved.id }.count == 1)
    }

    @Test func aFileNotWhereItsRecordBelongsReadsTheWholeFolder() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        let app = try Store(folder: data)
        _ = app.load()
        let bytes = try Data(contentsOf: data.appendingPathComponent(DataLayout.client(client.id)))
        try bytes.write(to: data.appendingPathComponent("clients/copy.json"))
        guard case .whole(let whole) = app.reread(["clients/copy.json"]) else {
            Issue.record("a file named after no record was read alone")
            return
        }
        #expect(whole.problems.contains { $0.path == "clients/copy.json" })
        #expect(app.reread([DataLayout.formatFile]) == .whole(app.load()))
    }

    /// A sync (holding the folder lock) is halfway through writing a record file: a load meets
    /// it cut short, waits for the lock, and reads it whole; nothing is reported.
    @Test func aFileCutShortMidCheckoutIsReadAgainUnderTheFolderLock() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        try FileManager.default.createDirectory(at: data.appendingPathComponent(".git"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let file = data.appendingPathComponent(DataLayout.client(client.id))
        let whole = try Data(contentsOf: file)
        let lock = open(data.appendingPathComponent(FolderLock.fileName).path, O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        try whole.prefix(40).write(to: file)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var snapshot = DataSnapshot()
        Thread.detachNewThread {
            snapshot = (try? Store(folder: data, mode: .readOnly).load()) ?? DataSnapshot()
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 0.5) == .timedOut, "the reader waits for the sync to finish")
        try whole.write(to: file)
        flock(lock, LOCK_UN)
        close(lock)
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(snapshot.problems.isEmpty, "\(snapshot.problems)")
        #expect(snapshot.client(client.id)?.phone == client.phone)

        // `check` reads the same way.
        #expect(DataCheck.run(folder: data).isEmpty)
    }

    @Test func aFolderThatDoesNotShareReportsACutShortFileAtOnce() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        let file = data.appendingPathComponent(DataLayout.client(client.id))
        try Data(contentsOf: file).prefix(40).write(to: file)
        let lock = open(data.appendingPathComponent(FolderLock.fileName).path, O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        // No sync writes here: nothing to wait for, even with the lock held.
        #expect(try Store(folder: data, mode: .readOnly).load().problems.map(\.path) == [DataLayout.client(client.id)])
    }
}
