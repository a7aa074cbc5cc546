@testable import FieldbookCore
import Foundation
import Testing

/// An encrypted folder shared through a hub and backed up: ciphertext only leaves the laptop,
/// and merges still go field by field.
@Suite struct EncryptedSyncTests {
    static let secrets = ["José Álvarez-Ruiz", "Practised interviews", "Gets help finding work", "Maria Okafor", "Bean There Café",
                          "Likes early shifts", "Has a bike now"]

    /// Every object the repository at `path` holds, decompressed, one after another.
    func objects(of path: String) throws -> Data {
        try Git(folder: URL(fileURLWithPath: path)).check(["cat-file", "--batch-all-objects", "--batch"]).output
    }

    func holdsAny(_ data: Data, _ texts: [String]) -> [String] {
        texts.filter { text in byteForms(of: text).contains { data.range(of: $0) != nil } }
    }

    /// Two copies of one encrypted folder through a new hub: `seed` fills the first before it
    /// is encrypted and shared; the second joins and opens with the same passphrase.
    struct EncryptedPair {
        let first: URL, second: URL
        let firstKey: FolderKey, secondKey: FolderKey
        let firstSync: Sync, secondSync: Sync
    }

    func encryptedPair(_ team: SyncTeam, seed: (Store) throws -> Void) throws -> EncryptedPair {
        let first = team.folder("first")
        try seed(try Store(folder: first))
        let key = try encryptFolder(first, "team passphrase")
        _ = try Sync.share(folder: first, hub: team.hub, installID: "install-first", specialistID: nil, transform: key.transform)
        let second = team.folder("second")
        let joined = try Sync.join(hub: team.hub, folder: second, installID: "install-second", specialistID: nil)
        let secondKey = try EncryptedFolder.open(second, passphrase: "team passphrase")
        joined.transform = secondKey.transform
        let firstSync = Sync(folder: first, installID: "install-first", specialistID: nil)
        firstSync.transform = key.transform
        return EncryptedPair(first: first, second: second, firstKey: key, secondKey: secondKey, firstSync: firstSync, secondSync: joined)
    }

    /// A folder encrypted before it is shared with a new hub: the hub (every object of its
    /// history) and the copy that joins hold no known text; the two copies' edits of one client
    /// merge field by field through the key; a plain copy is refused by the encrypted hub.
    @Test func aNewHubHoldsCiphertextOnlyAndMergesStillGoFieldByField() throws {
        let team = SyncTeam()
        let client = Sample.client()
        let pair = try encryptedPair(team) { store in
            try store.save(Sample.specialist)
            try store.save(Sample.employer)
            try store.save(client)
        }
        let (first, second, key, secondKey, firstSync, joined) =
            (pair.first, pair.second, pair.firstKey, pair.secondKey, pair.firstSync, pair.secondSync)
        // Joining sends nothing: this is what sharing the encrypted folder sent.
        #expect(holdsAny(try objects(of: team.hub), Self.secrets) == [])

        let a = try Store(folder: first, transform: key.transform)
        var mine = try #require(a.load().client(client.id))
        mine.notes = "Likes early shifts"
        try a.save(mine)
        let b = try Store(folder: second, transform: secondKey.transform)
        var theirs = try #require(b.load().client(client.id))
        theirs.phone = "555-7777"
        theirs.contacts[0].note = "Has a bike now"
        try b.save(theirs)
        _ = try firstSync.run()
        let report = try joined.run()
        #expect(report.mergedFiles == 1 && report.toMerge.isEmpty)
        _ = try firstSync.run()
        for store in [a, b] {
            let merged = try #require(store.load().client(client.id))
            #expect(merged.notes == "Likes early shifts" && merged.phone == "555-7777" && merged.contacts[0].note == "Has a bike now")
        }
        #expect(holdsAny(try objects(of: team.hub), Self.secrets) == [])
        #expect(filesHolding(Self.secrets, in: first) == [] && filesHolding(Self.secrets, in: second) == [])

        // Without the key a sync of the encrypted folder is refused before anything is read.
        let keyless = Sync(folder: second, installID: "install-second", specialistID: nil)
        #expect(throws: SyncError.store(.encrypted(path: second.standardizedFileURL.path))) { try keyless.run() }

    }

    /// A teammate's copy that has not converted is refused by the encrypted hub: nothing of
    /// it is merged or sent, and the hub keeps the encrypted head.
    @Test func aCopyNotConvertedIsRefusedByAnEncryptedHub() throws {
        let team = SyncTeam()
        let a = try team.share("a") { store in try store.save(Sample.client()) }
        let b = try team.join("b")
        let key = try encryptFolder(a.folder, "team passphrase")
        a.sync.transform = key.transform
        try a.syncNow()
        let hubHead = try Git(folder: URL(fileURLWithPath: team.hub)).check(["rev-parse", "main"]).text
        var client = try #require(b.store.load().clients.first)
        client.phone = "555-0000"
        try b.store.save(client)
        #expect(throws: SyncError.hubEncrypted) { try b.syncNow() }
        #expect(try Git(folder: URL(fileURLWithPath: team.hub)).check(["rev-parse", "main"]).text == hubHead)
        #expect(try EncryptedFolder.state(of: b.folder) == .plain, "b's files were not touched by a merge")
    }

    /// A backup of an encrypted folder holds its files as they are: no known text in any byte
    /// of the archive's contents.
    @Test func aBackupHoldsCiphertext() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        try store.save(Sample.specialist)
        try store.save(Sample.client())
        try encryptFolder(folder.url)
        let out = TemporaryFolder()
        try FileManager.default.createDirectory(at: out.url, withIntermediateDirectories: true)
        let result = try Backup.write(folder: folder.url, to: out.url)
        let unpacked = out.url.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        let pid = try ChildProcess.start(["tar", "xzf", result.file.path, "-C", unpacked.path], output: 2, errors: 2)
        #expect(ChildProcess.wait(for: pid) == 0)
        #expect(!allFiles(in: unpacked).isEmpty)
        #expect(filesHolding(EncryptionTests.secrets, in: unpacked) == [])
        let key = try EncryptedFolder.open(unpacked, passphrase: "correct horse")
        #expect(try Store(folder: unpacked, mode: .readOnly, transform: key.transform).load().clients.map(\.name) == ["José Álvarez-Ruiz"])
    }

    /// An employer contact moved to another month in one encrypted copy and changed in the
    /// other ends in one file with both changes: the reconciling pass reads every version, and
    /// writes its result, through the key (the month files stay ciphertext).
    @Test func aMovedContactIsReconciledThroughTheKey() throws {
        let team = SyncTeam()
        let contact = Sample.employerContact(on: "2026-10-05")
        // Already in the month the contact moves to: it stays there beside it.
        let neighbour = Sample.employerContact(on: "2026-11-10")
        let pair = try encryptedPair(team) { store in
            try store.save(Sample.specialist)
            try store.save(Sample.employer)
            try store.save(contact)
            try store.save(neighbour)
        }
        let (first, second, key, secondKey, firstSync, joined) =
            (pair.first, pair.second, pair.firstKey, pair.secondKey, pair.firstSync, pair.secondSync)

        let a = try Store(folder: first, transform: key.transform)
        var moved = try #require(a.load().employerContacts.first { $0.id == contact.id })
        moved.date = date("2026-11-05")
        try a.save(moved)
        let b = try Store(folder: second, transform: secondKey.transform)
        var changed = try #require(b.load().employerContacts.first { $0.id == contact.id })
        changed.outcome = "Offered a trial shift"
        try b.save(changed)
        _ = try firstSync.run()
        let report = try joined.run()
        #expect(report.reconciledContacts == 1)
        _ = try firstSync.run()
        for store in [a, b] {
            let loaded = store.load()
            let ended = loaded.employerContacts.filter { $0.id == contact.id }
            #expect(ended.count == 1)
            #expect(ended.first?.date == moved.date && ended.first?.outcome == "Offered a trial shift")
            #expect(loaded.employerContacts.contains { $0.id == neighbour.id })
            #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        }
        #expect(filesHolding(["Offered a trial shift"], in: first) == [] && filesHolding(["Offered a trial shift"], in: second) == [])
    }
}
