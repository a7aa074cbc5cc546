@testable import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fieldbook encrypt` killed with SIGKILL at random moments (the StoreTorture child runs the
/// same conversion): after every kill the folder is plain and whole, or half converted (every
/// file plain as it was, or encrypted and opening to the very bytes it had; every store
/// refuses the folder), and the next run finishes it.
@Suite struct ConversionKillProofTests {
    static let names = (0..<40).map { "Proof Client \($0) Quennell" }

    /// A plain folder of known records: its files' bytes by path.
    func seed(_ folder: URL) throws -> [String: Data] {
        let store = try Store(folder: folder)
        store.syncsWrites = false
        let specialist = try store.save(Specialist(name: "Proof Specialist Quennell", createdAt: Date(timeIntervalSince1970: 1_760_000_000))).record
        for name in Self.names {
            try store.save(Client(name: name, programEntryDate: try LocalDate(parsing: "2026-06-01"), specialistID: specialist.id,
                                  notes: "Notes of \(name)", createdAt: Date(timeIntervalSince1970: 1_760_000_000)))
        }
        var files: [String: Data] = [:]
        for relative in FolderConversion.filesToConvert(in: folder).files {
            files[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
        }
        return files
    }

    /// What is wrong with the folder after a kill (empty: nothing), given its plain files.
    func problems(in folder: URL, plain: [String: Data], key: (FolderEncryption) -> FolderKey?) -> [String] {
        var problems: [String] = []
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch { return ["fieldbook.json: \(error)"] }
        var folderKey: FolderKey?
        var finished = false
        switch state {
        case .encrypted(let encryption):
            // Killed after its last step: every file must be encrypted.
            folderKey = key(encryption)
            finished = true
            if folderKey == nil { return ["the passphrase does not open the folder"] }
        case .plain:
            break
        case .converting(let encryption):
            folderKey = key(encryption)
            if folderKey == nil { return ["the passphrase does not open the half-converted folder"] }
            do {
                _ = try Store(folder: folder, mode: .readOnly, transform: folderKey!.transform)
                problems.append("a store opened the half-converted folder")
            } catch {
                if case .unfinishedConversion = error {} else { problems.append("refused with \(error)") }
            }
        }
        for (relative, bytes) in plain {
            guard let now = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                problems.append("\(relative) vanished")
                continue
            }
            if now == bytes, !finished { continue }
            guard let folderKey, let opened = try? folderKey.open(now, relative), opened == bytes else {
                problems.append("\(relative) is neither its plain bytes nor them encrypted")
                continue
            }
        }
        return problems
    }

    @Test func encryptionKilledAtRandomMomentsIsFinishedByTheNextRun() throws {
        let root = TemporaryFolder()
        let source = root.url.appendingPathComponent("source")
        let plain = try seed(source)
        let passFile = root.url.appendingPathComponent("pass")
        try Data("proof passphrase".utf8).write(to: passFile)
        let open = { (encryption: FolderEncryption) in EncryptedFolder.unlock(encryption, passphrase: "proof passphrase")?.key }

        // One whole run, timed: the kills fall anywhere within it.
        let timed = root.url.appendingPathComponent("timed")
        try FileManager.default.copyItem(at: source, to: timed)
        let started = Date()
        let whole = try #require(Child([tortureBinary, "convert", timed.path, passFile.path]))
        #expect(whole.waitFor("done", seconds: 60))
        whole.wait()
        let span = max(Date().timeIntervalSince(started), 0.05)

        var generator = SystemRandomNumberGenerator()
        var killsBefore = 0, killsDuring = 0, killsAfter = 0, resumedKilled = 0
        var found: [String] = []
        let rounds = 24
        for round in 0..<rounds {
            let folder = root.url.appendingPathComponent("round-\(round)")
            try FileManager.default.copyItem(at: source, to: folder)
            // Killed once, and every third round its first resume killed too.
            for attempt in 0..<(round % 3 == 0 ? 2 : 1) {
                let child = try #require(Child([tortureBinary, "convert", folder.path, passFile.path]))
                usleep(UInt32(Double.random(in: 0...span, using: &generator) * 1_000_000))
                let output = child.output
                child.kill()
                if attempt > 0 { resumedKilled += 1 }
                if output.contains("done") { killsAfter += 1 } else if output.contains("converting") { killsDuring += 1 } else { killsBefore += 1 }
                found += problems(in: folder, plain: plain, key: open).map { "round \(round): \($0)" }
            }
            let finish = try #require(Child([tortureBinary, "convert", folder.path, passFile.path]))
            finish.wait()
            guard case .encrypted(let encryption) = try EncryptedFolder.state(of: folder), let key = open(encryption) else {
                found.append("round \(round): not encrypted after the next run (\(finish.output))")
                continue
            }
            for (relative, bytes) in plain {
                let now = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) ?? Data()
                if (try? key.open(now, relative)) != bytes { found.append("round \(round): \(relative) does not open to its bytes") }
            }
            if !FolderConversion.filesToConvert(in: folder).temporary.isEmpty { found.append("round \(round): temporary files left") }
            let loaded = try Store(folder: folder, mode: .readOnly, transform: key.transform).load()
            if loaded.clients.count != Self.names.count || !loaded.problems.isEmpty { found.append("round \(round): loads \(loaded.clients.count) clients") }
            let leaked = Self.names.filter { name in
                FolderConversion.filesToConvert(in: folder).files.contains { relative in
                    (FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) ?? Data()).range(of: Data(name.utf8)) != nil
                }
            }
            if !leaked.isEmpty { found.append("round \(round): \(leaked.count) names in plain") }
            try? FileManager.default.removeItem(at: folder)
        }
        print("Conversion proof: \(rounds) folders of \(plain.count) files, kills before the conversion started: \(killsBefore), "
              + "during it: \(killsDuring), after it: \(killsAfter), resumed runs killed: \(resumedKilled); \(found.count) problems")
        #expect(killsDuring >= rounds / 4, "most kills should land during the conversion")
        #expect(found.isEmpty, "\(found.prefix(5))")
    }
}
