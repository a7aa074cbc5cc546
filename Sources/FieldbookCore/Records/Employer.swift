import Foundation

/// A business the program builds a relationship with.
public struct Employer: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var businessType: String?
    public var address: String?
    public var phone: String?
    public var website: String?
    /// The people met there, each with an id that contacts refer to.
    public var people: [EmployerPerson]
    /// What the business looks for in its hires and how it likes to be approached, as learned
    /// over visits.
    public var hiringNeeds: String?
    public var notes: String?
    /// Next steps set aside with a reason (see `DueDismissal`); absent in older files.
    @DefaultWhenAbsent<NoItems<DueDismissal>> public var dueDismissals: [DueDismissal]
    public var createdAt: Date
    public var updatedAt: Date
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(
        id: UUID = UUID(), name: String, businessType: String? = nil, address: String? = nil,
        phone: String? = nil, website: String? = nil, people: [EmployerPerson] = [],
        hiringNeeds: String? = nil, notes: String? = nil, dueDismissals: [DueDismissal] = [], createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.businessType = businessType
        self.address = address
        self.phone = phone
        self.website = website
        self.people = people
        self.hiringNeeds = hiringNeeds
        self.notes = notes
        self.dueDismissals = dueDismissals
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Someone at an employer the specialist talks to, ideally the person who hires.
public struct EmployerPerson: Codable, Hashable, Sendable, Identifiable {
    /// Unique within the employer; an employer contact names the person met by it.
    public var id: UUID
    public var name: String
    public var title: String?
    public var phone: String?
    public var email: String?
    public var hires: Bool

    public init(
        id: UUID = UUID(), name: String, title: String? = nil, phone: String? = nil, email: String? = nil,
        hires: Bool = false
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.phone = phone
        self.email = email
        self.hires = hires
    }

    /// Files written before people had ids still load: such a person gets an id derived from
    /// their place in the list and their details, the same on every read, so a contact that
    /// refers to it stays valid until the employer is next saved, which writes the id down.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        hires = try c.decode(Bool.self, forKey: .hires)
        id = try c.decodeIfPresent(UUID.self, forKey: .id)
            ?? EmployerPerson.derivedID(position: decoder.codingPath.last?.intValue ?? 0,
                                        details: [name, title ?? "", phone ?? "", email ?? ""])
    }

    /// A version-8 UUID from two FNV-1a hashes of the position and details.
    static func derivedID(position: Int, details: [String]) -> UUID {
        let text = "employer-person\u{0}\(position)\u{0}" + details.joined(separator: "\u{0}")
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        let high = fnv(0xcbf2_9ce4_8422_2325), low = fnv(0x8422_2325_cbf2_9ce4)
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

extension Employer {
    public func person(_ id: UUID?) -> EmployerPerson? {
        guard let id else { return nil }
        return people.first { $0.id == id }
    }
}
