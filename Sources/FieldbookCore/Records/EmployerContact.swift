import Foundation

/// One entry of the employer contact log: a visit, call or message to an employer.
public struct EmployerContact: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var date: LocalDate
    public var specialistID: UUID
    public var employerID: UUID
    /// The person met, among the employer's people; nil for someone not in the directory.
    public var contactPersonID: UUID?
    /// The person's name as typed (kept as well, so the log still reads right if the person is
    /// removed from the directory).
    public var contactPerson: String?
    public var contactTitle: String?
    public var purpose: EmployerContactPurpose
    public var method: EmployerContactMethod
    public var jobSeekerPresent: Bool
    /// The clients this contact was made for; empty for general relationship building.
    public var jobSeekerIDs: [UUID]
    /// What was learned about the business's hiring needs and preferences.
    public var hiringNeeds: String?
    public var outcome: String?
    public var nextStep: String?
    public var nextStepDate: LocalDate?
    public var createdAt: Date
    public var updatedAt: Date
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(
        id: UUID = UUID(), date: LocalDate, specialistID: UUID, employerID: UUID,
        contactPersonID: UUID? = nil, contactPerson: String? = nil, contactTitle: String? = nil,
        purpose: EmployerContactPurpose, method: EmployerContactMethod,
        jobSeekerPresent: Bool = false, jobSeekerIDs: [UUID] = [], hiringNeeds: String? = nil,
        outcome: String? = nil, nextStep: String? = nil, nextStepDate: LocalDate? = nil,
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.date = date
        self.specialistID = specialistID
        self.employerID = employerID
        self.contactPersonID = contactPersonID
        self.contactPerson = contactPerson
        self.contactTitle = contactTitle
        self.purpose = purpose
        self.method = method
        self.jobSeekerPresent = jobSeekerPresent
        self.jobSeekerIDs = jobSeekerIDs
        self.hiringNeeds = hiringNeeds
        self.outcome = outcome
        self.nextStep = nextStep
        self.nextStepDate = nextStepDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Face to face (whether it counts toward the weekly target is `ContactTally.counts`).
    public var isFaceToFace: Bool { method == .faceToFace }
}

public struct EmployerContactPurpose: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let introduceIPS = EmployerContactPurpose(rawValue: "introduce-ips")
    public static let learnNeeds = EmployerContactPurpose(rawValue: "learn-needs")
    public static let presentJobSeeker = EmployerContactPurpose(rawValue: "present-job-seeker")
    public static let followUp = EmployerContactPurpose(rawValue: "follow-up")
    /// A visit to support someone already working there: job support, not job development
    /// (`ContactTally.counts` leaves it out of the weekly target).
    public static let jobSupport = EmployerContactPurpose(rawValue: "job-support")
    public static let other = EmployerContactPurpose(rawValue: "other")

    public static let allCases: [EmployerContactPurpose] = [.introduceIPS, .learnNeeds, .presentJobSeeker, .followUp, .jobSupport, .other]

    public var label: String {
        switch self {
        case .introduceIPS: "Introduce IPS"
        case .learnNeeds: "Learn the business's needs"
        case .presentJobSeeker: "Present a job seeker"
        case .followUp: "Follow-up"
        case .jobSupport: "Job support (someone working there)"
        case .other: "Other"
        default: rawValue
        }
    }
}

public struct EmployerContactMethod: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let faceToFace = EmployerContactMethod(rawValue: "face-to-face")
    public static let phone = EmployerContactMethod(rawValue: "phone")
    public static let video = EmployerContactMethod(rawValue: "video")
    public static let email = EmployerContactMethod(rawValue: "email")
    public static let other = EmployerContactMethod(rawValue: "other")

    public static let allCases: [EmployerContactMethod] = [.faceToFace, .phone, .video, .email, .other]

    public var label: String {
        switch self {
        case .faceToFace: "Face-to-face"
        case .phone: "Phone"
        case .video: "Video"
        case .email: "Email"
        case .other: "Other"
        default: rawValue
        }
    }
}
