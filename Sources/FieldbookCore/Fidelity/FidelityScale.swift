import Foundation

/// The 25 items of the IPS supported employment fidelity scale, in its three groups, each
/// scored 1-5 (total 25-125).
public enum FidelityScale {
    public struct Item: Hashable, Sendable {
        public var number: Int
        public var title: String
        public var group: Group
    }

    public enum Group: String, CaseIterable, Sendable, Codable {
        case staffing
        case organisation
        case services

        public var title: String {
            switch self {
            case .staffing: "Staffing"
            case .organisation: "Organization"
            case .services: "Services"
            }
        }
    }

    public static let items: [Item] = [
        (1, "Caseload size", Group.staffing), (2, "Employment services staff", .staffing), (3, "Vocational generalists", .staffing),
        (4, "Integration through team assignment", .organisation), (5, "Integration through frequent team contact", .organisation),
        (6, "Collaboration with VR counselors", .organisation), (7, "Vocational unit", .organisation),
        (8, "Role of the employment supervisor", .organisation), (9, "Zero exclusion", .organisation),
        (10, "Agency focus on competitive employment", .organisation), (11, "Executive team support", .organisation),
        (12, "Work incentives planning", .services), (13, "Disclosure", .services),
        (14, "Ongoing work-based vocational assessment", .services), (15, "Rapid job search", .services),
        (16, "Individualised job search", .services), (17, "Job development: frequent employer contact", .services),
        (18, "Job development: quality of employer contact", .services), (19, "Diversity of job types", .services),
        (20, "Diversity of employers", .services), (21, "Competitive jobs", .services),
        (22, "Individualised follow-along supports", .services), (23, "Time-unlimited follow-along supports", .services),
        (24, "Community-based services", .services), (25, "Assertive engagement and outreach", .services),
    ].map { Item(number: $0.0, title: $0.1, group: $0.2) }

    /// What each item looks at, in the project's own short words (the scale's anchor text is
    /// copyrighted; the full scale is in the IPS Employment Center's Supported Employment
    /// Fidelity Review Manual, `FidelityScale.source`).
    public static let criteria: [Int: String] = [
        1: "Active clients per employment specialist.",
        2: "Specialists do employment work only, not case management or other roles.",
        3: "Each specialist carries every phase: engagement, assessment, job search, follow-along.",
        4: "Specialists belong to one or two mental health treatment teams.",
        5: "Specialists meet their teams weekly and share the records.",
        6: "Regular, planned contact with vocational rehabilitation counselors.",
        7: "Specialists form a unit with a supervisor and cover for each other.",
        8: "A supervisor leads the unit, reviews outcomes and helps with job development.",
        9: "Anyone who wants to work is served; no readiness screening.",
        10: "The agency promotes work everywhere: intake, plans, outcome reports.",
        11: "Leadership knows and supports IPS, with a steering group.",
        12: "Each person is offered personal work-incentive (benefits) planning.",
        13: "Specialists talk through disclosure with each person before the job search.",
        14: "Assessment goes on through work experience and the career profile is kept up.",
        15: "First face-to-face employer contact (by the person or the specialist) soon after entry.",
        16: "The job search follows each person's preferences and circumstances.",
        17: "Face-to-face employer contacts each week on behalf of people looking for work.",
        18: "Employer contacts build relationships over several visits.",
        19: "Jobs found are of different kinds.",
        20: "Jobs found are with different employers.",
        21: "Jobs found are competitive: open to anyone, at least minimum wage.",
        22: "Follow-along supports are fitted to each worker and employer.",
        23: "Follow-along face to face around each start, then at least monthly for a year or more; after a loss, soon after learning of it.",
        24: "Specialists spend most of their time in the community.",
        25: "Persistent, caring outreach to people who stop attending.",
    ]

    /// Where the full scale and its anchors are published.
    public static let source = "IPS Supported Employment Fidelity Scale and its Fidelity Review Manual (IPS Employment Center, ipsworks.org)"

    /// The items Fieldbook's records can inform.
    public static let estimatedItems: Set<Int> = [1, 15, 17, 19, 20, 21, 23]

    public static func item(_ number: Int) -> Item? { items.first { $0.number == number } }

    public enum Band: String, Sendable, Codable, Hashable {
        case notSupportedEmployment = "not-supported-employment"
        case fair
        case good
        case exemplary

        public var label: String {
            switch self {
            case .notSupportedEmployment: "Not supported employment"
            case .fair: "Fair fidelity"
            case .good: "Good fidelity"
            case .exemplary: "Exemplary fidelity"
            }
        }
    }

    /// The band of a total: 25-73 not supported employment, 74-99 fair, 100-114 good, 115-125 exemplary.
    public static func band(total: Int) -> Band {
        switch total {
        case ..<74: .notSupportedEmployment
        case 74...99: .fair
        case 100...114: .good
        default: .exemplary
        }
    }
}
