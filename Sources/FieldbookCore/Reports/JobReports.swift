import Foundation

/// One job in a job report.
public struct JobRow: Encodable, Hashable, Sendable {
    public var client: String
    public var clientID: UUID?
    public var specialist: String
    public var employer: String
    public var title: String?
    public var start: LocalDate
    public var end: LocalDate?
    public var hoursPerWeek: Double?
    public var competitive: Bool
    /// The person works for themselves (`employer` then says "self-employed").
    public var selfEmployed: Bool
    public var endReason: String?
    /// Free text; left out of deidentified reports.
    public var endNote: String?

    init(_ job: Job, of client: Client, _ input: ReportInput) {
        self.client = input.clientName(client)
        clientID = input.naming.id(client.id)
        specialist = input.specialistName(client.specialistID)
        employer = job.isSelfEmployed
            ? Job.selfEmployedText(business: input.freeText(job.employerName))
            : input.employerName(job.employerID, fallback: job.employerName)
        selfEmployed = job.isSelfEmployed
        title = input.freeText(job.title)
        start = job.startDate
        end = job.endDate
        hoursPerWeek = job.hoursPerWeek
        competitive = job.isCompetitive
        endReason = job.endReason?.rawValue
        endNote = input.freeText(job.endNote)
    }

    static let columns: [(csv: String, heading: String)] = [
        ("client", "Client"), ("specialist", "Specialist"), ("employer", "Employer"), ("title", "Title"),
        ("start", "Start"), ("end", "End"), ("hours_per_week", "Hours"), ("competitive", "Competitive"),
        ("end_reason", "End reason"), ("end_note", "Note"),
    ]

    var cells: [ReportCell] {
        [ReportCell(client), ReportCell(specialist), ReportCell(employer), ReportCell(title ?? ""), "\(start)",
         ReportCell(end.map(\.description) ?? ""),
         hoursPerWeek.map { ReportCell(text: CellText.number($0), data: CellText.number($0), isNumber: true) } ?? "",
         competitive ? "yes" : "no", ReportCell(endReason ?? ""), ReportCell(endNote ?? "")]
    }
}

/// A count per specialist.
public struct SpecialistCount: Encodable, Hashable, Sendable {
    public var specialist: String
    public var specialistID: UUID?
    public var count: Int
}

extension ReportInput {
    func jobs(where include: (Job) -> Bool) -> [(job: Job, client: Client)] {
        clients.flatMap { client in client.jobs.filter(include).map { ($0, client) } }
            .sorted { ($0.job.startDate, $0.job.id.uuidString) < ($1.job.startDate, $1.job.id.uuidString) }
    }

    func countsBySpecialist(_ clients: [Client]) -> [SpecialistCount] {
        let groups = Dictionary(grouping: clients, by: \.specialistID)
        return ordered(groups.keys).map { SpecialistCount(specialist: specialistName($0), specialistID: $0, count: groups[$0]?.count ?? 0) }
    }
}

/// Jobs started in the period (a start on its last day included).
public struct JobStartsReport: Report {
    public static let name = "job-starts"
    public let period: ReportPeriod
    public let count: Int
    public let bySpecialist: [SpecialistCount]
    public let jobs: [JobRow]

    public init(_ input: ReportInput) {
        period = input.period
        let found = input.jobs { input.observed.contains($0.startDate) }
        count = found.count
        bySpecialist = input.countsBySpecialist(found.map(\.client))
        jobs = found.map { JobRow($0.job, of: $0.client, input) }
    }

    public var title: String { "Job starts" }
    public var summary: [String] {
        ["\(count) job start\(count == 1 ? "" : "s")"
            + (bySpecialist.isEmpty ? "" : ": " + bySpecialist.map { "\($0.specialist) \($0.count)" }.joined(separator: ", "))]
    }
    public var tables: [ReportTable] { [ReportTable(title: "Jobs started", columns: JobRow.columns, rows: jobs.map(\.cells))] }
}

/// Jobs that ended in the period, with why.
public struct JobEndingsReport: Report {
    public static let name = "job-endings"

    public struct ReasonCount: Encodable, Hashable, Sendable {
        public var reason: String
        public var count: Int
    }

    public let period: ReportPeriod
    public let count: Int
    public let byReason: [ReasonCount]
    public let bySpecialist: [SpecialistCount]
    public let jobs: [JobRow]

    public init(_ input: ReportInput) {
        period = input.period
        let found = input.jobs { $0.endDate.map(input.observed.contains) ?? false }
        count = found.count
        let reasons = Dictionary(grouping: found, by: { $0.job.endReason?.rawValue ?? "not recorded" })
        byReason = reasons.map { ReasonCount(reason: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.reason) < ($0.count, $1.reason) }
        bySpecialist = input.countsBySpecialist(found.map(\.client))
        jobs = found.map { JobRow($0.job, of: $0.client, input) }
    }

    public var title: String { "Job endings" }
    public var summary: [String] {
        ["\(count) job ending\(count == 1 ? "" : "s")"
            + (byReason.isEmpty ? "" : ": " + byReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", "))]
    }
    public var tables: [ReportTable] { [ReportTable(title: "Jobs ended", columns: JobRow.columns, rows: jobs.map(\.cells))] }
}

/// Jobs whose 90th day (the start is day 1) fell in the period, against the jobs started 90
/// days earlier (the same period moved back 89 days): how many were still held on that day.
public struct StillEmployed90DaysReport: Report {
    public static let name = "still-employed-90-days"
    public let period: ReportPeriod
    /// The starts counted: jobs started from `startsFrom` to `startsTo`.
    public let startsFrom: LocalDate
    public let startsTo: LocalDate
    public let starts: Int
    public let stillEmployed: Int
    public let rate: Double?
    public let jobs: [Row]

    public struct Row: Encodable, Hashable, Sendable {
        public var job: JobRow
        public var day90: LocalDate
        public var stillEmployed: Bool
    }

    public init(_ input: ReportInput) {
        period = input.period
        startsFrom = input.period.from.adding(days: -89)
        startsTo = input.period.to.adding(days: -89)
        let window = DateRange(from: startsFrom, to: startsTo)
        let found = input.jobs { window.contains($0.startDate) }
        jobs = found.map { job, client in
            let day90 = job.startDate.adding(days: 89)
            return Row(job: JobRow(job, of: client, input), day90: day90, stillEmployed: job.isHeld(on: day90))
        }
        starts = jobs.count
        stillEmployed = jobs.filter(\.stillEmployed).count
        rate = share(stillEmployed, of: starts)
    }

    public var title: String { "Still employed at 90 days" }
    public var summary: [String] {
        ["\(stillEmployed) of \(starts) jobs started \(startsFrom) to \(startsTo) were held on their 90th day: \(percentText(stillEmployed, of: starts))"]
    }
    public var tables: [ReportTable] {
        [ReportTable(title: "Jobs reaching 90 days",
                     columns: [("client", "Client"), ("specialist", "Specialist"), ("employer", "Employer"), ("start", "Start"),
                               ("day_90", "Day 90"), ("still_employed", "Still employed")],
                     rows: jobs.map { [ReportCell($0.job.client), ReportCell($0.job.specialist), ReportCell($0.job.employer),
                                       "\($0.job.start)", "\($0.day90)", $0.stillEmployed ? "yes" : "no"] })]
    }
}
