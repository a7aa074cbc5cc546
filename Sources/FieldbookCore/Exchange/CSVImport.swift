import Foundation

/// Turns a sheet into an `ImportPlan` against what the data folder holds. Pure: the same
/// table, snapshot, day and clock give the same plan.
///
/// Identity (docs/import-export.md): a client is the one with the row's `fieldbook_id`, else
/// the one whose external id is the row's `id`. A job is the client's job with the row's
/// `fieldbook_id`, else the one with the same start, employer and title. A client contact is
/// the one with the row's `fieldbook_id`, else the one with the same date, kind, place and
/// note. An employer contact is the one with the row's `fieldbook_id`, else the one with the
/// same date, specialist, employer, method, purpose and contact person. A row matching a record
/// updates it when its values differ, and counts as already there when they do not.
public enum CSVImport {
    /// Clients are named in `client_id` and `on_behalf_of` by their spreadsheet id, else by
    /// their Fieldbook id.
    public static func plan(
        _ kind: ExchangeKind, table: CSVTable, snapshot: DataSnapshot, today: LocalDate, now: Date,
        newID: @escaping () -> UUID = { UUID() }
    ) -> ImportPlan {
        var plan = ImportPlan(kind: kind)
        let known = Set(kind.columns)
        let columns: [String?] = table.header.map { cell in
            let name = ExchangeKind.columnName(cell)
            return known.contains(name) ? name : nil
        }
        plan.unknownColumns = table.header.filter { !known.contains(ExchangeKind.columnName($0)) && !$0.isEmpty }
        var seen: Set<String> = []
        for name in columns.compactMap({ $0 }) where !seen.insert(name).inserted {
            plan.badRows.append(.init(line: 1, reason: "the column \(name) appears twice"))
        }
        let present = Set(columns.compactMap { $0 })
        for alternatives in kind.requiredColumns where present.isDisjoint(with: alternatives) {
            plan.badRows.append(.init(line: 1, reason: "the column \(alternatives.joined(separator: " or ")) is missing"))
        }
        guard plan.badRows.isEmpty else { return plan }

        var work = Working(snapshot: snapshot, now: now, newID: newID)
        for row in table.rows {
            plan.rowsRead += 1
            var reader = ImportRow(line: row.line, columns: columns, cells: row.cells)
            let outcome: Outcome
            switch kind {
            case .clients: outcome = work.client(&reader, today: today)
            case .jobs: outcome = work.job(&reader)
            case .clientContacts: outcome = work.clientContact(&reader)
            case .employerContacts: outcome = work.employerContact(&reader)
            }
            if !reader.problems.isEmpty {
                plan.badRows.append(.init(line: row.line, reason: reader.problems.joined(separator: "; ")))
                continue
            }
            switch outcome {
            case .added: plan.added += 1
            case .updated(let note):
                plan.updated += 1
                plan.notes.append("line \(row.line): \(note)")
            case .unchanged: plan.unchanged += 1
            case .rejected: break
            }
        }
        plan.notes = work.notes + plan.notes
        plan.specialists = work.changedSpecialists.compactMap { work.specialists[$0] }
        plan.employers = work.changedEmployers.compactMap { work.employers[$0] }
        plan.clients = work.changedClients.compactMap { work.clients[$0] }
        plan.employerContacts = work.changedContacts.compactMap { work.contacts[$0] }
        plan.movedEmployerContacts = work.movedContacts
        return plan
    }

    enum Outcome {
        case added, updated(String), unchanged, rejected
    }

    /// What the folder would hold after the rows read so far, with indexes for lookups.
    struct Working {
        var clients: [UUID: Client] = [:]
        var clientByExternalID: [String: UUID] = [:]
        var specialists: [UUID: Specialist] = [:]
        var specialistByName: [String: UUID] = [:]
        var employers: [UUID: Employer] = [:]
        var employerByName: [String: UUID] = [:]
        var contacts: [UUID: EmployerContact] = [:]
        var contactByKey: [String: UUID] = [:]
        /// Employer contacts as they were before a row moved them to another month or specialist.
        var movedContacts: [EmployerContact] = []
        /// Ids in the order they were first changed, so files are written in sheet order.
        var changedClients: [UUID] = [], changedSpecialists: [UUID] = []
        var changedEmployers: [UUID] = [], changedContacts: [UUID] = []
        private var changed: Set<UUID> = []
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

        private mutating func mark(_ id: UUID, in list: WritableKeyPath<Working, [UUID]>) {
            if changed.insert(id).inserted { self[keyPath: list].append(id) }
        }

        // MARK: References

        /// The client a `client_id` cell names: by spreadsheet id, else by Fieldbook id.
        func client(named cell: String) -> UUID? {
            if let id = clientByExternalID[cell] { return id }
            if let uuid = UUID(uuidString: cell), clients[uuid] != nil { return uuid }
            return nil
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

        // MARK: Clients

        mutating func client(_ row: inout ImportRow, today: LocalDate) -> Outcome {
            let external = row.word("id")
            let fieldbookID = row.uuid("fieldbook_id")
            let name = row.text("name")
            let entry = row.date("program_entry")
            if external == nil && fieldbookID == nil { row.problem("id is empty") }
            if name == nil { row.problem("name is empty") }
            if entry == nil && row.word("program_entry") == nil { row.problem("program_entry is empty") }
            if let external {
                if let earlier = externalIDsInSheet[external] {
                    row.problem("id \(external) is already on line \(earlier)")
                } else {
                    externalIDsInSheet[external] = row.line
                }
            }
            var existing = fieldbookID.flatMap { clients[$0] }
            if existing == nil, let external, let id = clientByExternalID[external] { existing = clients[id] }
            if let existing, let external, let owner = clientByExternalID[external], owner != existing.id {
                row.problem("id \(external) belongs to another client")
            }
            let status = row.value("status", ClientStatus.self)
            let closedOn = row.date("closed_on")
            if closedOn != nil, let status, status != .closed {
                row.problem("closed_on is given but status is \(status.rawValue), not closed")
            }
            let history = row.has("status_history") ? row.statusHistory("status_history") : nil
            let benefits = row.items("benefits").map { item in
                Benefit.allCases.first { $0.rawValue.lowercased() == item.lowercased() } ?? Benefit(rawValue: item)
            }
            let disclosure = row.value("disclosure", DisclosurePreference.self)
            let followAlong = row.yesNo("follow_along")
            let workingAtEntry = row.yesNo("working_at_entry")
            let planningDone = row.yesNo("benefits_planning_done")
            let interval = row.whole("follow_along_interval_days")
            let referralDate = row.date("referral_date")
            let specialistID = row.uuid("specialist_fieldbook_id")
            let createdAt = row.timestamp("created_at")
            let updatedAt = row.timestamp("updated_at")
            guard row.problems.isEmpty, let name, let entry else { return .rejected }

            var client = existing ?? Client(
                id: fieldbookID ?? newID(), name: name, programEntryDate: entry, createdAt: createdAt ?? now)
            let before = client
            client.name = name
            client.programEntryDate = entry
            if let external { client.externalID = external }
            func set<T>(_ column: String, _ path: WritableKeyPath<Client, T>, _ value: T) {
                if row.has(column) { client[keyPath: path] = value }
            }
            set("preferred_name", \.preferredName, row.text("preferred_name"))
            set("phone", \.phone, row.word("phone"))
            set("email", \.email, row.word("email"))
            set("address", \.address, row.text("address"))
            set("referral_source", \.referralSource, row.text("referral_source"))
            set("referral_date", \.referralDate, referralDate)
            set("benefits", \.benefits, benefits)
            set("benefits_planning_done", \.benefitsPlanningDone, planningDone ?? false)
            set("disclosure", \.disclosure.preference, disclosure ?? .undecided)
            set("disclosure_note", \.disclosure.whatMayBeSaid, row.text("disclosure_note"))
            set("follow_along", \.declinedFollowAlong, followAlong == false)
            set("follow_along_interval_days", \.followAlongIntervalDays, interval)
            set("working_at_entry", \.workingAtEntry, workingAtEntry)
            set("mental_health_team", \.mentalHealthTeam, row.text("mental_health_team"))
            set("clinician", \.clinician, row.text("clinician"))
            set("vocational_rehab_counsellor", \.vocationalRehabCounsellor, row.text("vocational_rehab_counsellor"))
            set("notes", \.notes, row.text("notes"))
            if row.has("specialist") || row.has("specialist_fieldbook_id") {
                client.specialistID = specialist(name: row.word("specialist"), id: specialistID)
            }
            if let createdAt { client.createdAt = createdAt }

            if let history {
                client.statusHistory = history
                if let status { client.status = status }
            } else if let closedOn {
                if client.status == .closed, let last = client.statusHistory.indices.last,
                   client.statusHistory[last].to == .closed {
                    client.statusHistory[last].date = closedOn
                } else if client.status == .closed {
                    client.statusHistory.append(StatusChange(date: closedOn, from: .engaging, to: .closed))
                } else {
                    client.setStatus(.closed, on: closedOn)
                }
            } else if let status {
                if existing == nil { client.status = status } else { client.setStatus(status, on: today) }
            }

            var comparable = client
            comparable.updatedAt = before.updatedAt
            if existing != nil && comparable == before { return .unchanged }
            client.updatedAt = updatedAt ?? (existing == nil ? client.createdAt : now)
            store(client)
            if existing == nil { return .added }
            return .updated("\(Self.label(client)) updated (\(Self.changedFields(before, comparable).joined(separator: ", ")))")
        }

        /// Names of the stored properties that differ, for a message.
        static func changedFields<T>(_ old: T, _ new: T) -> [String] {
            zip(Mirror(reflecting: old).children, Mirror(reflecting: new).children).compactMap { old, new in
                guard let label = old.label, String(reflecting: old.value) != String(reflecting: new.value) else { return nil }
                return label.hasPrefix("_") ? String(label.dropFirst()) : label
            }
        }

        // MARK: Jobs

        mutating func job(_ row: inout ImportRow) -> Outcome {
            let clientCell = row.word("client_id")
            let clientID = clientCell.flatMap { client(named: $0) }
            if clientCell == nil { row.problem("client_id is empty") } else if clientID == nil {
                row.problem("no client has the id \(clientCell ?? "")")
            }
            let start = row.date("start")
            if start == nil && row.word("start") == nil { row.problem("start is empty") }
            let end = row.date("end")
            if let start, let end, end < start { row.problem("end \(end) is before start \(start)") }
            let hours = row.double("hours_per_week")
            let wage = row.decimal("hourly_wage")
            let competitive = row.yesNo("competitive")
            let reason = row.value("end_reason", JobEndReason.self)
            let jobID = row.uuid("fieldbook_id")
            let employerID = row.uuid("employer_fieldbook_id")
            guard row.problems.isEmpty, let clientID, var client = clients[clientID], let start else { return .rejected }

            let employerName = row.word("employer") ?? ""
            let title = row.word("title") ?? ""
            var index = jobID.flatMap { id in client.jobs.firstIndex { $0.id == id } }
            if index == nil {
                index = client.jobs.firstIndex {
                    $0.startDate == start && Self.nameKey($0.employerName) == Self.nameKey(employerName)
                        && Self.nameKey($0.title) == Self.nameKey(title)
                }
            }
            var job = index.map { client.jobs[$0] } ?? Job(id: jobID ?? newID(), employerName: employerName, title: title,
                                                          startDate: start)
            let before = job
            job.employerName = employerName
            job.title = title
            if row.has("employer") || row.has("employer_fieldbook_id") {
                job.employerID = employer(name: row.word("employer"), id: employerID)
            }
            if row.has("end") { job.endDate = end }
            if row.has("hours_per_week") { job.hoursPerWeek = hours }
            if row.has("hourly_wage") { job.hourlyWage = wage }
            if row.has("competitive") { job.isCompetitive = competitive ?? true }
            if row.has("end_reason") { job.endReason = reason }
            if row.has("end_note") { job.endNote = row.text("end_note") }
            if index != nil && job == before { return .unchanged }
            if let index { client.jobs[index] = job } else { client.jobs.append(job) }
            client.updatedAt = now
            store(client)
            return index == nil ? .added : .updated("job of \(Self.label(client)) updated (\(Self.changedFields(before, job).joined(separator: ", ")))")
        }

        // MARK: Client contacts

        mutating func clientContact(_ row: inout ImportRow) -> Outcome {
            let clientCell = row.word("client_id")
            let clientID = clientCell.flatMap { client(named: $0) }
            if clientCell == nil { row.problem("client_id is empty") } else if clientID == nil {
                row.problem("no client has the id \(clientCell ?? "")")
            }
            let date = row.date("date")
            if date == nil && row.word("date") == nil { row.problem("date is empty") }
            let kind = row.value("kind", ClientContactKind.self,
                                 aliases: ["attempt": .outreachAttempt, "face-to-face": .faceToFace, "f2f": .faceToFace])
            if kind == nil && row.word("kind") == nil { row.problem("kind is empty") }
            let contactID = row.uuid("fieldbook_id")
            let specialistID = row.uuid("specialist_fieldbook_id")
            let createdAt = row.timestamp("created_at")
            guard row.problems.isEmpty, let clientID, var client = clients[clientID], let date, let kind else {
                return .rejected
            }
            let place = row.text("place"), note = row.text("note")
            var index = contactID.flatMap { id in client.contacts.firstIndex { $0.id == id } }
            if index == nil {
                index = client.contacts.firstIndex {
                    $0.date == date && $0.kind == kind && ($0.place ?? "") == (place ?? "") && ($0.note ?? "") == (note ?? "")
                }
            }
            var contact = index.map { client.contacts[$0] }
                ?? ClientContact(id: contactID ?? newID(), date: date, kind: kind, createdAt: createdAt ?? now)
            let before = contact
            contact.date = date
            contact.kind = kind
            contact.place = place
            contact.note = note
            if row.has("specialist") || row.has("specialist_fieldbook_id") {
                contact.specialistID = specialist(name: row.word("specialist"), id: specialistID)
            }
            if let createdAt { contact.createdAt = createdAt }
            if index != nil && contact == before { return .unchanged }
            if let index { client.contacts[index] = contact } else { client.contacts.append(contact) }
            client.updatedAt = now
            store(client)
            return index == nil ? .added : .updated("contact of \(Self.label(client)) updated (\(Self.changedFields(before, contact).joined(separator: ", ")))")
        }

        // MARK: Employer contacts

        mutating func employerContact(_ row: inout ImportRow) -> Outcome {
            let date = row.date("date")
            if date == nil && row.word("date") == nil { row.problem("date is empty") }
            if row.word("employer") == nil { row.problem("employer is empty") }
            if row.word("specialist") == nil && row.word("specialist_fieldbook_id") == nil {
                row.problem("specialist is empty (the contact log is kept per specialist)")
            }
            let purpose = row.value("purpose", EmployerContactPurpose.self)
            var method = row.value("method", EmployerContactMethod.self, aliases: ["f2f": .faceToFace, "in-person": .faceToFace])
            let faceToFace = row.yesNo("face_to_face")
            if method == nil, let faceToFace { method = faceToFace ? .faceToFace : .other }
            let present = row.yesNo("job_seeker_present")
            var onBehalfOf: [UUID] = []
            for cell in row.items("on_behalf_of") {
                if let id = client(named: cell) { onBehalfOf.append(id) } else { row.problem("on_behalf_of: no client has the id \(cell)") }
            }
            let nextStepDate = row.date("next_step_date")
            let contactID = row.uuid("fieldbook_id")
            let specialistID = row.uuid("specialist_fieldbook_id")
            let employerID = row.uuid("employer_fieldbook_id")
            let personID = row.uuid("contact_person_fieldbook_id")
            let createdAt = row.timestamp("created_at")
            let updatedAt = row.timestamp("updated_at")
            guard row.problems.isEmpty, let date else { return .rejected }

            guard let specialist = specialist(name: row.word("specialist"), id: specialistID),
                  let employerRef = employer(name: row.word("employer"), id: employerID) else { return .rejected }
            if let type = row.word("business_type"), var record = employers[employerRef],
               record.businessType?.isEmpty ?? true {
                record.businessType = type
                record.updatedAt = now
                employers[employerRef] = record
                mark(employerRef, in: \.changedEmployers)
            }
            let personName = row.word("contact_person")
            let person = personID ?? personName.flatMap { name in
                employers[employerRef]?.people.first { Self.nameKey($0.name) == Self.nameKey(name) }?.id
            }
            var contact = EmployerContact(
                id: contactID ?? newID(), date: date, specialistID: specialist, employerID: employerRef,
                contactPersonID: person, contactPerson: personName, contactTitle: row.word("contact_title"),
                purpose: purpose ?? .other, method: method ?? .other,
                jobSeekerPresent: present ?? false, jobSeekerIDs: onBehalfOf, hiringNeeds: row.text("learned"),
                outcome: row.text("outcome"), nextStep: row.text("next_step"), nextStepDate: nextStepDate,
                createdAt: createdAt ?? now, updatedAt: updatedAt ?? createdAt ?? now)
            let existingID = contactID.flatMap { contacts[$0] != nil ? $0 : nil } ?? contactByKey[Self.key(contact)]
            if let existingID, let existing = contacts[existingID] {
                contact.id = existing.id
                if createdAt == nil { contact.createdAt = existing.createdAt }
                var comparable = contact
                comparable.updatedAt = existing.updatedAt
                if comparable == existing { return .unchanged }
                if updatedAt == nil { contact.updatedAt = now }
                if Self.file(of: existing) != Self.file(of: contact), !movedContacts.contains(where: { $0.id == existing.id }) {
                    movedContacts.append(existing)
                }
                contactByKey[Self.key(existing)] = nil
                contacts[contact.id] = contact
                contactByKey[Self.key(contact)] = contact.id
                mark(contact.id, in: \.changedContacts)
                return .updated("employer contact \(contact.id.uuidString.lowercased()) updated (\(Self.changedFields(existing, comparable).joined(separator: ", ")))")
            }
            contacts[contact.id] = contact
            contactByKey[Self.key(contact)] = contact.id
            mark(contact.id, in: \.changedContacts)
            return .added
        }
    }
}
