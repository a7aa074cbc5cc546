import Foundation

/// One entry of the employer contact log: a visit, call or message to an employer.
public struct EmployerContact: Codable, Hashable, Sendable, Identifiable {
    // Held in this order, the fields of eight bytes first and those of one byte last, so that
    // no padding falls between them: an agency's log holds tens of thousands of contacts.
    public var date: LocalDate
    public var purpose: EmployerContactPurpose
    public var method: EmployerContactMethod
    /// The clients this contact was made for; empty for general relationship building.
    public var jobSeekerIDs: [UUID]
    public var createdAt: Date
    public var updatedAt: Date
    /// `contactPerson`, `contactTitle`, `hiringNeeds`, `outcome` and `nextStep`, in one buffer,
    /// shared by the contacts of a month file as read (see `PackedText`).
    private var text: PackedText
    public var nextStepDate: LocalDate?
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?
    public var id: UUID
    public var specialistID: UUID
    public var employerID: UUID
    /// The person met, among the employer's people; nil for someone not in the directory.
    public var contactPersonID: UUID?
    public var jobSeekerPresent: Bool

    /// The person's name as typed (kept as well, so the log still reads right if the person is
    /// removed from the directory).
    public var contactPerson: String? {
        get { text[0, of: 5] }
        set { text[0, of: 5] = newValue }
    }
    public var contactTitle: String? {
        get { text[1, of: 5] }
        set { text[1, of: 5] = newValue }
    }
    /// What was learned about the business's hiring needs and preferences.
    public var hiringNeeds: String? {
        get { text[2, of: 5] }
        set { text[2, of: 5] = newValue }
    }
    public var outcome: String? {
        get { text[3, of: 5] }
        set { text[3, of: 5] = newValue }
    }
    public var nextStep: String? {
        get { text[4, of: 5] }
        set { text[4, of: 5] = newValue }
    }

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
        self.purpose = purpose
        self.method = method
        self.jobSeekerPresent = jobSeekerPresent
        self.jobSeekerIDs = jobSeekerIDs
        self.nextStepDate = nextStepDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        text = PackedText(contactPerson, contactTitle, hiringNeeds, outcome, nextStep)
    }

    // Coded as the plain fields were: the same keys, read and written in the same order, an
    // optional absent or null read as nil and left out when nil.
    enum CodingKeys: String, CodingKey {
        case id, date, specialistID, employerID, contactPersonID, contactPerson, contactTitle, purpose, method
        case jobSeekerPresent, jobSeekerIDs, hiringNeeds, outcome, nextStep, nextStepDate, createdAt, updatedAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        specialistID = try c.decode(UUID.self, forKey: .specialistID)
        employerID = try c.decode(UUID.self, forKey: .employerID)
        contactPersonID = try c.decodeIfPresent(UUID.self, forKey: .contactPersonID)
        let contactPerson = try c.decodeIfPresent(String.self, forKey: .contactPerson)
        let contactTitle = try c.decodeIfPresent(String.self, forKey: .contactTitle)
        purpose = try c.decode(EmployerContactPurpose.self, forKey: .purpose)
        method = try c.decode(EmployerContactMethod.self, forKey: .method)
        jobSeekerPresent = try c.decode(Bool.self, forKey: .jobSeekerPresent)
        jobSeekerIDs = try c.decode([UUID].self, forKey: .jobSeekerIDs)
        let hiringNeeds = try c.decodeIfPresent(String.self, forKey: .hiringNeeds)
        let outcome = try c.decodeIfPresent(String.self, forKey: .outcome)
        let nextStep = try c.decodeIfPresent(String.self, forKey: .nextStep)
        nextStepDate = try c.decodeIfPresent(LocalDate.self, forKey: .nextStepDate)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        text = PackedText(contactPerson, contactTitle, hiringNeeds, outcome, nextStep)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(specialistID, forKey: .specialistID)
        try c.encode(employerID, forKey: .employerID)
        try c.encodeIfPresent(contactPersonID, forKey: .contactPersonID)
        try c.encodeIfPresent(contactPerson, forKey: .contactPerson)
        try c.encodeIfPresent(contactTitle, forKey: .contactTitle)
        try c.encode(purpose, forKey: .purpose)
        try c.encode(method, forKey: .method)
        try c.encode(jobSeekerPresent, forKey: .jobSeekerPresent)
        try c.encode(jobSeekerIDs, forKey: .jobSeekerIDs)
        try c.encodeIfPresent(hiringNeeds, forKey: .hiringNeeds)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        try c.encodeIfPresent(nextStep, forKey: .nextStep)
        try c.encodeIfPresent(nextStepDate, forKey: .nextStepDate)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }

    /// Face to face (whether it counts toward the weekly target is `ContactTally.counts`).
    public var isFaceToFace: Bool { method == .faceToFace }

    /// The texts of `contacts`, read from one file, moved into one buffer they share.
    static func shareText(_ contacts: inout [EmployerContact]) {
        PackedText.share(&contacts, \.text)
    }
}

extension EmployerContact: CustomReflectable {
    /// Its fields as its file holds them, by name and in the file's order (not as they are
    /// held in memory): what a message naming the fields that changed reads.
    public var customMirror: Mirror {
        let fields: KeyValuePairs<String, Any> = [
            "id": id, "date": date, "specialistID": specialistID, "employerID": employerID,
            "contactPersonID": contactPersonID as Any, "contactPerson": contactPerson as Any,
            "contactTitle": contactTitle as Any, "purpose": purpose, "method": method,
            "jobSeekerPresent": jobSeekerPresent, "jobSeekerIDs": jobSeekerIDs, "hiringNeeds": hiringNeeds as Any,
            "outcome": outcome as Any, "nextStep": nextStep as Any, "nextStepDate": nextStepDate as Any,
            "createdAt": createdAt, "updatedAt": updatedAt,
        ]
        return Mirror(self, children: fields, displayStyle: .struct)
    }
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
