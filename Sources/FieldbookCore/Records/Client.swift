import Foundation

/// A person served by the program, with their jobs and the contacts the specialist had with them.
/// One client is one file, so two specialists can change different clients at the same time.
public struct Client: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    /// The name as the person writes it, in any script.
    public var name: String
    public var preferredName: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var programEntryDate: LocalDate
    public var referralSource: String?
    public var referralDate: LocalDate?
    public var specialistID: UUID?
    public var status: ClientStatus
    /// Every change of `status` with its date, oldest first. Files written before it existed
    /// load with none: the client then had its current status all along.
    @DefaultWhenAbsent<NoItems<StatusChange>> public var statusHistory: [StatusChange]
    /// The person does not want follow-along support, so no contact falls due around their
    /// jobs (first employer contact still does).
    @DefaultWhenAbsent<AbsentMeansNo> public var declinedFollowAlong: Bool
    /// Days between follow-along contacts the person asked for, instead of weekly then monthly.
    public var followAlongIntervalDays: Int?
    /// Follow-along passed, with the worker's agreement, to someone else (usually the mental
    /// health team) after steady work: from its date no follow-along contact falls due for the
    /// specialist. Absent: not stepped down.
    public var followAlongStepDown: FollowAlongStepDown?
    /// Whether the person was working when they entered the program; nil when not known
    /// (the employment-rate variant then looks at the jobs held on the entry date).
    public var workingAtEntry: Bool?
    public var mentalHealthTeam: String?
    public var clinician: String?
    public var vocationalRehabCounsellor: String?
    public var benefits: [Benefit]
    public var benefitsPlanningDone: Bool
    public var disclosure: Disclosure
    public var notes: String?
    /// The id the client had in the spreadsheet they were imported from, unique among clients;
    /// later imports of the same sheet find the client by it.
    public var externalID: String?
    /// The day Fieldbook's records of this client begin (an import sets it to the import day):
    /// what fell due before it is not known to have been missed, so it is shown due on this day,
    /// not as late. Nil for a client made in Fieldbook: the records begin at program entry.
    public var recordsBegin: LocalDate?
    public var jobs: [Job]
    public var contacts: [ClientContact]
    /// Due items set aside with a reason (see `DueDismissal`); absent in older files.
    @DefaultWhenAbsent<NoItems<DueDismissal>> public var dueDismissals: [DueDismissal]
    public var createdAt: Date
    public var updatedAt: Date
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(
        id: UUID = UUID(), name: String, preferredName: String? = nil, phone: String? = nil,
        email: String? = nil, address: String? = nil, programEntryDate: LocalDate,
        referralSource: String? = nil, referralDate: LocalDate? = nil, specialistID: UUID? = nil,
        status: ClientStatus = .engaging, statusHistory: [StatusChange] = [], declinedFollowAlong: Bool = false,
        followAlongIntervalDays: Int? = nil, followAlongStepDown: FollowAlongStepDown? = nil, workingAtEntry: Bool? = nil, mentalHealthTeam: String? = nil, clinician: String? = nil,
        vocationalRehabCounsellor: String? = nil, benefits: [Benefit] = [],
        benefitsPlanningDone: Bool = false, disclosure: Disclosure = Disclosure(),
        notes: String? = nil, jobs: [Job] = [], contacts: [ClientContact] = [],
        dueDismissals: [DueDismissal] = [], createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.preferredName = preferredName
        self.phone = phone
        self.email = email
        self.address = address
        self.programEntryDate = programEntryDate
        self.referralSource = referralSource
        self.referralDate = referralDate
        self.specialistID = specialistID
        self.status = status
        self.statusHistory = statusHistory
        self.declinedFollowAlong = declinedFollowAlong
        self.followAlongIntervalDays = followAlongIntervalDays
        self.followAlongStepDown = followAlongStepDown
        self.workingAtEntry = workingAtEntry
        self.mentalHealthTeam = mentalHealthTeam
        self.clinician = clinician
        self.vocationalRehabCounsellor = vocationalRehabCounsellor
        self.benefits = benefits
        self.benefitsPlanningDone = benefitsPlanningDone
        self.disclosure = disclosure
        self.notes = notes
        self.jobs = jobs
        self.contacts = contacts
        self.dueDismissals = dueDismissals
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The name to greet the person by.
    public var displayName: String {
        if let preferred = preferredName, !preferred.isEmpty, preferred != name {
            return "\(name) (\(preferred))"
        }
        return name
    }

    /// The newest contact that reached the person (outreach attempts do not count).
    /// (The first of the newest, read in place: no list of contacts is made for it, since the
    /// caseload asks it of every row it draws.)
    public var lastContact: ClientContact? {
        var newest: Int?
        for index in contacts.indices where contacts[index].kind.reachedThePerson {
            if let best = newest, contacts[index].date <= contacts[best].date { continue }
            newest = index
        }
        return newest.map { contacts[$0] }
    }

    /// Jobs held on `date`: started on or before it and not ended before it.
    public func jobs(heldOn date: LocalDate) -> [Job] {
        jobs.filter { $0.isHeld(on: date) }
    }
}

/// Follow-along support handed on after steady work (a step-down), with the worker's agreement.
public struct FollowAlongStepDown: Codable, Hashable, Sendable {
    /// The first day the specialist's follow-along no longer falls due.
    public var date: LocalDate
    /// Who takes it on (the mental health team, a case manager...).
    public var to: String

    public init(date: LocalDate, to: String) {
        self.date = date
        self.to = to
    }
}

/// Where a person is on the path from referral to work and follow-along.
public struct ClientStatus: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let referred = ClientStatus(rawValue: "referred")
    public static let engaging = ClientStatus(rawValue: "engaging")
    public static let jobSearch = ClientStatus(rawValue: "job-search")
    public static let working = ClientStatus(rawValue: "working")
    public static let followAlong = ClientStatus(rawValue: "follow-along")
    public static let education = ClientStatus(rawValue: "education")
    public static let inactive = ClientStatus(rawValue: "inactive")
    public static let closed = ClientStatus(rawValue: "closed")

    public static let allCases: [ClientStatus] = [.referred, .engaging, .jobSearch, .working, .followAlong, .education, .inactive, .closed]

    public var label: String {
        switch self {
        case .referred: "Referred"
        case .engaging: "Engaging"
        case .jobSearch: "Job search"
        case .working: "Working"
        case .followAlong: "Follow-along"
        case .education: "In education"
        case .inactive: "Inactive"
        case .closed: "Closed"
        default: rawValue
        }
    }

    /// Counts toward the specialist's active caseload (fidelity item 1). A referral not yet
    /// enrolled, a person not engaged for now, and a closed case do not.
    public var isActive: Bool {
        switch self {
        case .engaging, .jobSearch, .working, .followAlong, .education: true
        case .referred, .inactive, .closed: false
        default: false
        }
    }
}

/// Benefits a person receives, which work income may affect.
public struct Benefit: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ssi = Benefit(rawValue: "SSI")
    public static let ssdi = Benefit(rawValue: "SSDI")
    public static let medicaid = Benefit(rawValue: "Medicaid")
    public static let medicare = Benefit(rawValue: "Medicare")
    public static let housing = Benefit(rawValue: "Housing")
    public static let snap = Benefit(rawValue: "SNAP")
    public static let va = Benefit(rawValue: "VA")
    public static let tanf = Benefit(rawValue: "TANF")
    public static let other = Benefit(rawValue: "Other")

    public static let allCases: [Benefit] = [.ssi, .ssdi, .medicaid, .medicare, .housing, .snap, .va, .tanf, .other]
}

/// Whether the specialist may tell employers about the person's condition, and what.
public struct Disclosure: Codable, Hashable, Sendable {
    public var preference: DisclosurePreference
    /// What may be said, in the person's words, when the preference allows it.
    public var whatMayBeSaid: String?

    public init(preference: DisclosurePreference = .undecided, whatMayBeSaid: String? = nil) {
        self.preference = preference
        self.whatMayBeSaid = whatMayBeSaid
    }

    /// One line for a screen beside the person's name.
    public var summary: String {
        if let said = whatMayBeSaid, !said.isEmpty, preference != .doNotDisclose {
            return "\(preference.label): \(said)"
        }
        return preference.label
    }
}

public struct DisclosurePreference: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let disclose = DisclosurePreference(rawValue: "disclose")
    public static let limited = DisclosurePreference(rawValue: "limited")
    public static let doNotDisclose = DisclosurePreference(rawValue: "do-not-disclose")
    public static let undecided = DisclosurePreference(rawValue: "undecided")

    public static let allCases: [DisclosurePreference] = [.disclose, .limited, .doNotDisclose, .undecided]

    public var label: String {
        switch self {
        case .disclose: "May disclose"
        case .limited: "Limited disclosure"
        case .doNotDisclose: "Do not disclose"
        case .undecided: "Not decided"
        default: rawValue
        }
    }
}
