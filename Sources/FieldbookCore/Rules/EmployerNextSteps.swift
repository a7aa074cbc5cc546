import Foundation

/// Planned employer contacts (rule 7 of the due list; systematic job development): an
/// employer contact with a next-step date is due on that date until a contact with the same
/// employer on a later date is logged, by any method and any specialist.
public enum EmployerNextSteps {
    /// The next steps still open on `asOf`; contacts dated after it are ignored.
    /// `employerNames` names employers from the directory.
    public static func items(
        in contacts: [EmployerContact], employerNames: [UUID: String], asOf: LocalDate
    ) -> [DueItem] {
        // One pass: per employer, the latest contact day up to `asOf` and the contacts of that
        // day that name a next step. (Indices, not copies: the log is the largest collection.)
        var latest: [UUID: (day: LocalDate, withNextStep: [Int])] = [:]
        for index in contacts.indices {
            let day = contacts[index].date
            guard day <= asOf else { continue }
            let employer = contacts[index].employerID
            let hasNextStep = contacts[index].nextStepDate != nil
            if let known = latest[employer], known.day >= day {
                if known.day == day && hasNextStep { latest[employer]?.withNextStep.append(index) }
            } else {
                latest[employer] = (day, hasNextStep ? [index] : [])
            }
        }
        return latest.values.flatMap(\.withNextStep).sorted().compactMap { index in
            let contact = contacts[index]
            guard let due = contact.nextStepDate else { return nil }
            let step = contact.nextStep.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? "follow up"
            return DueItem(
                kind: .employerNextStep, dueOn: due, asOf: asOf, specialistID: contact.specialistID,
                employerID: contact.employerID, employerName: employerNames[contact.employerID] ?? "unknown employer",
                employerContactID: contact.id,
                why: "next step: \(step) (after the contact on \(contact.date.dayAndMonth(near: asOf)))")
        }
    }
}
