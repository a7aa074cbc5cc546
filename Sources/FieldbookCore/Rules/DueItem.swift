import Foundation

extension DueItem {
    /// The item as due no earlier than `day` (the day a client's records begin), its status
    /// and days late worked out again for `asOf`.
    public func due(notBefore day: LocalDate, asOf: LocalDate) -> DueItem {
        guard dueOn < day else { return self }
        var item = self
        item.dueOn = day
        item.status = DueStatus(dueOn: day, asOf: asOf)
        item.daysOverdue = max(0, day.days(until: asOf))
        return item
    }
}

/// Something a specialist must do by a date: a contact with a client around a job, the first
/// employer contact of a job search, or an employer's next step.
public struct DueItem: Hashable, Sendable, Codable {
    // Held in this order, the fields of eight bytes first and those of one byte last, so that
    // no padding falls between them: a program's list holds thousands of items, three times.
    public var dueOn: LocalDate
    /// Days past the due date; 0 unless overdue.
    public var daysOverdue: Int
    public var clientName: String?
    public var specialistName: String?
    public var employerName: String?
    /// What is due and why, for people: "weekly check-in, job at Corner Books since 3 Nov".
    public var why: String
    public var kind: DueKind
    /// Relative to the day the list was computed for.
    public var status: DueStatus
    /// The client it concerns; nil for an employer's next step.
    public var clientID: UUID?
    /// The client's specialist, or for an employer's next step the specialist who logged it.
    public var specialistID: UUID?
    /// The job the item belongs to (before-start, after-start, weekly, monthly, after-job-loss).
    public var jobID: UUID?
    public var employerID: UUID?
    /// The employer contact whose next step is due (employer-next-step).
    public var employerContactID: UUID?

    public init(
        kind: DueKind, dueOn: LocalDate, asOf: LocalDate, clientID: UUID? = nil, clientName: String? = nil,
        specialistID: UUID? = nil, specialistName: String? = nil, jobID: UUID? = nil,
        employerID: UUID? = nil, employerName: String? = nil, employerContactID: UUID? = nil, why: String
    ) {
        self.kind = kind
        self.dueOn = dueOn
        self.status = DueStatus(dueOn: dueOn, asOf: asOf)
        self.daysOverdue = max(0, dueOn.days(until: asOf))
        self.clientID = clientID
        self.clientName = clientName
        self.specialistID = specialistID
        self.specialistName = specialistName
        self.jobID = jobID
        self.employerID = employerID
        self.employerName = employerName
        self.employerContactID = employerContactID
        self.why = why
    }

    /// The order of every list of due items: by due date, then client name (employer items
    /// after clients' on the same day), then kind in the order of the rules; ties broken so the
    /// order never depends on the order records were read in.
    public static func listOrder(_ a: DueItem, _ b: DueItem) -> Bool {
        listOrder(a, b, foldedNames: (a.clientName.map(NameSearch.fold) ?? "", b.clientName.map(NameSearch.fold) ?? ""))
    }

    /// `listOrder` with the client names already folded (folding is the slow part of a sort).
    static func listOrder(_ a: DueItem, _ b: DueItem, foldedNames: (String, String)) -> Bool {
        if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
        switch (a.clientName, b.clientName) {
        case (let x?, let y?) where x != y:
            let (fx, fy) = foldedNames
            return fx != fy ? fx < fy : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.kind != b.kind { return a.kind.ruleNumber < b.kind.ruleNumber }
        let ea = a.employerName ?? "", eb = b.employerName ?? ""
        if ea != eb { return ea < eb }
        // Ids in the order of their text (no id first), compared as bytes.
        let ta = a.clientID ?? a.employerContactID ?? a.employerID
        let tb = b.clientID ?? b.employerContactID ?? b.employerID
        if ta != tb { return Self.precedes(ta, tb) }
        return Self.precedes(a.jobID, b.jobID)
    }

    private static func precedes(_ a: UUID?, _ b: UUID?) -> Bool {
        guard let b else { return false }
        guard let a else { return true }
        return UUIDText.precedes(a, b)
    }
}

/// The rule an item comes from; the raw value is its name in files and on the command line.
public enum DueKind: String, CaseIterable, Sendable, Codable {
    case beforeStart = "before-start"
    case afterStart = "after-start"
    case weekly
    case monthly
    case firstEmployerContact = "first-employer-contact"
    case afterJobLoss = "after-job-loss"
    case employerNextStep = "employer-next-step"

    /// Its place among the rules (1-7), the order kinds are listed in.
    public var ruleNumber: Int {
        switch self {
        case .beforeStart: 1
        case .afterStart: 2
        case .weekly: 3
        case .monthly: 4
        case .firstEmployerContact: 5
        case .afterJobLoss: 6
        case .employerNextStep: 7
        }
    }

    public var label: String {
        switch self {
        case .beforeStart: "Before start"
        case .afterStart: "After start"
        case .weekly: "Weekly"
        case .monthly: "Monthly"
        case .firstEmployerContact: "First employer contact"
        case .afterJobLoss: "After job loss"
        case .employerNextStep: "Employer next step"
        }
    }

    /// Met by a contact with the client (rules 1-4 and 6), rather than with an employer.
    public var isClientContact: Bool {
        switch self {
        case .beforeStart, .afterStart, .weekly, .monthly, .afterJobLoss: true
        case .firstEmployerContact, .employerNextStep: false
        }
    }
}

public enum DueStatus: String, CaseIterable, Sendable, Codable {
    case overdue
    case today
    case upcoming

    public init(dueOn: LocalDate, asOf: LocalDate) {
        self = dueOn < asOf ? .overdue : dueOn == asOf ? .today : .upcoming
    }
}

extension LocalDate {
    /// "3 Nov", with the year when it differs from `reference`'s: for "why" texts.
    func dayAndMonth(near reference: LocalDate) -> String {
        let short = "\(day) \(LocalDate.monthName(month).prefix(3))"
        return year == reference.year ? short : "\(short) \(year)"
    }
}
