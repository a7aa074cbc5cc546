import Foundation

/// Face-to-face employer contacts per specialist per week against the target (fidelity item
/// 17), and the share that were repeat visits: to an employer the same specialist had visited
/// face to face before. A week that crosses the period's start or end counts only its days in
/// the period, against a target scaled to them. A period still running counts up to today:
/// the weeks ahead are left out, and the current week counts its days so far. Weeks met count
/// whole weeks only: a week cut by the period's start or end, or still running, is neither met
/// nor missed (a month starting on a Sunday is not a week missed).
public struct EmployerContactsReport: Report {
    public static let name = "employer-contacts"

    public struct Week: Encodable, Hashable, Sendable {
        public var week: String
        public var from: LocalDate
        public var to: LocalDate
        public var faceToFace: Int
        public var target: Int
        /// All seven days of the week were counted: it counts in `weeksMet` and `wholeWeeks`.
        public var whole: Bool
    }

    public struct SpecialistFigure: Encodable, Hashable, Sendable {
        public var specialist: String
        public var specialistID: UUID?
        public var weeks: [Week]
        public var faceToFace: Int
        public var target: Int
        /// Whole weeks at or above the target, of `wholeWeeks`.
        public var weeksMet: Int
        public var wholeWeeks: Int
        public var repeatVisits: Int
        /// Of the face-to-face contacts, 0 to 1.
        public var repeatShare: Double?
        /// Face-to-face contacts per week of the period.
        public var perWeek: Double
    }

    public let period: ReportPeriod
    public let bySpecialist: [SpecialistFigure]
    public let faceToFace: Int
    public let repeatVisits: Int
    public let repeatShare: Double?

    public init(_ input: ReportInput) {
        period = input.period
        let range = input.period.range
        let tallies = input.tallies
        let counted: DateRange? = input.asOf < range.from ? nil : DateRange(from: range.from, to: input.asOf)
        var weekRanges: [(ISOWeek, DateRange)] = []
        if let counted {
            var week = ISOWeek(containing: counted.from)
            while week.monday <= counted.to {
                weekRanges.append((week, DateRange(from: max(week.monday, counted.from), to: min(week.sunday, counted.to))))
                week = week.adding(weeks: 1)
            }
        }
        let visits = counted.map { RepeatVisits(input.data.employerContacts, counted: $0) } ?? RepeatVisits()
        let ids = tallies.team(in: range).filter { input.counts(specialist: $0) }
        var figures: [SpecialistFigure] = []
        for id in input.ordered(ids) {
            guard let id else { continue }
            let weeks = weekRanges.map { week, days in
                let tally = tallies.tally(of: id, period: days)
                return Week(week: week.description, from: days.from, to: days.to, faceToFace: tally.done, target: tally.target,
                            whole: days.dayCount == 7)
            }
            let (total, repeats) = visits.of(id)
            figures.append(SpecialistFigure(
                specialist: input.specialistName(id), specialistID: id, weeks: weeks,
                faceToFace: weeks.reduce(0) { $0 + $1.faceToFace }, target: weeks.reduce(0) { $0 + $1.target },
                weeksMet: weeks.filter { $0.whole && $0.faceToFace >= $0.target }.count,
                wholeWeeks: weeks.filter(\.whole).count, repeatVisits: repeats,
                repeatShare: share(repeats, of: total), perWeek: counted.map { Double(total) * 7 / Double($0.dayCount) } ?? 0))
        }
        bySpecialist = figures
        faceToFace = figures.reduce(0) { $0 + $1.faceToFace }
        repeatVisits = figures.reduce(0) { $0 + $1.repeatVisits }
        repeatShare = share(repeatVisits, of: faceToFace)
    }

    public var title: String { "Face-to-face employer contacts" }

    public var summary: [String] {
        ["\(faceToFace) face-to-face contacts, \(percentText(repeatVisits, of: faceToFace)) repeat visits"]
    }

    public var tables: [ReportTable] {
        [ReportTable(
            title: "Per specialist and week",
            columns: [("specialist", "Specialist"), ("week", "Week"), ("from", "From"), ("to", "To"),
                      ("face_to_face", "F2F"), ("target", "Target")],
            rows: bySpecialist.flatMap { figure in
                figure.weeks.map { [ReportCell(figure.specialist), ReportCell($0.week), "\($0.from)", "\($0.to)", .count($0.faceToFace), .count($0.target)] }
            }),
         ReportTable(
            title: "Per specialist",
            columns: [("specialist", "Specialist"), ("face_to_face", "F2F"), ("target", "Target"), ("per_week", "Per week"),
                      ("weeks_met", "Weeks met"), ("weeks", "Whole weeks"), ("repeat_visits", "Repeat"), ("repeat_share", "Repeat %")],
            rows: bySpecialist.map {
                [ReportCell($0.specialist), .count($0.faceToFace), .count($0.target), .decimal($0.perWeek),
                 .count($0.weeksMet), .count($0.wholeWeeks), .count($0.repeatVisits), .share($0.repeatVisits, of: $0.faceToFace)]
            })]
    }
}
