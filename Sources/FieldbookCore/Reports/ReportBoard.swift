import Foundation

/// Every report of one period, with the trends the Reports tab charts and the fidelity
/// reviews: computed once per data change or change of period, read while drawing.
public struct ReportBoard: Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Int
        /// What the bar is measured against (a target, a whole); 0 when none.
        public var of: Int
        public var text: String
    }

    public let period: ReportPeriod
    public let employmentRate: EmploymentRateReport
    public let employmentRateUnemployedAtEntry: EmploymentRateReport
    public let employerContacts: EmployerContactsReport
    public let jobStarts: JobStartsReport
    public let jobEndings: JobEndingsReport
    public let stillEmployed: StillEmployed90DaysReport
    public let leftCaseload: LeftCaseloadReport
    public let caseload: CaseloadReport
    public let rapidSearch: RapidSearchReport
    public let followAlong: FollowAlongReport
    /// The team's face-to-face employer contacts in each week of the period, against the target.
    public let weeklyContacts: [Bar]
    /// The employment rate (percent) of the period's quarter and the three before it.
    public let quarterlyRates: [Bar]
    public let latestReview: FidelityReview?
    public let previousReview: FidelityReview?

    /// Works out everything from the records alone.
    public init(data: DataSnapshot, period: ReportPeriod, today: LocalDate) {
        self.init(ReportInput(data: data, period: period, today: today))
    }

    /// Reads what `figures` already derived from `data` (tallies, contacts on clients' behalf)
    /// instead of deriving it again: the same board, for `figures.today`. `figures` must be the
    /// figures of `data`.
    public init(data: DataSnapshot, figures: Figures, period: ReportPeriod) {
        self.init(ReportInput(data: data, period: period, today: figures.today, figures: figures))
    }

    private init(_ input: ReportInput) {
        let data = input.data, period = input.period
        self.period = period
        employmentRate = EmploymentRateReport(input)
        employmentRateUnemployedAtEntry = EmploymentRateReport(input, unemployedAtEntry: true)
        employerContacts = EmployerContactsReport(input)
        jobStarts = JobStartsReport(input)
        jobEndings = JobEndingsReport(input)
        stillEmployed = StillEmployed90DaysReport(input)
        leftCaseload = LeftCaseloadReport(input)
        caseload = CaseloadReport(input)
        rapidSearch = RapidSearchReport(input)
        followAlong = FollowAlongReport(input)

        var weeks: [String: (done: Int, target: Int)] = [:]
        var order: [String] = []
        for figure in employerContacts.bySpecialist {
            for week in figure.weeks {
                if weeks[week.week] == nil { order.append(week.week) }
                weeks[week.week, default: (0, 0)].done += week.faceToFace
                weeks[week.week, default: (0, 0)].target += week.target
            }
        }
        weeklyContacts = order.map { week in
            let value = weeks[week] ?? (0, 0)
            return Bar(label: String(week.suffix(3)), value: value.done, of: value.target, text: "\(value.done)/\(value.target)")
        }
        let quarter = ReportPeriod.quarter(containing: period.to)
        let thisRate = employmentRate
        quarterlyRates = (0..<4).reversed().map { back in
            let q = quarter.moved(by: -back)
            // The period itself, when it is a quarter, is already worked out.
            let report = q == period ? thisRate : EmploymentRateReport(input.over(q))
            let percent = report.rate.map { Int(($0 * 100).rounded()) } ?? 0
            return Bar(label: q.description, value: percent, of: 100,
                       text: report.served == 0 ? "-" : "\(percent) % (\(report.worked)/\(report.served))")
        }
        latestReview = FidelityReview.latest(data.fidelityReviews)
        previousReview = latestReview.flatMap { FidelityReview.previous(to: $0, in: data.fidelityReviews) }
    }
}
