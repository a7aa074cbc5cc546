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

public struct ClientContactKind: OpenEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let faceToFace = ClientContactKind(rawValue: "face-to-face")
    public static let phone = ClientContactKind(rawValue: "phone")
    public static let video = ClientContactKind(rawValue: "video")
    public static let text = ClientContactKind(rawValue: "text")
    public static let outreachAttempt = ClientContactKind(rawValue: "outreach-attempt")

    public static let allCases: [ClientContactKind] = [.faceToFace, .phone, .video, .text, .outreachAttempt]

    public var label: String {
        switch self {
        case .faceToFace: "Face-to-face"
        case .phone: "Phone"
        case .video: "Video"
        case .text: "Text message"
        case .outreachAttempt: "Outreach attempt"
        default: rawValue
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
        default: false
        }
    }
}
