import Foundation

/// A contact between the specialist and a client, or an attempt to reach them.
public struct ClientContact: Codable, Hashable, Sendable, Identifiable {
    // Held in this order, the fields of eight bytes first, so that no padding falls between
    // them: an agency's clients hold tens of thousands of contacts.
    public var date: LocalDate
    public var kind: ClientContactKind
    public var createdAt: Date
    /// `place` and `note` in one buffer, shared by a client's contacts as read (see `PackedText`).
    private var text: PackedText
    public var id: UUID
    public var specialistID: UUID?

    public var place: String? {
        get { text[0, of: 2] }
        set { text[0, of: 2] = newValue }
    }
    public var note: String? {
        get { text[1, of: 2] }
        set { text[1, of: 2] = newValue }
    }

    public init(
        id: UUID = UUID(), date: LocalDate, kind: ClientContactKind, place: String? = nil,
        note: String? = nil, specialistID: UUID? = nil, createdAt: Date = Date()
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.specialistID = specialistID
        self.createdAt = createdAt
        text = PackedText(place, note)
    }

    // Coded as the plain fields were: the same keys, read and written in the same order, an
    // optional absent or null read as nil and left out when nil.
    enum CodingKeys: String, CodingKey {
        case id, date, kind, place, note, specialistID, createdAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        kind = try c.decode(ClientContactKind.self, forKey: .kind)
        let place = try c.decodeIfPresent(String.self, forKey: .place)
        let note = try c.decodeIfPresent(String.self, forKey: .note)
        specialistID = try c.decodeIfPresent(UUID.self, forKey: .specialistID)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        text = PackedText(place, note)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(place, forKey: .place)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(specialistID, forKey: .specialistID)
        try c.encode(createdAt, forKey: .createdAt)
    }

    /// The texts of `contacts`, one client's as read, moved into one buffer they share.
    static func shareText(_ contacts: inout [ClientContact]) {
        PackedText.share(&contacts, \.text)
    }
}

extension ClientContact: CustomReflectable {
    /// Its fields as its file holds them, by name and in the file's order (not as they are
    /// held in memory): what a message naming the fields that changed reads.
    public var customMirror: Mirror {
        let fields: KeyValuePairs<String, Any> = [
            "id": id, "date": date, "kind": kind, "place": place as Any, "note": note as Any,
            "specialistID": specialistID as Any, "createdAt": createdAt,
        ]
        return Mirror(self, children: fields, displayStyle: .struct)
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
