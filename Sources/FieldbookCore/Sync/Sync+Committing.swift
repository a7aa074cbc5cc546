import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Sync {
    // MARK: Committing this copy's saves

    /// Restores vanished record files, stages everything else and commits it.
    func commitLocalChanges(_ report: inout SyncReport) throws(SyncError) {
        // Nothing saved since the last commit: nothing to do (the common case, one git run).
        let changed = try workingTreeChanges()
        guard !changed.isEmpty else { return }
        let hasHead = try runGit(["rev-parse", "--verify", "-q", "HEAD"]).succeeded
        if hasHead {
            let vanished = changed.filter { $0.status.last == "D" }.map(\.path)
            let deletedHere = vanished.isEmpty ? [] : deletedRecordIDs()
            let restore = vanished.filter { !Self.isDeletion(of: $0, recordedIn: deletedHere) }
            if !restore.isEmpty {
                try checkGit(["checkout", "HEAD", "--"] + restore)
                report.restored += restore
                report.touched.formUnion(restore)
            }
        }
        try checkGit(["add", "-A"])
        var staged = try stagedChanges()
        var refused: [String] = []
        for (path, status) in staged where status != "D" {
            if let reason = refusal(of: path) {
                report.refused.append(SyncReport.Refusal(path: path, reason: reason))
                refused.append(path)
            }
        }
        if !refused.isEmpty {
            if hasHead {
                try checkGit(["reset", "-q", "HEAD", "--"] + refused)
            } else {
                try checkGit(["rm", "-q", "--cached", "--"] + refused)
            }
            staged = try stagedChanges()
        }
        guard !staged.isEmpty else { return }
        try checkGit(authorSettings + ["commit", "-q", "--no-verify", "-m", Self.message(for: staged.map(\.path))])
        report.committed += staged.count
    }

    /// Paths changed in the working tree or the index since the last commit, with git's two
    /// status letters (`" D"`: deleted in the working tree), untracked files one by one.
    func workingTreeChanges() throws(SyncError) -> [(path: String, status: String)] {
        Git.paths(try checkGit(["status", "--porcelain", "--no-renames", "-z", "--untracked-files=all"]).output)
            .compactMap { entry in
                guard entry.utf8.count > 3 else { return nil }
                return (String(entry.dropFirst(3)), String(entry.prefix(2)))
            }
    }

    /// Staged paths with their status letter (A, M, D...).
    func stagedChanges() throws(SyncError) -> [(path: String, status: String)] {
        let fields = Git.paths(try checkGit(["diff", "--cached", "--name-status", "--no-renames", "-z"]).output)
        var changes: [(String, String)] = []
        var index = 0
        while index + 1 < fields.count {
            changes.append((fields[index + 1], fields[index]))
            index += 2
        }
        return changes
    }

    /// Why a file must not be shared, or nil.
    func refusal(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if DataLayout.originalOfSyncCopy(name) != nil { return "a sync tool's conflict copy" }
        guard var data = try? DurableFile.read(folder.appendingPathComponent(path)) else { return nil }
        if !transform.isPlain {
            do { data = try transform.fromDisk(data, path) } catch { return "does not open with this folder's key" }
        }
        if Self.holdsConflictMarkers(data) { return "holds conflict markers" }
        guard path.hasSuffix(".json") else { return nil }
        do {
            _ = try RecordFiles.normalized(RecordFiles.parse(data, path), path)
        } catch {
            return "does not read as a record"
        }
        return nil
    }

    /// True when a line of `data` starts with `<<<<<<<`, `=======` followed by a line end, or `>>>>>>>`.
    static func holdsConflictMarkers(_ data: Data) -> Bool {
        var atLineStart = true
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            if atLineStart, index + 7 <= bytes.count {
                let first = bytes[index]
                if first == UInt8(ascii: "<") || first == UInt8(ascii: ">") {
                    if bytes[index..<(index + 7)].allSatisfy({ $0 == first }) { return true }
                }
            }
            atLineStart = bytes[index] == 0x0A
            index += 1
        }
        return false
    }

    /// The commit message: kinds of files and their counts, never a name.
    static func message(for paths: [String]) -> String {
        var counts: [String: Int] = [:]
        for path in paths {
            let top = path.split(separator: "/").first.map(String.init) ?? path
            counts[top.hasSuffix(".json") ? String(top.dropLast(5)) : top, default: 0] += 1
        }
        let parts = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return "Saved on this copy: \(paths.count) file\(paths.count == 1 ? "" : "s")\n\n" + parts.joined(separator: ", ")
    }

    /// Record ids this copy's audit log records as deleted.
    func deletedRecordIDs() -> Set<String> {
        let log = AuditLog(dataFolder: folder, installID: installID).file
        guard let data = try? DurableFile.read(log) else { return [] }
        var ids = Set<String>()
        for row in data.split(separator: 0x0A) {
            if let entry = AuditEntry.decode(line: Data(row)), entry.action == .delete, let id = entry.record { ids.insert(id) }
        }
        return ids
    }

    /// A vanished file is a deletion this copy made when its record's id is among `deleted`.
    static func isDeletion(of path: String, recordedIn deleted: Set<String>) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".json"), RecordFiles.kind(of: path) != nil else { return false }
        return deleted.contains(String(name.dropLast(5)))
    }
}
