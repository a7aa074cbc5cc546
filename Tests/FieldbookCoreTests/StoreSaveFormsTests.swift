@testable import FieldbookCore
import Foundation
import Testing

/// Saves that start from what the store holds (the trees it wrote, the month it read back)
/// write the same bytes, return the same records and log the same audit entries as saves
/// that read, decode and encode everything again.
@Suite struct StoreSaveFormsTests {
    /// The month file read by a store of its own, and the bytes Foundation's encoder gives it.
    private func monthOnDisk(_ folder: TemporaryFolder, _ relative: String) throws -> (EmployerContactMonth, Data, Data) {
        let data = try Data(contentsOf: folder.path("data").appendingPathComponent(relative))
        let month = try TapeDecoding.decode(EmployerContactMonth.self, from: data)
        return (month, data, try JSONCoding.encode(month))
    }

    @Test func contactsSavedOneByOneIntoAMonthWriteItAsAWholeSaveWould() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        let relative = DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-03-01"))
        let texts = TreeEncoderTests.awkward
        var saved: [EmployerContact] = []
        for (n, text) in texts.enumerated() {
            clock.advance()
            // Fractions of a second in `createdAt`: the file keeps whole seconds, and so does the record returned.
            let contact = EmployerContact(
                date: date(String(format: "2026-03-%02d", 10 - n)), specialistID: Sample.specialist.id, employerID: Sample.employer.id,
                contactPerson: text, purpose: .learnNeeds, method: .faceToFace, outcome: text,
                createdAt: Date(timeIntervalSince1970: 1_763_000_000.75 + Double(n)))
            let record = try store.save(contact).record
            saved.append(record)
            let (month, bytes, foundation) = try monthOnDisk(folder, relative)
            #expect(bytes == foundation)
            #expect(month.contacts.first { $0.id == record.id } == record)
            #expect(record.createdAt == Date(timeIntervalSince1970: 1_763_000_000 + Double(n)))
        }
        // Edited again, one at a time, and one moved to another month.
        for (n, var contact) in saved.enumerated() where n % 2 == 0 {
            clock.advance()
            contact.nextStep = "Call back \(n)"
            let record = try store.save(contact).record
            let (month, bytes, foundation) = try monthOnDisk(folder, relative)
            #expect(bytes == foundation)
            #expect(month.contacts.first { $0.id == record.id } == record)
        }
        var moved = saved[1]
        moved.date = date("2026-04-02")
        try store.save(moved)
        let (month, bytes, foundation) = try monthOnDisk(folder, relative)
        #expect(bytes == foundation)
        #expect(month.contacts.count == texts.count - 1)

        let entries = AuditTrail.read(folder: folder.path("data")).entries.map(\.entry)
        #expect(entries.filter { $0.action == .create }.count == texts.count + 1)
        let updates = entries.filter { $0.action == .update }
        #expect(updates.count == (texts.count + 1) / 2)
        #expect(updates.allSatisfy { $0.fields == ["nextStep"] })
        #expect(entries.last?.action == .delete && entries.dropLast().last?.action == .create)
    }

    @Test func fieldsThisVersionDoesNotKnowStayThroughSavesInARow() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let first = try store.save(Sample.employerContact(on: "2026-11-18")).record
        let second = try store.save(Sample.employerContact(on: "2026-11-19")).record
        let relative = DataLayout.employerContacts(specialist: first.specialistID, month: first.date)
        let url = folder.path(relative)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\n", with: "{\n  \"fromTheFuture\" : [1, 2],\n")
        text = text.replacingOccurrences(of: "\"id\" : \"\(first.id.uuidString)\"",
                                         with: "\"id\" : \"\(first.id.uuidString)\",\n      \"mood\" : \"calm\"")
        try Data(text.utf8).write(to: url)

        let reopened = try Store(folder: folder.url)
        var snapshot = reopened.load()
        var other = try #require(snapshot.employerContacts.first { $0.id == second.id })
        for n in 0..<3 {
            other.outcome = "Visit \(n)"
            other = try reopened.save(other).record
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            #expect(json["fromTheFuture"] as? [Int] == [1, 2])
            let contacts = try #require(json["contacts"] as? [[String: Any]])
            #expect(contacts.first { $0["id"] as? String == first.id.uuidString }?["mood"] as? String == "calm")
            #expect(contacts.first { $0["id"] as? String == second.id.uuidString }?["outcome"] as? String == "Visit \(n)")
        }
        // A fresh store reads the same: the kept forms never hid a field.
        snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.employerContacts.first { $0.id == second.id } == other)
    }

    /// The audit entry compares with the file as it was on disk: the JSON the store holds of
    /// it only while the file is unchanged, the file itself once a change made elsewhere came in.
    @Test func theAuditEntryComparesWithTheFileOnDiskNotWhatTheStoreLastWrote() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        var client = try store.save(Sample.client()).record
        clock.advance()
        client.notes = "one"
        client = try store.save(client).record
        let url = folder.path("data").appendingPathComponent(DataLayout.client(client.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"phone\" : \"555-1000\"", with: "\"phone\" : \"555-4242\"").utf8).write(to: url)
        clock.advance()
        client.notes = "two"
        let result = try store.save(client)
        #expect(result.record.phone == "555-4242")
        clock.advance()
        client = result.record
        client.email = "j@example.org"
        try store.save(client)

        let entries = AuditTrail.read(folder: folder.path("data")).entries.map(\.entry)
        #expect(entries.map(\.fields).dropFirst() == [["notes"], ["notes"], ["email"]])
    }
}
