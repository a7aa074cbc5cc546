import Foundation

/// The quarterly employment rate (US IPS learning community): clients who worked a competitive
/// job on at least one day of the period, out of all clients served in it.
///
/// Served: enrolled (not `referred` at the period's end), program entry on or before its last
/// day, and not closed all through it (a client closed on its first day was served that day;
/// `inactive` clients are served). Worked: a served client holding a competitive job on at
/// least one day of the period.
///
/// The variant `unemployedAtEntry` is IPS Grow's (UK) employment rate, not the US learning
/// community's: its denominator is the served clients who were out of work at program entry
/// (in-work and job-retention clients, who entered holding a job, are left out:
/// `Client.workingAtEntry`, or when that is not recorded, a competitive job held on the entry
/// date); its numerator is those of them who held, in the period, a competitive job started on
/// or after program entry that had reached 4 paid hours by then (from its hours per week; a job
/// without hours counts). A job held before entry is not one the service helped find.
public struct EmploymentRateReport: Report {
    public static let name = "employment-rate"
    public static let benchmarks = [Benchmark(name: "minimum", rate: 0.31), Benchmark(name: "average", rate: 0.41),
                                    Benchmark(name: "excellent", rate: 0.50)]
    public static let unemployedAtEntryBenchmarks = [Benchmark(name: "benchmark", rate: 0.40)]

    public struct Benchmark: Encodable, Hashable, Sendable {
        public var name: String
        public var rate: Double
    }

    public struct SpecialistFigure: Encodable, Hashable, Sendable {
        public var specialist: String
        public var specialistID: UUID?
        public var served: Int
        public var worked: Int
        public var rate: Double?
    }

    public struct Row: Encodable, Hashable, Sendable {
        public var client: String
        public var clientID: UUID?
        public var specialist: String
        public var worked: Bool
    }

    public let period: ReportPeriod
    public let unemployedAtEntry: Bool
    public let served: Int
    public let worked: Int
    /// From 0 to 1; nil when no one was served.
    public let rate: Double?
    public let benchmarks: [Benchmark]
    public let bySpecialist: [SpecialistFigure]
    public let clients: [Row]

    public init(_ input: ReportInput, unemployedAtEntry: Bool = false) {
        period = input.period
        self.unemployedAtEntry = unemployedAtEntry
        benchmarks = unemployedAtEntry ? Self.unemployedAtEntryBenchmarks : Self.benchmarks
        let range = input.observed
        var rows: [(client: Client, worked: Bool)] = []
        for client in input.clients where Self.isServed(client, in: range) {
            if unemployedAtEntry && Self.wasWorkingAtEntry(client) { continue }
            rows.append((client, Self.worked(client, in: range, outOfWorkAtEntry: unemployedAtEntry)))
        }
        served = rows.count
        worked = rows.filter(\.worked).count
        rate = share(worked, of: served)
        let groups = Dictionary(grouping: rows, by: { $0.client.specialistID })
        bySpecialist = input.ordered(groups.keys).map { id in
            let group = groups[id] ?? []
            let worked = group.filter(\.worked).count
            return SpecialistFigure(specialist: input.specialistName(id), specialistID: id, served: group.count, worked: worked,
                                    rate: share(worked, of: group.count))
        }
        clients = rows.map { Row(client: input.clientName($0.client), clientID: input.naming.id($0.client.id),
                                 specialist: input.specialistName($0.client.specialistID), worked: $0.worked) }
            .sorted { ($0.specialist, $0.client) < ($1.specialist, $1.client) }
    }

    public static func isServed(_ client: Client, in range: DateRange) -> Bool {
        guard client.programEntryDate <= range.to, client.status(on: range.to) != .referred else { return false }
        let closedAllThrough = client.status(on: range.from.adding(days: -1)) == .closed
            && client.status(on: range.from) == .closed && client.status(on: range.to) == .closed
        return !closedAllThrough
    }

    public static func wasWorkingAtEntry(_ client: Client) -> Bool {
        client.workingAtEntry ?? client.jobs.contains { $0.isCompetitive && $0.isHeld(on: client.programEntryDate) }
    }

    static func worked(_ client: Client, in range: DateRange, outOfWorkAtEntry: Bool) -> Bool {
        client.jobs.contains { job in
            guard job.isCompetitive, job.startDate <= range.to, (job.endDate ?? range.to) >= range.from else { return false }
            guard outOfWorkAtEntry else { return true }
            guard job.startDate >= client.programEntryDate else { return false }
            guard let hours = job.hoursPerWeek else { return true }
            let lastDay = min(job.endDate ?? range.to, range.to)
            return Double(job.startDate.days(until: lastDay) + 1) * hours / 7 >= 4
        }
    }

    public var title: String {
        unemployedAtEntry ? "Employment rate, IPS Grow (UK): clients out of work at entry" : "Employment rate (US IPS learning community)"
    }

    public var summary: [String] {
        let marks = benchmarks.map { "\($0.name) \(Int(($0.rate * 100).rounded())) %" }.joined(separator: ", ")
        return ["Worked \(worked) of \(served) served: \(percentText(worked, of: served))  (benchmarks: \(marks))"]
    }

    public var tables: [ReportTable] {
        [ReportTable(
            title: "By specialist",
            columns: [("specialist", "Specialist"), ("served", "Served"), ("worked", "Worked"), ("rate", "Rate")],
            rows: bySpecialist.map { [ReportCell($0.specialist), .count($0.served), .count($0.worked), .share($0.worked, of: $0.served)] }
                + [["Program", .count(served), .count(worked), .share(worked, of: served)]]),
         ReportTable(
            title: "Clients served",
            columns: [("client", "Client"), ("specialist", "Specialist"), ("worked", "Worked")],
            rows: clients.map { [ReportCell($0.client), ReportCell($0.specialist), $0.worked ? "yes" : "no"] })]
    }
}
