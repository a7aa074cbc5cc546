@testable import FieldbookCore
import Foundation
import Testing

@Suite struct SpecialistHandoverTests {
    @Test func deactivatingHandsActiveClientsOverOneSaveEachAndKeepsClosedOnes() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let leaving = try store.save(Specialist(name: "Maria Okafor")).record
        let staying = try store.save(Specialist(name: "Daniel Whitehorse")).record
        let active = try store.save(Sample.client(name: "Active One", specialist: leaving.id)).record
        var closedClient = Sample.client(name: "Closed One", specialist: leaving.id)
        closedClient.status = .closed
        let closed = try store.save(closedClient).record
        let other = try store.save(Sample.client(name: "Someone Else", specialist: staying.id)).record

        let (specialist, clients) = try store.deactivate(specialist: leaving.id, handingClientsTo: staying.id)
        #expect(!specialist.isActive)
        #expect(clients.map(\.id) == [active.id])
        let after = store.load()
        #expect(after.specialist(leaving.id)?.isActive == false)
        #expect(after.client(active.id)?.specialistID == staying.id)
        #expect(after.client(closed.id)?.specialistID == leaving.id)
        #expect(after.client(other.id)?.specialistID == staying.id)
        // Each client's change is in the audit trail as its own save.
        let handedOver = try String(contentsOf: folder.path(DataLayout.client(active.id)), encoding: .utf8)
        #expect(handedOver.contains(staying.id.uuidString))
    }
}
