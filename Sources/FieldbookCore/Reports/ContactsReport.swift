import Foundation

/// The employer contacts of a period with names resolved, and each specialist's face-to-face
/// count against the target: what `fieldbook contacts` prints for supervisors.
public struct ContactsReport: Codable, Hashable, Sendable {
    public var from: LocalDate
    public var to: LocalDate
    /// `2026-W47` when the period is one ISO week.
    public var week: String?
    public var today: LocalDate
    /// Oldest first.
    public var contacts: [Row]
    /// One per specialist shown, by name.
    public var specialists: [Tally]
    /// The whole team, when no specialist was picked.
    public var team: Tally?

    public struct Row: Codable, Hashable, Sendable {
        public var id: UUID
        public var date: LocalDate
        public var specialistID: UUID
        public var specialist: String?
        public var employerID: UUID
        public var employer: String?
        public var person: String?
        public var personTitle: String?
        public var purpose: EmployerContactPurpose
        public var method: EmployerContactMethod
        public var jobSeekerPresent: Bool
        public var onBehalfOf: [JobSeeker]
        public var outcome: String?
        public var nextStep: String?
        public var nextStepDate: LocalDate?
    }

    public struct JobSeeker: Codable, Hashable, Sendable {
        public var id: UUID
        /// nil when the client is not in the folder.
        public var name: String?
    }

    public struct Tally: Codable, Hashable, Sendable {
        public var specialistID: UUID?
        public var name: String
        public var faceToFace: Int
        public var target: Int
        public var left: Int
        public var workingDaysLeft: Int
        public var finished: Bool
        public var missed: Bool

        init(_ tally: ContactTally, name: String) {
            specialistID = tally.specialistID
            self.name = name
            faceToFace = tally.done
            target = tally.target
            left = tally.left
            workingDaysLeft = tally.workingDaysLeft
            finished = tally.isFinished
            missed = tally.isMissed
        }
    }

    /// `specialists` nil: everyone, with a team line; otherwise only those specialists.
    public init(_ snapshot: DataSnapshot, tallies: ContactTallies, period: DateRange, specialists chosen: Set<UUID>? = nil) {
        from = period.from
        to = period.to
        let isoWeek = ISOWeek(containing: period.from)
        week = isoWeek.days == period ? isoWeek.description : nil
        today = tallies.today
        let employers = Dictionary(snapshot.employers.map { ($0.id, $0) }, uniquingKeysWith: { _, later in later })
        let specialistNames = Dictionary(snapshot.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let clientNames = Dictionary(snapshot.clients.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        contacts = snapshot.employerContacts
            .filter { period.contains($0.date) && (chosen?.contains($0.specialistID) ?? true) }
            .sorted { EmployerSummary.newestFirst($1, $0) }
            .map { contact in
                let employer = employers[contact.employerID]
                let person = employer?.person(contact.contactPersonID)
                return Row(
                    id: contact.id, date: contact.date, specialistID: contact.specialistID,
                    specialist: specialistNames[contact.specialistID], employerID: contact.employerID,
                    employer: employer?.name, person: person?.name ?? contact.contactPerson,
                    personTitle: person?.title ?? contact.contactTitle, purpose: contact.purpose, method: contact.method,
                    jobSeekerPresent: contact.jobSeekerPresent,
                    onBehalfOf: contact.jobSeekerIDs.map { JobSeeker(id: $0, name: clientNames[$0]) },
                    outcome: contact.outcome, nextStep: contact.nextStep, nextStepDate: contact.nextStepDate)
            }
        specialists = tallies.team(in: period)
            .filter { chosen?.contains($0) ?? true }
            .map { Tally(tallies.tally(of: $0, period: period), name: specialistNames[$0] ?? $0.uuidString.lowercased()) }
        if let chosen {
            // Someone picked by name who is neither active nor logged anything still gets a line.
            for id in chosen.subtracting(specialists.compactMap(\.specialistID)).sorted(by: { $0.uuidString < $1.uuidString }) {
                specialists.append(Tally(tallies.tally(of: id, period: period), name: specialistNames[id] ?? id.uuidString.lowercased()))
            }
            team = nil
        } else {
            team = Tally(tallies.tally(of: nil, period: period), name: "Team")
        }
    }
}
