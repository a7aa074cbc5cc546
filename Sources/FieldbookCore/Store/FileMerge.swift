import Foundation

/// The merge entry point: three versions of one record file in, the merged file and the
/// fields in conflict out. No lock, no audit, no input or output: the store's own saves, the
/// settling of a conflict and a team sync's merge of its hub's version all call it.
public enum FileMerge {
    /// The outcome of merging one file.
    public struct Outcome: Sendable, Equatable {
        /// The merged file's bytes, as the store writes them; nil when the merge deletes the
        /// file (both sides deleted it) or when fields conflict.
        public var bytes: Data?
        /// The merged JSON (nil as for `bytes`).
        var json: JSONValue?
        /// Fields that changed both ways to different values, with the three versions of each.
        public var conflicts: [FieldConflict]
        /// Fields taken from `theirs` (changed there, not here).
        public var mergedFields: [String]
    }

    /// Merges the three versions of the record file at `path` (relative to the data folder,
    /// which says the record's kind): `base`, the version both started from (nil: none, the
    /// file was new on both sides, or a sync tool's copy); `ours` and `theirs` (nil: the file
    /// is deleted on that side). Each version is read in this Fieldbook's terms, fields it
    /// does not know kept. `choosing` settles fields in conflict (from a merge screen).
    public static func merge(
        path: String, base: Data?, ours: Data?, theirs: Data?, choosing choices: [String: MergeChoice] = [:]
    ) throws(StoreError) -> Outcome {
        func read(_ data: Data?, _ name: String) throws(StoreError) -> JSONValue? {
            guard let data else { return nil }
            return try RecordFiles.normalized(RecordFiles.parse(data, "\(path) (\(name))"), path)
        }
        let merged = try RecordMerge.threeWay(
            base: read(base, "base"), mine: read(ours, "ours"), theirs: read(theirs, "theirs"), choosing: choices)
        let conflicted = !merged.conflicts.isEmpty
        return Outcome(
            bytes: conflicted ? nil : merged.json.map(JSONWriter.data), json: conflicted ? nil : merged.json,
            conflicts: merged.conflicts, mergedFields: merged.mergedFields)
    }
}

extension RecordMerge {
    /// The merge of JSON trees already in this version's terms. `json` is nil when both sides
    /// deleted the record; a record deleted on one side and changed on the other is a
    /// conflict on the whole record.
    static func threeWay(
        base: JSONValue?, mine: JSONValue?, theirs: JSONValue?, choosing choices: [String: MergeChoice] = [:]
    ) -> (json: JSONValue?, conflicts: [FieldConflict], mergedFields: [String]) {
        var merge = RecordMerge()
        merge.choices = choices
        let merged = merge.merge(base: base, mine: mine, theirs: theirs)
        var conflicts = merge.conflicts
        if merged == nil, mine != nil || theirs != nil {
            conflicts.append(FieldConflict(field: "(whole record)", base: nil, mine: nil, theirs: nil))
        }
        return (merged, conflicts, merge.mergedFields)
    }
}

/// How a record file reads, by where it lives in the data folder.
enum RecordFiles {
    /// The kind of record a file holds, from its path; nil for a file that holds none.
    static func kind(of relative: String) -> RecordFileKind? {
        let top = relative.split(separator: "/").first.map(String.init) ?? ""
        return RecordFileKind.all.first { $0.topLevelName == top }
    }

    static func parse(_ data: Data, _ relative: String) throws(StoreError) -> JSONValue {
        do {
            return try JSONReader.parse(data)
        } catch {
            throw .io(path: relative, reason: "does not parse: \(error.description)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, bytes data: Data, _ relative: String) throws(StoreError) -> T {
        do {
            return try TapeDecoding.decode(type, from: data)
        } catch {
            throw .io(path: relative, reason: "does not read as a record: \(JSONCoding.describe(error, in: data))")
        }
    }

    /// A record's JSON tree, as `JSONCoding.encode` writes it (see `TreeEncoding`).
    static func tree<T: Encodable>(_ value: T) throws(StoreError) -> JSONValue {
        do {
            return try TreeEncoding.encode(value)
        } catch {
            throw .io(path: "", reason: "could not encode: \(error)")
        }
    }

    /// A file's JSON in this version's terms (decoded and encoded again, so defaults and
    /// number forms match), with the fields this version does not know kept. A file that holds
    /// no record kind is returned as it is.
    static func normalized(_ json: JSONValue, _ relative: String) throws(StoreError) -> JSONValue {
        guard let kind = kind(of: relative) else { return json }
        let known = try kind.tree(decoding: JSONWriter.data(json), relative)
        return UnknownFields.carry(from: json, readAsKnown: known, into: known)
    }
}
