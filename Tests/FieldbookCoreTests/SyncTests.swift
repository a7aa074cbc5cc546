@testable import FieldbookCore
import Foundation
import Testing

/// `fieldbook sync` against a real bare hub in a temporary folder.
@Suite struct SyncTests {
    static let client = Sample.client()
    static var clientFile: String { DataLayout.client(client.id) }

    static func seed(_ store: Store) throws {
        try store.save(Sample.specialist)
        try store.save(Sample.employer)
        try store.save(client)
    }

    @Test func theGitRunnerHasAFixedEnvironmentAndWritesOwnerOnly() throws {
        let folder = TemporaryFolder()
        try DurableFile.makeFolder(folder.url)
        let git = Git(folder: folder.url)
        #expect(git.environment["GIT_TERMINAL_PROMPT"] == "0")
        #expect(git.environment["GIT_CONFIG_NOSYSTEM"] == "1")
        #expect(git.environment["GIT_CONFIG_GLOBAL"] == "/dev/null")
        #expect(git.environment["GIT_SSH_COMMAND"]?.contains("BatchMode=yes") == true)
        #expect(git.environment["GIT_SSH_COMMAND"]?.contains("ConnectTimeout=") == true)
        try git.check(["init", "--quiet"])
        // No global configuration is read, whatever HOME holds.
        #expect(try git.run(["config", "--get", "user.name"]).status != 0)
        #expect(try git.check(["config", "--get", "merge.renames"]).text == "false\n")
        #expect(openToOthers(in: folder.url).isEmpty, "\(openToOthers(in: folder.url))")
        // Standard error is kept apart from standard output, and a failure is a status.
        let failed = try git.run(["rev-parse", "--verify", "no-such-ref"])
        #expect(!failed.succeeded && failed.output.isEmpty && !failed.errors.isEmpty)
    }

    @Test func initMakesAnOwnerOnlyHubAndJoinMakesAReadyCopy() throws {
        let team = SyncTeam()
        let a = try team.share("a", specialist: Sample.specialist.id, seed: Self.seed)
        var info = stat()
        #expect(stat(team.hub, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let b = try team.join("b")
        #expect(b.client(Self.client.id)?.phone == Self.client.phone)
        #expect(openToOthers(in: a.folder).isEmpty, "\(openToOthers(in: a.folder))")
        #expect(openToOthers(in: b.folder).isEmpty, "\(openToOthers(in: b.folder))")
        #expect(openToOthers(in: URL(fileURLWithPath: team.hub)).isEmpty)
        // Never shared: the lock, conflicts, quarantine, exports; no line-ending conversion.
        let tracked = try b.git(["ls-files"]).split(separator: "\n")
        #expect(!tracked.contains(".fieldbook.lock"))
        #expect(tracked.contains(".gitignore") && tracked.contains(".gitattributes"))
        let ignore = String(decoding: b.file(".gitignore") ?? Data(), as: UTF8.self)
        for line in ["/.fieldbook.lock", "*.tmp", "/conflicts/", "/quarantine/", "/exports/"] { #expect(ignore.contains(line)) }
        #expect(String(decoding: b.file(".gitattributes") ?? Data(), as: UTF8.self).contains("* -text"))
        // The author is this machine's specialist, by id; the message names kinds and counts.
        let log = try a.git(["log", "--format=%an <%ae>%n%B"])
        #expect(log.contains("specialist \(Sample.specialist.id.lowercased)"))
        #expect(log.contains("clients 1"))
        #expect(!log.contains(Self.client.name) && !log.contains(Sample.specialist.name) && !log.contains(Sample.employer.name))
    }

    @Test func plainHTTPAndGitHubsAreRefusedByName() throws {
        let team = SyncTeam()
        for hub in ["http://example.org/team.git", "git://example.org/team.git", "HTTP://example.org/x", "--upload-pack=touch x", ""] {
            #expect(throws: SyncError.refusedHub(hub)) {
                _ = try Sync.share(folder: team.folder("a"), hub: hub, installID: "a", specialistID: nil)
            }
            #expect(throws: SyncError.refusedHub(hub)) {
                _ = try Sync.join(hub: hub, folder: team.folder("b"), installID: "b", specialistID: nil)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: team.folder("b").path))
    }

    @Test func aContactHereAndAPhoneThereMergeWithNoConflict() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        var logged = try #require(a.client(Self.client.id))
        logged.contacts.append(ClientContact(date: date("2026-11-27"), kind: .phone, place: "", note: "Called about shifts",
                                             specialistID: Sample.specialist.id, createdAt: instant(1_764_200_000)))
        try a.store.save(logged)
        var corrected = try #require(b.client(Self.client.id))
        corrected.phone = "555-2222"
        try b.store.save(corrected)
        #expect(try a.syncNow().pushed)
        let report = try b.syncNow()
        #expect(report.pushed && report.toMerge.isEmpty && report.mergedFiles == 1)
        try a.syncNow()
        for copy in [a, b] {
            let client = try #require(copy.client(Self.client.id))
            #expect(client.phone == "555-2222")
            #expect(client.contacts.map(\.note).contains("Called about shifts"))
            #expect(filesWithConflictMarkers(in: copy.folder).isEmpty)
            #expect(copy.store.load().pendingMerges.isEmpty)
            #expect(openToOthers(in: copy.folder).isEmpty, "\(openToOthers(in: copy.folder))")
        }
        #expect(filesWithConflictMarkers(in: URL(fileURLWithPath: team.hub), includingGit: true).isEmpty)
    }

    @Test func theSameFieldChangedBothWaysTakesTheHubsValueAndKeepsThisCopysToMerge() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        var first = try #require(a.client(Self.client.id))
        first.phone = "555-1111"
        try a.store.save(first)
        var second = try #require(b.client(Self.client.id))
        second.phone = "555-2222"
        second.preferredName = "Pepe"
        try b.store.save(second)
        try a.syncNow()
        let report = try b.syncNow()
        #expect(report.toMerge.map(\.path) == [Self.clientFile])
        let merged = try #require(b.client(Self.client.id))
        #expect(merged.phone == "555-1111")
        #expect(merged.preferredName == "Pepe")
        // This copy's whole version and the base are kept as a save conflict keeps them.
        let kept = try #require(report.toMerge.first?.keptCopy)
        #expect(String(decoding: try #require(b.file(kept)), as: UTF8.self).contains("555-2222"))
        #expect(String(decoding: try #require(b.file(kept + ".base")), as: UTF8.self).contains("555-1000"))
        let pending = b.store.load().pendingMerges
        #expect(pending.map(\.record) == [Self.clientFile])
        let conflict = try b.store.conflict(for: try #require(pending.first))
        #expect(conflict.fields.map(\.field) == ["phone"])
        #expect(filesWithConflictMarkers(in: b.folder).isEmpty)
        // The kept version never goes to the hub.
        #expect(!(try b.git(["ls-files"])).contains("conflicts/"))
    }

    @Test func aRecordDeletedOnOneSideAndChangedOnTheOtherKeepsTheChange() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        // A deletes the record (its audit log records it); B changes it.
        let url = a.folder.appendingPathComponent(Self.clientFile)
        let old = try #require(a.file(Self.clientFile))
        try FileManager.default.removeItem(at: url)
        #expect(a.store.auditLog?.recordDeletion(of: Self.clientFile, from: old) == nil)
        var changed = try #require(b.client(Self.client.id))
        changed.phone = "555-3333"
        try b.store.save(changed)
        let deleting = try a.syncNow()
        #expect(deleting.restored.isEmpty)
        let report = try b.syncNow()
        #expect(report.changedOverDeletion == [Self.clientFile])
        try a.syncNow()
        #expect(a.client(Self.client.id)?.phone == "555-3333")
        #expect(b.client(Self.client.id)?.phone == "555-3333")
    }

    @Test func aFileThatVanishedWithNoRecordedDeletionIsRestored() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        try FileManager.default.removeItem(at: a.folder.appendingPathComponent(Self.clientFile))
        let report = try a.syncNow()
        #expect(report.restored == [Self.clientFile])
        #expect(a.client(Self.client.id) != nil)
        let b = try team.join("b")
        #expect(b.client(Self.client.id) != nil)
    }

    @Test func offlineCommitsLocallyLosesNothingAndTheNextSyncSends() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let moved = team.root.path("away.git")
        try FileManager.default.moveItem(atPath: team.hub, toPath: moved.path)
        var changed = try #require(a.client(Self.client.id))
        changed.phone = "555-4444"
        try a.store.save(changed)
        let offline = try a.syncNow()
        #expect(!offline.reachable && !offline.pushed)
        #expect(offline.committed >= 1 && offline.waiting >= 1)
        #expect(try a.sync.status().changesNotShared == offline.waiting)
        #expect(try a.git(["status", "--porcelain"]).isEmpty)
        try FileManager.default.moveItem(at: moved, to: URL(fileURLWithPath: team.hub))
        let online = try a.syncNow()
        #expect(online.reachable && online.pushed && online.waiting == 0)
        #expect(try team.join("b").client(Self.client.id)?.phone == "555-4444")
    }

    @Test func employerContactsInOneMonthFileMergePerContact() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        let first = Sample.employerContact(on: "2026-11-03")
        var second = Sample.employerContact(on: "2026-11-17")
        second.hiringNeeds = "Mornings"
        try a.store.save(first)
        try b.store.save(second)
        try a.syncNow()
        let report = try b.syncNow()
        #expect(report.mergedFiles >= 1 && report.toMerge.isEmpty)
        try a.syncNow()
        for copy in [a, b] {
            #expect(Set(copy.store.load().employerContacts.map(\.id)) == [first.id, second.id])
        }
    }

    @Test func statusAsJSONUsesSnakeCaseKeys() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let status = try a.sync.status()
        #expect(status.hub == team.hub && status.lastSync != nil && status.changesNotShared == 0 && status.recordsToMerge == 0)
        let json = String(decoding: try CommandJSON.data(status), as: UTF8.self)
        for key in ["\"hub\"", "\"last_sync\"", "\"changes_not_shared\"", "\"records_to_merge\""] { #expect(json.contains(key)) }
    }

    @Test func aFileWithConflictMarkersIsNeverShared() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let marked = Data("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> hub\n".utf8)
        try marked.write(to: a.folder.appendingPathComponent(DataLayout.employer(UUID())))
        try Data("{".utf8).write(to: a.folder.appendingPathComponent(DataLayout.client(UUID())))
        let report = try a.syncNow()
        #expect(report.refused.map(\.reason).sorted() == ["does not read as a record", "holds conflict markers"])
        #expect(filesWithConflictMarkers(in: URL(fileURLWithPath: team.hub), includingGit: true).isEmpty)
        #expect(try team.join("b").store.load().clients.count == 1)
    }

    @Test func oneSyncAtATime() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let fd = open(a.folder.appendingPathComponent(".git/fieldbook-sync.lock").path, O_RDWR | O_CREAT, 0o600)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        #expect(throws: SyncError.busy) { try a.sync.run(wait: false) }
        flock(fd, LOCK_UN)
        #expect(try a.sync.run(wait: false).pushed)
    }

    @Test func sharingARepositoryAlreadyThereAdoptsItAndUntracksIgnoredPaths() throws {
        let team = SyncTeam()
        let folder = team.folder("a")
        try Self.seed(try Store(folder: folder))
        let git = Git(folder: folder)
        try git.check(["init", "--quiet", "-b", "main"])
        try git.check(["add", "-A", "-f"])
        try git.check(["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "-m", "by hand"])
        #expect(try git.check(["ls-files"]).text.contains(".fieldbook.lock"))
        let shared = try Sync.share(folder: folder, hub: team.hub, installID: "a", specialistID: nil)
        #expect(shared.adopted && shared.createdHub)
        #expect(!(try git.check(["ls-files"]).text.contains(".fieldbook.lock")))
        #expect(try team.join("b").client(Self.client.id) != nil)
    }

    @Test func aHubThatMovedDuringTheSyncIsMergedAgainAndPushed() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        var changed = try #require(a.client(Self.client.id))
        changed.phone = "555-5555"
        try a.store.save(changed)
        // After A fetched and merged, and before its push, B pushes.
        var pushes = 0
        a.sync.willPush = {
            pushes += 1
            guard pushes == 1 else { return }
            var other = b.client(Self.client.id)!
            other.preferredName = "Pepe"
            _ = try? b.store.save(other)
            _ = try? b.syncNow()
        }
        let retried = try a.syncNow()
        #expect(pushes == 2)
        #expect(retried.pushed && retried.mergedFiles == 1 && !retried.hubKeptMoving)
        try b.syncNow()
        for copy in [a, b] {
            #expect(copy.client(Self.client.id)?.phone == "555-5555")
            #expect(copy.client(Self.client.id)?.preferredName == "Pepe")
        }
        // Never a rebase: A's own commit is on the hub as it was made, under a merge.
        #expect(try a.git(["log", "--merges", "--format=%s"]).contains("Merged from the hub"))
        #expect(try a.git(["log", "--format=%s"]).contains("Saved on this copy: "))
    }

    @Test func aMergeLeftByAKilledSyncIsFinishedByTheNext() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        var mine = try #require(a.client(Self.client.id))
        mine.phone = "555-6666"
        try a.store.save(mine)
        var theirs = try #require(b.client(Self.client.id))
        theirs.preferredName = "Pepe"
        try b.store.save(theirs)
        try b.syncNow()
        // As if killed right after git's merge: the file unmerged in the index, no markers.
        var report = SyncReport()
        _ = try a.sync.fetch()
        try a.sync.commitLocalChanges(&report)
        let merge = try Git(folder: a.folder).run(["-c", "user.name=x", "-c", "user.email=x@x", "merge", "--no-edit", "refs/remotes/origin/main"])
        #expect(!merge.succeeded)
        #expect(filesWithConflictMarkers(in: a.folder).isEmpty)
        // A save made between the kill and the next sync, to the very file left unmerged.
        var saved = try #require(a.client(Self.client.id))
        saved.email = "after-the-kill@example.org"
        try a.store.save(saved)
        let next = try a.syncNow()
        #expect(next.pushed && next.mergedFiles == 1)
        try b.syncNow()
        for copy in [a, b] {
            #expect(copy.client(Self.client.id)?.phone == "555-6666")
            #expect(copy.client(Self.client.id)?.preferredName == "Pepe")
            #expect(copy.client(Self.client.id)?.email == "after-the-kill@example.org")
        }
    }

    /// Killed while git wrote the merge's state: MERGE_HEAD is there, MERGE_MSG is not. The
    /// next sync still finishes the merge (git refuses an empty message when it reads none).
    @Test func aMergeLeftWithoutItsMessageIsFinishedByTheNext() throws {
        let team = SyncTeam()
        let a = try team.share("a", seed: Self.seed)
        let b = try team.join("b")
        var mine = try #require(a.client(Self.client.id))
        mine.phone = "555-6666"
        try a.store.save(mine)
        var theirs = try #require(b.client(Self.client.id))
        theirs.preferredName = "Pepe"
        try b.store.save(theirs)
        try b.syncNow()
        var report = SyncReport()
        _ = try a.sync.fetch()
        try a.sync.commitLocalChanges(&report)
        let merge = try Git(folder: a.folder).run(["-c", "user.name=x", "-c", "user.email=x@x", "merge", "--no-edit", "refs/remotes/origin/main"])
        #expect(!merge.succeeded)
        try FileManager.default.removeItem(at: a.folder.appendingPathComponent(".git/MERGE_MSG"))
        let next = try a.syncNow()
        #expect(next.pushed)
        try b.syncNow()
        for copy in [a, b] {
            #expect(copy.client(Self.client.id)?.phone == "555-6666")
            #expect(copy.client(Self.client.id)?.preferredName == "Pepe")
        }
    }

    @Test func anAddOnBothSidesWithNoBaseMergesAsNoBaseAndOtherFilesTakeTheHubs() throws {
        let path = Self.clientFile
        let ours = try JSONCoding.encode(Self.client)
        var other = Self.client
        other.preferredName = "Pepe"
        let theirs = try JSONCoding.encode(other)
        let added = SyncMerge.merge(path: path, base: Data(), ours: ours, theirs: theirs)
        #expect(added.result == .hubValueTaken(fields: ["preferredName"]))
        #expect(String(decoding: try #require(added.bytes), as: UTF8.self).contains("Pepe"))
        let salt = SyncMerge.merge(path: "report-salt", base: Data("a".utf8), ours: Data("b".utf8), theirs: Data("c".utf8))
        #expect(salt.bytes == Data("c".utf8))
        let gone = SyncMerge.merge(path: path, base: ours, ours: nil, theirs: theirs)
        #expect(gone.result == .changedVersionKept(deletedOnHub: false) && gone.bytes == theirs)
    }
}
