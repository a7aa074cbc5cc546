import Foundation

/// The fast paths of the two contact records (about nine in ten records of an agency's folder),
/// field for field what their synthesized `Decodable` conformances read: the same keys, required
/// and optional alike; an optional absent or null is nil. Each key is looked at once; a key
/// this version does not know is skipped, as `Codable` skips it. Keep these in step with the
/// records' stored properties (`ContactFastPathTests` compare both paths on every sample file,
/// on generated folders and on hand-made variants).
extension TapeFastPath {
    static func employerContact(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> EmployerContact {
        var id: Int?, date: Int?, specialistID: Int?, employerID: Int?, contactPersonID: Int?, contactPerson: Int?
        var contactTitle: Int?, purpose: Int?, method: Int?, jobSeekerPresent: Int?, jobSeekerIDs: Int?
        var hiringNeeds: Int?, outcome: Int?, nextStep: Int?, nextStepDate: Int?, createdAt: Int?, updatedAt: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "date") { date = value }
            else if tape.fastKey(key, is: "specialistID") { specialistID = value }
            else if tape.fastKey(key, is: "employerID") { employerID = value }
            else if tape.fastKey(key, is: "contactPersonID") { contactPersonID = value }
            else if tape.fastKey(key, is: "contactPerson") { contactPerson = value }
            else if tape.fastKey(key, is: "contactTitle") { contactTitle = value }
            else if tape.fastKey(key, is: "purpose") { purpose = value }
            else if tape.fastKey(key, is: "method") { method = value }
            else if tape.fastKey(key, is: "jobSeekerPresent") { jobSeekerPresent = value }
            else if tape.fastKey(key, is: "jobSeekerIDs") { jobSeekerIDs = value }
            else if tape.fastKey(key, is: "hiringNeeds") { hiringNeeds = value }
            else if tape.fastKey(key, is: "outcome") { outcome = value }
            else if tape.fastKey(key, is: "nextStep") { nextStep = value }
            else if tape.fastKey(key, is: "nextStepDate") { nextStepDate = value }
            else if tape.fastKey(key, is: "createdAt") { createdAt = value }
            else if tape.fastKey(key, is: "updatedAt") { updatedAt = value }
        }
        guard let id, let date, let specialistID, let employerID, let purpose, let method, let jobSeekerPresent,
              let jobSeekerIDs, let createdAt, let updatedAt
        else { throw TapeMiss() }
        return EmployerContact(
            id: try tape.fastUUID(id), date: try tape.fastDate(date), specialistID: try tape.fastUUID(specialistID),
            employerID: try tape.fastUUID(employerID), contactPersonID: try tape.fastOptionalUUID(contactPersonID),
            contactPerson: try tape.fastOptionalString(contactPerson), contactTitle: try tape.fastOptionalString(contactTitle),
            purpose: EmployerContactPurpose(sharing: try tape.fastString(purpose)),
            method: EmployerContactMethod(sharing: try tape.fastString(method)),
            jobSeekerPresent: try tape.fastBool(jobSeekerPresent), jobSeekerIDs: try tape.fastUUIDList(jobSeekerIDs),
            hiringNeeds: try tape.fastOptionalString(hiringNeeds), outcome: try tape.fastOptionalString(outcome),
            nextStep: try tape.fastOptionalString(nextStep), nextStepDate: try tape.fastOptionalDate(nextStepDate),
            createdAt: try tape.fastTimestamp(createdAt), updatedAt: try tape.fastTimestamp(updatedAt))
    }

    static func clientContact(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> ClientContact {
        var id: Int?, date: Int?, kind: Int?, place: Int?, note: Int?, specialistID: Int?, createdAt: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "date") { date = value }
            else if tape.fastKey(key, is: "kind") { kind = value }
            else if tape.fastKey(key, is: "place") { place = value }
            else if tape.fastKey(key, is: "note") { note = value }
            else if tape.fastKey(key, is: "specialistID") { specialistID = value }
            else if tape.fastKey(key, is: "createdAt") { createdAt = value }
        }
        guard let id, let date, let kind, let createdAt else { throw TapeMiss() }
        return ClientContact(
            id: try tape.fastUUID(id), date: try tape.fastDate(date), kind: ClientContactKind(sharing: try tape.fastString(kind)),
            place: try tape.fastOptionalString(place), note: try tape.fastOptionalString(note),
            specialistID: try tape.fastOptionalUUID(specialistID), createdAt: try tape.fastTimestamp(createdAt))
    }
}
