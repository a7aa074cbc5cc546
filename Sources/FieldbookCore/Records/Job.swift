import Foundation

/// A job a client holds or held while in the program.
public struct Job: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var employerID: UUID?
    public var employerName: String
    public var title: String
    public var startDate: LocalDate
    public var endDate: LocalDate?
    public var hoursPerWeek: Double?
    /// Pay per hour in the program's currency.
    public var hourlyWage: Decimal?
    /// Competitive work (see `Job.competitiveHelp`): open to anyone to apply for, at or above
    /// minimum wage, paid as others doing the same work. Peer support jobs and self-employment
    /// count; jobs set aside for disabled people, short-term by design or an assessment do not.
    public var isCompetitive: Bool
    public var endReason: JobEndReason?
    public var endNote: String?
    /// The day the specialist learned the job had ended, when later than the end; the
    /// after-loss contact is due from then (`FollowAlong.lossKnown`). Absent: the end date.
    public var lossLearnedOn: LocalDate?
    /// The person works for themselves: `employerName` then names the business, if any, and
    /// `employerID` is nil. Absent: no.
    public var selfEmployed: Bool?
    /// What was agreed at the job start about support at work (absent until asked).
    public var supports: JobSupports?

    public init(
        id: UUID = UUID(), employerID: UUID? = nil, employerName: String, title: String,
        startDate: LocalDate, endDate: LocalDate? = nil, hoursPerWeek: Double? = nil,
        hourlyWage: Decimal? = nil, isCompetitive: Bool = true, endReason: JobEndReason? = nil,
        endNote: String? = nil, lossLearnedOn: LocalDate? = nil, selfEmployed: Bool? = nil,
        supports: JobSupports? = nil
    ) {
        self.id = id
        self.employerID = employerID
        self.employerName = employerName
        self.title = title
        self.startDate = startDate
        self.endDate = endDate
        self.hoursPerWeek = hoursPerWeek
        self.hourlyWage = hourlyWage
        self.isCompetitive = isCompetitive
        self.endReason = endReason
        self.endNote = endNote
        self.lossLearnedOn = lossLearnedOn
        self.selfEmployed = selfEmployed
        self.supports = supports
    }

    public var isSelfEmployed: Bool { selfEmployed == true }

    /// The employer as shown: the business's name, or "self-employed".
    public var employerText: String {
        isSelfEmployed ? Self.selfEmployedText(business: employerName) : employerName
    }

    /// "self-employed", with the business's name when there is one.
    public static func selfEmployedText(business: String?) -> String {
        guard let business, !business.isEmpty else { return "self-employed" }
        return "\(business) (self-employed)"
    }

    /// What counts as competitive work, for the job form and the docs (the IPS Employment
    /// Center's definition, in the project's words).
    public static let competitiveHelp = "Open to anyone to apply for, at least minimum wage, paid as others doing it. "
        + "Peer support jobs, self-employment and seasonal work count; jobs set aside for disabled people, "
        + "short-term by design or an assessment do not."

    /// Held on `date`: started on or before it and not ended before it.
    public func isHeld(on date: LocalDate) -> Bool {
        startDate <= date && (endDate.map { $0 >= date } ?? true)
    }
}

public struct JobEndReason: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let resigned = JobEndReason(rawValue: "resigned")
    public static let dismissed = JobEndReason(rawValue: "dismissed")
    public static let laidOff = JobEndReason(rawValue: "laid-off")
    public static let temporaryEnded = JobEndReason(rawValue: "temporary-ended")
    public static let other = JobEndReason(rawValue: "other")

    public static let allCases: [JobEndReason] = [.resigned, .dismissed, .laidOff, .temporaryEnded, .other]

    public var label: String {
        switch self {
        case .resigned: "Resigned"
        case .dismissed: "Dismissed"
        case .laidOff: "Laid off"
        case .temporaryEnded: "Temporary job ended"
        case .other: "Other"
        default: rawValue
        }
    }
}

/// What a worker and the specialist agreed at a job start about support at work.
public struct JobSupports: Codable, Hashable, Sendable {
    /// Who at the employer the specialist may deal with, if anyone.
    public var employerContact: String?
    /// What the worker wants the specialist to do (at work or away from it).
    public var wanted: String?
    /// What the worker does not want the specialist to do.
    public var notWanted: String?

    public init(employerContact: String? = nil, wanted: String? = nil, notWanted: String? = nil) {
        self.employerContact = employerContact
        self.wanted = wanted
        self.notWanted = notWanted
    }

    public var isEmpty: Bool {
        [employerContact, wanted, notWanted].allSatisfy { ($0 ?? "").isEmpty }
    }
}
