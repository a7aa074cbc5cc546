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
            case .organisation: "Organisation"
            case .services: "Services"
            }
        }
    }

    public static let items: [Item] = [
        (1, "Caseload size", Group.staffing), (2, "Employment services staff", .staffing), (3, "Vocational generalists", .staffing),
        (4, "Integration through team assignment", .organisation), (5, "Integration through frequent team contact", .organisation),
        (6, "Collaboration with VR counsellors", .organisation), (7, "Vocational unit", .organisation),
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
