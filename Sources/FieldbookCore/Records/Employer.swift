import Foundation

/// A business the program builds a relationship with.
public struct Employer: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var businessType: String?
    public var address: String?
    public var phone: String?
    public var people: [EmployerPerson]
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), name: String, businessType: String? = nil, address: String? = nil,
        phone: String? = nil, people: [EmployerPerson] = [], notes: String? = nil,
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.businessType = businessType
        self.address = address
        self.phone = phone
        self.people = people
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Someone at an employer the specialist talks to, ideally the person who hires.
public struct EmployerPerson: Codable, Hashable, Sendable {
    public var name: String
    public var title: String?
    public var phone: String?
    public var email: String?
    public var hires: Bool

    public init(name: String, title: String? = nil, phone: String? = nil, email: String? = nil, hires: Bool = false) {
        self.name = name
        self.title = title
        self.phone = phone
        self.email = email
        self.hires = hires
    }
}
