import Foundation

extension CSVImport {
    /// What the folder would hold after the rows read so far, with indexes for lookups. The
    /// records the rows change are in memory until their batch is done (`endBatch`), then on
    /// disk: what stays in memory is the folder's records and an index entry per record.
    struct Working {
        var clients = RecordPool<Client>()
        var clientByExternalID: [String: UUID] = [:]
        var specialists: [UUID: Specialist] = [:]
        var specialistByName: [String: UUID] = [:]
        var employers: [UUID: Employer] = [:]
        var employerByName: [String: UUID] = [:]
        var contacts = RecordPool<EmployerContact>()
        var contactByKey: [String: UUID] = [:]
        /// Employer contacts as they were before a row of this batch moved them to another
        /// month or specialist.
        var movedContacts: [EmployerContact] = []
        /// Ids of this batch in the order they were first changed, so files are written in
        /// sheet order.
        var changedClients: [UUID] = [], changedSpecialists: [UUID] = []
        var changedEmployers: [UUID] = [], changedContacts: [UUID] = []
        private var changed: Set<UUID> = []
        /// Every record changed so far (an index entry each).
        private(set) var everChanged: Set<UUID> = []
        /// Records created by the rows since the notes were last taken.
        var notes: [String] = []
        var externalIDsInSheet: [String: Int] = [:]
        let now: Date
        let newID: () -> UUID

        init(snapshot: DataSnapshot, now: Date, newID: @escaping () -> UUID) {
            self.now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
            self.newID = newID
            for client in snapshot.clients {
                clients[client.id] = client
                if let external = client.externalID { clientByExternalID[external] = client.id }
            }
            for specialist in snapshot.specialists {
                specialists[specialist.id] = specialist
                specialistByName[Self.nameKey(specialist.name)] = specialistByName[Self.nameKey(specialist.name)] ?? specialist.id
            }
            for employer in snapshot.employers {
                employers[employer.id] = employer
                employerByName[Self.nameKey(employer.name)] = employerByName[Self.nameKey(employer.name)] ?? employer.id
            }
            for contact in snapshot.employerContacts {
                contacts[contact.id] = contact
                contactByKey[Self.key(contact)] = contact.id
            }
        }

        static func nameKey(_ name: String) -> String {
            name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        static func file(of contact: EmployerContact) -> String {
            DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date)
        }

        static func key(_ contact: EmployerContact) -> String {
            [contact.date.description, contact.specialistID.uuidString, contact.employerID.uuidString,
             contact.method.rawValue, contact.purpose.rawValue, nameKey(contact.contactPerson ?? "")]
                .joined(separator: "\u{0}")
        }

        mutating func mark(_ id: UUID, in list: WritableKeyPath<Working, [UUID]>) {
            if changed.insert(id).inserted { self[keyPath: list].append(id) }
            everChanged.insert(id)
        }

        /// The records this batch changed, in the order to write them; nothing depends on a
        /// record written after it.
        func batch() -> ImportBatch {
            ImportBatch(
                specialists: changedSpecialists.compactMap { specialists[$0] },
                employers: changedEmployers.compactMap { employers[$0] },
                clients: changedClients.compactMap { clients[$0] },
                movedEmployerContacts: movedContacts,
                employerContacts: changedContacts.compactMap { contacts[$0] })
        }

        /// The batch is written (or, in a check, done with): its clients and employer contacts
        /// leave memory. Specialists and employers, few, stay.
        mutating func endBatch() {
            clients.evict(changedClients)
            contacts.evict(changedContacts)
            changedClients = []
            changedSpecialists = []
            changedEmployers = []
            changedContacts = []
            movedContacts = []
            changed = []
        }

        var batchIsEmpty: Bool { changed.isEmpty && movedContacts.isEmpty }

        // MARK: References

        /// The client a `client_id` cell names: by spreadsheet id, else by Fieldbook id.
        func client(named cell: String) -> UUID? {
            if let id = clientByExternalID[cell] { return id }
            if let uuid = UUID(uuidString: cell), clients.contains(uuid) { return uuid }
            return nil
        }

        /// The client a row's `client_id` names; a problem of the row when it is empty or names no one.
        func client(in row: inout ImportRow) -> UUID? {
            let cell = row.word("client_id")
            let id = cell.flatMap { client(named: $0) }
            if cell == nil { row.problem("client_id is empty") } else if id == nil {
                row.problem("no client has the id \(cell ?? "")")
            }
            return id
        }

        /// The specialist a row names, created (and reported) when not known yet.
        mutating func specialist(name: String?, id: UUID?) -> UUID? {
            if let id, specialists[id] != nil { return id }
            // An id with no name the folder does not know stays as it was written.
            guard let name else { return id }
            if id == nil, let existing = specialistByName[Self.nameKey(name)] { return existing }
            let created = Specialist(id: id ?? newID(), name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                                     createdAt: now)
            specialists[created.id] = created
            specialistByName[Self.nameKey(name)] = specialistByName[Self.nameKey(name)] ?? created.id
            mark(created.id, in: \.changedSpecialists)
            notes.append("specialist created: \(created.name)")
            return created.id
        }

        /// The employer a row names, created in the directory (and reported) when not known yet.
        mutating func employer(name: String?, id: UUID?) -> UUID? {
            if let id, employers[id] != nil { return id }
            guard let name else { return id }
            if id == nil, let existing = employerByName[Self.nameKey(name)] { return existing }
            let created = Employer(id: id ?? newID(), name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                                   createdAt: now)
            employers[created.id] = created
            employerByName[Self.nameKey(name)] = employerByName[Self.nameKey(name)] ?? created.id
            mark(created.id, in: \.changedEmployers)
            notes.append("employer created: \(created.name)")
            return created.id
        }

        mutating func store(_ client: Client) {
            clients[client.id] = client
            if let external = client.externalID { clientByExternalID[external] = client.id }
            mark(client.id, in: \.changedClients)
        }

        /// How a client is named in messages: their spreadsheet id, else their Fieldbook id
        /// (never their name).
        static func label(_ client: Client) -> String {
            "client " + (client.externalID ?? client.id.uuidString.lowercased())
        }

        /// Names of the stored properties that differ, for a message.
        static func changedFields<T>(_ old: T, _ new: T) -> [String] {
            zip(Mirror(reflecting: old).children, Mirror(reflecting: new).children).compactMap { old, new in
                guard let label = old.label, !(old.value is VersionOfFile),
                      String(reflecting: old.value) != String(reflecting: new.value)
                else { return nil }
                return label.hasPrefix("_") ? String(label.dropFirst()) : label
            }
        }
    }
}
