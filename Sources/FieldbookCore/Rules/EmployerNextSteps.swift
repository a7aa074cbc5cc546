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
        var latestByEmployer: [UUID: LocalDate] = [:]
        for contact in contacts where contact.date <= asOf {
            latestByEmployer[contact.employerID] = max(latestByEmployer[contact.employerID] ?? contact.date, contact.date)
        }
        return contacts.compactMap { contact in
            guard contact.date <= asOf, let due = contact.nextStepDate,
                  contact.date == latestByEmployer[contact.employerID] else { return nil }
            let step = contact.nextStep.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? "follow up"
            return DueItem(
                kind: .employerNextStep, dueOn: due, asOf: asOf, specialistID: contact.specialistID,
                employerID: contact.employerID, employerName: employerNames[contact.employerID] ?? "unknown employer",
                employerContactID: contact.id,
                why: "next step: \(step) (after the contact on \(contact.date.dayAndMonth(near: asOf)))")
        }
    }
}
