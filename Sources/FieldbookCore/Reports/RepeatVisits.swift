import Foundation

/// Each specialist's face-to-face employer contacts in the counted days, and how many of them
/// were repeat visits: to an employer the same specialist had visited face to face before
/// (earlier in the log, the counted days included). Tallied in one pass over the log.
///
/// Of one specialist's visits to one employer, oldest first, only the first is not a repeat:
/// so the repeats among the counted days are all of them when an earlier visit came before
/// those days, else all but one.
struct RepeatVisits {
    private struct Pair: Hashable {
        var specialist: UUID
        var employer: UUID
    }

    private var bySpecialist: [UUID: (total: Int, repeats: Int)] = [:]

    init() {}

    init(_ contacts: [EmployerContact], counted: DateRange) {
        var pairs: [Pair: (counted: Int, before: Bool)] = [:]
        for contact in contacts where ContactTally.counts(contact) && contact.date <= counted.to {
            let pair = Pair(specialist: contact.specialistID, employer: contact.employerID)
            var entry = pairs[pair] ?? (0, false)
            if contact.date < counted.from { entry.before = true } else { entry.counted += 1 }
            pairs[pair] = entry
        }
        for (pair, entry) in pairs where entry.counted > 0 {
            var figure = bySpecialist[pair.specialist] ?? (0, 0)
            figure.total += entry.counted
            figure.repeats += entry.before ? entry.counted : entry.counted - 1
            bySpecialist[pair.specialist] = figure
        }
    }

    /// The specialist's face-to-face contacts in the counted days, and the repeats among them.
    func of(_ specialist: UUID) -> (total: Int, repeats: Int) { bySpecialist[specialist] ?? (0, 0) }
}
