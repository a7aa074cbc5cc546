import Foundation

/// Every report by its command-line name, in the order the Reports tab lists them.
public enum ReportCatalog {
    public static let names: [String] = [
        EmploymentRateReport.name, EmployerContactsReport.name, JobStartsReport.name, JobEndingsReport.name,
        StillEmployed90DaysReport.name, LeftCaseloadReport.name, CaseloadReport.name, RapidSearchReport.name,
        FollowAlongReport.name,
    ]

    /// The report called `name`, or nil for an unknown name.
    public static func report(_ name: String, _ input: ReportInput, unemployedAtEntry: Bool = false) -> (any Report)? {
        switch name {
        case EmploymentRateReport.name: EmploymentRateReport(input, unemployedAtEntry: unemployedAtEntry)
        case EmployerContactsReport.name: EmployerContactsReport(input)
        case JobStartsReport.name: JobStartsReport(input)
        case JobEndingsReport.name: JobEndingsReport(input)
        case StillEmployed90DaysReport.name: StillEmployed90DaysReport(input)
        case LeftCaseloadReport.name: LeftCaseloadReport(input)
        case CaseloadReport.name: CaseloadReport(input)
        case RapidSearchReport.name: RapidSearchReport(input)
        case FollowAlongReport.name: FollowAlongReport(input)
        default: nil
        }
    }
}
