import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Sync {
    // MARK: Merging the hub

    /// Merges the hub's branch into this copy's, every file changed on both sides merged here.
    func mergeHub(_ report: inout SyncReport) throws(SyncError) {
        // 0: the hub has nothing new; 1: it has; otherwise no hub branch yet.
        let known = try runGit(["merge-base", "--is-ancestor", Self.hubBranch, "HEAD"])
        guard known.status == 1 else { return }
        try refuseNewerFormat()
        let before = try checkGit(["rev-parse", "HEAD"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Never committed by git: employer contacts that moved are reconciled first.
        let merge = try runGit(authorSettings + [
            "merge", "--quiet", "--no-edit", "--no-verify", "--no-commit", "-s", "ort", "-X", "no-renames",
            "-m", "Merged from the hub", Self.hubBranch,
        ])
        if !merge.succeeded, !(try mergeInProgress()) { throw .git(Git.Failure(command: "merge", reason: merge.reason)) }
        if try mergeInProgress() {
            try resolveUnmerged(&report)
            try reconcileMovedContacts(&report)
            try commitMerge()
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
        try refuseNewerFormat(of: "MERGE_HEAD")
        try resolveUnmerged(&report)
        try reconcileMovedContacts(&report)
        report.touched.formUnion(Git.paths(try checkGit(["diff", "--name-only", "--no-renames", "-z", "HEAD", "MERGE_HEAD"]).output))
        try commitMerge()
    }

    /// Commits the merge in progress with its message given, never read from git's MERGE_MSG:
    /// a sync killed while git wrote the merge's state may leave MERGE_HEAD without it, and git
    /// then refuses an empty message.
    func commitMerge() throws(SyncError) {
        try checkGit(authorSettings + ["commit", "-q", "--no-verify", "-m", "Merged from the hub"])
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
        progress?.start("merging files changed here and on the hub", unit: "files")
        for (index, path) in order.enumerated() {
            progress?.show(index, of: order.count)
            let versions = stages[path] ?? [:]
            let base = try versions[1].map { sha throws(SyncError) in try blob(sha) }
            let url = folder.appendingPathComponent(path)
            // This copy's side is the file in the working tree (git left stage 2 there): after a
            // killed sync it may hold saves made since, which the merge must keep.
            var ours = try versions[2].map { sha throws(SyncError) in try blob(sha) }
            if ours != nil, let saved = try? DurableFile.read(url), refusal(of: path) == nil { ours = saved }
            let theirs = try versions[3].map { sha throws(SyncError) in try blob(sha) }
            // Encrypted, the three versions are merged decrypted (each bound to `path`) and
            // the result encrypted; a version that does not open leaves the hub's as it is.
            let outcome = mergeThrough(transform, path: path, base: base, ours: ours, theirs: theirs)
            do {
                if let bytes = outcome.bytes {
                    try DurableFile.write(bytes, to: url)
                } else {
                    unlink(url.path)
                }
                if let keep = outcome.keep {
                    if store == nil { store = try Store(folder: folder, now: now, transform: transform) }
                    let kept = try store!.keepConflictCopy(keep.mine, base: keep.base, for: path)
                    var version = SyncReport.KeptVersion(path: path, keptCopy: kept)
                    if case .hubValueTaken(let fields) = outcome.result { version.fields = fields }
                    report.toMerge.append(version)
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

    /// `SyncMerge.merge` of the three versions as `transform` reads them, its result as `transform` writes it.
    func mergeThrough(_ transform: FileTransform, path: String, base: Data?, ours: Data?, theirs: Data?) -> SyncMerge.Outcome {
        guard !transform.isPlain else { return SyncMerge.merge(path: path, base: base, ours: ours, theirs: theirs) }
        func open(_ data: Data?) throws(StoreError) -> Data? {
            guard let data, !data.isEmpty else { return data }
            return try transform.fromDisk(data, path)
        }
        var outcome: SyncMerge.Outcome
        do {
            outcome = try SyncMerge.merge(path: path, base: open(base), ours: open(ours), theirs: open(theirs))
        } catch {
            return SyncMerge.Outcome(bytes: theirs ?? ours, result: .hubVersionTaken(reason: "a version does not open with this folder's key"))
        }
        do {
            outcome.bytes = try outcome.bytes.map { bytes throws(StoreError) in try transform.toDisk(bytes, path) }
        } catch {
            return SyncMerge.Outcome(bytes: theirs ?? ours, result: .hubVersionTaken(reason: error.description))
        }
        return outcome
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
}
