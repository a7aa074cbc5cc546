@testable import FieldbookCore
import Foundation
import Testing

/// Hubs in a folder: one shared with a group, and a branch lock a killed push left.
@Suite struct SyncHubTests {
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// Every file and folder under `root`.
    static func everything(under root: String) -> [String] {
        var paths: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String { paths.append(relative) }
        return paths
    }

    @Test func aGroupHubKeepsWhatEachMemberPushesGroupReadableAndTheFolderOwnerOnly() throws {
        let team = SyncTeam()
        let folder = team.folder("a")
        let seeding = try Store(folder: folder)
        try seeding.save(Sample.specialist)
        try seeding.save(Sample.client())
        _ = try Sync.share(folder: folder, hub: team.hub, installID: "install-a", specialistID: nil, groupShared: true)
        let shared = try Git(folder: URL(fileURLWithPath: team.hub)).check(["config", "core.sharedRepository"]).text
        #expect(["group", "1"].contains(shared.trimmingCharacters(in: .whitespacesAndNewlines)))
        let b = try team.join("b")
        var client = try #require(b.store.load().clients.first)
        client.phone = "555-0404"
        try b.store.save(client)
        #expect(try b.syncNow().pushed)

        // In the hub: every object, ref and folder is open to the group (never to others).
        let objects = Self.everything(under: team.hub + "/objects").map { "objects/" + $0 }
        let refs = Self.everything(under: team.hub + "/refs").map { "refs/" + $0 }
        #expect(objects.count > 3 && refs.contains("refs/heads/main"))
        for relative in objects + refs {
            let mode = Self.mode(team.hub + "/" + relative)
            #expect(mode & 0o040 != 0, "\(relative) \(String(mode, radix: 8)) is not group-readable")
            #expect(mode & 0o007 == 0, "\(relative) \(String(mode, radix: 8)) is open to others")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: team.hub + "/" + relative, isDirectory: &isFolder), isFolder.boolValue {
                #expect(mode & 0o070 == 0o070, "\(relative) \(String(mode, radix: 8)): the group cannot add to it")
            }
        }
        // The data folders stay owner-only.
        #expect(openToOthers(in: folder).isEmpty, "\(openToOthers(in: folder).prefix(5))")
        #expect(openToOthers(in: b.folder).isEmpty, "\(openToOthers(in: b.folder).prefix(5))")
    }

    @Test func aHubMadeWithoutGroupIsOwnerOnly() throws {
        let team = SyncTeam()
        _ = try team.share("a", seed: { try $0.save(Sample.client()) })
        #expect(Self.mode(team.hub) == 0o700)
    }

    /// A branch lock left in the hub: a fresh one (a push may be under way) is explained and
    /// left; one older than ten minutes is removed and the push goes on.
    @Test func aStaleBranchLockInTheHubIsRemovedOnlyWhenProvablyStale() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: { try $0.save(Sample.client()) })
        let lock = URL(fileURLWithPath: team.hub).appendingPathComponent("refs/heads/main.lock")
        try Data().write(to: lock)
        var client = try #require(a.store.load().clients.first)
        client.phone = "555-0505"
        try a.store.save(client)
        let justUnderTenMinutes = Date().addingTimeInterval(-(Sync.hubLockStaleAfter - 30))
        try FileManager.default.setAttributes([.modificationDate: justUnderTenMinutes], ofItemAtPath: lock.path)
        do {
            _ = try a.syncNow()
            Issue.record("pushed through a fresh lock")
        } catch let error as SyncError {
            guard case .hubLocked(let path, let age) = error else { throw error }
            #expect(path == lock.path && age >= 500)
            #expect(error.description.contains("refs/heads/main.lock") && error.description.contains("sync again"))
        }
        #expect(FileManager.default.fileExists(atPath: lock.path), "a lock that may be in use stays")
        let elevenMinutes = Date().addingTimeInterval(-(Sync.hubLockStaleAfter + 60))
        try FileManager.default.setAttributes([.modificationDate: elevenMinutes], ofItemAtPath: lock.path)
        let report = try a.syncNow()
        #expect(report.pushed && report.clearedHubLock == lock.path)
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        #expect(try Git(folder: URL(fileURLWithPath: team.hub)).check(["rev-parse", "main"]).text == (try a.git(["rev-parse", "HEAD"])))
    }

    /// Git locks HEAD beside the branch it names: a push killed then leaves HEAD.lock, and
    /// every later push failed on it ("failed to update ref") with no branch lock to see. It is
    /// named while young and removed once stale, as the branch lock is.
    @Test func aStaleHeadLockInTheHubIsTreatedAsTheBranchLockIs() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: { try $0.save(Sample.client()) })
        let lock = URL(fileURLWithPath: team.hub).appendingPathComponent("HEAD.lock")
        try Data().write(to: lock)
        var client = try #require(a.store.load().clients.first)
        client.phone = "555-0606"
        try a.store.save(client)
        do {
            _ = try a.syncNow()
            Issue.record("pushed through a fresh HEAD lock")
        } catch let error as SyncError {
            guard case .hubLocked(let path, _) = error else { throw error }
            #expect(path == lock.path)
        }
        #expect(FileManager.default.fileExists(atPath: lock.path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-(Sync.hubLockStaleAfter + 60))],
                                              ofItemAtPath: lock.path)
        let report = try a.syncNow()
        #expect(report.pushed && report.clearedHubLock == lock.path)
        #expect(try Git(folder: URL(fileURLWithPath: team.hub)).check(["rev-parse", "main"]).text == (try a.git(["rev-parse", "HEAD"])))
    }
}
