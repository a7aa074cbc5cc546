import Foundation

/// Caseload rules shared by the screens and the command line.
public enum Caseload {
    /// Clients counting toward `specialistID`'s active caseload.
    public static func activeCount(of specialistID: UUID, in clients: [Client]) -> Int {
        clients.reduce(0) { $0 + ($1.specialistID == specialistID && $1.status.isActive ? 1 : 0) }
    }

    /// Whole days from program entry to `today` (0 on the day of entry).
    public static func daysInProgram(_ client: Client, today: LocalDate) -> Int {
        client.programEntryDate.days(until: today)
    }
}
