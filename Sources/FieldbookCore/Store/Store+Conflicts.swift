import Foundation

extension Store {
    // MARK: Conflicts

    /// The fields in conflict between a record and the version waiting to be merged into it
    /// (kept after a save conflict, or a sync tool's copy), for a screen that shows both.
    public func conflict(for pending: PendingMerge) throws(StoreError) -> SaveConflict {
        let (base, mine) = try versions(of: pending)
        let theirs = try transform.read(pending.record, from: folder.appendingPathComponent(pending.record))
            .map { data throws(StoreError) in try normalized(parse(data, pending.record), pending.record) }
        let merged = RecordMerge.threeWay(base: base, mine: mine, theirs: theirs)
        return SaveConflict(record: pending.record, path: pending.record, keptCopy: pending.copy, fields: merged.conflicts)
    }

    /// Settles a save conflict: each field in conflict takes the version chosen for it (by
    /// `FieldConflict.field`), every other field merges as usual, the record is saved, and the
    /// kept copy is removed. Throws `.conflict` again if a field was left without a choice or
    /// the record changed once more in a way that conflicts.
    @discardableResult
    public func resolve(_ conflict: SaveConflict, choosing choices: [String: MergeChoice]) throws(StoreError) -> SaveOutcome {
        try resolve(PendingMerge(record: conflict.path, copy: conflict.keptCopy, source: .keptAfterConflict), choosing: choices)
    }

    /// Settles a record waiting to be merged (after a restart, or a sync tool's copy).
    @discardableResult
    public func resolve(_ pending: PendingMerge, choosing choices: [String: MergeChoice]) throws(StoreError) -> SaveOutcome {
        guard mode == .readWrite else { throw .readOnly }
        let (base, mine) = try versions(of: pending)
        // Merge onto the record as it is on disk now.
        let recordURL = folder.appendingPathComponent(pending.record)
        let onDisk = try transform.read(pending.record, from: recordURL)
        let (_, outcome, _, _) = try commit(
            relative: pending.record, name: pending.record, expecting: onDisk.map(FileVersion.init(of:)), base: base,
            mine: mine, choices: choices, keptCopy: pending.copy, alwaysMerge: true)
        unlink(folder.appendingPathComponent(pending.copy).path)
        unlink(folder.appendingPathComponent(pending.copy + ".base").path)
        DurableFile.syncFolder(folder.appendingPathComponent(pending.copy).deletingLastPathComponent())
        return outcome
    }

    /// The base (nil when unknown) and the version to merge of a pending merge.
    func versions(of pending: PendingMerge) throws(StoreError) -> (base: JSONValue?, mine: JSONValue) {
        guard pending.source != .conflictMarkers, pending.record != pending.copy else {
            throw .io(path: pending.record, reason: "holds conflict markers: merge it by hand in a text editor")
        }
        guard let copyData = try transform.read(pending.copy, from: folder.appendingPathComponent(pending.copy)) else {
            throw .io(path: pending.copy, reason: "no longer exists")
        }
        let mine = try normalized(parse(copyData, pending.copy), pending.record)
        let base = try transform.read(pending.copy + ".base", from: folder.appendingPathComponent(pending.copy + ".base"))
            .map { data throws(StoreError) in try normalized(parse(data, pending.copy + ".base"), pending.record) }
        return (base, mine)
    }

    /// Writes this copy's version under `conflicts/`, with the version it started from beside
    /// it (`.base`), so the conflict can be resolved later, even after a restart.
    func keepConflictCopy(_ mine: JSONValue, base: JSONValue?, for relative: String) throws(StoreError) -> String {
        let stamp = Timestamp.format(now())
            .replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: "+", with: "p")
        let name = relative.replacingOccurrences(of: "/", with: "--").replacingOccurrences(of: ".json", with: "")
        var keptRelative = "\(DataLayout.conflicts)/\(name).\(stamp).json"
        var attempt = 1
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(keptRelative).path) {
            attempt += 1
            keptRelative = "\(DataLayout.conflicts)/\(name).\(stamp)-\(attempt).json"
        }
        if let base {
            try transform.write(JSONWriter.data(base), keptRelative + ".base",
                                to: folder.appendingPathComponent(keptRelative + ".base"), using: fileSystem)
        }
        try transform.write(JSONWriter.data(mine), keptRelative, to: folder.appendingPathComponent(keptRelative), using: fileSystem)
        return keptRelative
    }
}
