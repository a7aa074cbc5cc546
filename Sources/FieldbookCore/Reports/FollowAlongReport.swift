import Foundation

/// Follow-along contacts due in the period (fidelity item 23), per specialist: met on time, met
/// late, still open at the period's end (overdue, or due on its last day), and dismissed.
///
/// The due list is replayed day by day (`FollowAlong.items`, the rules `fieldbook due` uses): an
/// item due in the period is met on the day a contact that meets due dates makes it leave the
/// list, on time when that day is on or before its due date. The list changes only on the days
/// something happens to the client (a contact, a job's start or end, a change of status, the
/// program entry), so only those days are replayed: the days between give the same list. An item that leaves the list
/// without such a contact (the job ended first, the client was closed) is counted as no longer
/// due. An item a specialist set aside with a reason (`DueDismissal`) before it was met, and by
/// the period's end, is counted as dismissed.
public struct FollowAlongReport: Report {
    public static let name = "follow-along"

    public enum Outcome: String, Encodable, Hashable, Sendable {
        case metOnTime = "met-on-time"
        case metLate = "met-late"
        case open
        case dismissed
        case noLongerDue = "no-longer-due"
        /// Left the list on the day follow-along was stepped down (passed to the mental health team).
        case steppedDown = "stepped-down"
    }

    public struct Row: Encodable, Hashable, Sendable {
        public var client: String
        public var clientID: UUID?
        public var specialist: String
        public var kind: String
        public var dueOn: LocalDate
        public var outcome: Outcome
        /// The day of the contact that met it.
        public var metOn: LocalDate?
        /// Days past due at the period's end, for open items.
        public var daysOverdue: Int?
        /// Why it was dismissed (free text: left out when deidentified).
        public var reason: String?
    }

    public struct SpecialistFigure: Encodable, Hashable, Sendable {
        public var specialist: String
        public var specialistID: UUID?
        public var metOnTime = 0
        public var metLate = 0
        public var open = 0
        public var overdue = 0
        public var dismissed = 0
        public var noLongerDue = 0
        /// Items that ended with a step-down.
        public var steppedDown = 0
        /// Clients whose follow-along was stepped down in the period.
        public var stepDowns = 0
    }

    /// A due item dismissed by a specialist, with why.
    public struct Dismissal: Hashable, Sendable {
        public var clientID: UUID
        public var jobID: UUID?
        public var kind: DueKind
        public var dueOn: LocalDate
        public var reason: String
        public var dismissedOn: LocalDate
    }

    public let period: ReportPeriod
    public let bySpecialist: [SpecialistFigure]
    public let total: SpecialistFigure
    public let items: [Row]

    struct ItemKey: Hashable {
        var clientID: UUID
        var jobID: UUID?
        var kind: DueKind
        var dueOn: LocalDate
    }

    /// `from`, then every later day through `last` on which the client's due list can change:
    /// the days of their contacts, of their jobs' starts and ends, of their status changes and
    /// their program entry. Between two of them the list stays the same.
    static func changeDays(of client: Client, from first: LocalDate, through last: LocalDate) -> [LocalDate] {
        var days: Set<Int> = [client.programEntryDate.dayNumber]
        for contact in client.contacts { days.insert(contact.date.dayNumber) }
        for job in client.jobs {
            days.insert(job.startDate.dayNumber)
            if let end = job.endDate { days.insert(end.dayNumber) }
            if let known = FollowAlong.lossKnown(job) { days.insert(known.dayNumber) }
        }
        if let stepDown = client.followAlongStepDown { days.insert(stepDown.date.dayNumber) }
        for change in client.statusHistory { days.insert(change.date.dayNumber) }
        let later = days.filter { $0 > first.dayNumber && $0 <= last.dayNumber }.sorted().map { LocalDate(dayNumber: $0) }
        return first <= last ? [first] + later : []
    }

    /// A contact that meets due dates on `day`: the one that met whatever left the list that day.
    static func hasCountingContact(_ client: Client, on day: LocalDate, phoneAndVideoCount: Bool) -> Bool {
        client.contacts.contains { $0.date == day && $0.kind.meetsDueDates(phoneAndVideoCount: phoneAndVideoCount) }
    }

    /// Dismissals by the item they set aside; the first one listed for an item counts.
    private struct DismissalIndex {
        private var byKey: [ItemKey: Dismissal] = [:]

        init(_ dismissals: [Dismissal]) {
            for dismissal in dismissals {
                let key = ItemKey(clientID: dismissal.clientID, jobID: dismissal.jobID, kind: dismissal.kind, dueOn: dismissal.dueOn)
                if byKey[key] == nil { byKey[key] = dismissal }
            }
        }

        func first(for key: ItemKey) -> Dismissal? { byKey[key] }
    }

    public init(_ input: ReportInput) {
        period = input.period
        let range = input.period.range
        let settings = input.data.settings.followAlong
        let dismissals = DismissalIndex(Self.dismissals(in: input))
        var rows: [Row] = []
        // A client without jobs never has a follow-along item.
        for client in input.clients where client.programEntryDate <= range.to && !client.declinedFollowAlong && !client.jobs.isEmpty {
            let longest = max(31 * max(1, settings.thereafterEveryMonths), settings.beforeStartDays, client.followAlongIntervalDays ?? 0)
            let firstDay = range.from.adding(days: -longest - 7)
            var present: Set<ItemKey> = []
            var finished: [ItemKey: (Outcome, LocalDate?)] = [:]
            func dismissal(of key: ItemKey) -> Dismissal? { dismissals.first(for: key) }
            for day in Self.changeDays(of: client, from: firstDay, through: range.to) {
                let today = Set(FollowAlong.items(for: client, settings: settings, asOf: day).map {
                    ItemKey(clientID: client.id, jobID: $0.jobID, kind: $0.kind, dueOn: $0.dueOn)
                })
                for key in present where !today.contains(key) && range.contains(key.dueOn) && finished[key] == nil {
                    if let dismissal = dismissal(of: key), dismissal.dismissedOn < day {
                        finished[key] = (.dismissed, nil)
                    } else if Self.hasCountingContact(client, on: day, phoneAndVideoCount: settings.phoneAndVideoCount) {
                        finished[key] = (day <= key.dueOn ? .metOnTime : .metLate, day)
                    } else if FollowAlong.steppedDown(client, on: day) {
                        finished[key] = (.steppedDown, nil)
                    } else {
                        finished[key] = (.noLongerDue, nil)
                    }
                }
                present = today
            }
            let specialist = input.specialistName(client.specialistID)
            func row(_ key: ItemKey, _ outcome: Outcome, metOn: LocalDate? = nil, overdue: Int? = nil, reason: String? = nil) -> Row {
                Row(client: input.clientName(client), clientID: input.naming.id(client.id), specialist: specialist,
                    kind: key.kind.rawValue, dueOn: key.dueOn, outcome: outcome, metOn: metOn, daysOverdue: overdue,
                    reason: input.freeText(reason))
            }
            for (key, result) in finished {
                rows.append(row(key, result.0, metOn: result.1, reason: result.0 == .dismissed ? dismissal(of: key)?.reason : nil))
            }
            for key in present where range.contains(key.dueOn) && finished[key] == nil {
                if let dismissal = dismissal(of: key), dismissal.dismissedOn <= range.to {
                    rows.append(row(key, .dismissed, reason: dismissal.reason))
                } else {
                    rows.append(row(key, .open, overdue: max(0, key.dueOn.days(until: range.to))))
                }
            }
        }
        // Ties (one client's two jobs due the same day) by what else differs, so the order never
        // depends on the order of a set.
        rows.sort {
            if ($0.dueOn, $0.specialist, $0.client, $0.kind) != ($1.dueOn, $1.specialist, $1.client, $1.kind) {
                return ($0.dueOn, $0.specialist, $0.client, $0.kind) < ($1.dueOn, $1.specialist, $1.client, $1.kind)
            }
            return ($0.outcome.rawValue, $0.metOn?.dayNumber ?? .min, $0.daysOverdue ?? -1, $0.reason ?? "")
                < ($1.outcome.rawValue, $1.metOn?.dayNumber ?? .min, $1.daysOverdue ?? -1, $1.reason ?? "")
        }
        items = rows
        var figures: [String: SpecialistFigure] = [:]
        var total = SpecialistFigure(specialist: "Program", specialistID: nil)
        let specialistIDs = Dictionary(input.clients.map { (input.specialistName($0.specialistID), $0.specialistID) },
                                       uniquingKeysWith: { a, _ in a })
        for row in rows {
            var figure = figures[row.specialist] ?? SpecialistFigure(specialist: row.specialist, specialistID: specialistIDs[row.specialist] ?? nil)
            Self.add(row, to: &figure)
            Self.add(row, to: &total)
            figures[row.specialist] = figure
        }
        for client in input.clients {
            guard let stepDown = client.followAlongStepDown, range.contains(stepDown.date) else { continue }
            let name = input.specialistName(client.specialistID)
            var figure = figures[name] ?? SpecialistFigure(specialist: name, specialistID: client.specialistID)
            figure.stepDowns += 1
            total.stepDowns += 1
            figures[name] = figure
        }
        bySpecialist = figures.values.sorted { $0.specialist < $1.specialist }
        self.total = total
    }

    private static func add(_ row: Row, to figure: inout SpecialistFigure) {
        switch row.outcome {
        case .metOnTime: figure.metOnTime += 1
        case .metLate: figure.metLate += 1
        case .open:
            figure.open += 1
            if (row.daysOverdue ?? 0) > 0 { figure.overdue += 1 }
        case .dismissed: figure.dismissed += 1
        case .noLongerDue: figure.noLongerDue += 1
        case .steppedDown: figure.steppedDown += 1
        }
    }

    /// The due items specialists dismissed (with why) for the report's clients, as kept on
    /// each client (`Client.dueDismissals`).
    public static func dismissals(in input: ReportInput) -> [Dismissal] {
        input.clients.flatMap { client in
            client.dueDismissals.map {
                Dismissal(clientID: client.id, jobID: $0.jobID, kind: $0.kind, dueOn: $0.dueOn, reason: $0.reason, dismissedOn: $0.dismissedOn)
            }
        }
    }

    public var title: String { "Follow-along contacts" }
    public var summary: [String] {
        ["Due in the period: \(total.metOnTime) met on time, \(total.metLate) met late, \(total.open) open at the end "
            + "(\(total.overdue) overdue), \(total.dismissed) dismissed, \(total.noLongerDue) no longer due"
            + (total.stepDowns == 0 ? "" : "; \(total.stepDowns) stepped down to the mental health team (\(total.steppedDown) items ended)")]
    }
    public var tables: [ReportTable] {
        [ReportTable(
            title: "Per specialist",
            columns: [("specialist", "Specialist"), ("met_on_time", "On time"), ("met_late", "Late"), ("open", "Open"),
                      ("overdue", "Overdue"), ("dismissed", "Dismissed"), ("no_longer_due", "No longer due"),
                      ("stepped_down", "Stepped down"), ("step_downs", "Step-downs")],
            rows: (bySpecialist + [total]).map {
                [ReportCell($0.specialist), .count($0.metOnTime), .count($0.metLate), .count($0.open), .count($0.overdue),
                 .count($0.dismissed), .count($0.noLongerDue), .count($0.steppedDown), .count($0.stepDowns)]
            }),
         ReportTable(
            title: "Items due",
            columns: [("client", "Client"), ("specialist", "Specialist"), ("kind", "Kind"), ("due_on", "Due"),
                      ("outcome", "Outcome"), ("met_on", "Met"), ("days_overdue", "Overdue"), ("reason", "Reason")],
            rows: items.map { [ReportCell($0.client), ReportCell($0.specialist), ReportCell($0.kind), "\($0.dueOn)", ReportCell($0.outcome.rawValue),
                               ReportCell($0.metOn.map(\.description) ?? ""), .count($0.daysOverdue), ReportCell($0.reason ?? "")] })]
    }
}
