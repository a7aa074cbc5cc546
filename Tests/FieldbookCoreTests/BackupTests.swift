import FieldbookCore
import Foundation
import Testing

/// Runs `tar` with these arguments; true when it succeeded.
func runTar(_ arguments: [String]) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tar"] + arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}

@Suite struct BackupTests {
    @Test func theArchiveExtractsWithTarToTheSameTree() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        try FileManager.default.createDirectory(at: data.appendingPathComponent("conflicts"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: data.appendingPathComponent("conflicts/clients--x.20261125T101010Z.json"))
        try Data("in progress".utf8).write(to: data.appendingPathComponent("clients/.x.json.1.2.tmp"))
        let out = folder.path("backup.tar.gz")

        let result = try Backup.write(folder: data, to: out)
        #expect(result.file.path == out.path)
        #expect(result.bytes > 100)
        #expect(mode(of: out) == 0o600)
        let magic = try Data(contentsOf: out).prefix(2)
        #expect(magic == Data([0x1F, 0x8B]), "not gzip")

        let restored = folder.path("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: true)
        #expect(try runTar(["xzf", out.path, "-C", restored.path]))
        var expected = try contents(of: data)
        expected["clients/.x.json.1.2.tmp"] = nil
        #expect(try contents(of: restored) == expected)
        #expect(try Store(folder: restored).load() == Store(folder: data).load())
    }

    @Test func aFolderAsTargetGetsADatedNameAndNothingIsOverwritten() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let backups = folder.path("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        let now = Date(timeIntervalSince1970: 1_764_063_000)  // 2025-11-25 09:30 UTC
        let result = try Backup.write(folder: data, to: backups, now: now)
        #expect(result.file.lastPathComponent == Backup.fileName(at: now))
        #expect(Backup.fileName(at: now, timeZone: TimeZone(identifier: "UTC")!) == "fieldbook-backup-2025-11-25-0930.tar.gz")
        let before = try Data(contentsOf: result.file)
        #expect(throws: StoreError.self) { try Backup.write(folder: data, to: result.file) }
        #expect(try Data(contentsOf: result.file) == before)
    }

    @Test func aBackupIsNeverWrittenIntoTheFolderItSaves() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        #expect(throws: StoreError.self) { try Backup.write(folder: data, to: data.appendingPathComponent("b.tar.gz")) }
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("b.tar.gz").path))
        #expect(throws: StoreError.self) { try Backup.write(folder: folder.url, to: folder.path("b.tar.gz")) }
        #expect(throws: StoreError.self) { try Backup.write(folder: data, to: URL(fileURLWithPath: folder.path("missing").path + "/")) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("missing").path))
    }
}
