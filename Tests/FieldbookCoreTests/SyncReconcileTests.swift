@testable import FieldbookCore
import Foundation
import Testing

/// An employer contact moved to another month file in one copy and changed in another ends in
/// one file with both changes; a hub in a newer format is refused before anything merges.
@Suite struct SyncReconcileTests {
    static let other = Specialist(name: "Dev Rao", email: "dev@example.org", createdAt: instant(1_700_000_050))

    static func seed(_ store: Store) throws {
        try store.save(Sample.specialist)
        try store.save(other)
        try store.save(Sample.employer)
    }

    /// Every month file of `copy` holding the contact with `id`.
    static func files(holding id: UUID, in copy: SyncTeam.Copy) throws -> [String] {
        try EmployerContactMonth.fileKind.files(in: copy.folder).filter { path in
            let month = try TapeDecoding.decode(EmployerContactMonth.self, from: try #require(copy.file(path)))
            return month.contacts.contains { $0.id == id }
        }
    }

    /// One copy moves the contact (`move`), the other changes its outcome; both orders of sync.
    func moveHereChangeThere(hubMoves: Bool, move: (inout EmployerContact) -> Void) throws {
        let team = SyncTeam()
        let contact = Sample.employerContact(on: "2026-10-05")
        let a = try team.share("a", seed: { store in
            try Self.seed(store)
            try store.save(contact)
        })
        let b = try team.join("b")
        let (mover, changer) = hubMoves ? (a, b) : (b, a)
        var moved = try #require(mover.store.load().employerContacts.first { $0.id == contact.id })
        move(&moved)
        try mover.store.save(moved)
        var changed = try #require(changer.store.load().employerContacts.first { $0.id == contact.id })
        changed.outcome = "Offered a trial shift"
        try changer.store.save(changed)

        try a.syncNow()
        let second = try b.syncNow()
        #expect(second.reconciledContacts == 1)
        #expect(second.toMerge.isEmpty, "the month file's copy kept to merge is settled: \(second.toMerge)")
        try a.syncNow()
        let home = DataLayout.employerContacts(specialist: moved.specialistID, month: moved.date)
        for copy in [a, b] {
            #expect(try Self.files(holding: contact.id, in: copy) == [home], "\(copy.name)")
            let loaded = copy.store.load()
            let ended = try #require(loaded.employerContacts.first { $0.id == contact.id })
            #expect(ended.date == moved.date && ended.specialistID == moved.specialistID)
            #expect(ended.outcome == "Offered a trial shift")
            #expect(loaded.problems.isEmpty, "\(copy.name): \(loaded.problems)")
            #expect(filesWithConflictMarkers(in: copy.folder).isEmpty)
        }
        #expect(try a.git(["rev-parse", "HEAD^{tree}"]) == (try b.git(["rev-parse", "HEAD^{tree}"])))
    }

    @Test func aContactMovedToAnotherMonthHereAndChangedThereEndsInOneFileWithBoth() throws {
        try moveHereChangeThere(hubMoves: true) { $0.date = date("2026-11-05") }
        try moveHereChangeThere(hubMoves: false) { $0.date = date("2026-11-05") }
    }

    @Test func aContactMovedToAnotherSpecialistsFileAndChangedEndsInOneFileWithBoth() throws {
        try moveHereChangeThere(hubMoves: true) { $0.specialistID = Self.other.id }
        try moveHereChangeThere(hubMoves: false) { $0.specialistID = Self.other.id }
    }

    @Test func aContactMovedToTwoMonthsTakesTheHubsMonthAndIsInOneFile() throws {
        let team = SyncTeam()
        let contact = Sample.employerContact(on: "2026-10-05")
        let a = try team.share("a", seed: { store in
            try Self.seed(store)
            try store.save(contact)
        })
        let b = try team.join("b")
        var toNovember = try #require(a.store.load().employerContacts.first { $0.id == contact.id })
        toNovember.date = date("2026-11-05")
        try a.store.save(toNovember)
        var toDecember = try #require(b.store.load().employerContacts.first { $0.id == contact.id })
        toDecember.date = date("2026-12-05")
        try b.store.save(toDecember)
        try a.syncNow()
        // Git merges October (both took the contact out) without a conflict: still reconciled.
        #expect(try b.syncNow().reconciledContacts == 1)
        #expect(try Self.files(holding: contact.id, in: b) == [DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-11-05"))])
    }

    @Test func aHubInANewerFormatIsRefusedOnEveryPath() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        // A newer Fieldbook on b: the folder's format goes up, and it reaches the hub.
        let newer = FormatFile.readableVersion + 1
        try Data(#"{"format":"fieldbook-data","formatVersion":\#(newer)}"#.utf8).write(to: b.folder.appendingPathComponent(DataLayout.formatFile))
        _ = try b.git(["add", DataLayout.formatFile])
        _ = try b.git(["-c", "user.name=t", "-c", "user.email=t@x", "commit", "-q", "-m", "a newer format"])
        _ = try b.git(["push", "-q", "origin", "main"])
        // a saved something meanwhile: the sync commits it, then refuses to merge.
        var client = Sample.client()
        client.phone = "555-2222"
        try a.store.save(client)
        let headBefore = try a.git(["rev-parse", "HEAD"])
        #expect(throws: SyncError.newerFormat(found: newer, supported: FormatFile.readableVersion)) { try a.syncNow() }
        #expect(try a.git(["rev-parse", "HEAD"]) != headBefore, "this copy's save is committed, kept")
        #expect(try a.git(["rev-parse", "HEAD~1"]) == headBefore)
        #expect(!FileManager.default.fileExists(atPath: a.folder.appendingPathComponent(".git/MERGE_HEAD").path))
        #expect(a.client(client.id)?.phone == "555-2222")
        #expect(SyncError.newerFormat(found: 2, supported: 1).description.contains("update Fieldbook"))
        // Again: still refused, nothing merged.
        #expect(throws: SyncError.newerFormat(found: newer, supported: FormatFile.readableVersion)) { try a.syncNow() }
        // A new copy of that hub is refused too, and leaves no folder behind.
        #expect(throws: SyncError.newerFormat(found: newer, supported: FormatFile.readableVersion)) { try team.join("c") }
        #expect(!FileManager.default.fileExists(atPath: team.folder("c").path))
    }

    /// A hub whose fieldbook.json does not read (hand-edited, cut short) could hide a newer
    /// format or encrypted records: the sync refuses to merge, and this copy's save is kept.
    @Test func aHubWhoseFormatFileDoesNotReadIsRefused() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        try Data("{\"format\": \"fieldbook-data\", \"formatVersion\": ".utf8).write(to: b.folder.appendingPathComponent(DataLayout.formatFile))
        _ = try b.git(["add", DataLayout.formatFile])
        _ = try b.git(["-c", "user.name=t", "-c", "user.email=t@x", "commit", "-q", "-m", "cut short"])
        _ = try b.git(["push", "-q", "origin", "main"])
        var client = Sample.client()
        client.phone = "555-3333"
        try a.store.save(client)
        #expect(throws: SyncError.hubFormatUnreadable) { try a.syncNow() }
        #expect(!FileManager.default.fileExists(atPath: a.folder.appendingPathComponent(".git/MERGE_HEAD").path))
        #expect(a.client(client.id)?.phone == "555-3333")
        #expect(try TapeDecoding.decode(FormatFile.self, from: Data(contentsOf: a.folder.appendingPathComponent(DataLayout.formatFile)))
            .formatVersion == FormatFile.currentVersion, "this copy's format file is untouched")
    }
}
