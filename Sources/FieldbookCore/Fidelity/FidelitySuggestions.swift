import Foundation

/// The score the records suggest for the fidelity items Fieldbook can inform (1, 15, 17, 19,
/// 20, 21, 23), from the reports over a window ending on the review date. Each suggestion names
/// the records it used and the anchor it applied; where the records cannot support an anchor
/// (19: job titles are free text; 23: the anchors describe the schedule kept, not a share of
/// contacts) it gives the evidence and leaves the score to the reviewer.
///
/// The cut-offs follow the 25-item IPS Supported Employment Fidelity Scale (`FidelityScale.source`),
/// in the project's own words; see docs/reports.md for which could be checked against it.
public struct FidelitySuggestions: Sendable {
    public struct Suggestion: Hashable, Sendable, Encodable {
        public var item: Int
        /// 1-5; nil when the records hold nothing to go on, or cannot support an anchor.
        public var score: Int?
        /// One line: what the records show.
        public var evidence: String
        /// The anchor applied (`5: 20 or fewer active clients`), or why none is.
        public var anchor: String
        /// The records used, one line each (a specialist's caseload, a client's days...).
        public var records: [String]
    }

    /// Months of records looked at before the review date.
    public static let windowMonths = 6

    public let window: ReportPeriod
    public let suggestions: [Int: Suggestion]

    public init(data: DataSnapshot, on day: LocalDate) {
        let window = ReportPeriod(from: day.adding(months: -Self.windowMonths).adding(days: 1), to: day)
        self.window = window
        let input = ReportInput(data: data, period: window, today: day)
        var found: [Int: Suggestion] = [:]
        found[1] = Self.caseload(input)
        found[15] = Self.rapidSearch(input, window: window)
        found[17] = Self.employerContacts(input, window: window)
        for suggestion in Self.jobs(input, window: window) { found[suggestion.item] = suggestion }
        found[23] = Self.followAlong(input, window: window)
        suggestions = found
    }

    public func suggestion(for item: Int) -> Suggestion? { suggestions[item] }

    // MARK: The items

    static func caseload(_ input: ReportInput) -> Suggestion {
        let caseload = CaseloadReport(input)
        let specialists = caseload.bySpecialist.filter { $0.specialistID != nil }
        let largest = specialists.map(\.active).max()
        return Suggestion(
            item: 1, score: largest.map(caseloadScore),
            evidence: largest.map { "largest active caseload \($0) on \(caseload.asOf)" } ?? "no specialist has active clients",
            anchor: largest.map { caseloadAnchor(caseloadScore($0)) } ?? "none applied",
            records: specialists.map { "\($0.specialist): \($0.active) active" })
    }

    static func rapidSearch(_ input: ReportInput, window: ReportPeriod) -> Suggestion {
        let settings = input.data.settings
        let contacts = input.jobSeekerContacts
        var counted: [Int] = []
        var records: [String] = []
        var waiting = 0
        for client in RapidSearchReport.enteredClients(input) {
            let first = FirstEmployerContact(for: client, contacts: contacts.contacts(onBehalfOf: client.id), settings: settings, today: input.today)
            let name = input.clientName(client)
            if let met = first.firstMeeting {
                let days = client.programEntryDate.days(until: met)
                counted.append(days)
                let how = first.made?.date == met ? "employer contact" : "job start"
                records.append("\(name): entered \(client.programEntryDate), \(how) \(met), \(days) days")
            } else if first.deadline < input.today {
                // Past the window with no contact yet: counted with the days so far (at least that many).
                let days = client.programEntryDate.days(until: input.today)
                counted.append(days)
                records.append("\(name): entered \(client.programEntryDate), no employer contact yet, \(days) days so far (counted)")
            } else {
                waiting += 1
                records.append("\(name): entered \(client.programEntryDate), no employer contact yet, still within \(settings.firstEmployerContactDays) days (not counted)")
            }
        }
        let mean = counted.isEmpty ? nil : Double(counted.reduce(0, +)) / Double(counted.count)
        let evidence = mean.map {
            String(format: "%.0f days on average from entry to the first face-to-face employer contact", $0)
                + " (\(counted.count) clients who entered since \(window.from)"
                + (waiting == 0 ? ")" : "; \(waiting) still within \(settings.firstEmployerContactDays) days left out)")
        } ?? "no client who entered since \(window.from) is past the first \(settings.firstEmployerContactDays) days or has met an employer"
        return Suggestion(item: 15, score: mean.map { rapidSearchScore(days: $0) }, evidence: evidence,
                          anchor: mean.map { rapidSearchAnchor(rapidSearchScore(days: $0)) } ?? "none applied", records: records)
    }

    static func employerContacts(_ input: ReportInput, window: ReportPeriod) -> Suggestion {
        let report = EmployerContactsReport(input)
        var scores: [Int] = []
        var records: [String] = []
        for figure in report.bySpecialist {
            let days = figure.weeks.reduce(0) { $0 + $1.from.days(until: $1.to) + 1 }
            guard days > 0, figure.target > 0 else {
                records.append("\(figure.specialist): no one looking for work, not rated")
                continue
            }
            let weeklyTarget = Double(figure.target) * 7 / Double(days)
            let score = employerContactScore(figure.perWeek, weeklyTarget: weeklyTarget)
            scores.append(score)
            records.append(String(format: "%@: %.1f a week against %.1f: %d", figure.specialist, figure.perWeek, weeklyTarget, score))
        }
        let mean = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        let score = mean.map { Int($0.rounded()) }
        return Suggestion(
            item: 17, score: score,
            evidence: mean.map { String(format: "specialists' scores average %.1f", $0)
                + " (\(report.faceToFace) face-to-face job development contacts since \(window.from); job support visits left out)" }
                ?? "no specialist had anyone looking for work",
            anchor: score.map(employerContactAnchor) ?? "none applied", records: records)
    }

    static func jobs(_ input: ReportInput, window: ReportPeriod) -> [Suggestion] {
        let held = input.jobs { $0.startDate <= window.to && ($0.endDate ?? window.to) >= window.from }
        let jobs = held.map(\.job)
        let titles = Set(jobs.map { NameSearch.fold($0.title) }).count
        let employers = Set(jobs.map { $0.isSelfEmployed ? "self:\($0.id)" : $0.employerID?.uuidString ?? NameSearch.fold($0.employerName) }).count
        let competitive = jobs.filter(\.isCompetitive).count
        func among(_ text: String) -> String { "\(text) among \(jobs.count) job\(jobs.count == 1 ? "" : "s") held since \(window.from)" }
        let records = held.map { row in
            "\(input.clientName(row.client)): \(row.job.title) at \(row.job.employerText), from \(row.job.startDate)"
                + (row.job.isCompetitive ? "" : " (not competitive)")
        }
        guard !jobs.isEmpty else {
            return [19, 20, 21].map { Suggestion(item: $0, score: nil, evidence: "no jobs held", anchor: "none applied", records: []) }
        }
        let employerShare = Double(employers) / Double(jobs.count)
        let competitiveShare = Double(competitive) / Double(jobs.count)
        return [
            Suggestion(item: 19, score: nil,
                       evidence: among("\(titles) different job titles (\(percentText(titles, of: jobs.count)))"),
                       anchor: "left to the reviewer: job titles are free text, so one kind of work under two names counts twice",
                       records: records),
            Suggestion(item: 20, score: diversityScore(share: employerShare),
                       evidence: among("\(employers) different employers (\(percentText(employers, of: jobs.count)))"),
                       anchor: diversityAnchor(diversityScore(share: employerShare)), records: records),
            Suggestion(item: 21, score: competitiveScore(share: competitiveShare),
                       evidence: among("\(competitive) competitive (\(percentText(competitive, of: jobs.count)))"),
                       anchor: competitiveAnchor(competitiveScore(share: competitiveShare)), records: records),
        ]
    }

    static func followAlong(_ input: ReportInput, window: ReportPeriod) -> Suggestion {
        let report = FollowAlongReport(input)
        let total = report.total
        let met = total.metOnTime + total.metLate
        let due = met + total.open
        let losses = report.items.filter { $0.kind == DueKind.afterJobLoss.rawValue }
        let lossesOnTime = losses.count { $0.outcome == .metOnTime }
        var records = [
            "\(met) of \(due) follow-along contacts due were made (\(total.metOnTime) on time)",
            "\(lossesOnTime) of \(losses.count) contacts after a job loss made within the days allowed after learning of it",
            "\(total.stepDowns) follow-along stepped down to the mental health team",
        ]
        if total.dismissed > 0 { records.append("\(total.dismissed) set aside with a reason") }
        return Suggestion(
            item: 23, score: nil,
            evidence: due == 0 ? "no follow-along contacts fell due since \(window.from)"
                : "\(met) of \(due) follow-along contacts due since \(window.from) were made (\(percentText(met, of: due)))",
            anchor: "left to the reviewer: the scale rates the schedule kept over a year or more, which a share of due contacts does not show",
            records: records)
    }
}
