import Foundation

/// A row of the client contacts sheet: a contact with a client, added or updated.
extension CSVImport.Working {
    mutating func clientContact(_ row: inout ImportRow) -> CSVImport.Outcome {
        let clientID = client(in: &row)
        let date = row.requiredDate("date")
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
}
