import Foundation

/// One field changed both here and elsewhere to different values. Values are shown as text
/// (a JSON value on one line, or the text itself); nil means the field is absent.
public struct FieldConflict: Hashable, Sendable {
    /// The field's path in the record: `phone`, `disclosure.preference`, `jobs[<id>].title`,
    /// `contacts[<id>]` for a whole list item.
    public var field: String
    /// As it was when this copy read the record (nil for a sync tool's copy, which has no common base).
    public var base: String?
    /// As this copy wants it.
    public var mine: String?
    /// As it is on disk now.
    public var theirs: String?

    public init(field: String, base: String?, mine: String?, theirs: String?) {
        self.field = field
        self.base = base
        self.mine = mine
        self.theirs = theirs
    }
}

/// Which version of a field in conflict to keep.
public enum MergeChoice: String, Hashable, Sendable {
    case mine
    case theirs
}

/// A save that could not merge: the same fields were changed both ways. Nothing on disk was
/// overwritten; this copy's version is kept at `keptCopy` until the conflict is resolved with
/// `Store.resolve(_:choosing:)`.
public struct SaveConflict: Hashable, Sendable {
    /// How the record is named in messages (an id, never a person's name).
    public var record: String
    /// The record's file, relative to the data folder.
    public var path: String
    /// This copy's version, relative to the data folder (under `conflicts/`).
    public var keptCopy: String
    public var fields: [FieldConflict]

    public init(record: String, path: String, keptCopy: String, fields: [FieldConflict]) {
        self.record = record
        self.path = path
        self.keptCopy = keptCopy
        self.fields = fields
    }
}

/// A record with a second version waiting to be merged into it: kept after a save conflict,
/// left by a sync tool (`<id>.sync-conflict-...json`, `<id> (conflicted copy ...).json`), or
/// holding version-control conflict markers. Found on every load, so it survives a restart.
public struct PendingMerge: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        /// Kept by Fieldbook under `conflicts/` when a save conflicted.
        case keptAfterConflict = "kept after a save conflict"
        /// A copy a sync tool (Syncthing, Dropbox...) made when two versions met.
        case syncToolCopy = "sync tool conflict copy"
        /// The record file itself holds `<<<<<<<` markers and cannot be read until merged by hand.
        case conflictMarkers = "conflict markers"
    }

    /// The record's file, relative to the data folder.
    public var record: String
    /// The other version, relative to the data folder.
    public var copy: String
    public var source: Source

    public init(record: String, copy: String, source: Source) {
        self.record = record
        self.copy = copy
        self.source = source
    }

    /// The record's id, taken from its file name (nil for settings and month files).
    public var recordID: UUID? {
        let name = record.split(separator: "/").last.map(String.init) ?? ""
        return name.hasSuffix(".json") ? UUID(uuidString: String(name.dropLast(5))) : nil
    }
}
