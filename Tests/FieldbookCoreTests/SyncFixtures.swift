@testable import FieldbookCore
import Foundation
import Testing

/// A team in a temporary folder: a bare hub and copies of the data folder sharing through it.
final class SyncTeam {
    let root = TemporaryFolder()
    var hub: String { root.path("hub.git").path }

    /// One copy: its folder, its sync and its store (with its own audit log).
    struct Copy {
        let name: String
        let folder: URL
        let sync: Sync
        let store: Store

        /// Syncs, failing the test on an error.
        @discardableResult
        func syncNow() throws -> SyncReport { try sync.run() }

        func client(_ id: UUID) -> Client? { store.load().clients.first { $0.id == id } }

        func file(_ relative: String) -> Data? { FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) }

        func git(_ arguments: [String]) throws -> String {
            try Git(folder: folder).check(arguments).text
        }
    }

    init() {}

    /// Removed with `rm -rf`: repositories hold thousands of small files, which Foundation
    /// removes one by one far more slowly.
    deinit {
        if let pid = try? ChildProcess.start(["rm", "-rf", root.url.path], output: 2, errors: 2) {
            _ = ChildProcess.wait(for: pid)
        }
    }

    func folder(_ name: String) -> URL { root.path(name) }

    private func copy(_ name: String, specialist: UUID?) throws -> Copy {
        let folder = folder(name)
        let store = try Store(folder: folder)
        store.auditLog = AuditLog(dataFolder: folder, installID: "install-\(name)", specialistID: specialist)
        return Copy(
            name: name, folder: folder,
            sync: Sync(folder: folder, installID: "install-\(name)", specialistID: specialist), store: store)
    }

    /// `sync init`: the first copy, with the records `seed` saves before it is shared.
    func share(_ name: String, specialist: UUID? = nil, seed: (Store) throws -> Void = { _ in }) throws -> Copy {
        let folder = folder(name)
        let seeding = try Store(folder: folder)
        seeding.auditLog = AuditLog(dataFolder: folder, installID: "install-\(name)", specialistID: specialist)
        try seed(seeding)
        _ = try Sync.share(folder: folder, hub: hub, installID: "install-\(name)", specialistID: specialist)
        return try copy(name, specialist: specialist)
    }

    /// `sync join`.
    func join(_ name: String, specialist: UUID? = nil) throws -> Copy {
        _ = try Sync.join(hub: hub, folder: folder(name), installID: "install-\(name)", specialistID: specialist)
        return try copy(name, specialist: specialist)
    }
}

/// Every file under `folder` (`.git` left out unless asked) whose bytes hold a conflict marker line.
func filesWithConflictMarkers(in folder: URL, includingGit: Bool = false) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
        if !includingGit, relative == ".git" || relative.hasPrefix(".git/") { continue }
        let url = folder.appendingPathComponent(relative)
        guard !DurableFile.isDirectory(url), let data = FileManager.default.contents(atPath: url.path) else { continue }
        if Sync.holdsConflictMarkers(data) { found.append(relative) }
    }
    return found
}

/// Paths under `folder` (`.git` included) that group or others may read, write or enter.
func openToOthers(in folder: URL) -> [String] {
    var open: [String] = []
    var info = stat()
    if stat(folder.path, &info) == 0, info.st_mode & 0o077 != 0 { open.append(".") }
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return open }
    while let relative = walker.nextObject() as? String {
        if lstat(folder.appendingPathComponent(relative).path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK,
           info.st_mode & 0o077 != 0
        {
            open.append(relative)
        }
    }
    return open
}
