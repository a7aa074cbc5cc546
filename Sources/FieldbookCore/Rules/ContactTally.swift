import Foundation

/// Face-to-face job development contacts with employers in a period against the target (fidelity item 17), for one
/// specialist or for the whole team, as seen on `today`; and the rule itself (what counts, the
/// weekly target, its share for a period), which the header, the contacts command, the reports
/// and the tally history all take from here.
///
/// The target of a week is the specialist's weekly target (6, or 2 per job seeker when they have
/// fewer than 3 in job search); a team's is the sum of its specialists' targets. A period that is
/// not one week gets the weekly target in proportion to its days. Past weeks use today's target:
/// the records do not keep who was in job search in an earlier week.
public struct ContactTally: Hashable, Sendable, Codable {
    public var period: DateRange
    /// nil for the whole team.
    public var specialistID: UUID?
    /// Face-to-face contacts in the period.
    public var done: Int
    public var target: Int
    /// Monday-to-Friday days from today (counted if it is one) to the end of the period.
    public var workingDaysLeft: Int
    /// Calendar days from today (counted) to the end of the period; 0 once it is over.
    public var daysLeft: Int
    /// The period ended before today.
    public var isFinished: Bool

    public init(period: DateRange, specialistID: UUID?, done: Int, target: Int, today: LocalDate) {
        self.period = period
        self.specialistID = specialistID
        self.done = done
        self.target = target
        workingDaysLeft = period.workingDays(from: today)
        daysLeft = max(0, period.to.dayNumber - max(today, period.from).dayNumber + 1)
        isFinished = period.to < today
    }

    // MARK: The target

    /// The weekly target of a specialist with `jobSeekers` clients in job search: 6 (settings'
    /// `weeklyFaceToFaceTarget`), or 2 per job seeker with fewer than 3.
    public static func weeklyTarget(jobSeekers seekers: Int, settings: Settings) -> Int {
        seekers < settings.smallCaseloadJobSeekers ? seekers * settings.faceToFacePerJobSeekerWhenSmall : settings.weeklyFaceToFaceTarget
    }

    /// A weekly target scaled to a period of `days` days (a week keeps it as it is).
    public static func target(weekly: Int, days: Int) -> Int {
        days == 7 ? weekly : Int((Double(weekly * days) / 7).rounded())
    }

    /// Job development counts toward the target: face-to-face contacts (repeat visits to one
    /// employer too) for any purpose but job support, a visit to support someone already
    /// working there. Contacts logged before job support could be told apart keep counting.
    /// The first employer contact (item 15) and repeat visits count the same contacts.
    public static func counts(_ contact: EmployerContact) -> Bool {
        contact.isFaceToFace && contact.purpose != .jobSupport
    }

    // MARK: Against the target

    /// Contacts still needed to reach the target.
    public var left: Int { max(0, target - done) }

    public var isMet: Bool { done >= target }

    /// Only a finished period can be missed: mid-week the count is still growing.
    public var isMissed: Bool { isFinished && !isMet }

    /// No target: nobody counted has a client in job search.
    public var hasNoTarget: Bool { target == 0 }

    /// `F2F 4/6`, with `missed` after a finished week that fell short; `F2F 1 · no job seekers`
    /// when there is no target to count against.
    public var shortText: String {
        if hasNoTarget { return "F2F \(done) · no job seekers" }
        return "F2F \(done)/\(target)" + (isMissed ? " missed" : "")
    }

    /// For the header: `F2F 1/6 · 5 to go · 3 days` while the period runs and the target is not
    /// met (on a weekend at its end: `ends today`, `ends tomorrow`); otherwise the short form.
    public var text: String {
        guard !isFinished, !isMet else { return shortText }
        return "F2F \(done)/\(target) · \(left) to go · \(timeLeft)"
    }

    /// What is left of the period: working days, or, with none left, when it ends.
    private var timeLeft: String {
        switch (workingDaysLeft, daysLeft) {
        case (0, 1): "ends today"
        case (0, 2): "ends tomorrow"
        case (0, _): "\(daysLeft) days"
        case (1, _): "1 day"
        default: "\(workingDaysLeft) days"
        }
    }
}
