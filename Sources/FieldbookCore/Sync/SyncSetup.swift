import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Making a data folder share with a hub (`sync init`) and a new data folder from a hub (`sync join`).
extension Sync {
    /// What is never committed: the lock file, temporary files, kept conflict versions,
    /// quarantine, exports.
    public static let ignored = """
        # Written by fieldbook sync: what is never shared.
        /\(FolderLock.fileName)
        .*.tmp
        *.tmp
        *.orig
        /\(DataLayout.conflicts)/
        /\(DataRepair.quarantineFolder)/
        /\(CareerProfileLayout.exports)/

        """

    /// No line-ending conversion, ever.
    public static let attributes = """
        # Written by fieldbook sync: files are stored byte for byte.
        * -text

        """

    /// This repository's own attributes (never shared): git merges no file's contents itself,
    /// so it never writes conflict markers; a sync merges those files from the index stages.
    static let mergeAttributes = "* -text merge=binary\n"

    /// Refuses a hub that would carry the records unencrypted.
    public static func checkHub(_ hub: String) throws(SyncError) {
        let lowered = hub.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("git://") { throw .refusedHub(hub) }
        // Never read by git as one of its options.
        if hub.hasPrefix("-") || hub.isEmpty { throw .refusedHub(hub) }
    }

    /// A hub given as a folder on this machine (a path, or `file://`).
    static func localPath(of hub: String) -> String? {
        if hub.hasPrefix("file://") { return String(hub.dropFirst(7)) }
        if hub.contains("://") { return nil }
        // scp-like `host:path` is ssh; a path has no colon before its first slash.
        if let colon = hub.firstIndex(of: ":"), !hub[..<colon].contains("/") { return nil }
        return hub
    }

    /// Makes `folder` (a data folder, or a new one) a repository that shares with `hub`, and
    /// sends its first commit. A local hub that does not exist yet becomes a new bare
    /// repository, owner-only. A folder that is already a repository is adopted
    /// (`report.adopted`). Ignored paths that were committed are untracked.
    /// `groupShared`: a new hub is made for a team that shares it through a group (a shared
    /// drive): `core.sharedRepository=group`, so that what each member pushes is readable and
    /// writable by the group; the data folder stays owner-only whatever the hub is.
    public static func share(
        folder given: URL, hub: String, git: Git = Git(folder: URL(fileURLWithPath: "/")), installID: String,
        specialistID: UUID?, groupShared: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        transform: FileTransform = .plain
    ) throws(SyncError) -> (report: SyncReport, adopted: Bool, createdHub: Bool) {
        try checkHub(hub)
        let folder = given.standardizedFileURL
        var createdHub = false
        if let path = localPath(of: hub), !FileManager.default.fileExists(atPath: path) {
            let hubURL = URL(fileURLWithPath: path).standardizedFileURL
            do { try DurableFile.makeFolder(hubURL.deletingLastPathComponent()) } catch { throw .store(error) }
            let maker = git.inFolder(hubURL.deletingLastPathComponent())
            let shared = groupShared ? ["--shared=group"] : []
            do { try maker.check(["init", "--quiet", "--bare", "-b", branch] + shared + [hubURL.path]) } catch { throw .git(error) }
            // Git gave a group hub's folders to the group (setgid, group read and write).
            if !groupShared { chmod(hubURL.path, 0o700) }
            createdHub = true
        }
        // A missing or empty folder becomes a data folder first.
        do { _ = try Store(folder: folder, transform: transform) } catch { throw .store(error) }
        let sync = Sync(folder: folder, git: git, installID: installID, specialistID: specialistID, now: now)
        sync.transform = transform
        let adopted = sync.isShared
        if !adopted { try sync.checkGit(["init", "--quiet", "-b", branch]) }
        try sync.writeSharingFiles()
        if try sync.runGit(["remote", "get-url", "origin"]).succeeded {
            try sync.checkGit(["remote", "set-url", "origin", hub])
        } else {
            try sync.checkGit(["remote", "add", "origin", hub])
        }
        guard try sync.fetch() else { throw .git(Git.Failure(command: "fetch", reason: "hub not reachable")) }
        if try sync.runGit(["rev-parse", "--verify", "-q", hubBranch]).succeeded { throw .hubHoldsRecords }
        // Untrack every committed path that is now ignored (a committed lock file included).
        let ignoredTracked = Git.paths(try sync.checkGit(["ls-files", "-ci", "--exclude-standard", "-z"]).output)
        if !ignoredTracked.isEmpty { try sync.checkGit(["rm", "-q", "--cached", "--"] + ignoredTracked) }
        let report = try sync.run()
        sync.makeOwnerOnly()
        return (report, adopted, createdHub)
    }

    /// Clones `hub` into `folder` (missing or empty), ready to use.
    public static func join(
        hub: String, folder given: URL, git: Git = Git(folder: URL(fileURLWithPath: "/")), installID: String,
        specialistID: UUID?, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SyncError) -> Sync {
        try checkHub(hub)
        let folder = given.standardizedFileURL
        if FileManager.default.fileExists(atPath: folder.path) {
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true else {
                throw .folderNotEmpty(path: folder.path)
            }
            rmdir(folder.path)
        }
        let parent = folder.deletingLastPathComponent()
        do { try DurableFile.makeFolder(parent) } catch { throw .store(error) }
        let clone: Git.Result
        do {
            // Never hard links into a hub in a folder: the copy's files are made owner-only
            // after the clone, which must not change the hub's (a group hub's stay the group's).
            clone = try git.inFolder(parent).run(["clone", "--quiet", "--no-hardlinks", "--no-tags", "--origin", "origin", "--", hub, folder.path])
        } catch { throw .git(error) }
        guard clone.succeeded else {
            if String(decoding: clone.errors, as: UTF8.self).contains("empty repository") {
                try? FileManager.default.removeItem(at: folder)
                throw .hubEmpty
            }
            throw .git(Git.Failure(command: "clone", reason: clone.reason))
        }
        let sync = Sync(folder: folder, git: git, installID: installID, specialistID: specialistID, now: now)
        if try !sync.runGit(["rev-parse", "--verify", "-q", "HEAD"]).succeeded {
            try? FileManager.default.removeItem(at: folder)
            throw .hubEmpty
        }
        do {
            try sync.refuseNewerFormat(of: "HEAD")
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        try sync.writeSharingFiles()
        var setup = SyncReport()
        try sync.withFolderLock { () throws(SyncError) in try sync.commitLocalChanges(&setup) }
        chmod(folder.path, 0o700)
        sync.makeOwnerOnly()
        return sync
    }

    /// `.gitignore` and `.gitattributes` (each written when it lacks our lines) and this
    /// repository's own merge attributes.
    func writeSharingFiles() throws(SyncError) {
        do throws(StoreError) {
            for (name, text) in [(".gitignore", Self.ignored), (".gitattributes", Self.attributes)] {
                let url = folder.appendingPathComponent(name)
                let existing = try DurableFile.read(url).map { String(decoding: $0, as: UTF8.self) } ?? ""
                let missing = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !existing.split(separator: "\n").contains($0) }
                guard !missing.isEmpty else { continue }
                let joined = existing.isEmpty || existing.hasSuffix("\n") ? existing : existing + "\n"
                try DurableFile.write(Data((joined + text).utf8), to: url)
            }
            try DurableFile.write(Data(Self.mergeAttributes.utf8), to: gitFolder.appendingPathComponent("info/attributes"))
        } catch {
            throw .store(error)
        }
    }
}
