import Foundation

/// Rapid job search (rule 5 of the due list; IPS fidelity item 15): a client who has not
/// started a job gets a face-to-face employer contact on their behalf within a set number of
/// days of program entry.
public enum RapidJobSearch {
    /// The first-employer-contact item for `client` as things stood on `asOf`, or nil when
    /// none is due: the client has a job that has started (a job starting later does not count;
    /// one that started and ended does), has had a face-to-face employer contact on their
    /// behalf since program entry, or has no due dates that day (not yet enrolled, a referral,
    /// closed).
    ///
    /// `faceToFaceDays` holds, per client, the days of face-to-face employer contacts made on
    /// their behalf (see `faceToFaceDays(in:)`); contacts dated after `asOf` are ignored.
    public static func item(
        for client: Client, faceToFaceDays: [UUID: [LocalDate]], days: Int, asOf: LocalDate
    ) -> DueItem? {
        guard client.hasDueDates(on: asOf) else { return nil }
        let entry = client.programEntryDate
        if client.jobs.contains(where: { $0.startDate <= asOf }) { return nil }
        if faceToFaceDays[client.id, default: []].contains(where: { $0 >= entry && $0 <= asOf }) { return nil }
        return DueItem(
            kind: .firstEmployerContact, dueOn: entry.adding(days: days), asOf: asOf,
            clientID: client.id, clientName: client.name, specialistID: client.specialistID,
            why: "first face-to-face employer contact, in the program since \(entry.dayAndMonth(near: asOf))")
    }

    /// The days of face-to-face employer contacts, by the clients they were made for.
    public static func faceToFaceDays(in contacts: [EmployerContact]) -> [UUID: [LocalDate]] {
        var result: [UUID: [LocalDate]] = [:]
        for index in contacts.indices where contacts[index].isFaceToFace && !contacts[index].jobSeekerIDs.isEmpty {
            let day = contacts[index].date
            for client in contacts[index].jobSeekerIDs { result[client, default: []].append(day) }
        }
        return result
    }
}
