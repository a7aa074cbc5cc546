import Foundation

/// Rapid job search (fidelity item 15; rule 5 of the due list): the first face-to-face employer
/// contact on a person's behalf should come within `settings.firstEmployerContactDays` (30) of
/// program entry. The one statement of the rule: the client page's line, the due list's item
/// and the rapid job search report all ask this type.
public struct FirstEmployerContact: Hashable, Sendable {
    public var programEntry: LocalDate
    /// The last day of the window.
    public var deadline: LocalDate
    /// The first face-to-face employer contact on the person's behalf on or after program entry.
    public var made: EmployerContact?
    /// Days from `today` to the deadline while no contact is made (negative once it passed).
    public var daysLeft: Int?
    /// The first start of a job on or after program entry, by `today`: the person had met an
    /// employer by then, with the specialist or on their own (contacts the person makes alone
    /// are not in the specialist's log).
    public var firstJobStart: LocalDate?

    /// `contacts` may be the whole log or only the person's; others are ignored.
    public init(for client: Client, contacts: [EmployerContact], settings: Settings, today: LocalDate) {
        programEntry = client.programEntryDate
        deadline = Self.deadline(programEntry: client.programEntryDate, settings: settings)
        made = contacts
            .filter { ContactTally.counts($0) && $0.jobSeekerIDs.contains(client.id) && Self.counts($0.date, programEntry: client.programEntryDate) }
            .min { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
        daysLeft = made == nil ? today.days(until: deadline) : nil
        firstJobStart = client.jobs.map(\.startDate).filter { Self.counts($0, programEntry: client.programEntryDate) && $0 <= today }.min()
    }

    /// The first day the person is known to have met an employer about work: the first
    /// contact the specialist logged on their behalf, or an earlier job start (fidelity item
    /// 15 counts contacts made by the person or the specialist).
    public var firstMeeting: LocalDate? {
        switch (made?.date, firstJobStart) {
        case let (contact?, job?): min(contact, job)
        case let (contact, job): contact ?? job
        }
    }

    /// The last day of the window of a person who entered the program on `programEntry`.
    public static func deadline(programEntry: LocalDate, settings: Settings) -> LocalDate {
        programEntry.adding(days: settings.firstEmployerContactDays)
    }

    /// A face-to-face contact on the person's behalf counts from the day of program entry on.
    static func counts(_ day: LocalDate, programEntry: LocalDate) -> Bool { day >= programEntry }

    /// Days from program entry to the first contact.
    public var daysFromEntry: Int? { made.map { programEntry.days(until: $0.date) } }

    /// Made by the deadline (the deadline itself included).
    public var madeInTime: Bool { made.map { $0.date <= deadline } ?? false }

    /// Late: made after the deadline, or not made and the deadline passed.
    public var isLate: Bool { made == nil ? (daysLeft ?? 0) < 0 : !madeInTime }

    /// One line for the client page.
    public var text: String {
        if let made, let days = daysFromEntry {
            return "First employer contact \(made.date) (\(days == 1 ? "1 day" : "\(days) days") after entry)"
        }
        let left = daysLeft ?? 0
        if left < 0 { return "No employer contact yet: \(-left == 1 ? "1 day" : "\(-left) days") past the \(deadlineDays)-day window" }
        return "No employer contact yet: \(left == 1 ? "1 day" : "\(left) days") left of the \(deadlineDays)-day window"
    }

    private var deadlineDays: Int { programEntry.days(until: deadline) }

    // MARK: The due list's item

    /// The first-employer-contact item for `client` as things stood on `asOf`, or nil when
    /// none is due: the client has a job that has started (a job starting later does not count;
    /// one that started and ended does), has had a face-to-face employer contact on their
    /// behalf since program entry, or has no due dates that day (not yet enrolled, a referral,
    /// closed).
    ///
    /// `faceToFaceDays` holds, per client, the days of face-to-face employer contacts made on
    /// their behalf (see `faceToFaceDays(in:)`); contacts dated after `asOf` are ignored.
    public static func dueItem(
        for client: Client, faceToFaceDays: [UUID: [LocalDate]], settings: Settings, asOf: LocalDate
    ) -> DueItem? {
        guard client.hasDueDates(on: asOf) else { return nil }
        let entry = client.programEntryDate
        if client.jobs.contains(where: { $0.startDate <= asOf }) { return nil }
        if faceToFaceDays[client.id, default: []].contains(where: { counts($0, programEntry: entry) && $0 <= asOf }) { return nil }
        return DueItem(
            kind: .firstEmployerContact, dueOn: deadline(programEntry: entry, settings: settings), asOf: asOf,
            clientID: client.id, clientName: client.name, specialistID: client.specialistID,
            why: "first face-to-face employer contact, in the program since \(entry.dayAndMonth(near: asOf))")
    }

    /// The days of face-to-face employer contacts, by the clients they were made for.
    public static func faceToFaceDays(in contacts: [EmployerContact]) -> [UUID: [LocalDate]] {
        var result: [UUID: [LocalDate]] = [:]
        for index in contacts.indices where ContactTally.counts(contacts[index]) && !contacts[index].jobSeekerIDs.isEmpty {
            let day = contacts[index].date
            for client in contacts[index].jobSeekerIDs { result[client, default: []].append(day) }
        }
        return result
    }
}
