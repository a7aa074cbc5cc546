import Foundation

/// Clients closed during the period (left the caseload), by the date of the change that
/// closed them.
public struct LeftCaseloadReport: Report {
    public static let name = "left-caseload"

    public struct Row: Encodable, Hashable, Sendable {
        public var client: String
        public var clientID: UUID?
        public var specialist: String
        public var closedOn: LocalDate
        public var previousStatus: String
        public var programEntry: LocalDate
    }

    public let period: ReportPeriod
    public let count: Int
    public let bySpecialist: [SpecialistCount]
    public let clients: [Row]

    public init(_ input: ReportInput) {
        period = input.period
        var rows: [(Client, Row)] = []
        for client in input.clients {
            // The last change to closed within the period, when the client was not closed the day before.
            guard let change = client.statusHistory.filter({ $0.to == .closed && input.period.range.contains($0.date) })
                .max(by: { $0.date < $1.date }) else { continue }
            rows.append((client, Row(client: input.clientName(client), clientID: input.naming.id(client.id),
                                     specialist: input.specialistName(client.specialistID), closedOn: change.date,
                                     previousStatus: change.from.rawValue, programEntry: client.programEntryDate)))
        }
        rows.sort { ($0.1.closedOn, $0.1.client) < ($1.1.closedOn, $1.1.client) }
        clients = rows.map(\.1)
        count = rows.count
        bySpecialist = input.countsBySpecialist(rows.map(\.0))
    }

    public var title: String { "Left the caseload" }
    public var summary: [String] { ["\(count) client\(count == 1 ? "" : "s") left the caseload"] }
    public var tables: [ReportTable] {
        [ReportTable(title: "Clients closed",
                     columns: [("client", "Client"), ("specialist", "Specialist"), ("closed_on", "Closed"),
                               ("previous_status", "Was"), ("program_entry", "Entered")],
                     rows: clients.map { [ReportCell($0.client), ReportCell($0.specialist), "\($0.closedOn)", ReportCell($0.previousStatus), "\($0.programEntry)"] })]
    }
}

/// Active clients per specialist against the caseload limit (fidelity item 1), by status, with
/// the shares working and in education, as things stood on the period's last day (or today
/// while it runs).
public struct CaseloadReport: Report {
    public static let name = "caseload"

    public struct SpecialistFigure: Encodable, Hashable, Sendable {
        public var specialist: String
        public var specialistID: UUID?
        public var active: Int
        public var limit: Int
        public var byStatus: [String: Int]
        /// Active clients holding a job that day.
        public var working: Int
        public var workingShare: Double?
        public var inEducation: Int
        public var educationShare: Double?
    }

    public let period: ReportPeriod
    public let asOf: LocalDate
    public let limit: Int
    public let bySpecialist: [SpecialistFigure]
    public let active: Int
    public let working: Int
    public let inEducation: Int

    public init(_ input: ReportInput) {
        period = input.period
        asOf = input.asOf
        limit = input.data.settings.caseloadLimit
        let day = asOf
        let enrolled = input.clients.filter { $0.programEntryDate <= day }
        var ids = Set(enrolled.map(\.specialistID))
        for specialist in input.data.specialists where specialist.isActive && input.counts(specialist: specialist.id) {
            ids.insert(specialist.id)
        }
        let groups = Dictionary(grouping: enrolled, by: \.specialistID)
        bySpecialist = input.ordered(ids).map { id in
            let clients = groups[id] ?? []
            var byStatus: [String: Int] = [:]
            for client in clients { byStatus[client.status(on: day).rawValue, default: 0] += 1 }
            let active = clients.filter { $0.status(on: day).isActive }
            let working = active.filter { !$0.jobs(heldOn: day).filter(\.isCompetitive).isEmpty }.count
            let education = active.filter { $0.status(on: day) == .education }.count
            return SpecialistFigure(
                specialist: input.specialistName(id), specialistID: id, active: active.count, limit: input.data.settings.caseloadLimit,
                byStatus: byStatus, working: working, workingShare: share(working, of: active.count),
                inEducation: education, educationShare: share(education, of: active.count))
        }
        active = bySpecialist.reduce(0) { $0 + $1.active }
        working = bySpecialist.reduce(0) { $0 + $1.working }
        inEducation = bySpecialist.reduce(0) { $0 + $1.inEducation }
    }

    public var title: String { "Caseload" }
    public var summary: [String] {
        ["As of \(asOf): \(active) active, \(percentText(working, of: active)) working, \(percentText(inEducation, of: active)) in education (limit \(limit) per specialist)"]
    }
    public var tables: [ReportTable] {
        let statuses = ClientStatus.allCases
        return [ReportTable(
            title: "Per specialist",
            columns: [("specialist", "Specialist"), ("active", "Active"), ("limit", "Limit"), ("working", "Working"),
                      ("working_share", "Working %"), ("in_education", "Education"), ("education_share", "Education %")]
                + statuses.map { ("status_" + $0.rawValue.replacingOccurrences(of: "-", with: "_"), $0.label) },
            rows: bySpecialist.map { figure in
                [ReportCell(figure.specialist), .count(figure.active), .count(figure.limit), .count(figure.working),
                 .share(figure.working, of: figure.active), .count(figure.inEducation), .share(figure.inEducation, of: figure.active)]
                    + statuses.map { .count(figure.byStatus[$0.rawValue] ?? 0) }
            })]
    }
}

/// Rapid job search (fidelity item 15): for clients who entered in the period, days from
/// program entry to the first face-to-face employer contact on their behalf, and the median.
/// Clients without one yet are listed with the days so far (to today) and left out of the median.
public struct RapidSearchReport: Report {
    public static let name = "rapid-search"

    public struct Row: Encodable, Hashable, Sendable {
        public var client: String
        public var clientID: UUID?
        public var specialist: String
        public var programEntry: LocalDate
        public var firstContact: LocalDate?
        /// Days to the first contact, or nil while there is none.
        public var days: Int?
        /// Days since entry, while there is no contact yet.
        public var daysSoFar: Int?
    }

    public let period: ReportPeriod
    public let entered: Int
    public let withContact: Int
    public let medianDays: Double?
    public let withinTarget: Int
    public let targetDays: Int
    public let clients: [Row]

    public init(_ input: ReportInput) {
        period = input.period
        targetDays = input.data.settings.firstEmployerContactDays
        let contacts = input.jobSeekerContacts
        let enteredClients = Self.enteredClients(input)
        let firsts = enteredClients.map { client in
            FirstEmployerContact(for: client, contacts: contacts.contacts(onBehalfOf: client.id), settings: input.data.settings, today: input.today)
        }
        clients = zip(enteredClients, firsts)
            .map { client, first in
                Row(client: input.clientName(client), clientID: input.naming.id(client.id),
                    specialist: input.specialistName(client.specialistID), programEntry: client.programEntryDate,
                    firstContact: first.made?.date, days: first.daysFromEntry,
                    daysSoFar: first.made == nil ? max(0, client.programEntryDate.days(until: input.today)) : nil)
            }
            .sorted { ($0.programEntry, $0.client) < ($1.programEntry, $1.client) }
        entered = clients.count
        let days = clients.compactMap(\.days).sorted()
        withContact = days.count
        withinTarget = firsts.count(where: \.madeInTime)
        medianDays = RapidSearchReport.median(days)
    }

    /// The clients the report counts: program entry in the period, enrolled by its end.
    public static func enteredClients(_ input: ReportInput) -> [Client] {
        input.clients.filter { input.period.range.contains($0.programEntryDate) && $0.status(on: input.period.to) != .referred }
    }

    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    public var title: String { "Rapid job search" }
    public var summary: [String] {
        ["\(entered) entered; \(withContact) with a face-to-face employer contact, median "
            + (medianDays.map { $0 == $0.rounded() ? "\(Int($0)) days" : String(format: "%.1f days", $0) } ?? "-")
            + ", \(withinTarget) within \(targetDays) days"]
    }
    public var tables: [ReportTable] {
        [ReportTable(title: "Clients who entered",
                     columns: [("client", "Client"), ("specialist", "Specialist"), ("program_entry", "Entered"),
                               ("first_contact", "First contact"), ("days", "Days"), ("days_so_far", "Days so far")],
                     rows: clients.map { [ReportCell($0.client), ReportCell($0.specialist), "\($0.programEntry)",
                                          ReportCell($0.firstContact.map(\.description) ?? ""), .count($0.days), .count($0.daysSoFar)] })]
    }
}
