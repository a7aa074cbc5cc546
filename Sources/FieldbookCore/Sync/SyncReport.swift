import Foundation

extension Sync {
    // MARK: Status

    /// Files changed here and not yet on the hub: saved and not committed, or committed and not pushed.
    public func changesNotShared() throws(SyncError) -> Int {
        var paths = Set(Git.paths(try checkGit(["status", "--porcelain", "--no-renames", "-z", "--untracked-files=all"]).output)
            .map { String($0.dropFirst(3)) })
        if try runGit(["rev-parse", "--verify", "-q", "HEAD"]).succeeded {
            if try runGit(["rev-parse", "--verify", "-q", Self.hubBranch]).succeeded {
                paths.formUnion(Git.paths(try checkGit(["diff", "--name-only", "--no-renames", "-z", Self.hubBranch, "HEAD"]).output))
            } else {
                paths.formUnion(Git.paths(try checkGit(["ls-files", "-z"]).output))
            }
        }
        return paths.count
    }

    /// The commit the folder is at; nil before the first.
    public func head() -> String? {
        guard let result = try? runGit(["rev-parse", "--verify", "-q", "HEAD"]), result.succeeded else { return nil }
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Files that differ between two commits (every file of `to` when `from` is nil).
    public func filesChanged(from: String?, to: String?) -> [String] {
        guard let to else { return [] }
        let arguments = from.map { ["diff", "--name-only", "--no-renames", "-z", $0, to] } ?? ["ls-tree", "-r", "--name-only", "-z", to]
        guard let result = try? runGit(arguments), result.succeeded else { return [] }
        return Git.paths(result.output)
    }

    /// The folder's state: the hub, the last sync, changes not shared, records to merge.
    public func status() throws(SyncError) -> SyncStatus {
        guard isShared else { throw .notShared(path: folder.path) }
        let hub = try runGit(["remote", "get-url", "origin"])
        let last = ((try? DurableFile.read(gitFolder.appendingPathComponent(Self.lastSyncName))) ?? nil)
            .map { String(decoding: $0, as: UTF8.self) }
        let toMerge = DurableFile.list(folder.appendingPathComponent(DataLayout.conflicts)).filter { $0.hasSuffix(".json") }.count
        return SyncStatus(
            hub: hub.succeeded ? hub.text.trimmingCharacters(in: .whitespacesAndNewlines) : nil,
            lastSync: last, changesNotShared: try changesNotShared(), recordsToMerge: toMerge)
    }
}

/// What one sync did.
public struct SyncReport: Sendable, Equatable {
    public struct Refusal: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public struct KeptVersion: Sendable, Equatable {
        /// The record's file.
        public var path: String
        /// This copy's version, kept under `conflicts/`.
        public var keptCopy: String
        /// The fields in conflict.
        var fields: [String] = []
    }

    /// Files this copy saved, committed by this sync.
    public var committed = 0
    /// Files the merge with the hub changed here.
    public var received = 0
    /// Files changed on both sides and merged field by field.
    public var mergedFiles = 0
    /// Records whose same field changed both ways: the hub's value taken, this copy's kept to merge.
    public var toMerge: [KeptVersion] = []
    /// Employer contacts moved to another month file on one side and changed on the other,
    /// put in the one file they belong in with both changes.
    public var reconciledContacts = 0
    /// Records deleted on one side and changed on the other: the changed version kept.
    public var changedOverDeletion: [String] = []
    /// Files that are not records and changed on both sides: the hub's version taken.
    public var hubVersionTaken: [Refusal] = []
    /// Record files that vanished without a recorded deletion, restored from the last commit.
    public var restored: [String] = []
    /// Files not committed, and why.
    public var refused: [Refusal] = []
    /// The hub was reached.
    public var reachable = false
    /// This copy's commits are on the hub (pushed, or there was nothing to send).
    public var pushed = false
    /// A stale branch lock removed from the hub (its path), left there by a push killed on its way.
    public var clearedHubLock: String?
    /// The hub moved again at every push tried.
    public var hubKeptMoving = false
    /// Files changed here and not yet on the hub, after the sync.
    public var waiting = 0
    /// Files git wrote in the working tree (made owner-only after the merge).
    var touched: Set<String> = []
    /// Files this sync wrote in the data folder (received, merged or restored): what a reader
    /// of the folder reads again.
    public var changedPaths: Set<String> { touched }

    public init() {}
}

/// `fieldbook sync status` (its `--json` keys are snake_case by CommandJSON).
public struct SyncStatus: Codable, Sendable, Equatable {
    public var hub: String?
    public var lastSync: String?
    public var changesNotShared: Int
    public var recordsToMerge: Int
}
