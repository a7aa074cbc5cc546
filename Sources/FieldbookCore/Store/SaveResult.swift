import Foundation

/// What a save did: wrote the record as given, or merged it with changes someone else made to
/// other fields since it was read (the record returned is the merged one, as on disk).
public enum SaveResult<Record: Sendable>: Sendable {
    case saved(Record)
    /// `fields` are the fields (paths such as `phone`, `jobs[<id>].title`) taken from the
    /// other version.
    case merged(Record, fields: [String])

    public var record: Record {
        switch self {
        case .saved(let record), .merged(let record, _): record
        }
    }

    /// Empty when nothing was merged.
    public var mergedFields: [String] {
        if case .merged(_, let fields) = self { return fields }
        return []
    }
}

extension SaveResult: Equatable where Record: Equatable {}

/// What happened to a record file when it was written.
public enum SaveOutcome: Hashable, Sendable {
    case saved
    case merged(fields: [String])
}
