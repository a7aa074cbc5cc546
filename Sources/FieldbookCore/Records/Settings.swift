import Foundation

/// Numbers a program may set differently from the IPS defaults. Missing keys in
/// `settings.json` take the default, so a hand-edited file may hold only what differs.
public struct Settings: Codable, Hashable, Sendable {
    public var programName: String
    /// Most active clients one specialist should carry (fidelity item 1).
    public var caseloadLimit: Int
    /// Face-to-face employer contacts each specialist aims for per week (fidelity item 17).
    public var weeklyFaceToFaceTarget: Int
    /// Below this many job seekers the weekly target is per job seeker instead.
    public var smallCaseloadJobSeekers: Int
    public var faceToFacePerJobSeekerWhenSmall: Int
    /// Days from program entry to the first face-to-face employer contact (rapid job search).
    public var firstEmployerContactDays: Int
    public var followAlong: FollowAlongIntervals
    /// Minutes without a key press before the screen blanks itself.
    public var idleLockMinutes: Int
    /// The version of `settings.json` this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(
        programName: String = "IPS Supported Employment", caseloadLimit: Int = 20,
        weeklyFaceToFaceTarget: Int = 6, smallCaseloadJobSeekers: Int = 3,
        faceToFacePerJobSeekerWhenSmall: Int = 2, firstEmployerContactDays: Int = 30,
        followAlong: FollowAlongIntervals = FollowAlongIntervals(), idleLockMinutes: Int = 5
    ) {
        self.programName = programName
        self.caseloadLimit = caseloadLimit
        self.weeklyFaceToFaceTarget = weeklyFaceToFaceTarget
        self.smallCaseloadJobSeekers = smallCaseloadJobSeekers
        self.faceToFacePerJobSeekerWhenSmall = faceToFacePerJobSeekerWhenSmall
        self.firstEmployerContactDays = firstEmployerContactDays
        self.followAlong = followAlong
        self.idleLockMinutes = idleLockMinutes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Settings()
        programName = try c.decodeIfPresent(String.self, forKey: .programName) ?? d.programName
        caseloadLimit = try c.decodeIfPresent(Int.self, forKey: .caseloadLimit) ?? d.caseloadLimit
        weeklyFaceToFaceTarget = try c.decodeIfPresent(Int.self, forKey: .weeklyFaceToFaceTarget) ?? d.weeklyFaceToFaceTarget
        smallCaseloadJobSeekers = try c.decodeIfPresent(Int.self, forKey: .smallCaseloadJobSeekers) ?? d.smallCaseloadJobSeekers
        faceToFacePerJobSeekerWhenSmall = try c.decodeIfPresent(Int.self, forKey: .faceToFacePerJobSeekerWhenSmall) ?? d.faceToFacePerJobSeekerWhenSmall
        firstEmployerContactDays = try c.decodeIfPresent(Int.self, forKey: .firstEmployerContactDays) ?? d.firstEmployerContactDays
        followAlong = try c.decodeIfPresent(FollowAlongIntervals.self, forKey: .followAlong) ?? d.followAlong
        idleLockMinutes = try c.decodeIfPresent(Int.self, forKey: .idleLockMinutes) ?? d.idleLockMinutes
    }
}

/// When follow-along contacts fall due around a job start (IPS fidelity item 23).
public struct FollowAlongIntervals: Codable, Hashable, Sendable {
    /// A contact within this many days before the start.
    public var beforeStartDays: Int
    /// Within this many days after the start.
    public var afterStartDays: Int
    /// Then one contact every this many days...
    public var firstMonthEveryDays: Int
    /// ...for this many days after the start...
    public var firstMonthLengthDays: Int
    /// ...and at least one every this many calendar months after that, for as long as the job lasts.
    public var thereafterEveryMonths: Int
    /// Within this many days of a job's end.
    public var afterJobEndDays: Int
    /// Whether phone and video contacts meet these due dates; by default only face-to-face
    /// contacts do. A text message never does.
    public var phoneAndVideoCount: Bool

    public init(
        beforeStartDays: Int = 7, afterStartDays: Int = 3, firstMonthEveryDays: Int = 7,
        firstMonthLengthDays: Int = 30, thereafterEveryMonths: Int = 1, afterJobEndDays: Int = 3,
        phoneAndVideoCount: Bool = false
    ) {
        self.beforeStartDays = beforeStartDays
        self.afterStartDays = afterStartDays
        self.firstMonthEveryDays = firstMonthEveryDays
        self.firstMonthLengthDays = firstMonthLengthDays
        self.thereafterEveryMonths = thereafterEveryMonths
        self.afterJobEndDays = afterJobEndDays
        self.phoneAndVideoCount = phoneAndVideoCount
    }

    /// Keys of earlier versions, read when the current key is absent and never written.
    private enum EarlierKeys: String, CodingKey {
        /// The monthly interval in days (30 days reads as 1 month).
        case thereafterEveryDays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FollowAlongIntervals()
        beforeStartDays = try c.decodeIfPresent(Int.self, forKey: .beforeStartDays) ?? d.beforeStartDays
        afterStartDays = try c.decodeIfPresent(Int.self, forKey: .afterStartDays) ?? d.afterStartDays
        firstMonthEveryDays = try c.decodeIfPresent(Int.self, forKey: .firstMonthEveryDays) ?? d.firstMonthEveryDays
        firstMonthLengthDays = try c.decodeIfPresent(Int.self, forKey: .firstMonthLengthDays) ?? d.firstMonthLengthDays
        afterJobEndDays = try c.decodeIfPresent(Int.self, forKey: .afterJobEndDays) ?? d.afterJobEndDays
        phoneAndVideoCount = try c.decodeIfPresent(Bool.self, forKey: .phoneAndVideoCount) ?? d.phoneAndVideoCount
        if let months = try c.decodeIfPresent(Int.self, forKey: .thereafterEveryMonths) {
            thereafterEveryMonths = months
        } else if let days = try decoder.container(keyedBy: EarlierKeys.self)
            .decodeIfPresent(Int.self, forKey: .thereafterEveryDays)
        {
            thereafterEveryMonths = FollowAlongIntervals.months(fromDays: days)
        } else {
            thereafterEveryMonths = d.thereafterEveryMonths
        }
    }

    /// An interval written in days, as whole calendar months (30 days to a month, at least one).
    static func months(fromDays days: Int) -> Int {
        max(1, Int((Double(days) / 30).rounded()))
    }
}
