import FieldbookCore
import Foundation

let learned = ["Hiring for weekend shifts in spring.", "Prefers candidates who can lift 25 lb.",
               "Busy season starts next month; will need two more people.", "Values reliability over experience.",
               "Owner does all hiring; best to visit Tuesday mornings.", "Open to part-time, 15-20 hours."]
let outcomes = ["Manager interested; asked for a resume.", "Left a card; will follow up.", "Arranged an informational interview.",
                "No openings now; invited to check back.", "Job seeker invited to interview."]

/// About 300 employer contacts over the last three months.
@MainActor func makeEmployerContacts(specialists: [Specialist], clients: [Client], employers: [Employer]) -> [EmployerContact] {
    var employerContacts: [EmployerContact] = []
    for (specialistIndex, specialist) in specialists.enumerated() {
        let seekers = clients.filter { $0.specialistID == specialist.id && [.jobSearch, .engaging].contains($0.status) }
        let perWeek = [9, 8, 7][specialistIndex]
        for week in 0..<13 {
            let monday = anchor.startOfWeek.adding(days: -7 * week)
            for n in 0..<perWeek {
                let day = monday.adding(days: n % 5)
                guard day <= anchor else { continue }
                let purpose = pick([EmployerContactPurpose.introduceIPS, .learnNeeds, .presentJobSeeker, .followUp])
                let onBehalf = purpose == .presentJobSeeker || (purpose == .followUp && chance(0.5))
                let forSeekers = onBehalf && !seekers.isEmpty ? [pick(seekers).id] : []
                let method: EmployerContactMethod = chance(0.8) ? .faceToFace : pick([.phone, .email, .video])
                let employer = pick(employers)
                employerContacts.append(EmployerContact(
                    id: uuid(), date: day, specialistID: specialist.id, employerID: employer.id,
                    contactPersonID: employer.people.first?.id, contactPerson: employer.people.first?.name,
                    contactTitle: employer.people.first?.title,
                    purpose: purpose, method: method, jobSeekerPresent: !forSeekers.isEmpty && chance(0.3),
                    jobSeekerIDs: forSeekers, hiringNeeds: pick(learned), outcome: pick(outcomes),
                    nextStep: chance(0.7) ? pick(["Drop off resume", "Call back about openings", "Bring job seeker to meet manager", "Visit again"]) : nil,
                    nextStepDate: chance(0.7) ? day.adding(days: int(3...21)) : nil,
                    createdAt: stamp(day, hour: 11 + n % 5)))
            }
        }
    }
    // New clients 15 and 17 have had no employer contact on their behalf yet; 16 has.
    for index in employerContacts.indices {
        employerContacts[index].jobSeekerIDs.removeAll { $0 == clients[15].id || $0 == clients[17].id || $0 == clients[16].id }
    }
    // Everyone else past their first month has had a face-to-face employer contact on their
    // behalf since entry (rapid job search), so the agenda shows the real gaps only.
    var introduced = Set(employerContacts.filter(\.isFaceToFace).flatMap(\.jobSeekerIDs))
    for (index, client) in clients.enumerated() where !introduced.contains(client.id) && index != 15 && index != 17 {
        guard client.status != .referred, client.programEntryDate <= morning.adding(days: -14) || index == 16 else { continue }
        let day = min(anchor, client.programEntryDate.adding(days: index == 16 ? 9 : int(8...26)))
        let employer = employers[(index * 7) % employers.count]
        guard let specialist = client.specialistID else { continue }
        employerContacts.append(EmployerContact(
            id: uuid(), date: day, specialistID: specialist, employerID: employer.id,
            contactPersonID: employer.people.first?.id, contactPerson: employer.people.first?.name,
            contactTitle: employer.people.first?.title, purpose: .presentJobSeeker, method: .faceToFace,
            jobSeekerPresent: false, jobSeekerIDs: [client.id], hiringNeeds: pick(learned), outcome: pick(outcomes),
            createdAt: stamp(day, hour: 12)))
        introduced.insert(client.id)
    }
    return employerContacts
}
