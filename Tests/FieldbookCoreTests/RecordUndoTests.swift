import FieldbookCore
import Foundation
import Testing

/// Taking a saved change back through the store's save: only what the change did is put back,
/// on the record as it is now, so a change made elsewhere meanwhile stays.
@Suite struct RecordUndoTests {
    @Test func aStatusChangeIsTakenBackAndAnEditMadeElsewhereMeanwhileStays() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let before = try store.save(Sample.client()).record
        var changed = before
        changed.setStatus(.working, on: date("2026-12-05"))
        let after = try store.save(changed).record
        // Another copy edits the phone from the version after the change.
        var elsewhere = after
        elsewhere.phone = "555-2000"
        try store.save(elsewhere)

        let current = try #require(store.load().clients.first)
        let reverted = try RecordUndo.revert(current, before: before, after: after)
        #expect(reverted.fileVersion == current.fileVersion, "the undo carries the version it started from")
        try store.save(reverted)
        let loaded = try #require(store.load().clients.first)
        #expect(loaded.status == .jobSearch && loaded.statusHistory == before.statusHistory)
        #expect(loaded.phone == "555-2000")
        #expect(loaded.contacts == before.contacts && loaded.jobs == before.jobs)
    }

    @Test func aDeletedContactComesBackAndOneLoggedSinceStays() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let before = try store.save(Sample.client()).record
        var changed = before
        changed.contacts.removeAll()
        let after = try store.save(changed).record
        var since = after
        let newer = ClientContact(date: date("2026-12-04"), kind: .phone, place: nil, note: "Called",
                                  specialistID: Sample.specialist.id, createdAt: instant(1_764_800_000))
        since.contacts.append(newer)
        try store.save(since)

        let current = try #require(store.load().clients.first)
        try store.save(try RecordUndo.revert(current, before: before, after: after))
        let loaded = try #require(store.load().clients.first)
        #expect(Set(loaded.contacts.map(\.id)) == Set(before.contacts.map(\.id) + [newer.id]))
        #expect(loaded.contacts.first { $0.id == before.contacts[0].id } == before.contacts[0])
    }

    @Test func aDismissalIsRemovedAndAContactEditIsPutBackAsItWas() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let before = try store.save(Sample.client()).record
        var changed = before
        changed.dueDismissals.append(DueDismissal(kind: .weekly, dueOn: date("2026-12-01"), reason: "In hospital", dismissedOn: date("2026-12-05"),
                                                  specialistID: Sample.specialist.id, createdAt: instant(1_764_900_000)))
        changed.contacts[0].note = "Practised interviews twice"
        let after = try store.save(changed).record
        let current = try #require(store.load().clients.first)
        try store.save(try RecordUndo.revert(current, before: before, after: after))
        let loaded = try #require(store.load().clients.first)
        #expect(loaded.dueDismissals.isEmpty)
        #expect(loaded.contacts == before.contacts)
        #expect(try RecordUndo.changedKeys(before: before, after: after).isSuperset(of: ["dueDismissals", "contacts"]))
    }
}
