import Foundation

/// A row of the employer contacts sheet: a contact in a specialist's log, added, updated or moved.
extension CSVImport.Working {
    mutating func employerContact(_ row: inout ImportRow) -> CSVImport.Outcome {
        let date = row.requiredDate("date")
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
        let existingID = contactID.flatMap { contacts.contains($0) ? $0 : nil } ?? contactByKey[Self.key(contact)]
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
