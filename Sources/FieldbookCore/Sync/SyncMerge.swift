import Foundation

/// How a sync merges one file that changed both here and on the hub: three versions in (from
/// git's index stages), the file to write out, never a conflict marker. Record files and every
/// other JSON file merge through the store's merge entry point (`FileMerge`); the rest take the
/// hub's version.
public enum SyncMerge {
    /// What became of one file.
    public enum Result: Equatable, Sendable {
        /// Merged field by field (or the same on both sides).
        case merged
        /// The same field changed both ways: the file takes the hub's value of each such field,
        /// and this copy's whole version is kept under `conflicts/` with its base ("to merge").
        case hubValueTaken(fields: [String])
        /// Deleted on one side, changed on the other: the changed version is kept.
        case changedVersionKept(deletedOnHub: Bool)
        /// Not JSON, or a version that does not read: the hub's version (or the only one) is taken.
        case hubVersionTaken(reason: String)
    }

    public struct Outcome: Sendable {
        /// The file to write; nil: the file is deleted (both sides deleted it).
        public var bytes: Data?
        public var result: Result
        /// This copy's version and the base, to keep under `conflicts/` (`hubValueTaken` only).
        var keep: (mine: JSONValue, base: JSONValue?)?
    }

    /// Merges `ours` (this copy) and `theirs` (the hub) of the file at `path` from `base`. An
    /// empty or absent base (the file was added on both sides) is no base.
    public static func merge(path: String, base rawBase: Data?, ours: Data?, theirs: Data?) -> Outcome {
        let base = (rawBase?.isEmpty ?? true) ? nil : rawBase
        guard path.hasSuffix(".json") else {
            return Outcome(bytes: theirs ?? ours, result: .hubVersionTaken(reason: "not a record file"))
        }
        let first: FileMerge.Outcome
        do {
            first = try FileMerge.merge(path: path, base: base, ours: ours, theirs: theirs)
        } catch {
            return Outcome(bytes: theirs ?? ours, result: .hubVersionTaken(reason: error.description))
        }
        if first.conflicts.isEmpty {
            return Outcome(bytes: first.bytes, result: .merged)
        }
        // Deleted on one side and changed on the other: the change wins.
        guard let ours, let theirs else {
            return Outcome(bytes: ours ?? theirs, result: .changedVersionKept(deletedOnHub: theirs == nil))
        }
        let fields = first.conflicts.map(\.field)
        let choices = Dictionary(fields.map { ($0, MergeChoice.theirs) }, uniquingKeysWith: { first, _ in first })
        do {
            let settled = try FileMerge.merge(path: path, base: base, ours: ours, theirs: theirs, choosing: choices)
            guard settled.conflicts.isEmpty, let bytes = settled.bytes else {
                return Outcome(bytes: theirs, result: .hubVersionTaken(reason: "fields would not settle"))
            }
            let mine = try RecordFiles.normalized(RecordFiles.parse(ours, path), path)
            let baseJSON = try base.map { data throws(StoreError) in try RecordFiles.normalized(RecordFiles.parse(data, path), path) }
            return Outcome(bytes: bytes, result: .hubValueTaken(fields: fields), keep: (mine, baseJSON))
        } catch {
            return Outcome(bytes: theirs, result: .hubVersionTaken(reason: error.description))
        }
    }
}
