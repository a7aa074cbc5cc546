import FieldbookCore
import Foundation
import Testing

/// Makes every folder under `url` 0700 and every file 0600, as a careful copy would be.
func makeOwnerOnly(_ url: URL) {
    chmod(url.path, 0o700)
    let enumerator = FileManager.default.enumerator(atPath: url.path)
    while let relative = enumerator?.nextObject() as? String {
        let child = url.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory)
        chmod(child.path, isDirectory.boolValue ? 0o700 : 0o600)
    }
}

func mode(of url: URL) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int
}

/// A small data folder written by the store (owner-only), with one client.
func smallDataFolder(_ folder: TemporaryFolder) throws -> (URL, Client) {
    let data = folder.path("data")
    let store = try Store(folder: data, now: { instant(1_763_800_000) })
    try store.save(Sample.specialist)
    try store.save(Sample.employer)
    let client = try store.save(Sample.client()).record
    try store.save(Sample.employerContact(on: "2026-11-18", seekers: [client.id]))
    return (data, client)
}

@Suite struct FolderHygieneTests {
    @Test func staleTemporaryFilesOfInterruptedSavesAreReported() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        #expect(DataCheck.run(folder: data).isEmpty)
        let stale = data.appendingPathComponent("clients/.\(client.id.uuidString.lowercased()).json.4242.17.tmp")
        try Data("{\"half\": ".utf8).write(to: stale)
        chmod(stale.path, 0o600)
        let written = try #require(FileManager.default.attributesOfItem(atPath: stale.path)[.modificationDate] as? Date)

        // A save in progress holds its temporary file for milliseconds: not news.
        #expect(DataCheck.run(folder: data, now: written.addingTimeInterval(30)).isEmpty)
        let later = DataCheck.run(folder: data, now: written.addingTimeInterval(600))
        #expect(later.count == 1)
        #expect(later.first?.path == "clients/.\(client.id.uuidString.lowercased()).json.4242.17.tmp")
        #expect(later.first?.message.contains("never finished") == true)
    }

    @Test func aFolderCopiedInWithLoosePermissionsIsReported() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        chmod(data.appendingPathComponent("clients").path, 0o755)
        let clients = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("employers").path)
        chmod(data.appendingPathComponent("employers/\(clients[0])").path, 0o644)

        let problems = DataCheck.run(folder: data)
        #expect(Set(problems.map(\.path)) == ["clients", "employers"])
        #expect(problems.allSatisfy { $0.message.contains("open to group or others") })
        #expect(problems.first { $0.path == "clients" }?.message.contains("folder 0755") == true)
        #expect(problems.first { $0.path == "employers" }?.message.contains("0644") == true)
        #expect(DataCheck.run(folder: data, skipping: [.permissions]).isEmpty)
    }

    @Test func aGroupReadableDataFileIsReportedWhereverItIs() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        chmod(data.appendingPathComponent("fieldbook.json").path, 0o640)
        let problems = DataCheck.run(folder: data)
        #expect(problems.map(\.path) == [""])
        #expect(problems.first?.message.contains("fieldbook.json 0640") == true)
    }
}

@Suite struct RepairTests {
    @Test func repairQuarantinesRemovesStaleTempFilesAndTightensPermissions() throws {
        let folder = TemporaryFolder()
        let (data, client) = try smallDataFolder(folder)
        let id = client.id.uuidString.lowercased()
        // A record that does not parse, a sync tool's copy, a kept conflict version,
        // a stale and a fresh temporary file, and loose modes.
        let broken = data.appendingPathComponent("employers/\(UUID().uuidString.lowercased()).json")
        try Data("{\"name\": \"cut".utf8).write(to: broken)
        let syncCopy = data.appendingPathComponent("clients/\(id).sync-conflict-20261125-101010-ABCDEFG.json")
        try FileManager.default.copyItem(at: data.appendingPathComponent("clients/\(id).json"), to: syncCopy)
        try FileManager.default.createDirectory(at: data.appendingPathComponent("conflicts"), withIntermediateDirectories: true)
        let kept = data.appendingPathComponent("conflicts/clients--\(id).20261125T101010Z.json")
        try Data("{}".utf8).write(to: kept)
        let stale = data.appendingPathComponent("clients/.\(id).json.1.2.tmp")
        let fresh = data.appendingPathComponent("clients/.\(id).json.3.4.tmp")
        try Data("x".utf8).write(to: stale)
        try Data("y".utf8).write(to: fresh)
        let now = Date()
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-120)], ofItemAtPath: stale.path)
        try FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: fresh.path)
        chmod(data.path, 0o755)
        chmod(data.appendingPathComponent("clients").path, 0o775)
        chmod(data.appendingPathComponent("clients/\(id).json").path, 0o664)
        let brokenBytes = try Data(contentsOf: broken)
        let syncBytes = try Data(contentsOf: syncCopy)

        let steps = DataRepair.plan(folder: data, now: now)
        let text = steps.map(\.description).joined(separator: "\n")
        #expect(text.contains("move employers/\(broken.lastPathComponent) to quarantine/employers--\(broken.lastPathComponent) (does not parse)"))
        #expect(text.contains("quarantine/clients--\(syncCopy.lastPathComponent)"))
        #expect(text.contains("quarantine/conflicts--\(kept.lastPathComponent)"))
        #expect(text.contains("remove clients/.\(id).json.1.2.tmp"))
        #expect(!text.contains(".3.4.tmp"))
        #expect(!text.contains("move clients/\(id).json "), "a good record must never be moved")

        try DataRepair.apply(steps, folder: data)

        let quarantine = data.appendingPathComponent("quarantine")
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("employers--\(broken.lastPathComponent)")) == brokenBytes)
        #expect(try Data(contentsOf: quarantine.appendingPathComponent("clients--\(syncCopy.lastPathComponent)")) == syncBytes)
        #expect(FileManager.default.fileExists(atPath: quarantine.appendingPathComponent("conflicts--\(kept.lastPathComponent)").path))
        #expect(!FileManager.default.fileExists(atPath: broken.path))
        #expect(!FileManager.default.fileExists(atPath: syncCopy.path))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
        #expect(mode(of: data) == 0o700)
        #expect(mode(of: data.appendingPathComponent("clients")) == 0o700)
        #expect(mode(of: data.appendingPathComponent("clients/\(id).json")) == 0o600)
        #expect(mode(of: quarantine.appendingPathComponent("employers--\(broken.lastPathComponent)")) == 0o600)

        let after = try Store(folder: data).load()
        #expect(after.clients.map(\.id) == [client.id])
        try FileManager.default.removeItem(at: fresh)
        #expect(DataCheck.run(folder: data).isEmpty)
        #expect(DataRepair.plan(folder: data).isEmpty)
    }

    @Test func quarantineNeverOverwritesAnEarlierQuarantinedFile() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let name = "\(UUID().uuidString.lowercased()).json"
        for round in 1...2 {
            try Data("not json \(round)".utf8).write(to: data.appendingPathComponent("employers/\(name)"))
            try DataRepair.apply(DataRepair.plan(folder: data), folder: data)
        }
        let quarantine = data.appendingPathComponent("quarantine")
        #expect(try String(contentsOf: quarantine.appendingPathComponent("employers--\(name)"), encoding: .utf8) == "not json 1")
        #expect(try String(contentsOf: quarantine.appendingPathComponent("employers--\(name).2"), encoding: .utf8) == "not json 2")
    }

    @Test func repairNeverFollowsASymbolicLink() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let outside = folder.path("outside.txt")
        try Data("elsewhere".utf8).write(to: outside)
        chmod(outside.path, 0o644)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("link.txt"), withDestinationURL: outside)
        chmod(data.path, 0o755)
        try DataRepair.apply(DataRepair.plan(folder: data), folder: data)
        #expect(mode(of: data) == 0o700)
        #expect(mode(of: outside) == 0o644)
    }
}
