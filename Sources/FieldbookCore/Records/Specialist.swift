import Foundation

/// An employment specialist: the person who carries a caseload and logs employer visits.
public struct Specialist: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var email: String?
    public var phone: String?
    /// False once the specialist has left the program; their records stay.
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(
        id: UUID = UUID(), name: String, email: String? = nil, phone: String? = nil,
        isActive: Bool = true, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
