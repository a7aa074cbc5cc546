@testable import FieldbookCore
import Foundation
import Testing

@Suite struct MachineSettingsTests {
    func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-machine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func liveUnderXDGConfigHomeElseDotConfig() {
        #expect(MachineSettings.location(environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/h"]).path == "/x/config/fieldbook/machine.json")
        #expect(MachineSettings.location(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]).path == "/h/.config/fieldbook/machine.json")
    }

    @Test func keepWhoYouAreByDataFolderOwnerOnly() throws {
        let root = try tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("config/fieldbook/machine.json")
        #expect(try MachineSettings.load(from: file) == MachineSettings())
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        let id = UUID()
        var settings = MachineSettings()
        settings.setSpecialist(id, for: one)
        try settings.save(to: file)
        let read = try MachineSettings.load(from: file)
        #expect(read.specialist(for: one) == id)
        #expect(read.specialist(for: root.appendingPathComponent("one/../one")) == id)
        #expect(read.specialist(for: two) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func automaticSyncIsKeptPerFolderAndAnOlderFileReadsAsOff() throws {
        let root = try tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("machine.json")
        // A file written before automatic sync existed.
        try Data(#"{"specialists":{}}"#.utf8).write(to: file)
        var settings = try MachineSettings.load(from: file)
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        #expect(settings.autoSync(for: one) == .off)
        settings.setAutoSync(AutoSync(onStart: true, onQuit: true, everyMinutes: 15), for: one)
        try settings.save(to: file)
        let read = try MachineSettings.load(from: file)
        #expect(read.autoSync(for: one) == AutoSync(onStart: true, onQuit: true, everyMinutes: 15))
        #expect(read.autoSync(for: two) == .off)
        #expect(read.autoSync(for: one).description == "on start, on quitting with q, every 15 minutes")
        var off = read
        off.setAutoSync(.off, for: one)
        #expect(off.autoSync == nil, "nothing left to keep")
    }

    @Test func aBrokenFileIsReportedNotReplaced() throws {
        let root = try tempFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("machine.json")
        try Data("{ not json".utf8).write(to: file)
        #expect(throws: StoreError.self) { try MachineSettings.load(from: file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "{ not json")
    }

    @Test func aPinIsKeptAsASaltedSlowHash() throws {
        let hash = PINHash(pin: "2468", rounds: 1000)
        #expect(hash.matches("2468"))
        #expect(!hash.matches("2469"))
        #expect(!hash.matches(""))
        #expect(!hash.hash.contains("2468"))
        // A new salt each time: the same PIN never gives the same stored hash.
        let again = PINHash(pin: "2468", rounds: 1000)
        #expect(again.salt != hash.salt && again.hash != hash.hash)
        #expect(PINHash.defaultRounds >= 210_000)
        #expect(PINHash.isAcceptable("0000") && !PINHash.isAcceptable("12a4") && !PINHash.isAcceptable("123"))
    }

    @Test func aSaveErrorSaysItsCauseFirst() {
        let error = StoreError.io(path: "/home/a/data/clients/27f2c1d0-8e0b-4a51-9c7e-1f0a3d9b6e42.json", reason: "Permission denied")
        #expect(error.causeFirst == "permission denied (clients/27f2c1d0…)")
        // A name that is not a record id is kept whole: the lock a read-only folder refuses.
        let lock = StoreError.io(path: "/home/a/data/.fieldbook.lock", reason: "Read-only file system")
        #expect(lock.causeFirst == "read-only file system (data/.fieldbook.lock)")
    }
}
