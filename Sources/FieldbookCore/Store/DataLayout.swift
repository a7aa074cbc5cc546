import Foundation

/// Where each record lives inside the data folder (see docs/data-format.md).
///
/// Records that change independently live in independent files: a client (with their jobs and
/// contacts), a specialist, an employer. Employer contacts are many and small, so they are
/// grouped by specialist and month: one visit rewrites one small file.
public enum DataLayout {
    public static let formatFile = "fieldbook.json"
    public static let settingsFile = "settings.json"
    public static let specialists = "specialists"
    public static let clients = "clients"
    public static let employers = "employers"
    public static let employerContacts = "employer-contacts"
    public static let conflicts = "conflicts"
    public static let fidelityReviews = "fidelity-reviews"

    public static func specialist(_ id: UUID) -> String { "\(specialists)/\(id.lowercased).json" }
    public static func client(_ id: UUID) -> String { "\(clients)/\(id.lowercased).json" }
    public static func employer(_ id: UUID) -> String { "\(employers)/\(id.lowercased).json" }
    public static func fidelityReview(_ id: UUID) -> String { "\(fidelityReviews)/\(id.lowercased).json" }
    public static func employerContacts(specialist: UUID, month: LocalDate) -> String {
        "\(employerContacts)/\(specialist.lowercased)/\(monthKey(month)).json"
    }

    /// `<uuid>.json` in lower case: the name a record's file must have.
    static func isRecordFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        var stem = String(name.dropLast(5))
        return stem.withUTF8 { bytes in
            UUIDText.parse(bytes) != nil && !bytes.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
    }

    /// For a sync tool's conflict copy, the name of the file it is a copy of:
    /// Syncthing's `<name>.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.json`, Dropbox's
    /// `<name> (conflicted copy YYYY-MM-DD).json` (and `<name> (Someone's conflicted copy ...).json`).
    static func originalOfSyncCopy(_ name: String) -> String? {
        // Most names are neither (a folder lists thousands): both forms hold a space or this
        // text, so a name with neither is answered from its bytes alone.
        guard mayBeSyncCopy(name) else { return nil }
        if let marker = name.range(of: ".sync-conflict-") {
            let stem = name[..<marker.lowerBound]
            return stem.isEmpty ? nil : stem + ".json"
        }
        if let marker = name.range(of: " ("), name[marker.upperBound...].lowercased().contains("conflicted copy") {
            let stem = name[..<marker.lowerBound]
            return stem.isEmpty ? nil : stem + ".json"
        }
        return nil
    }

    /// True when `name` holds a space or the bytes of ".sync-conflict-".
    private static func mayBeSyncCopy(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            if bytes.contains(0x20) { return true }
            let marker: StaticString = ".sync-conflict-"
            let length = marker.utf8CodeUnitCount
            guard bytes.count >= length, let base = bytes.baseAddress else { return false }
            for start in 0...(bytes.count - length) where base[start] == 0x2E {
                if memcmp(base + start, marker.utf8Start, length) == 0 { return true }
            }
            return false
        }
    }

    /// The record file a copy under `conflicts/` was kept for (`clients--<id>.<time>.json`).
    static func recordOfKeptCopy(_ name: String) -> String? {
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex else { return nil }
        return name[..<dot].replacingOccurrences(of: "--", with: "/") + ".json"
    }

    public static func monthKey(_ date: LocalDate) -> String {
        String(format4: date.year) + "-" + String(pad2: date.month)
    }
}

extension UUID {
    var lowercased: String { UUIDText.text(self, lowercase: true) }
}

/// The top-level `fieldbook.json`: which format the folder is written in.
public struct FormatFile: Codable, Hashable, Sendable {
    /// The version a plain folder is written in.
    public static let currentVersion = 1
    /// The version of an encrypted folder (or one being converted): an older Fieldbook, which
    /// reads up to version 1, refuses it rather than writing plain records into it.
    public static let encryptedVersion = 2
    /// The newest version this Fieldbook reads.
    public static let readableVersion = 2
    public var format: String
    public var formatVersion: Int
    /// Set when the folder is encrypted (see `FolderEncryption`).
    public var encryption: FolderEncryption?

    public init(formatVersion: Int = FormatFile.currentVersion) {
        format = "fieldbook-data"
        self.formatVersion = formatVersion
    }
}

/// One month of one specialist's employer contacts.
public struct EmployerContactMonth: Codable, Hashable, Sendable, VersionedRecord {
    public var specialistID: UUID
    /// `YYYY-MM`.
    public var month: String
    public var contacts: [EmployerContact]
    /// The version of its file this month was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(specialistID: UUID, month: String, contacts: [EmployerContact]) {
        self.specialistID = specialistID
        self.month = month
        self.contacts = contacts
    }

    /// The month and each of its contacts are of this version of the file.
    public mutating func markRead(as version: FileVersion) {
        fileVersion = version
        for index in contacts.indices { contacts[index].fileVersion = version }
    }
}
