import Foundation

/// Clients found by id: the snapshot's list itself (shared, not copied, until a client is
/// saved) and each id's position in it, the first of an id read twice. A dictionary of
/// clients held a copy of every client (about 450 bytes a slot at an agency's 2,000 clients);
/// this holds 20 bytes a slot beside the list the snapshot already holds.
struct ClientsByID: Sendable {
    private var clients: [Client]
    private var positions: [UUID: Int32]

    init(_ clients: [Client]) {
        self.clients = clients
        positions = [:]
        positions.reserveCapacity(clients.count)
        for (index, client) in clients.enumerated() where positions[client.id] == nil {
            positions[client.id] = Int32(index)
        }
    }

    /// The client with this id; set: the client saved (changed, or new at the end).
    subscript(id: UUID) -> Client? {
        get { positions[id].map { clients[Int($0)] } }
        set {
            guard let newValue else { preconditionFailure("clients are saved, never taken out") }
            if let position = positions[id] {
                clients[Int(position)] = newValue
            } else {
                positions[id] = Int32(clients.count)
                clients.append(newValue)
            }
        }
    }
}
