import Foundation

/// The score the records suggest for the fidelity items Fieldbook can inform (1, 15, 17, 19,
/// 20, 21, 23), with the evidence, from the reports over a window ending on the review date.
public struct FidelitySuggestions: Sendable {
    public struct Suggestion: Hashable, Sendable, Encodable {
        public var item: Int
        /// 1-5; nil when the records hold nothing to go on.
        public var score: Int?
        public var evidence: String
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

        let caseload = CaseloadReport(input)
        let largest = caseload.bySpecialist.filter { $0.specialistID != nil }.map(\.active).max()
        found[1] = Suggestion(
            item: 1, score: largest.map(Self.caseloadScore),
            evidence: largest.map { "largest active caseload \($0) on \(caseload.asOf) ("
                + caseload.bySpecialist.filter { $0.specialistID != nil }.map { "\($0.specialist) \($0.active)" }.joined(separator: ", ") + ")" }
                ?? "no specialist has active clients")

        let rapid = RapidSearchReport(input)
        let days = rapid.clients.compactMap(\.days)
        let mean = days.isEmpty ? nil : Double(days.reduce(0, +)) / Double(days.count)
        found[15] = Suggestion(
            item: 15, score: mean.map { Self.rapidSearchScore(days: $0) },
            evidence: mean.map { String(format: "%.0f days on average from entry to first face-to-face employer contact", $0)
                + " (\(days.count) of \(rapid.entered) clients who entered since \(window.from))" }
                ?? "no client who entered since \(window.from) has a face-to-face employer contact yet")

        let contacts = EmployerContactsReport(input)
        let perWeek = contacts.bySpecialist.isEmpty ? nil
            : contacts.bySpecialist.map(\.perWeek).reduce(0, +) / Double(contacts.bySpecialist.count)
        found[17] = Suggestion(
            item: 17, score: perWeek.map(Self.employerContactScore),
            evidence: perWeek.map { String(format: "%.1f face-to-face employer contacts per specialist per week", $0)
                + " (\(contacts.faceToFace) since \(window.from))" } ?? "no employer contacts logged")

        let jobs = input.jobs { $0.startDate <= window.to && ($0.endDate ?? window.to) >= window.from }.map(\.job)
        let titles = Set(jobs.map { NameSearch.fold($0.title) }).count
        let employers = Set(jobs.map { $0.employerID?.uuidString ?? NameSearch.fold($0.employerName) }).count
        let competitive = jobs.filter(\.isCompetitive).count
        func held(_ text: String) -> String { "\(text) among \(jobs.count) job\(jobs.count == 1 ? "" : "s") held since \(window.from)" }
        found[19] = Suggestion(
            item: 19, score: jobs.isEmpty ? nil : Self.diversityScore(share: Double(titles) / Double(jobs.count)),
            evidence: jobs.isEmpty ? "no jobs held" : held("\(titles) different job titles (\(percentText(titles, of: jobs.count)))"))
        found[20] = Suggestion(
            item: 20, score: jobs.isEmpty ? nil : Self.diversityScore(share: Double(employers) / Double(jobs.count)),
            evidence: jobs.isEmpty ? "no jobs held" : held("\(employers) different employers (\(percentText(employers, of: jobs.count)))"))
        found[21] = Suggestion(
            item: 21, score: jobs.isEmpty ? nil : Self.competitiveScore(share: Double(competitive) / Double(jobs.count)),
            evidence: jobs.isEmpty ? "no jobs held" : held("\(competitive) competitive (\(percentText(competitive, of: jobs.count)))"))

        let followAlong = FollowAlongReport(input).total
        let met = followAlong.metOnTime + followAlong.metLate
        let due = met + followAlong.open
        found[23] = Suggestion(
            item: 23, score: due == 0 ? nil : Self.followAlongScore(share: Double(met) / Double(due)),
            evidence: due == 0 ? "no follow-along contacts fell due"
                : "\(met) of \(due) follow-along contacts due since \(window.from) were made (\(percentText(met, of: due)); \(followAlong.metOnTime) on time)")
        suggestions = found
    }

    public func suggestion(for item: Int) -> Suggestion? { suggestions[item] }

    /// 20 or fewer: 5; 21-25: 4; 26-30: 3; 31-40: 2; 41 or more: 1.
    public static func caseloadScore(_ active: Int) -> Int {
        switch active {
        case ...20: 5
        case 21...25: 4
        case 26...30: 3
        case 31...40: 2
        default: 1
        }
    }

    /// Average days to the first face-to-face employer contact: 30 or fewer: 5; up to 60: 4;
    /// up to 90: 3; up to 120: 2; more: 1.
    public static func rapidSearchScore(days: Double) -> Int {
        switch days {
        case ...30: 5
        case ...60: 4
        case ...90: 3
        case ...120: 2
        default: 1
        }
    }

    /// Face-to-face employer contacts per specialist per week: 6 or more: 5; 5: 4; 4: 3; 3: 2; fewer: 1.
    public static func employerContactScore(_ perWeek: Double) -> Int {
        switch perWeek {
        case 6...: 5
        case 5...: 4
        case 4...: 3
        case 3...: 2
        default: 1
        }
    }

    /// Share of jobs that differ (types, employers): 85 %+: 5; 75 %+: 4; 65 %+: 3; 50 %+: 2; less: 1.
    public static func diversityScore(share: Double) -> Int {
        switch share {
        case 0.85...: 5
        case 0.75...: 4
        case 0.65...: 3
        case 0.50...: 2
        default: 1
        }
    }

    /// Share of competitive jobs: 95 %+: 5; 85 %+: 4; 75 %+: 3; 65 %+: 2; less: 1.
    public static func competitiveScore(share: Double) -> Int {
        switch share {
        case 0.95...: 5
        case 0.85...: 4
        case 0.75...: 3
        case 0.65...: 2
        default: 1
        }
    }

    /// Share of follow-along contacts due that were made: 90 %+: 5; 80 %+: 4; 70 %+: 3; 60 %+: 2; less: 1.
    public static func followAlongScore(share: Double) -> Int {
        switch share {
        case 0.90...: 5
        case 0.80...: 4
        case 0.70...: 3
        case 0.60...: 2
        default: 1
        }
    }
}
