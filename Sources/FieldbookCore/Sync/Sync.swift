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
    /// Between the files and the merge: an encrypted folder's key (`FolderKey.transform`), so
    /// the merge decrypts the three versions of a file and encrypts the result.
    public var transform: FileTransform = .plain
    /// Told each step of a sync (fetch, commit and merge, push) and the files merged one by
    /// one of those changed both here and on the hub.
    public var progress: (any ProgressListener)?

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
        try refuseWithoutKey()
        return try withSyncLock(wait: wait) { () throws(SyncError) -> SyncReport in
            removeStaleGitLocks()
            // A sync that was killed leaves this mark: git may have been writing files then.
            let running = gitFolder.appendingPathComponent(Self.runningName)
            let interrupted = FileManager.default.fileExists(atPath: running.path)
            try? DurableFile.write(Data(), to: running)
            defer { unlink(running.path) }
            var report = SyncReport()
            step("fetching from the hub")
            var reachable = try fetch()
            step("committing and merging")
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
                step(attempt == 1 ? "pushing to the hub" : "pushing to the hub (try \(attempt))")
                willPush?()
                let push = try runGitCounting(["push", "--quiet", "origin", "HEAD:refs/heads/\(Self.branch)"])
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
                        // A branch lock a killed push left in a hub in a folder: removed when it
                        // is provably stale, then the push is tried again.
                        if let lock = try staleHubLock() {
                            guard lock.stale else { throw .hubLocked(path: lock.path, ageSeconds: lock.age) }
                            unlink(lock.path)
                            report.clearedHubLock = lock.path
                            continue
                        }
                        // The hub's own words ("[remote rejected] … (reason)"), not git's last line.
                        let said = refused.split(separator: "\n").first { $0.contains("remote rejected") || $0.contains("unpack failed") }
                        throw .hubRefused(reason: said.map { $0.trimmingCharacters(in: .whitespaces) } ?? push.reason)
                    }
                    reachable = false
                    break
                }
                guard attempt < pushAttempts else {
                    report.hubKeptMoving = true
                    break
                }
                // The hub moved: merge again, on top of what is merged already.
                step("fetching from the hub again")
                reachable = try fetch()
                guard reachable else { break }
                step("merging again")
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

    /// A step of the sync begins, told to `progress`.
    func step(_ name: String) {
        progress?.start(name, unit: name.hasPrefix("fetching") || name.hasPrefix("pushing") ? "objects" : "")
        progress?.show(0, of: 0)
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

    /// How old a branch lock in a hub must be to be stale. Git holds a ref's lock only while it
    /// writes the ref (milliseconds), and a git that finds it taken gives up after 100 ms
    /// (`core.filesRefLockTimeout`): no push holds one for ten minutes; the margin is for the
    /// clocks of a shared drive and this machine.
    public static let hubLockStaleAfter: TimeInterval = 600

    /// The hub's branch lock (or its HEAD's), when the hub is a folder and the lock is there: its
    /// path, its age in seconds, and whether it is stale (older than `hubLockStaleAfter`).
    func staleHubLock() throws(SyncError) -> (path: String, age: Int, stale: Bool)? {
        let url = try runGit(["remote", "get-url", "origin"])
        guard url.succeeded, let hub = Self.localPath(of: url.text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let base = URL(fileURLWithPath: hub, relativeTo: folder).standardizedFileURL
        // Git locks the branch and, as HEAD names the branch, HEAD too (for HEAD's log): a push
        // killed between the two leaves either, and every later push fails on it. A hub given
        // as a working repository keeps both under `.git`.
        let locks = ["refs/heads/\(Self.branch).lock", "HEAD.lock"]
        let candidates = (locks + locks.map { ".git/" + $0 }).map { base.appendingPathComponent($0).path }
        for path in candidates {
            guard let made = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            let age = now().timeIntervalSince(made)
            return (path, Int(max(0, age)), age > Self.hubLockStaleAfter)
        }
        return nil
    }

    /// Fetches the hub's branch; false when the hub cannot be reached.
    func fetch() throws(SyncError) -> Bool {
        let result = try runGitCounting(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "origin", "+refs/heads/\(Self.branch):\(Self.hubBranch)"])
        if result.succeeded { return true }
        // An empty hub is reachable: it has no branch yet.
        return String(decoding: result.errors, as: UTF8.self).contains("couldn't find remote ref")
    }

    /// Refuses records in a newer format than this Fieldbook reads, or whose format file does
    /// not read: the format file of
    /// `revision` (the hub's branch before a merge; the merge's other side when finishing one;
    /// the commit a join checked out).
    func refuseNewerFormat(of revision: String = Sync.hubBranch) throws(SyncError) {
        let shown = try runGit(["show", "\(revision):\(DataLayout.formatFile)"])
        // No format file there (a hub with no records yet): nothing to refuse.
        guard shown.succeeded else { return }
        // One that does not read could hide a newer format or an encrypted hub: refused.
        guard let format = try? TapeDecoding.decode(FormatFile.self, from: shown.output) else { throw .hubFormatUnreadable }
        if format.formatVersion > FormatFile.readableVersion {
            throw .newerFormat(found: format.formatVersion, supported: FormatFile.readableVersion)
        }
        // A copy that is not encrypted never merges (and so never commits plain records onto)
        // an encrypted hub; nor does a copy encrypted with another folder key.
        guard let hubEncryption = format.encryption else { return }
        let local = try? EncryptedFolder.formatFile(of: folder)
        guard let localEncryption = local?.encryption else { throw .hubEncrypted }
        if localEncryption.keyID != hubEncryption.keyID { throw .otherFolderKey }
    }

    /// An encrypted folder syncs only with its key: files are checked and merged decrypted.
    func refuseWithoutKey() throws(SyncError) {
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch { throw .store(error) }
        switch state {
        case .plain: return
        case .converting(let encryption):
            throw .store(.unfinishedConversion(path: folder.path, command: encryption.converting == .decrypting ? "decrypt" : "encrypt"))
        case .encrypted:
            if transform.isPlain { throw .store(.encrypted(path: folder.path)) }
        }
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

    /// A fetch or a push: with `progress`, git is asked for its counts (`--progress` in place of
    /// `--quiet`), and the objects received or written are shown as git writes them.
    func runGitCounting(_ arguments: [String]) throws(SyncError) -> Git.Result {
        guard let progress else { return try runGit(arguments) }
        var recent = ""
        var shown: (done: Int, total: Int)?
        do {
            return try git.run(arguments.map { $0 == "--quiet" ? "--progress" : $0 }, errorsAsTheyCome: { piece in
                recent = String((recent + String(decoding: piece, as: UTF8.self)).suffix(400))
                // Told again only when the count moved (git writes more lines after the last one).
                guard let count = GitProgress.lastCount(in: recent) else { return }
                if let shown, shown == count { return }
                shown = count
                progress.show(count.done, of: count.total)
            })
        } catch {
            throw .git(error)
        }
    }

    @discardableResult
    func checkGit(_ arguments: [String]) throws(SyncError) -> Git.Result {
        do { return try git.check(arguments) } catch { throw .git(error) }
    }
}
