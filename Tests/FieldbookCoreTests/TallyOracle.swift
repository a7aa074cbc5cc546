import FieldbookCore
import Foundation

/// The weekly target and face-to-face count worked out the plain way, straight from the
/// records: what the figures and tallies the app keeps must agree with.
enum TallyOracle {
    /// Clients of `specialistID` looking for work now.
    static func jobSeekers(of specialistID: UUID, in clients: [Client]) -> Int {
        clients.count { $0.specialistID == specialistID && $0.status == .jobSearch }
    }

    static func weeklyTarget(for specialistID: UUID, clients: [Client], settings: Settings) -> Int {
        ContactTally.weeklyTarget(jobSeekers: jobSeekers(of: specialistID, in: clients), settings: settings)
    }

    /// Face-to-face employer contacts by `specialistID` in the Monday-to-Sunday week holding `day`.
    static func faceToFaceCount(for specialistID: UUID, weekOf day: LocalDate, in contacts: [EmployerContact]) -> Int {
        let start = day.startOfWeek, end = start.adding(days: 6)
        return contacts.count { $0.specialistID == specialistID && $0.isFaceToFace && $0.purpose != .jobSupport && $0.date >= start && $0.date <= end }
    }
}
