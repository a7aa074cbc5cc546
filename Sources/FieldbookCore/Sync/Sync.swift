import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A team's data folders shared through a git hub: the data folder is the working tree of a
/// repository whose `origin` is the hub, on branch `main`.
///
/// What one sync does (`run`), in this order:
/// 1. **Lock**: takes the sync lock (`.git/fieldbook-sync.lock`, its own descriptor) for the
///    whole run; a second sync waits or says one is running. A stale `index.lock` left by a
///    killed git is removed.
/// 2. **Fetch** the hub's `main` into `origin/main` (no lock: the working tree is not touched).
///    A hub that cannot be reached makes this an offline sync. The hub's `fieldbook.json` is
///    read: a newer format than this Fieldbook knows stops the sync.
/// 3. Under the **folder lock** (`.fieldbook.lock`, the lock every save takes), so that no save
///    lands in the middle:
///    - **Finish** a merge a killed sync left (its files merged from git's index stages);
///    - **Restore** record files that vanished without this copy's audit log recording their
///      deletion (from the last commit), so one laptop's damage never spreads;
///    - **Stage and commit** what this copy saved: one commit, author this machine's
///      specialist, message the kinds and counts of files; files with conflict markers, sync
///      tool copies and records that do not read are refused (left out, reported);
///    - **Merge** the hub's `main` (never a rebase): git merges whole files only where one side
///      changed; every file changed on both sides is left unmerged by git (attribute
///      `merge=binary`, so git never writes markers) and merged here through `SyncMerge`, from
///      git's index stages; then the merge commit;
///    - **Owner-only**: group and other permission bits removed from everything git wrote.
/// 4. **Push**; refused because the hub moved meanwhile: fetch, merge again on top of the merge
///    already made, push again (a few times at most).
public final class Sync {
    /// The data folder (the repository's working tree).
    public let folder: URL
    let git: Git
    /// This copy's install id: its own audit log says which records it deleted.
    public let installID: String
    /// Who commits: this machine's specialist (by id, never a name).
    public let specialistID: UUID?
    let now: @Sendable () -> Date
    /// Pushes tried after the hub moved before giving up for this run.
    public var pushAttempts = 5
    /// Called before each push (tests move the hub here).
    var willPush: (() -> Void)?

    public static let branch = "main"
    static let hubBranch = "refs/remotes/origin/main"
    static let syncLockName = "fieldbook-sync.lock"
    static let lastSyncName = "fieldbook-last-sync"
    static let runningName = "fieldbook-sync-running"

    public init(folder: URL, git: Git? = nil, installID: String, specialistID: UUID?,
                now: @escaping @Sendable () -> Date = { Date() })
    {
        self.folder = folder.standardizedFileURL
        self.git = (git ?? Git(folder: folder)).inFolder(folder.standardizedFileURL)
        self.installID = installID
        self.specialistID = specialistID
        self.now = now
    }

    var gitFolder: URL { folder.appendingPathComponent(".git") }

    /// Whether the folder shares with a hub.
    public var isShared: Bool { DurableFile.isDirectory(gitFolder) }

    /// Settings that name the committer.
    var authorSettings: [String] {
        let name = specialistID.map { "specialist \($0.lowercased)" } ?? "Fieldbook copy \(installID)"
        let email = (specialistID?.lowercased ?? installID) + "@fieldbook.invalid"
        return ["-c", "user.name=\(name)", "-c", "user.email=\(email)"]
    }

    // MARK: One sync

    /// Syncs with the hub (see the type's steps). Offline is not an error: the report says so.
    public func run(wait: Bool = true) throws(SyncError) -> SyncReport {
        guard isShared else { throw .notShared(path: folder.path) }
        return try withSyncLock(wait: wait) { () throws(SyncError) -> SyncReport in
            removeStaleGitLocks()
            // A sync that was killed leaves this mark: git may have been writing files then.
            let running = gitFolder.appendingPathComponent(Self.runningName)
            let interrupted = FileManager.default.fileExists(atPath: running.path)
            try? DurableFile.write(Data(), to: running)
            defer { unlink(running.path) }
            var report = SyncReport()
            var reachable = try fetch()
            try withFolderLock { () throws(SyncError) in
                if interrupted { try repairFilesGitWasWriting(&report) }
                try finishUnfinishedMerge(&report)
                try commitLocalChanges(&report)
                if reachable { try mergeHub(&report) }
                makeOwnerOnly(report.touched)
            }
            // Nothing to send when the hub holds every commit made here.
            if reachable, try runGit(["merge-base", "--is-ancestor", "HEAD", Self.hubBranch]).succeeded {
                report.pushed = true
            }
            var attempt = 0
            while reachable && !report.pushed {
                attempt += 1
                willPush?()
                let push = try runGit(["push", "--quiet", "origin", "HEAD:refs/heads/\(Self.branch)"])
                if push.succeeded {
                    report.pushed = true
                    tidyUpWhenDue()
                    break
                }
                let refused = String(decoding: push.errors, as: UTF8.self)
                guard refused.contains("fetch first") || refused.contains("non-fast-forward") else {
                    // The hub was reached and said no (a ref it cannot lock, a full disk): an
                    // error, not an offline sync; the commits stay here for the next sync.
                    if refused.contains("remote rejected") || refused.contains("unpack failed") {
                        throw .hubRefused(reason: push.reason)
                    }
                    reachable = false
                    break
                }
                guard attempt < pushAttempts else {
                    report.hubKeptMoving = true
                    break
                }
                // The hub moved: merge again, on top of what is merged already.
                reachable = try fetch()
                guard reachable else { break }
                try withFolderLock { () throws(SyncError) in
                    try commitLocalChanges(&report)
                    try mergeHub(&report)
                    makeOwnerOnly(report.touched)
                }
            }
            if report.pushed {
                try? DurableFile.write(Data(Timestamp.format(now()).utf8), to: gitFolder.appendingPathComponent(Self.lastSyncName))
            }
            report.reachable = reachable
            // Pushed: only what was left out of the commit still waits.
            report.waiting = report.pushed ? try workingTreeChanges().count : try changesNotShared()
            return report
        }
    }

    /// Removes the lock files a killed git leaves (`index.lock`, `HEAD.lock`, a ref's `.lock`):
    /// under the sync lock no git of Fieldbook's is running in this repository.
    func removeStaleGitLocks() {
        for name in DurableFile.list(gitFolder) where name.hasSuffix(".lock") && name != Self.syncLockName {
            unlink(gitFolder.appendingPathComponent(name).path)
        }
        let refs = gitFolder.appendingPathComponent("refs")
        guard let walker = FileManager.default.enumerator(atPath: refs.path) else { return }
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".lock") { unlink(refs.appendingPathComponent(relative).path) }
        }
    }

    /// Fetches the hub's branch; false when the hub cannot be reached.
    func fetch() throws(SyncError) -> Bool {
        let result = try runGit(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "origin", "+refs/heads/\(Self.branch):\(Self.hubBranch)"])
        if result.succeeded { return true }
        // An empty hub is reachable: it has no branch yet.
        return String(decoding: result.errors, as: UTF8.self).contains("couldn't find remote ref")
    }

    func refuseNewerFormat() throws(SyncError) {
        let shown = try runGit(["show", "\(Self.hubBranch):\(DataLayout.formatFile)"])
        guard shown.succeeded, let format = try? TapeDecoding.decode(FormatFile.self, from: shown.output) else { return }
        if format.formatVersion > FormatFile.currentVersion {
            throw .newerFormat(found: format.formatVersion, supported: FormatFile.currentVersion)
        }
    }

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
        guard let data = try? DurableFile.read(folder.appendingPathComponent(path)) else { return nil }
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

    // MARK: Merging the hub

    /// Merges the hub's branch into this copy's, every file changed on both sides merged here.
    func mergeHub(_ report: inout SyncReport) throws(SyncError) {
        // 0: the hub has nothing new; 1: it has; otherwise no hub branch yet.
        let known = try runGit(["merge-base", "--is-ancestor", Self.hubBranch, "HEAD"])
        guard known.status == 1 else { return }
        try refuseNewerFormat()
        let before = try checkGit(["rev-parse", "HEAD"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let merge = try runGit(authorSettings + [
            "merge", "--quiet", "--no-edit", "--no-verify", "-s", "ort", "-X", "no-renames",
            "-m", "Merged from the hub", Self.hubBranch,
        ])
        if !merge.succeeded {
            guard try mergeInProgress() else { throw .git(Git.Failure(command: "merge", reason: merge.reason)) }
            try resolveUnmerged(&report)
            try checkGit(authorSettings + ["commit", "-q", "--no-edit", "--no-verify"])
        }
        let changed = Git.paths(try checkGit(["diff", "--name-only", "--no-renames", "-z", before, "HEAD"]).output)
        report.received += changed.count
        report.touched.formUnion(changed)
    }

    /// Packs loose objects when git would (`gc --auto`), judged as git judges it: more than
    /// 27 loose objects in `objects/17`, about 6,700 in all.
    func tidyUpWhenDue() {
        let sample = DurableFile.list(gitFolder.appendingPathComponent("objects/17"))
        if sample.count > 27 { _ = try? git.run(["gc", "--auto", "--quiet"]) }
    }

    func mergeInProgress() throws(SyncError) -> Bool {
        FileManager.default.fileExists(atPath: gitFolder.appendingPathComponent("MERGE_HEAD").path)
    }

    /// After a killed sync: a tracked file git was writing when it was killed (missing, or cut
    /// short so that it does not read) is written again from the index, which git only ever
    /// replaces whole. Files left unmerged, and deletions this copy's audit log records, are
    /// left as they are.
    func repairFilesGitWasWriting(_ report: inout SyncReport) throws(SyncError) {
        let deletedHere = deletedRecordIDs()
        var repair: [String] = []
        for change in try workingTreeChanges() {
            let (index, tree) = (change.status.first ?? " ", change.status.last ?? " ")
            guard index != "?", index != "U", tree != "U", change.status != "AA", change.status != "DD" else { continue }
            if tree == "D", !Self.isDeletion(of: change.path, recordedIn: deletedHere) {
                repair.append(change.path)
            } else if tree == "M", refusal(of: change.path) == "does not read as a record" {
                repair.append(change.path)
            }
        }
        guard !repair.isEmpty else { return }
        try checkGit(["checkout", "--"] + repair)
        report.restored += repair
        report.touched.formUnion(repair)
    }

    /// A merge a killed sync left: its files merged, then its commit.
    func finishUnfinishedMerge(_ report: inout SyncReport) throws(SyncError) {
        guard try mergeInProgress() else { return }
        try resolveUnmerged(&report)
        report.touched.formUnion(Git.paths(try checkGit(["diff", "--name-only", "--no-renames", "-z", "HEAD", "MERGE_HEAD"]).output))
        try checkGit(authorSettings + ["commit", "-q", "--no-edit", "--no-verify"])
    }

    /// Merges every file git left unmerged from its three index stages, writes the result and
    /// stages it. Restartable: the stages stay in the index until the file is staged.
    func resolveUnmerged(_ report: inout SyncReport) throws(SyncError) {
        let rows = Git.paths(try checkGit(["ls-files", "-u", "-z"]).output)
        var stages: [String: [Int: String]] = [:]
        var order: [String] = []
        for row in rows {
            guard let tab = row.firstIndex(of: "\t") else { continue }
            let fields = row[..<tab].split(separator: " ")
            let path = String(row[row.index(after: tab)...])
            guard fields.count == 3, let stage = Int(fields[2]) else { continue }
            if stages[path] == nil { order.append(path) }
            stages[path, default: [:]][stage] = String(fields[1])
        }
        guard !order.isEmpty else { return }
        var store: Store?
        for path in order {
            let versions = stages[path] ?? [:]
            let base = try versions[1].map { sha throws(SyncError) in try blob(sha) }
            let url = folder.appendingPathComponent(path)
            // This copy's side is the file in the working tree (git left stage 2 there): after a
            // killed sync it may hold saves made since, which the merge must keep.
            var ours = try versions[2].map { sha throws(SyncError) in try blob(sha) }
            if ours != nil, let saved = try? DurableFile.read(url), refusal(of: path) == nil { ours = saved }
            let theirs = try versions[3].map { sha throws(SyncError) in try blob(sha) }
            let outcome = SyncMerge.merge(path: path, base: base, ours: ours, theirs: theirs)
            do {
                if let bytes = outcome.bytes {
                    try DurableFile.write(bytes, to: url)
                } else {
                    unlink(url.path)
                }
                if let keep = outcome.keep {
                    if store == nil { store = try Store(folder: folder, now: now) }
                    let kept = try store!.keepConflictCopy(keep.mine, base: keep.base, for: path)
                    report.toMerge.append(SyncReport.KeptVersion(path: path, keptCopy: kept))
                }
            } catch {
                throw .store(error)
            }
            switch outcome.result {
            case .merged, .hubValueTaken: break
            case .changedVersionKept: report.changedOverDeletion.append(path)
            case .hubVersionTaken(let reason): report.hubVersionTaken.append(SyncReport.Refusal(path: path, reason: reason))
            }
            report.mergedFiles += 1
        }
        try checkGit(["add", "-A", "--"] + order)
    }

    func blob(_ sha: String) throws(SyncError) -> Data {
        try checkGit(["cat-file", "blob", sha]).output
    }

    // MARK: Owner-only

    /// Removes group and other permission bits from everything in the folder, `.git` included
    /// (after `join` and `init`).
    func makeOwnerOnly() {
        Self.makeOwnerOnly(folder)
    }

    /// Removes group and other permission bits from the files git wrote in this sync (`paths`,
    /// relative) and the folders they are in, and from the folder and its `.git`. Git runs with
    /// umask 077, so this only repairs what something else loosened.
    func makeOwnerOnly(_ paths: Set<String>) {
        var folders: Set<String> = ["", ".git"]
        var info = stat()
        for path in paths {
            let full = folder.path + "/" + path
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK, info.st_mode & 0o077 != 0 {
                chmod(full, info.st_mode & 0o700)
            }
            var parent = path.split(separator: "/").dropLast()
            while !parent.isEmpty {
                folders.insert(parent.joined(separator: "/"))
                parent = parent.dropLast()
            }
        }
        for relative in folders {
            let full = relative.isEmpty ? folder.path : folder.path + "/" + relative
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_mode & 0o077 != 0 {
                chmod(full, info.st_mode & 0o700)
            }
        }
    }

    static func makeOwnerOnly(_ root: URL) {
        var info = stat()
        if lstat(root.path, &info) == 0, info.st_mode & 0o077 != 0 { chmod(root.path, info.st_mode & 0o700) }
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let relative = walker.nextObject() as? String {
            let path = root.path + "/" + relative
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            if info.st_mode & 0o077 != 0 { chmod(path, info.st_mode & 0o700) }
        }
    }

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

    // MARK: Locks and git

    /// Holds the sync lock (its own open file: an flock belongs to the open file) around `body`.
    func withSyncLock<T>(wait: Bool, _ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        let path = gitFolder.appendingPathComponent(Self.syncLockName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .store(.io(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { throw .busy }
            if errno != EINTR { throw .store(.io(path: path, reason: String(cString: strerror(errno)))) }
        }
        return try body()
    }

    /// Holds the folder lock, the one every save takes, around `body`.
    func withFolderLock<T>(_ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        let path = folder.appendingPathComponent(FolderLock.fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, DurableFile.fileMode)
        guard fd >= 0 else { throw .store(.io(path: FolderLock.fileName, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .store(.io(path: FolderLock.fileName, reason: String(cString: strerror(errno)))) }
        }
        return try body()
    }

    func runGit(_ arguments: [String]) throws(SyncError) -> Git.Result {
        do { return try git.run(arguments) } catch { throw .git(error) }
    }

    @discardableResult
    func checkGit(_ arguments: [String]) throws(SyncError) -> Git.Result {
        do { return try git.check(arguments) } catch { throw .git(error) }
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
    }

    /// Files this copy saved, committed by this sync.
    public var committed = 0
    /// Files the merge with the hub changed here.
    public var received = 0
    /// Files changed on both sides and merged field by field.
    public var mergedFiles = 0
    /// Records whose same field changed both ways: the hub's value taken, this copy's kept to merge.
    public var toMerge: [KeptVersion] = []
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
    /// The hub moved again at every push tried.
    public var hubKeptMoving = false
    /// Files changed here and not yet on the hub, after the sync.
    public var waiting = 0
    /// Files git wrote in the working tree (made owner-only after the merge).
    var touched: Set<String> = []

    public init() {}
}

/// `fieldbook sync status`.
public struct SyncStatus: Codable, Sendable, Equatable {
    public var hub: String?
    public var lastSync: String?
    public var changesNotShared: Int
    public var recordsToMerge: Int

    enum CodingKeys: String, CodingKey {
        case hub
        case lastSync = "last_sync"
        case changesNotShared = "changes_not_shared"
        case recordsToMerge = "records_to_merge"
    }
}
