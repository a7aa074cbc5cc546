import Foundation

/// The weekly face-to-face employer contact target (fidelity item 17): 6 or more per
/// specialist per week; a specialist with fewer than 3 job seekers aims for 2 per job seeker.
public enum EmployerContactTarget {
    /// Clients of `specialistID` looking for work now.
    public static func jobSeekers(of specialistID: UUID, in clients: [Client]) -> Int {
        clients.reduce(0) { $0 + ($1.specialistID == specialistID && $1.status == .jobSearch ? 1 : 0) }
    }

    public static func weeklyTarget(for specialistID: UUID, clients: [Client], settings: Settings) -> Int {
        weeklyTarget(jobSeekers: jobSeekers(of: specialistID, in: clients), settings: settings)
    }

    /// The target of a specialist with `jobSeekers` clients in job search.
    public static func weeklyTarget(jobSeekers seekers: Int, settings: Settings) -> Int {
        if seekers < settings.smallCaseloadJobSeekers {
            return seekers * settings.faceToFacePerJobSeekerWhenSmall
        }
        return settings.weeklyFaceToFaceTarget
    }

    /// Face-to-face employer contacts by `specialistID` in the Monday-to-Sunday week holding `day`.
    public static func faceToFaceCount(
        for specialistID: UUID, weekOf day: LocalDate, in contacts: [EmployerContact]
    ) -> Int {
        let start = day.startOfWeek
        let end = start.adding(days: 6)
        return contacts.reduce(0) { count, contact in
            count + (contact.specialistID == specialistID && contact.isFaceToFace
                     && contact.date >= start && contact.date <= end ? 1 : 0)
        }
    }
}
