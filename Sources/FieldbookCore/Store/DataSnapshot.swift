import Foundation

/// Everything read from a data folder, plus what could not be read.
public struct DataSnapshot: Sendable, Equatable {
    public var settings: Settings
    public var specialists: [Specialist]
    public var clients: [Client]
    public var employers: [Employer]
    public var employerContacts: [EmployerContact]
    /// The program's fidelity self-reviews, in no particular order.
    public var fidelityReviews: [FidelityReview] = []
    /// Files that could not be used; the rest still loaded.
    public var problems: [DataProblem]

    public init(
        settings: Settings = Settings(), specialists: [Specialist] = [], clients: [Client] = [],
        employers: [Employer] = [], employerContacts: [EmployerContact] = [],
        problems: [DataProblem] = []
    ) {
        self.settings = settings
        self.specialists = specialists
        self.clients = clients
        self.employers = employers
        self.employerContacts = employerContacts
        self.problems = problems
    }

    public func specialist(_ id: UUID?) -> Specialist? {
        guard let id else { return nil }
        return specialists.first { $0.id == id }
    }

    public func client(_ id: UUID) -> Client? { clients.first { $0.id == id } }

    /// The same records, marked as read from no file (see `FileVersion`).
    public func withoutFileVersions() -> DataSnapshot {
        var copy = self
        copy.settings.fileVersion = nil
        for index in copy.specialists.indices { copy.specialists[index].fileVersion = nil }
        for index in copy.clients.indices { copy.clients[index].fileVersion = nil }
        for index in copy.employers.indices { copy.employers[index].fileVersion = nil }
        for index in copy.employerContacts.indices { copy.employerContacts[index].fileVersion = nil }
        for index in copy.fidelityReviews.indices { copy.fidelityReviews[index].fileVersion = nil }
        return copy
    }

    /// Records with a second version waiting to be merged ("to merge"), from `problems`.
    public var pendingMerges: [PendingMerge] { problems.compactMap(\.pendingMerge) }

    /// The version waiting to be merged into the record with this id, if any.
    public func pendingMerge(for id: UUID) -> PendingMerge? {
        pendingMerges.first { $0.recordID == id }
    }

    /// Puts `client` in place of the one with the same id, or adds it.
    public mutating func replace(_ client: Client) {
        if let index = clients.firstIndex(where: { $0.id == client.id }) {
            clients[index] = client
        } else {
            clients.append(client)
        }
    }

    /// Puts `specialist` in place of the one with its id, or adds it.
    public mutating func replace(_ specialist: Specialist) {
        if let index = specialists.firstIndex(where: { $0.id == specialist.id }) {
            specialists[index] = specialist
        } else {
            specialists.append(specialist)
        }
    }

    /// Puts `employer` in place of the one with the same id, or adds it.
    public mutating func replace(_ employer: Employer) {
        if let index = employers.firstIndex(where: { $0.id == employer.id }) {
            employers[index] = employer
        } else {
            employers.append(employer)
        }
    }

    /// Puts `contact` in place of the employer contact with the same id, or adds it.
    public mutating func replace(_ contact: EmployerContact) {
        if let index = employerContacts.firstIndex(where: { $0.id == contact.id }) {
            employerContacts[index] = contact
        } else {
            employerContacts.append(contact)
        }
    }

    /// Takes the employer contact with this id out of the log.
    public mutating func removeEmployerContact(_ id: UUID) {
        employerContacts.removeAll { $0.id == id }
    }

    /// The date of the newest logged activity: a client contact or an employer contact.
    public var newestActivity: LocalDate? {
        let clientDates = clients.lazy.flatMap { $0.contacts.lazy.map(\.date) }
        let employerDates = employerContacts.lazy.map(\.date)
        return (Array(clientDates) + Array(employerDates)).max()
    }
}
