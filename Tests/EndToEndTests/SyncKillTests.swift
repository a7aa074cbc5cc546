import FieldbookCore
import Foundation
import Testing

/// `fieldbook sync` killed (SIGKILL to its process group, git included) at random moments: a
/// save made after each kill, and the next sync continues, with no record and no save lost.
@Suite struct SyncKillTests {
    /// SplitMix64, so every run kills at the same moments.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let kills = 50

    @Test func aSyncKilledAtRandomMomentsLosesNoSaveAndTheNextContinues() throws {
        var random = Random(state: 2_026_1205)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-sync-kill-\(UUID().uuidString)")
        defer { _ = spawn(["rm", "-rf", root.path]) }
        let hub = root.appendingPathComponent("hub.git").path
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        func fieldbook(_ copy: String, _ arguments: [String]) -> [String] {
            ["/usr/bin/env", "XDG_STATE_HOME=\(root.appendingPathComponent("state-\(copy)").path)",
             "XDG_CONFIG_HOME=\(root.appendingPathComponent("config-\(copy)").path)", binary] + arguments
        }
        let seed = try Store(folder: a)
        let clientIDs = (0..<4).map { _ in UUID() }
        for id in clientIDs {
            try seed.save(Client(id: id, name: "Client", programEntryDate: try LocalDate(parsing: "2026-01-05"), status: .jobSearch,
                                 createdAt: Date(timeIntervalSince1970: 1_760_000_000)))
        }
        #expect(spawn(fieldbook("a", ["sync", "init", hub, "--data", a.path])).status == 0)
        #expect(spawn(fieldbook("b", ["sync", "join", hub, "--data", b.path])).status == 0)
        let storeA = try Store(folder: a)
        let storeB = try Store(folder: b)
        var notes: Set<String> = []
        var lastPhone: [UUID: String] = [:]
        var killedMidway = 0
        var hubLocksLeft = 0

        func addContact(_ token: String) throws {
            // Right after a kill, a file git was writing may be missing until the next sync
            // restores it: the save goes to a client that is there.
            let present = storeA.load().clients
            let id = random.pick(clientIDs)
            var client = try #require(present.first { $0.id == id } ?? present.first)
            client.contacts.append(ClientContact(date: try LocalDate(parsing: "2026-11-02"), kind: .phone, note: token,
                                                 createdAt: Date(timeIntervalSince1970: 1_764_000_000)))
            try storeA.save(client)
            notes.insert(token)
        }

        for round in 0..<Self.kills {
            // The other copy changes a phone and shares it, so this copy has something to merge.
            let id = random.pick(clientIDs)
            var other = try #require(storeB.load().clients.first { $0.id == id })
            other.phone = "555-\(round)"
            try storeB.save(other)
            lastPhone[id] = other.phone
            #expect(spawn(fieldbook("b", ["sync", "--data", b.path])).status == 0)

            try addContact("before kill \(round)")
            let pid = try ChildProcess.start(["setsid"] + fieldbook("a", ["sync", "--data", a.path]), output: 2, errors: 2)
            usleep(UInt32(random.below(200_000)))
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            let status = ChildProcess.wait(for: pid)
            if status & 0x7f == SIGKILL { killedMidway += 1 }
            try addContact("after kill \(round)")
            // A push killed on its way leaves the hub's branch locked: the sync says so, and
            // continues once the lock is removed as it says.
            // Git locks HEAD beside the branch (HEAD names it): a kill can leave either lock.
            for name in ["refs/heads/main.lock", "HEAD.lock"] {
                let hubLock = URL(fileURLWithPath: hub).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: hubLock.path) else { continue }
                let refused = spawn(fieldbook("a", ["sync", "--data", a.path]))
                #expect(refused.status != 0 && refused.output.contains(name), "\(refused.output)")
                try FileManager.default.removeItem(at: hubLock)
                hubLocksLeft += 1
            }
            let next = spawn(fieldbook("a", ["sync", "--data", a.path]))
            if next.status != 0 {
                // What the hub holds when it refuses: its leftover locks and quarantines, and fsck.
                let leftovers = spawn(["find", hub, "-name", "*.lock", "-o", "-name", "incoming-*", "-o", "-name", "tmp_*"]).output
                let fsck = spawn(["git", "-C", hub, "fsck", "--no-progress"]).output
                Issue.record("round \(round): \(next.output)\nhub leftovers: \(leftovers)\nhub fsck: \(fsck.prefix(600))")
            }
        }
        #expect(spawn(fieldbook("b", ["sync", "--data", b.path])).status == 0)
        for (folder, store) in [(a, storeA), (b, storeB)] {
            let data = store.load()
            let found = Set(data.clients.flatMap(\.contacts).compactMap(\.note))
            #expect(notes.subtracting(found).isEmpty, "\(folder.lastPathComponent) lost \(notes.subtracting(found).sorted())")
            for (id, phone) in lastPhone { #expect(data.clients.first { $0.id == id }?.phone == phone) }
            #expect(data.problems.isEmpty, "\(data.problems)")
            #expect(spawn(["git", "-C", folder.path, "status", "--porcelain"]).output.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/MERGE_HEAD").path))
        }
        #expect(spawn(["git", "-C", a.path, "rev-parse", "HEAD^{tree}"]).output == spawn(["git", "-C", b.path, "rev-parse", "HEAD^{tree}"]).output)
        print("Sync kills: \(Self.kills) syncs killed with SIGKILL (\(killedMidway) before they ended), \(notes.count) saves around them, none lost; \(hubLocksLeft) hub branch locks left by a killed push, removed as the sync said")
    }
}
