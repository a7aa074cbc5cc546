import Foundation

public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file or folder could not be read or written.
    case io(path: String, reason: String)
    /// The record's file changed on disk after it was read (another copy of Fieldbook, a sync
    /// tool, a hand edit) and the same fields were changed both ways, so it could not merge.
    /// Nothing was overwritten; this copy's version was kept at `keptCopy`, and the record
    /// shows as "to merge" until `Store.resolve` settles each field.
    case conflict(SaveConflict)
    /// The data folder was written by a newer Fieldbook.
    case newerFormat(found: Int, supported: Int)
    /// The folder holds a `fieldbook.json` this version cannot read.
    case unreadableFormatFile(path: String, reason: String)
    /// The store was opened to read only (demo source, `check`).
    case readOnly
    /// The folder holds other files and no `fieldbook.json`: it is not a data folder, and
    /// Fieldbook will not start writing into it.
    case notADataFolder(path: String)
    /// The folder is encrypted and was opened without its passphrase.
    case encrypted(path: String)
    /// A `fieldbook encrypt` or `decrypt` (`command`) was interrupted: only it opens the folder.
    case unfinishedConversion(path: String, command: String)

    /// The cause first, then where, with the path shortened to its folder and the start of
    /// the file's name: `permission denied (clients/27f2c1d0…)`. For one line on a screen.
    public var causeFirst: String {
        switch self {
        case .io(let path, let reason), .unreadableFormatFile(let path, let reason):
            let cause = reason.prefix(1).lowercased() + reason.dropFirst()
            return "\(cause) (\(Self.shortened(path)))"
        default:
            return description
        }
    }

    /// The last folder and the start of a record's file name: `clients/27f2c1d0…`. Only a
    /// record id is cut: any other name (`.fieldbook.lock`) is kept whole.
    static func shortened(_ path: String) -> String {
        let parts = path.split(separator: "/")
        guard var name = parts.last.map(String.init) else { return path }
        if name.hasSuffix(".json") { name.removeLast(5) }
        if UUID(uuidString: name) != nil { name = String(name.prefix(8)) + "…" }
        return parts.count > 1 ? "\(parts[parts.count - 2])/\(name)" : name
    }

    public var description: String {
        switch self {
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .conflict(let conflict):
            "\(conflict.record) was changed on disk by someone else (\(conflict.path)), and "
                + (conflict.fields.count == 1 ? "1 field was" : "\(conflict.fields.count) fields were")
                + " changed both ways (\(conflict.fields.map(\.field).joined(separator: ", "))); it was not overwritten. Your version is kept in \(conflict.keptCopy)."
        case .newerFormat(let found, let supported):
            "this data folder uses format version \(found); this Fieldbook reads up to version \(supported). Update Fieldbook; nothing was changed."
        case .unreadableFormatFile(let path, let reason):
            "\(path): \(reason)"
        case .readOnly:
            "this data folder was opened read-only"
        case .encrypted(let path):
            "\(path) is encrypted: it opens only with its passphrase"
        case .unfinishedConversion(let path, let command):
            "\(path) is half converted (a `fieldbook \(command)` was interrupted): run `fieldbook \(command) --data \(path)` to finish it; nothing was read"
        case .notADataFolder(let path):
            "\(path) is not empty and has no fieldbook.json, so it is not a Fieldbook data folder; nothing was written. Choose an empty or new folder with --data."
        }
    }
}

/// A file that could not be used, reported instead of hidden.
public struct DataProblem: Hashable, Sendable, CustomStringConvertible {
    /// Path relative to the data folder.
    public var path: String
    public var kind: RecordKind?
    public var message: String
    /// Set when the file is a second version of a record waiting to be merged ("to merge").
    public var pendingMerge: PendingMerge?

    public init(path: String, kind: RecordKind?, message: String, pendingMerge: PendingMerge? = nil) {
        self.path = path
        self.kind = kind
        self.message = message
        self.pendingMerge = pendingMerge
    }

    public var description: String { "\(path): \(message)" }
}

/// What a problem is about, in words: a kind of record file, or another file of the folder.
/// Open: a kind of record file names itself in its declaration (see `RecordFile`).
public struct RecordKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let formatFile = RecordKind(rawValue: "format file")
    public static let settings = RecordKind(rawValue: "settings")
    public static let specialist = RecordKind(rawValue: "specialist")
    public static let client = RecordKind(rawValue: "client")
    public static let employer = RecordKind(rawValue: "employer")
    public static let employerContacts = RecordKind(rawValue: "employer contacts")
    /// This copy's version of a record, kept under `conflicts/` after a save conflict: to merge.
    public static let conflictCopy = RecordKind(rawValue: "conflict copy")
    /// A sync tool's conflict copy, or a record file with conflict markers: to merge, never loaded.
    public static let syncConflict = RecordKind(rawValue: "sync conflict")
    public static let careerProfile = RecordKind(rawValue: "career profile")
    public static let fidelityReview = RecordKind(rawValue: "fidelity review")
}
