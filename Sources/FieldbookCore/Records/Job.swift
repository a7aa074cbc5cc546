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
    /// Regular work at or above minimum wage, open to anyone (not set aside for disabled people).
    public var isCompetitive: Bool
    public var endReason: JobEndReason?
    public var endNote: String?

    public init(
        id: UUID = UUID(), employerID: UUID? = nil, employerName: String, title: String,
        startDate: LocalDate, endDate: LocalDate? = nil, hoursPerWeek: Double? = nil,
        hourlyWage: Decimal? = nil, isCompetitive: Bool = true, endReason: JobEndReason? = nil,
        endNote: String? = nil
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
    }

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
