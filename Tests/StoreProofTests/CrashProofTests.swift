import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child saving records of every kind in a loop is killed with SIGKILL at random moments.
/// After each kill every file parses, and each record is its last acknowledged version or the
/// one being written when the kill came.
@Suite struct CrashProofTests {
    static let kills = 200

    /// The value the torture child changes in each kind of record, as it is on disk.
    func valuesOnDisk(_ snapshot: DataSnapshot) -> [String: String] {
        var values: [String: String] = [:]
        let firstWord = { (text: String?) in text.map { String($0.split(separator: " ").first ?? "") } }
        values["client"] = firstWord(snapshot.clients.first?.notes)
        values["specialist"] = snapshot.specialists.first?.phone
        values["employer"] = firstWord(snapshot.employers.first?.notes)
        if snapshot.settings.programName.hasPrefix("r") { values["settings"] = snapshot.settings.programName }
        values["contact"] = snapshot.employerContacts.first?.outcome
        return values
    }

    @Test func killedWhileSavingNoFileIsHalfWrittenAndNoAcknowledgedSaveIsLost() throws {
        try crashProof(kills: Self.kills, encrypted: false)
    }

    /// The same with an encrypted folder: the child gets the passphrase and saves through the key.
    @Test func killedWhileSavingAnEncryptedFolderNoFileIsHalfWritten() throws {
        try crashProof(kills: 60, encrypted: true)
    }

    func crashProof(kills wanted: Int, encrypted: Bool) throws {
        let folder = TemporaryFolder()
        let data = folder.path("data")
        let journal = folder.path("journal").path
        _ = try Store(folder: data)
        var transform = FileTransform.plain
        var keyArguments: [String] = []
        if encrypted {
            let passFile = folder.path("pass")
            try Data("crash proof".utf8).write(to: passFile)
            let key = try FolderConversion.beginEncryption(data, passphrase: "crash proof",
                                                           derivation: KeyDerivation(kdf: "scrypt", n: 1 << 10, r: 8, p: 1), today: "2026-12-05")
            try FolderConversion.finish(data, key: key)
            transform = key.transform
            keyArguments = [passFile.path]
        }
        var verified: [String: String] = [:]
        var kills = 0, acknowledged = 0, inFlightKept = 0, inFlightLost = 0, filesChecked = 0
        var problems: [String] = []
        for run in 1...wanted {
            unlink(journal)
            let child = try #require(Child([tortureBinary, "crash", data.path, journal, "\(run)"] + keyArguments))
            let deadline = Date().addingTimeInterval(20)
            while !((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "").contains("ready") && Date() < deadline {
                usleep(200)
            }
            // Let a few saves be acknowledged first (0 to 3, whatever the machine's load), then
            // kill at a random moment of the saves that follow.
            let ackedBeforeKill = run % 4
            while Date() < deadline, (((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "")
                .components(separatedBy: "\nacked ").count - 1) < ackedBeforeKill {
                usleep(200)
            }
            usleep(UInt32.random(in: 0...8_000))
            child.kill()
            kills += 1

            var acked: [String: String] = [:]
            var writing: [String: String] = [:]
            for line in ((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "").split(separator: "\n") {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count == 3 else { continue }
                if parts[0] == "writing" { writing[parts[1]] = parts[2] }
                if parts[0] == "acked" {
                    acked[parts[1]] = parts[2]
                    writing[parts[1]] = nil
                    acknowledged += 1
                }
            }
            // Every file parses (temporary files of the killed save start with a dot).
            let enumerator = FileManager.default.enumerator(atPath: data.path)!
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let url = data.appendingPathComponent(relative)
                guard !name.hasPrefix("."), !relative.hasPrefix("."), name.hasSuffix(".json") else { continue }
                filesChecked += 1
                var bytes = (try? Data(contentsOf: url)) ?? Data()
                if encrypted { bytes = (try? transform.fromDisk(bytes, relative)) ?? Data() }
                if (try? JSONSerialization.jsonObject(with: bytes)) == nil {
                    problems.append("run \(run): \(relative) does not parse")
                }
            }
            let snapshot = try Store(folder: data, mode: .readOnly, transform: transform).load()
            if !snapshot.problems.isEmpty { problems.append("run \(run): \(snapshot.problems)") }
            let now = valuesOnDisk(snapshot)
            for key in ["client", "specialist", "employer", "settings", "contact"] {
                let allowed = [acked[key] ?? verified[key], writing[key]]
                if !allowed.contains(now[key]) {
                    problems.append("run \(run): \(key) is \(now[key] ?? "absent"), expected one of \(allowed)")
                }
                if let pending = writing[key] {
                    if now[key] == pending { inFlightKept += 1 } else { inFlightLost += 1 }
                }
                verified[key] = now[key]
            }
        }
        print("Crash proof\(encrypted ? " (encrypted)" : ""): \(kills) kills, \(acknowledged) acknowledged saves, \(filesChecked) file reads after kills, "
            + "kills during a save: \(inFlightKept) new version on disk, \(inFlightLost) old version; \(problems.count) problems")
        #expect(kills >= wanted)
        #expect(acknowledged >= kills)
        #expect(inFlightKept + inFlightLost >= kills / 4, "most kills should land during a save")
        #expect(problems.count == 0, "\(problems.prefix(5))")
    }
}
