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

    @Test func aSharedFolderIsArchivedWithoutItsGitHistory() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let out = folder.path("plain.tar.gz")
        #expect(try Backup.write(folder: data, to: out).leftOutHistory == false)
        _ = try Git(folder: data).check(["init", "-q", "-b", "main"])
        _ = try Git(folder: data).check(["add", "-A"])
        _ = try Git(folder: data).check(["-c", "user.name=t", "-c", "user.email=t@x", "commit", "-q", "-m", "records"])
        // A file named .git deeper down is not the history: it stays.
        try Data("not history".utf8).write(to: data.appendingPathComponent("clients/.git"))
        let shared = folder.path("shared.tar.gz")
        let result = try Backup.write(folder: data, to: shared)
        #expect(result.leftOutHistory)
        let restored = folder.path("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: true)
        #expect(try runTar(["xzf", shared.path, "-C", restored.path]))
        #expect(!FileManager.default.fileExists(atPath: restored.appendingPathComponent(".git").path))
        var expected = try contents(of: data)
        for path in expected.keys where path.hasPrefix(".git/") { expected[path] = nil }
        #expect(try contents(of: restored) == expected)
        #expect(expected["clients/.git"] != nil)
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

/// Symbolic links at the edge of the data folder: reported by `check`, never followed by a
/// backup out of the folder, and every "inside the folder" test made on real paths.
@Suite struct FolderLinkTests {
    /// The attack's folder: a client record that links to a 0644 file outside, a dangling
    /// link, an inside link, and `employer-contacts/` itself a link to a folder elsewhere.
    func linkedFolder(_ folder: TemporaryFolder) throws -> (data: URL, outsideFile: URL, outsideContacts: URL) {
        let (data, client) = try smallDataFolder(folder)
        let clients = data.appendingPathComponent("clients")
        let outsideFile = folder.path("elsewhere.json")
        try FileManager.default.copyItem(at: clients.appendingPathComponent(client.id.uuidString.lowercased() + ".json"), to: outsideFile)
        chmod(outsideFile.path, 0o644)
        try FileManager.default.createSymbolicLink(atPath: clients.appendingPathComponent("00000000-0000-4000-8000-000000000777.json").path,
                                                   withDestinationPath: outsideFile.path)
        try FileManager.default.createSymbolicLink(atPath: clients.appendingPathComponent("gone.json").path, withDestinationPath: "/nonexistent/x.json")
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("settings-link.json").path, withDestinationPath: "fieldbook.json")
        let outsideContacts = folder.path("contacts-elsewhere")
        try FileManager.default.moveItem(at: data.appendingPathComponent("employer-contacts"), to: outsideContacts)
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("employer-contacts").path, withDestinationPath: outsideContacts.path)
        return (data, outsideFile, outsideContacts)
    }

    @Test func checkReportsEverySymbolicLinkAndWhereItLeads() throws {
        let folder = TemporaryFolder()
        let (data, outsideFile, outsideContacts) = try linkedFolder(folder)
        let problems = DataCheck.run(folder: data).filter { $0.message.hasPrefix("symbolic link") }
        let byPath = Dictionary(problems.map { ($0.path, $0.message) }, uniquingKeysWith: { $1 })
        let realOutside = try #require(RealPath.of(outsideFile.path))
        #expect(byPath["clients/00000000-0000-4000-8000-000000000777.json"]?.contains("out of the data folder (\(realOutside))") == true, "\(byPath)")
        #expect(byPath["clients/gone.json"]?.contains("/nonexistent/x.json, which leads nowhere") == true, "\(byPath)")
        #expect(byPath["settings-link.json"]?.contains("fieldbook.json, inside the data folder") == true, "\(byPath)")
        #expect(byPath["employer-contacts"]?.contains(outsideContacts.lastPathComponent) == true, "\(byPath)")
        #expect(problems.count == 4)

        // --repair plans nothing that follows a link: the file outside stays as it was.
        let steps = DataRepair.plan(folder: data)
        try DataRepair.apply(steps, folder: data)
        #expect(mode(of: outsideFile) == 0o644)
    }

    @Test func aBackupLeavesOutLinksOutOfTheFolderAndSaysSo() throws {
        let folder = TemporaryFolder()
        let (data, _, _) = try linkedFolder(folder)
        let out = folder.path("backup.tar.gz")
        let result = try Backup.write(folder: data, to: out)
        #expect(Set(result.leftOut.map(\.path)) == ["clients/00000000-0000-4000-8000-000000000777.json", "clients/gone.json", "employer-contacts"])
        let restored = folder.path("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: true)
        #expect(try runTar(["xzf", out.path, "-C", restored.path]))
        let names = try FileManager.default.contentsOfDirectory(atPath: restored.appendingPathComponent("clients").path)
        #expect(!names.contains("gone.json") && !names.contains("00000000-0000-4000-8000-000000000777.json"), "\(names)")
        #expect(!FileManager.default.fileExists(atPath: restored.appendingPathComponent("employer-contacts").path))
        // The link inside the folder is kept, as a link.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: restored.appendingPathComponent("settings-link.json").path)) == "fieldbook.json")
    }

    /// `--out` reaching the data folder through a link, or through `..`, is still inside it.
    @Test func aBackupThroughALinkIntoTheFolderIsRefused() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let link = folder.path("into-data")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: data.path)
        #expect(throws: StoreError.self) { try Backup.write(folder: data, to: link.appendingPathComponent("b.tar.gz")) }
        #expect(throws: StoreError.self) { try Backup.write(folder: data, to: link) }
        #expect(throws: StoreError.self) {
            try Backup.write(folder: data, to: URL(fileURLWithPath: data.path + "/clients/../b.tar.gz"))
        }
        let inData = try FileManager.default.contentsOfDirectory(atPath: data.path)
        #expect(!inData.contains { $0.hasSuffix(".tar.gz") }, "\(inData)")
    }
}
