import FieldbookCore
import Foundation
import Testing

/// Dismissed items leave the day's list, are kept for reports, and survive a save.
@Suite struct DueDismissalTests {
    static func list(_ snapshot: DataSnapshot, asOf: String) -> DueList { DueList(snapshot: snapshot, asOf: date(asOf)) }

    static func snapshot(_ clients: [Client], _ contacts: [EmployerContact] = []) -> DataSnapshot {
        DataSnapshot(specialists: [Rules.specialist], clients: clients, employers: [Rules.books, Rules.bakery],
                     employerContacts: contacts + [DueListTests.introduced(clients)])
    }

    @Test func aDismissedItemIsLeftOutAndKeptAndTheNextOneComesBack() throws {
        // Started 2 Nov, seen 3 Nov: weekly due 10 Nov.
        var client = Rules.client(jobs: [Rules.job("2026-11-02")], contacts: [Rules.contact("2026-11-03")])
        let before = Self.list(Self.snapshot([client]), asOf: "2026-11-12")
        let weekly = try #require(before.items.first)
        #expect(weekly.kind == .weekly && weekly.dueOn == date("2026-11-10"))

        client.dueDismissals = [DueDismissal(of: weekly, reason: "In hospital", on: date("2026-11-12"), by: Rules.specialist.id,
                                             id: UUID(), at: instant(1_700_000_000))]
        let after = Self.list(Self.snapshot([client]), asOf: "2026-11-12")
        #expect(after.items.isEmpty)
        #expect(after.nextItem(forClient: client.id) == nil)
        #expect(after.dismissed.map(\.item) == [weekly])
        #expect(after.dismissed.first?.dismissal.reason == "In hospital")

        // A contact moves the schedule on: the next weekly item is listed again.
        client.contacts.append(Rules.contact("2026-11-13"))
        let later = Self.list(Self.snapshot([client]), asOf: "2026-11-14")
        #expect(later.items.map { "\($0.kind.rawValue) \($0.dueOn)" } == ["weekly 2026-11-20"])
        #expect(later.dismissed.isEmpty)
    }

    @Test func aDismissalOfOneJobLeavesTheOtherJobsItems() throws {
        let books = Rules.job("2026-11-02"), bakery = Rules.job("2026-11-02", at: Rules.bakery)
        var client = Rules.client(jobs: [books, bakery])
        let items = Self.list(Self.snapshot([client]), asOf: "2026-11-12").items
        #expect(items.count == 2)
        let first = try #require(items.first { $0.jobID == books.id })
        client.dueDismissals = [DueDismissal(of: first, reason: "Left that job", on: date("2026-11-12"), by: nil, id: UUID(), at: instant(0))]
        #expect(Self.list(Self.snapshot([client]), asOf: "2026-11-12").items.map(\.jobID) == [bakery.id])
    }

    @Test func anEmployerNextStepIsDismissedOnTheEmployer() throws {
        let step = DueListTests.visit("2026-11-02", next: "2026-11-09")
        var snapshot = Self.snapshot([], [step])
        let item = try #require(Self.list(snapshot, asOf: "2026-11-12").items.first { $0.kind == .employerNextStep })
        snapshot.employers[0].dueDismissals = [DueDismissal(of: item, reason: "Owner away", on: date("2026-11-12"), by: nil, id: UUID(), at: instant(0))]
        let after = Self.list(snapshot, asOf: "2026-11-12")
        #expect(!after.items.contains { $0.kind == .employerNextStep })
        #expect(after.dismissed.map(\.item.employerContactID) == [step.id])
    }

    @Test func dismissalsAreStoredAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dismissals-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(folder: folder)
        var client = Rules.client(jobs: [Rules.job("2026-11-02")])
        let dismissal = DueDismissal(kind: .afterStart, dueOn: date("2026-11-05"), jobID: client.jobs[0].id, reason: "Moved away",
                                     dismissedOn: date("2026-11-06"), specialistID: Rules.specialist.id, createdAt: instant(1_700_000_000))
        client.dueDismissals = [dismissal]
        try store.save(client)
        var employer = Rules.books
        employer.dueDismissals = [DueDismissal(kind: .employerNextStep, dueOn: date("2026-11-09"), employerContactID: UUID(),
                                               reason: "Closed for winter", dismissedOn: date("2026-11-10"), createdAt: instant(0))]
        try store.save(employer)
        let loaded = store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.client(client.id)?.dueDismissals == [dismissal])
        #expect(loaded.employers.first?.dueDismissals == employer.dueDismissals)
        // A file written before the field existed loads with none.
        let path = folder.appendingPathComponent(DataLayout.client(client.id))
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        #expect(json["dueDismissals"] != nil)
        json["dueDismissals"] = nil
        try JSONSerialization.data(withJSONObject: json).write(to: path)
        let reread = store.load()
        #expect(reread.client(client.id)?.dueDismissals == [])
    }
}
