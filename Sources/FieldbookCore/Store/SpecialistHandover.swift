import Foundation

extension Store {
    /// Deactivates a specialist who leaves the program: each of their active clients is first
    /// saved with `successor` (nil: not assigned), one save per client, merging like any save;
    /// then the specialist is saved as inactive. Their closed and inactive clients keep them,
    /// as the history says. A failure stops there: clients already handed over stay so, and
    /// the specialist stays active, so doing it again finishes the work.
    public func deactivate(specialist id: UUID, handingClientsTo successor: UUID?) throws(StoreError) -> (specialist: Specialist, clients: [Client]) {
        let snapshot = load()
        guard var specialist = snapshot.specialist(id) else {
            throw .io(path: DataLayout.specialist(id), reason: "no longer in the data folder")
        }
        var handedOver: [Client] = []
        for var client in snapshot.clients where client.specialistID == id && client.status.isActive {
            client.specialistID = successor
            handedOver.append(try save(client).record)
        }
        specialist.isActive = false
        return (try save(specialist).record, handedOver)
    }
}
