@testable import FieldbookCore
import Foundation
import Testing

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double
    init(_ seconds: Double) { self.seconds = seconds }
    var now: Date { lock.withLock { Date(timeIntervalSince1970: seconds) } }
    func advance(_ by: Double = 1) { lock.withLock { seconds += by } }
}

/// A store that logs to an audit trail, on a fresh folder.
func auditedStore(_ folder: TemporaryFolder, install: String = "copy-a", clock: TestClock) throws -> Store {
    let data = folder.path("data")
    let store = try Store(folder: data, now: { clock.now })
    store.auditLog = AuditLog(dataFolder: data, installID: install, specialistID: Sample.specialist.id, now: { clock.now })
    return store
}

func logLines(_ url: URL) throws -> [String] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
}

@Suite struct AuditTests {
    @Test func eachSaveAppendsWhoWhatAndWhichFieldsButNoValues() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        var client = try store.save(Sample.client()).record
        clock.advance()
        client.phone = "555-9999"
        client.notes = "Prefers mornings"
        client = try store.save(client).record

        let trail = AuditTrail.read(folder: folder.path("data"))
        #expect(trail.damage.isEmpty)
        #expect(trail.files == ["audit/copy-a.jsonl"])
        let entries = trail.entries.map(\.entry)
        #expect(entries.count == 2)
        #expect(entries[0].action == .create)
        #expect(entries[0].fields.contains("name") && entries[0].fields.contains("phone"))
        #expect(!entries[0].fields.contains("updatedAt"))
        #expect(entries[1].action == .update)
        #expect(entries[1].fields == ["notes", "phone"])
        #expect(entries[1].kind == "client")
        #expect(entries[1].record == client.id.uuidString.lowercased())
        #expect(entries[1].specialist == Sample.specialist.id.uuidString.lowercased())
        #expect(entries[1].recordUpdatedAt == Timestamp.format(client.updatedAt))

        let raw = try String(contentsOf: folder.path("data/audit/copy-a.jsonl"), encoding: .utf8)
        for value in ["José", "555-9999", "555-1000", "Prefers mornings", "Barista", "Library"] {
            #expect(!raw.contains(value), "client data \(value) in the audit log")
        }
        #expect(mode(of: folder.path("data/audit/copy-a.jsonl")) == 0o600)
        #expect(mode(of: folder.path("data/audit")) == 0o700)
    }

    /// A save returns once its record is durable; its entry is appended before it returns and
    /// fsynced right after, off the save's path.
    @Test func eachEntryIsWrittenBeforeTheSaveReturnsAndMadeDurableAfter() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        let syncedBefore = AuditLog.appendsSynced
        var client = try store.save(Sample.client()).record
        for n in 1...3 {
            clock.advance()
            client.phone = "555-000\(n)"
            client = try store.save(client).record
            #expect(try logLines(folder.path("data/audit/copy-a.jsonl")).count == n + 1)
        }
        AuditLog.waitUntilDurable()
        #expect(AuditLog.appendsSynced >= syncedBefore + 4)
    }

    @Test func changedFieldsAreTheTopLevelKeysWhoseJSONDiffers() {
        let old = Data(#"{"id":"A","name":"x","jobs":[{"id":"1","title":"a"}],"tags":{"b":1,"a":2},"updatedAt":"t1","gone":1}"#.utf8)
        let new = Data(#"{"id":"A","name":"x","jobs":[{"id":"1","title":"b"}],"tags":{"a":2,"b":1},"updatedAt":"t2","added":true}"#.utf8)
        let changes = ChangedFields.changes(at: "clients/a.json", old: old, new: new)
        #expect(changes.count == 1)
        #expect(changes.first?.fields == ["added", "gone", "jobs"])
        #expect(changes.first?.record == "a")

        let kinds = ChangedFields.changes(
            at: "employers/b.json",
            old: Data(#"{"id":"B","flag":true,"n":1,"x":1.5,"s":"1","list":[1,2],"o":null}"#.utf8),
            new: Data(#"{"id":"B","flag":1,"n":1,"x":1.5,"s":1,"list":[2,1],"o":{}}"#.utf8))
        #expect(kinds.first?.fields == ["flag", "list", "o", "s"])
    }

    @Test func employerContactsAreLoggedOnePerContactWithinTheirMonthFile() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        let first = try store.save(Sample.employerContact(on: "2026-11-02")).record
        clock.advance()
        var second = try store.save(Sample.employerContact(on: "2026-11-09")).record
        clock.advance()
        second.hiringNeeds = "Evening shifts"
        second = try store.save(second).record

        let entries = AuditTrail.read(folder: folder.path("data")).entries.map(\.entry)
        #expect(entries.map(\.action) == [.create, .create, .update])
        #expect(entries.map(\.kind) == Array(repeating: "employer contact", count: 3))
        #expect(entries.map(\.record) == [first.id, second.id, second.id].map { $0.uuidString.lowercased() })
        #expect(entries[2].fields == ["hiringNeeds"])
    }

    @Test func aDeletionIsLoggedAsSuch() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        let contact = try store.save(Sample.employerContact(on: "2026-11-02")).record
        let log = try #require(store.auditLog)
        let relative = "employer-contacts/\(Sample.specialist.id.uuidString.lowercased())/2026-11.json"
        let before = try Data(contentsOf: folder.path("data/\(relative)"))
        let emptied = try JSONSerialization.data(withJSONObject: [
            "specialistID": Sample.specialist.id.uuidString, "month": "2026-11", "contacts": [Any](),
        ])
        #expect(log.recordWrite(of: relative, from: before, to: emptied) == nil)
        let employerFile = Data(#"{"id":"E1","name":"n","updatedAt":"2026-11-22T09:30:00Z"}"#.utf8)
        #expect(log.recordDeletion(of: "employers/e1.json", from: employerFile) == nil)

        let entries = AuditTrail.read(folder: folder.path("data")).entries.map(\.entry)
        #expect(entries.map(\.action) == [.create, .delete, .delete])
        #expect(entries[1].record == contact.id.uuidString.lowercased())
        #expect(entries[2].kind == "employer" && entries[2].record == "e1" && entries[2].fields.isEmpty)
    }

    @Test func anEditedOrRemovedEntryBreaksTheChain() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        var client = try store.save(Sample.client()).record
        for n in 1...4 {
            clock.advance()
            client.notes = "note \(n)"
            client = try store.save(client).record
        }
        let file = folder.path("data/audit/copy-a.jsonl")
        let original = try logLines(file)
        #expect(original.count == 5)
        #expect(AuditTrail.read(folder: folder.path("data")).damage.isEmpty)

        var edited = original
        edited[1] = edited[1].replacingOccurrences(of: "\"notes\"", with: "\"phone\"")
        try (edited.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let afterEdit = AuditTrail.read(folder: folder.path("data")).damage
        #expect(afterEdit.map(\.line) == [3])
        #expect(afterEdit.first?.message.contains("edited or removed") == true)

        var removed = original
        removed.remove(at: 2)
        try (removed.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(AuditTrail.read(folder: folder.path("data")).damage.map(\.line) == [3])
    }

    @Test func aSaveWithNoEntryIsAnUnauditedChangeNotABrokenChain() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        var client = try store.save(Sample.client()).record
        let other = try store.save(Sample.client(name: "Second Person")).record
        // A save that reached the disk just before a crash, before its entry was appended:
        // the same as a save by a store with no log.
        clock.advance(5)
        store.auditLog = nil
        client.notes = "saved, then the power went"
        client = try store.save(client).record

        let data = folder.path("data")
        let trail = AuditTrail.read(folder: data)
        #expect(trail.damage.isEmpty)
        let unaudited = trail.unaudited(in: try Store(folder: data).load())
        #expect(unaudited.map(\.record) == [client.id.uuidString.lowercased()])
        #expect(unaudited.first?.lastAudited != nil)
        #expect(!unaudited.contains { $0.record == other.id.uuidString.lowercased() })
    }

    @Test func aLineCutShortByACrashIsReportedAndTheNextEntryStillChains() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let store = try auditedStore(folder, clock: clock)
        var client = try store.save(Sample.client()).record
        let file = folder.path("data/audit/copy-a.jsonl")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":"upd"#.utf8))
        try handle.close()
        #expect(AuditTrail.read(folder: folder.path("data")).damage.first?.message.contains("cut short") == true)

        clock.advance()
        client.notes = "after the crash"
        client = try store.save(client).record
        let trail = AuditTrail.read(folder: folder.path("data"))
        #expect(trail.damage.map(\.line) == [2])
        #expect(trail.damage.first?.message == "not a readable audit entry")
        #expect(trail.lines.map(\.number) == [1, 3])
    }

    @Test func eachCopyWritesItsOwnLogAndTheTrailReadsThemAll() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let a = try auditedStore(folder, install: "copy-a", clock: clock)
        let client = try a.save(Sample.client()).record
        clock.advance()
        let b = try auditedStore(folder, install: "copy-b", clock: clock)
        var again = try #require(b.load().client(client.id))
        again.notes = "from b"
        try b.save(again)
        let trail = AuditTrail.read(folder: folder.path("data"))
        #expect(trail.files == ["audit/copy-a.jsonl", "audit/copy-b.jsonl"])
        #expect(trail.damage.isEmpty)
        #expect(trail.entries(forRecord: String(client.id.uuidString.prefix(8))).map(\.entry.install) == ["copy-a", "copy-b"])
        #expect(trail.unaudited(in: b.load()).isEmpty)
    }

    /// `audit --verify` compares a record with the newest entry for it in any log, not the
    /// entry read last: here the older entry is in the log read last (copy-b after copy-a).
    @Test func theNewestEntryOfAnyLogCountsNotTheOneReadLast() throws {
        let folder = TemporaryFolder()
        let clock = TestClock(1_763_800_000)
        let b = try auditedStore(folder, install: "copy-b", clock: clock)
        let client = try b.save(Sample.client()).record
        clock.advance(60)
        let a = try auditedStore(folder, install: "copy-a", clock: clock)
        var again = try #require(a.load().client(client.id))
        again.notes = "from a, a minute later"
        try a.save(again)
        let trail = AuditTrail.read(folder: folder.path("data"))
        #expect(trail.lines.map(\.entry.install) == ["copy-a", "copy-b"], "the newer entry is read first")
        #expect(trail.unaudited(in: a.load()).isEmpty)
    }

    @Test func theInstallIDIsKeptOutsideTheDataFolderAndReused() throws {
        let folder = TemporaryFolder()
        let location = InstallID.location(environment: ["XDG_STATE_HOME": folder.path("state").path, "HOME": "/nonexistent"])
        #expect(location.path == folder.path("state/fieldbook/install-id").path)
        let first = InstallID.load(from: location)
        #expect(InstallID.load(from: location) == first)
        #expect(mode(of: location) == 0o600)
        try Data("../../etc/passwd\n".utf8).write(to: location)
        #expect(InstallID.load(from: location) != "../../etc/passwd")
    }
}

/// The logs as a whole: the folder's list of the copies that wrote to it, and what this
/// machine saw when it last verified the trail.
@Suite struct AuditLogSetTests {
    /// Two copies save to one folder; returns the folder.
    func twoCopies(_ folder: TemporaryFolder) throws -> URL {
        let clock = TestClock(1_763_800_000)
        let a = try auditedStore(folder, install: "copy-a", clock: clock)
        var client = try a.save(Sample.client()).record
        clock.advance()
        client.phone = "555-0101"
        client = try a.save(client).record
        let b = try auditedStore(folder, install: "copy-b", clock: clock)
        clock.advance()
        try b.save(Sample.client())
        return folder.path("data")
    }

    func problems(_ data: URL, seen: [String: AuditMemory.Seen] = [:]) -> [String] {
        let trail = AuditTrail.read(folder: data)
        return trail.logProblems(installs: AuditInstalls.list(folder: data), seen: seen).map(\.description)
    }

    @Test func theFolderListsEveryCopyThatWroteOutsideTheLogs() throws {
        let folder = TemporaryFolder()
        let data = try twoCopies(folder)
        #expect(AuditInstalls.list(folder: data) == ["copy-a", "copy-b"])
        #expect(mode(of: data.appendingPathComponent("audit-installs/copy-a.json")) == 0o600)
        #expect(problems(data).isEmpty)
    }

    /// The attack: the log deleted, the whole audit/ folder deleted, the log cut to 0 bytes, a
    /// made-up log under an invented install id. Each is found.
    @Test func aMissingEmptyOrMadeUpLogIsReported() throws {
        let folder = TemporaryFolder()
        let data = try twoCopies(folder)
        let logA = data.appendingPathComponent("audit/copy-a.jsonl")
        let kept = try Data(contentsOf: logA)

        try FileManager.default.removeItem(at: logA)
        #expect(problems(data) == ["audit/copy-a.jsonl:0: missing: the log of a copy listed in audit-installs/ is gone"])

        try Data().write(to: logA)
        #expect(problems(data) == ["audit/copy-a.jsonl:0: empty: the log of a copy listed in audit-installs/ holds no entry"])

        try kept.write(to: logA)
        try kept.write(to: data.appendingPathComponent("audit/invented-copy.jsonl"))
        #expect(problems(data) == ["audit/invented-copy.jsonl:0: a log from a copy not listed in audit-installs/ (made up, or its listing removed)"])

        try FileManager.default.removeItem(at: data.appendingPathComponent("audit"))
        #expect(problems(data).count == 2)
    }

    /// What this machine saw at its last clean verify: a log cut back, its last entry edited
    /// (update made create, which no later entry chains to), or the logs and list both gone.
    @Test func aLogCutBackOrItsLastEntryEditedIsFoundAgainstWhatWasSeen() throws {
        let folder = TemporaryFolder()
        let data = try twoCopies(folder)
        var memory = AuditMemory()
        memory.remember(AuditTrail.read(folder: data), in: data)
        let seen = memory.seen(in: data)
        #expect(seen["audit/copy-a.jsonl"]?.entries == 2)
        #expect(problems(data, seen: seen).isEmpty)

        let logA = data.appendingPathComponent("audit/copy-a.jsonl")
        let lines = try logLines(logA)
        let edited = lines[1].replacingOccurrences(of: "\"update\"", with: "\"create\"")
        #expect(edited != lines[1])
        try Data((lines[0] + "\n" + edited + "\n").utf8).write(to: logA)
        #expect(AuditTrail.read(folder: data).damage.isEmpty, "the chain alone cannot see it")
        #expect(problems(data, seen: seen) == ["audit/copy-a.jsonl:2: changed: this entry, the last when this machine last verified the trail, was edited"])

        try Data((lines[0] + "\n").utf8).write(to: logA)
        #expect(problems(data, seen: seen) == ["audit/copy-a.jsonl:1: shrank: 2 entries when this machine last verified the trail, 1 now"])

        try FileManager.default.removeItem(at: data.appendingPathComponent("audit"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("audit-installs"))
        #expect(problems(data, seen: seen).count == 2)
        #expect(problems(data, seen: seen).allSatisfy { $0.contains("missing: it held") })

        // Kept outside the data folder, owner-only.
        let file = folder.path("state/fieldbook/audit-seen.json")
        try memory.save(to: file)
        #expect(AuditMemory.load(from: file) == memory)
        #expect(mode(of: file) == 0o600)
    }
}

/// Two clones of a team's folder on one machine keep different audit logs; one folder keeps its
/// id; the machine's earlier single id stays with the folder whose log it names.
@Suite struct InstallIDPerFolderTests {
    @Test func eachFolderHasItsOwnIdAndKeepsIt() throws {
        let temporary = TemporaryFolder()
        let file = temporary.path("state/fieldbook/install-id")
        let a = temporary.path("a"), b = temporary.path("b")
        let first = InstallID.load(for: a, from: file)
        #expect(InstallID.load(for: a, from: file) == first)
        let second = InstallID.load(for: b, from: file)
        #expect(second != first)
        #expect(InstallID.load(for: b, from: file) == second)
    }

    @Test func theMachinesEarlierIdStaysWithTheFolderItNames() throws {
        let temporary = TemporaryFolder()
        let file = temporary.path("state/fieldbook/install-id")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old-machine-id\n".utf8).write(to: file)
        let named = temporary.path("named"), other = temporary.path("other")
        try FileManager.default.createDirectory(at: named.appendingPathComponent("audit"), withIntermediateDirectories: true)
        try Data().write(to: named.appendingPathComponent("audit/old-machine-id.jsonl"))
        #expect(InstallID.load(for: named, from: file) == "old-machine-id")
        #expect(InstallID.load(for: other, from: file) != "old-machine-id")
    }
}
