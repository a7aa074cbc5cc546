@testable import FieldbookCore
import Foundation
import Testing

@Suite struct EmployerContactDeletionTests {
    @Test func deletingAContactIsInTheAuditTrail() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        let kept = try store.save(Sample.employerContact(on: "2026-11-18")).record
        let gone = try store.save(Sample.employerContact(on: "2026-11-19")).record
        clock.advance()
        try store.delete(gone)

        let trail = AuditTrail.read(folder: folder.path("data"))
        #expect(trail.damage.isEmpty)
        let entries = trail.entries.map(\.entry)
        let deletion = try #require(entries.last)
        #expect(deletion.action == .delete)
        #expect(deletion.kind == "employer contact")
        #expect(deletion.record == gone.id.uuidString.lowercased())
        // The contact left in the file is not touched by the deletion.
        #expect(!entries.dropFirst(2).contains { $0.record == kept.id.uuidString.lowercased() })
        #expect(try Store(folder: folder.path("data")).load().employerContacts.map(\.id) == [kept.id])
    }
}
