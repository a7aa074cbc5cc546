import Foundation

/// Rapid job search (fidelity item 15): the first face-to-face employer contact on a person's
/// behalf should come within `settings.firstEmployerContactDays` (30) of program entry.
public struct FirstEmployerContact: Hashable, Sendable {
    public var programEntry: LocalDate
    /// The last day of the window.
    public var deadline: LocalDate
    /// The first face-to-face employer contact on the person's behalf on or after program entry.
    public var made: EmployerContact?
    /// Days from `today` to the deadline while no contact is made (negative once it passed).
    public var daysLeft: Int?

    /// `contacts` may be the whole log or only the person's; others are ignored.
    public init(for client: Client, contacts: [EmployerContact], settings: Settings, today: LocalDate) {
        programEntry = client.programEntryDate
        deadline = client.programEntryDate.adding(days: settings.firstEmployerContactDays)
        made = contacts
            .filter { $0.isFaceToFace && $0.date >= client.programEntryDate && $0.jobSeekerIDs.contains(client.id) }
            .min { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
        daysLeft = made == nil ? today.days(until: deadline) : nil
    }

    /// Days from program entry to the first contact.
    public var daysFromEntry: Int? { made.map { programEntry.days(until: $0.date) } }

    /// Made by the deadline.
    public var madeInTime: Bool { made.map { $0.date <= deadline } ?? false }

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
}
