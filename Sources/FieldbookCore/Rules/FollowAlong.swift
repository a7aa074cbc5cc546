import Foundation

/// Follow-along support around a client's jobs: the contacts due before and after a start,
/// weekly in the first month, monthly after that, and after a job ends (rules 1-4 and 6 of
/// the due list; IPS fidelity item 23).
///
/// All dates are whole days and every window includes both its ends. Only a contact that
/// meets due dates counts (`ClientContactKind.meetsDueDates`). Each job has its own schedule
/// and one contact meets the items of every job whose window it falls in; only the next item
/// of each schedule is given, never projected repeats.
public enum FollowAlong {
    /// The next item of each of `client`'s job schedules, as things stood on `asOf`: contacts
    /// and job ends dated after it are ignored, a job starting after it is known in advance.
    /// Only items not yet met are given, however far ahead they fall due. None for a client who
    /// declined follow-along, whose follow-along was stepped down by then, who is not yet
    /// enrolled or is closed that day.
    ///
    /// `employerNames` gives the current name of a job's employer in the directory; a job whose
    /// employer is not there is named as the job records it.
    public static func items(
        for client: Client, settings: FollowAlongIntervals, asOf: LocalDate, employerNames: [UUID: String] = [:]
    ) -> [DueItem] {
        guard client.hasDueDates(on: asOf), !client.declinedFollowAlong, !steppedDown(client, on: asOf) else { return [] }
        let contacts = CountingContacts(client, phoneAndVideoCount: settings.phoneAndVideoCount, asOf: asOf)
        return client.jobs.compactMap { job in
            item(for: job, of: client, contacts: contacts, settings: settings, asOf: asOf, employerNames: employerNames)
        }
    }

    /// Follow-along was stepped down (passed to the mental health team) on or before `day`:
    /// from the step-down's date on, nothing of it falls due for the specialist.
    public static func steppedDown(_ client: Client, on day: LocalDate) -> Bool {
        client.followAlongStepDown.map { $0.date <= day } ?? false
    }

    /// The day the specialist knew a job had ended: the day they learned of it, or its end
    /// date when that is not given (or is earlier); nil while the job lasts. The after-loss
    /// contact is due `afterJobEndDays` (3) from this day ("within 3 days of learning about the
    /// job loss"); a contact on or after the end day meets it.
    public static func lossKnown(_ job: Job) -> LocalDate? {
        guard let end = job.endDate else { return nil }
        return max(end, job.lossLearnedOn ?? end)
    }

    private static func item(
        for job: Job, of client: Client, contacts: CountingContacts, settings: FollowAlongIntervals,
        asOf: LocalDate, employerNames: [UUID: String]
    ) -> DueItem? {
        let start = job.startDate
        let employer = job.employerID.flatMap { employerNames[$0] } ?? job.employerText
        func make(_ kind: DueKind, _ due: LocalDate, _ why: String) -> DueItem {
            DueItem(kind: kind, dueOn: due, asOf: asOf, clientID: client.id, clientName: client.name,
                    specialistID: client.specialistID, jobID: job.id, employerID: job.employerID,
                    employerName: employer, why: why)
        }

        // 6. A job whose end is known (by `asOf`) has only the contact after its end, due
        // within days of learning of it; until then its schedule runs as for a job held.
        if let end = job.endDate, let known = lossKnown(job), known <= asOf {
            guard contacts.first(onOrAfter: end) == nil else { return nil }
            let learned = known > end ? ", learned \(known.dayAndMonth(near: asOf))" : ""
            return make(.afterJobLoss, known.adding(days: settings.afterJobEndDays),
                        "contact after job loss, job at \(employer) ended \(end.dayAndMonth(near: asOf))\(learned)")
        }

        // 1. A start still ahead: a contact in the days before it.
        if start > asOf {
            let windowStart = start.adding(days: -settings.beforeStartDays)
            let dayBefore = start.adding(days: -1)
            guard !contacts.any(from: windowStart, through: dayBefore) else { return nil }
            return make(.beforeStart, dayBefore,
                        "contact before the start, job at \(employer) starts \(start.dayAndMonth(near: asOf))")
        }

        // 2. The start has come: a contact on or after it.
        guard contacts.first(onOrAfter: start) != nil, let latest = contacts.latest else {
            return make(.afterStart, start.adding(days: settings.afterStartDays),
                        "contact after the start, job at \(employer) started \(start.dayAndMonth(near: asOf))")
        }

        // 3 and 4, or the client's own interval: the next contact after the latest one.
        let since = "job at \(employer) since \(start.dayAndMonth(near: asOf))"
        let firstMonthEnds = start.adding(days: settings.firstMonthLengthDays)
        if let personal = client.followAlongIntervalDays, personal > 0 {
            let due = latest.adding(days: personal)
            return make(due <= firstMonthEnds ? .weekly : .monthly, due,
                        "check-in every \(personal) day\(personal == 1 ? "" : "s") (client's choice), \(since)")
        }
        let weekly = latest.adding(days: settings.firstMonthEveryDays)
        if weekly <= firstMonthEnds {
            return make(.weekly, weekly, "weekly check-in, \(since)")
        }
        return make(.monthly, latest.adding(months: max(1, settings.thereafterEveryMonths)), "monthly check-in, \(since)")
    }
}

extension Client {
    /// Whether anything can fall due for the client on `day`: enrolled by then, and neither a
    /// referral not yet enrolled nor closed that day. Every other status follows the rules,
    /// a status written by a newer version included.
    public func hasDueDates(on day: LocalDate) -> Bool {
        guard programEntryDate <= day else { return false }
        switch status(on: day) {
        case .referred, .closed: return false
        default: return true
        }
    }
}

/// The days of a client's contacts that meet due dates, up to a day, oldest first.
struct CountingContacts {
    let days: [LocalDate]

    init(_ client: Client, phoneAndVideoCount: Bool, asOf: LocalDate) {
        let contacts = client.contacts
        var days: [LocalDate] = []
        days.reserveCapacity(contacts.count)
        var inOrder = true
        for index in contacts.indices {
            let day = contacts[index].date
            guard day <= asOf, contacts[index].kind.meetsDueDates(phoneAndVideoCount: phoneAndVideoCount) else { continue }
            if let last = days.last, last > day { inOrder = false }
            days.append(day)
        }
        self.days = inOrder ? days : days.sorted()
    }

    var latest: LocalDate? { days.last }

    func first(onOrAfter day: LocalDate) -> LocalDate? {
        let index = days.partitionPoint { $0 >= day }
        return index < days.count ? days[index] : nil
    }

    func any(from first: LocalDate, through last: LocalDate) -> Bool {
        guard let found = self.first(onOrAfter: first) else { return false }
        return found <= last
    }
}

extension Array {
    /// The first index whose element satisfies `belongsToSecondPart`, for an array already
    /// partitioned by it (all false, then all true): a binary search.
    func partitionPoint(where belongsToSecondPart: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsToSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
