import Foundation

/// A contact between the specialist and a client, or an attempt to reach them.
public struct ClientContact: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var date: LocalDate
    public var kind: ClientContactKind
    public var place: String?
    public var note: String?
    public var specialistID: UUID?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), date: LocalDate, kind: ClientContactKind, place: String? = nil,
        note: String? = nil, specialistID: UUID? = nil, createdAt: Date = Date()
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.place = place
        self.note = note
        self.specialistID = specialistID
        self.createdAt = createdAt
    }
}

public enum ClientContactKind: String, Codable, CaseIterable, Sendable {
    case faceToFace = "face-to-face"
    case phone
    case video
    case text
    case outreachAttempt = "outreach-attempt"

    public var label: String {
        switch self {
        case .faceToFace: "Face-to-face"
        case .phone: "Phone"
        case .video: "Video"
        case .text: "Text message"
        case .outreachAttempt: "Outreach attempt"
        }
    }

    /// An outreach attempt is logged but did not reach the person, so it satisfies no due date.
    public var reachedThePerson: Bool { self != .outreachAttempt }

    /// Whether a contact of this kind meets a follow-along due date: face-to-face always, phone
    /// and video only when the program's settings say so, a text message or an attempt never.
    public func meetsDueDates(phoneAndVideoCount: Bool) -> Bool {
        switch self {
        case .faceToFace: true
        case .phone, .video: phoneAndVideoCount
        case .text, .outreachAttempt: false
        }
    }
}
