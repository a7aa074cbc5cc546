@testable import FieldbookCore
import Foundation
import Testing

/// Two copies of Fieldbook change the same record: different fields merge, the same field
/// changed both ways is a conflict that stays "to merge" until it is resolved.
@Suite struct StoreMergeTests {
    /// Two stores on one folder, both having read it.
    func twoCopies(_ folder: TemporaryFolder) throws -> (Store, Store) {
        let here = try Store(folder: folder.url)
        _ = here.load()
        let there = try Store(folder: folder.url)
        _ = there.load()
        return (here, there)
    }

    @Test func aContactLoggedWhileASupervisorChangesTheStatusNeverConflicts() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url)
        let saved = try setup.save(Sample.client()).record
        let (specialist, supervisor) = try twoCopies(folder)
        var forSupervisor = saved
        forSupervisor.status = .working
        try supervisor.save(forSupervisor)
        var forSpecialist = saved
        let visit = ClientContact(date: date("2026-11-24"), kind: .faceToFace, note: "Visit", createdAt: instant(1_764_000_000))
        forSpecialist.contacts.append(visit)
        let result = try specialist.save(forSpecialist)
        #expect(result.mergedFields == ["status"])
        let onDisk = try #require(try Store(folder: folder.url).load().client(saved.id))
        #expect(onDisk.status == .working)
        #expect(onDisk.contacts.map(\.id) == saved.contacts.map(\.id) + [visit.id])
    }

    @Test func listItemsMergeByIDAndBenefitsAsASet() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url)
        let saved = try setup.save(Sample.client()).record
        let (here, there) = try twoCopies(folder)
        var theirs = saved
        theirs.jobs[0].hoursPerWeek = 30
        theirs.benefits.append(.snap)
        theirs.contacts[0].note = "Corrected note"
        try there.save(theirs)
        var mine = saved
        mine.jobs[0].title = "Shift lead"
        mine.benefits.removeAll { $0 == .ssi }
        mine.jobs.append(Job(employerName: "Library", title: "Shelver", startDate: date("2026-11-20")))
        let result = try here.save(mine)
        #expect(Set(result.mergedFields) == ["jobs[\(saved.jobs[0].id.uuidString)].hoursPerWeek", "benefits",
                                              "contacts"])
        let onDisk = try #require(try Store(folder: folder.url).load().client(saved.id))
        #expect(onDisk.jobs.count == 2)
        #expect(onDisk.jobs[0].hoursPerWeek == 30)
        #expect(onDisk.jobs[0].title == "Shift lead")
        #expect(Set(onDisk.benefits) == [.medicaid, .snap])
        #expect(onDisk.contacts[0].note == "Corrected note")
    }

    /// The set merge keeps the removals of both copies: a benefit the other copy removed stays
    /// removed when this copy adds one, and the other way round, down to an empty list.
    @Test func aBenefitRemovedByEitherCopyStaysRemovedAfterTheMerge() throws {
        // Each case: what the other copy removes (it adds SSDI), what this copy removes (it
        // adds SNAP), and what is left. The record starts with SSI and Medicaid.
        let cases: [(there: Set<Benefit>, here: Set<Benefit>, left: Set<Benefit>)] = [
            ([.medicaid], [], [.ssi, .ssdi, .snap]),
            ([], [.medicaid], [.ssi, .ssdi, .snap]),
            ([.ssi, .medicaid], [], [.ssdi, .snap]),
            ([.ssi], [.medicaid], [.ssdi, .snap]),
        ]
        for (removedThere, removedHere, left) in cases {
            let folder = TemporaryFolder()
            let saved = try Store(folder: folder.url).save(Sample.client()).record
            let (here, there) = try twoCopies(folder)
            var theirs = saved, mine = saved
            theirs.benefits.removeAll { removedThere.contains($0) }
            theirs.benefits.append(.ssdi)
            mine.benefits.removeAll { removedHere.contains($0) }
            mine.benefits.append(.snap)
            try there.save(theirs)
            let result = try here.save(mine)
            #expect(result.mergedFields == ["benefits"], "\(removedThere) \(removedHere)")
            let onDisk = try #require(try Store(folder: folder.url).load().client(saved.id))
            #expect(Set(onDisk.benefits) == left, "\(removedThere) \(removedHere)")
        }
    }

    @Test func specialistsEmployersAndSettingsMergeToo() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url)
        let specialist = try setup.save(Sample.specialist).record
        let employer = try setup.save(Sample.employer).record
        try setup.save(Settings())
        let (here, there) = try twoCopies(folder)

        var s1 = specialist, s2 = specialist
        s1.phone = "555-0101"
        s2.email = "maria.o@example.org"
        try there.save(s1)
        #expect(try here.save(s2).mergedFields == ["phone"])

        var e1 = employer, e2 = employer
        e1.people.append(EmployerPerson(name: "Ana Ruiz", title: "Manager", hires: true))
        e2.notes = "Hiring for spring"
        try there.save(e1)
        #expect(try here.save(e2).mergedFields == ["people"])

        var settings1 = Settings(), settings2 = Settings()
        settings1.caseloadLimit = 18
        settings2.idleLockMinutes = 2
        try there.save(settings1)
        #expect(try here.save(settings2).mergedFields == ["caseloadLimit"])

        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.specialists.first?.phone == "555-0101")
        #expect(snapshot.specialists.first?.email == "maria.o@example.org")
        #expect(snapshot.employers.first?.people.count == 2)
        #expect(snapshot.employers.first?.notes == "Hiring for spring")
        #expect(snapshot.settings.caseloadLimit == 18)
        #expect(snapshot.settings.idleLockMinutes == 2)
    }

    @Test func updatedAtAloneIsNoChange() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url, now: { instant(1_764_000_000) })
        let saved = try setup.save(Sample.client()).record
        let here = try Store(folder: folder.url, now: { instant(1_764_000_100) })
        _ = here.load()
        let there = try Store(folder: folder.url, now: { instant(1_764_000_200) })
        _ = there.load()
        try there.save(saved)
        var mine = saved
        mine.notes = "Mine"
        let result = try here.save(mine)
        #expect(result.mergedFields.isEmpty)
        #expect(result.record.updatedAt == instant(1_764_000_200))
        #expect(result.record.notes == "Mine")
    }

    @Test func aConflictShowsBothValuesStaysToMergeAcrossARestartAndIsResolved() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url)
        let saved = try setup.save(Sample.client()).record
        let (here, there) = try twoCopies(folder)
        var theirs = saved
        theirs.phone = "555-3333"
        theirs.notes = "Theirs"
        try there.save(theirs)
        var mine = saved
        mine.phone = "555-4444"
        mine.preferredName = "Pepe"
        var conflict: SaveConflict?
        do {
            try here.save(mine)
        } catch {
            if case .conflict(let found) = error { conflict = found }
        }
        let found = try #require(conflict)
        #expect(found.fields == [FieldConflict(field: "phone", base: "555-1000", mine: "555-4444", theirs: "555-3333")])
        #expect(found.path == DataLayout.client(saved.id))
        // Nothing on disk changed.
        #expect(try Store(folder: folder.url).load().client(saved.id)?.phone == "555-3333")

        // After a restart the record is still to merge, with the same fields in conflict.
        let restarted = try Store(folder: folder.url)
        let snapshot = restarted.load()
        let pending = try #require(snapshot.pendingMerge(for: saved.id))
        #expect(pending.source == .keptAfterConflict)
        #expect(pending.copy == found.keptCopy)
        #expect(snapshot.problems.contains { $0.kind == .conflictCopy && $0.pendingMerge == pending })
        let again = try restarted.conflict(for: pending)
        #expect(again.fields == found.fields)

        // Without a choice for each field, nothing is saved.
        #expect(throws: StoreError.self) { try restarted.resolve(pending, choosing: [:]) }
        let outcome = try restarted.resolve(pending, choosing: ["phone": .mine])
        #expect(outcome == .merged(fields: ["notes"]))
        let after = try Store(folder: folder.url).load()
        let resolved = try #require(after.client(saved.id))
        #expect(resolved.phone == "555-4444")
        #expect(resolved.preferredName == "Pepe")
        #expect(resolved.notes == "Theirs")
        #expect(after.pendingMerges.isEmpty)
        #expect(after.problems.isEmpty)
    }

    @Test func resolvingRightAwayTakesTheirValueWhenChosen() throws {
        let folder = TemporaryFolder()
        let setup = try Store(folder: folder.url)
        let saved = try setup.save(Sample.client()).record
        let (here, there) = try twoCopies(folder)
        var theirs = saved
        theirs.status = .working
        try there.save(theirs)
        var mine = saved
        mine.status = .inactive
        mine.notes = "Mine"
        do {
            try here.save(mine)
            Issue.record("expected a conflict")
        } catch {
            guard case .conflict(let conflict) = error else { Issue.record("\(error)"); return }
            #expect(conflict.fields.map(\.field) == ["status"])
            try here.resolve(conflict, choosing: ["status": .theirs])
        }
        let resolved = try #require(try Store(folder: folder.url).load().client(saved.id))
        #expect(resolved.status == .working)
        #expect(resolved.notes == "Mine")
        #expect(DurableFile.list(folder.path("conflicts")).isEmpty)
    }

    @Test func aSyncToolCopyIsResolvedIntoTheRecord() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        var other = saved
        other.phone = "555-9999"
        other.notes = "From the other laptop"
        let copyName = "clients/\(saved.id.uuidString.lowercased()).sync-conflict-20261125-101010-ABCDEFG.json"
        try JSONCoding.encode(other).write(to: folder.path(copyName))

        let reopened = try Store(folder: folder.url)
        let pending = try #require(reopened.load().pendingMerge(for: saved.id))
        #expect(pending.source == .syncToolCopy)
        let conflict = try reopened.conflict(for: pending)
        // No common base: a field only the copy has is added, a field both have differently conflicts.
        #expect(conflict.fields.map(\.field) == ["phone"])
        try reopened.resolve(pending, choosing: ["phone": .theirs])
        let after = try Store(folder: folder.url).load()
        #expect(after.client(saved.id)?.phone == "555-1000")
        #expect(after.client(saved.id)?.notes == "From the other laptop")
        #expect(after.pendingMerges.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path(copyName).path))
    }
}
