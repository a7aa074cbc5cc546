@testable import FieldbookCore
import Foundation
import Testing

@Suite struct StoreTests {
    @Test func everyRecordKindRoundTrips() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url, now: { instant(1_763_800_000) })
        let client = try store.save(Sample.client()).record
        let specialist = try store.save(Sample.specialist).record
        let employer = try store.save(Sample.employer).record
        let contact = try store.save(Sample.employerContact(on: "2026-11-18", seekers: [client.id])).record
        let settings = Settings(programName: "Test Team", caseloadLimit: 18, idleLockMinutes: 3)
        try store.save(settings)

        let loaded = try Store(folder: folder.url).load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.clients == [client])
        #expect(loaded.specialists == [specialist])
        #expect(loaded.employers == [employer])
        #expect(loaded.employerContacts == [contact])
        #expect(loaded.settings == settings)
        #expect(client.updatedAt == instant(1_763_800_000))
    }

    @Test func filesArePrettySortedAndInTheDocumentedLayout() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        try store.save(Sample.employerContact(on: "2026-11-18"))
        let text = try String(contentsOf: folder.path("clients/\(client.id.uuidString.lowercased()).json"), encoding: .utf8)
        #expect(text.contains("\"programEntryDate\" : \"2026-06-07\""))
        #expect(text.firstRange(of: "\"benefits\"")!.lowerBound < text.firstRange(of: "\"name\"")!.lowerBound)
        let monthFile = folder.path("employer-contacts/\(Sample.specialist.id.uuidString.lowercased())/2026-11.json")
        #expect(FileManager.default.fileExists(atPath: monthFile.path))
        let format = try String(contentsOf: folder.path("fieldbook.json"), encoding: .utf8)
        #expect(format.contains("\"formatVersion\" : 1"))
    }

    @Test func savesLeaveNoTemporaryFilesAndWholeContent() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        var client = Sample.client()
        for n in 0..<20 {
            client.notes = String(repeating: "note \(n) ", count: 200 * (n % 3 + 1))
            client = try store.save(client).record
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("clients").path)
        #expect(names == ["\(client.id.uuidString.lowercased()).json"])
        let rootNames = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!rootNames.contains { $0.hasPrefix(".") && $0 != ".fieldbook.lock" })
        #expect(try Store(folder: folder.url).load().clients == [client])
    }

    @Test func foldersAndFilesAreOwnerOnlyWhateverTheUmask() throws {
        let folder = TemporaryFolder()
        let old = umask(0)
        defer { umask(old) }
        let store = try Store(folder: folder.path("deep/data"))
        try store.save(Sample.client())
        try store.save(Sample.employerContact(on: "2026-11-18"))
        let manager = FileManager.default
        for relative in ["deep", "deep/data", "deep/data/clients", "deep/data/employer-contacts",
                         "deep/data/employer-contacts/\(Sample.specialist.id.uuidString.lowercased())"] {
            let mode = try manager.attributesOfItem(atPath: folder.path(relative).path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(relative)")
        }
        let enumerator = manager.enumerator(atPath: folder.path("deep/data").path)!
        var files = 0
        while let relative = enumerator.nextObject() as? String {
            let url = folder.path("deep/data/\(relative)")
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            files += 1
            let mode = try manager.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(relative)")
        }
        #expect(files == 5) // fieldbook.json, career-profile.json, a client, a contact month, the lock file
    }

    @Test func aCorruptFileIsReportedLeftAloneAndTheRestLoads() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let good = try store.save(Sample.client(name: "Zoë Fernández")).record
        let bad = try store.save(Sample.client(name: "Broken Record")).record
        let badURL = folder.path(DataLayout.client(bad.id))
        var bytes = try Data(contentsOf: badURL)
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: badURL)

        let reopened = try Store(folder: folder.url)
        let snapshot = reopened.load()
        #expect(snapshot.clients.map(\.id) == [good.id])
        #expect(snapshot.problems.count == 1)
        let problem = try #require(snapshot.problems.first)
        #expect(problem.path == DataLayout.client(bad.id))
        #expect(problem.kind == .client)
        #expect(problem.message.contains("not valid JSON"))
        #expect(try Data(contentsOf: badURL) == bytes)
    }

    /// Saves a client, edits its file by hand, and returns the problem reading it back.
    func problemAfterEditing(replacing old: String, with new: String) throws -> DataProblem {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(client.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try #require(store.load().problems.first)
    }

    @Test func syntaxErrorsGiveLineAndColumn() throws {
        let problem = try problemAfterEditing(
            replacing: "\"phone\" : \"555-1000\",", with: "\"phone\" : \"555-1000\" oops,")
        #expect(problem.message.contains("line"), "\(problem.message)")
        #expect(problem.message.contains("column"), "\(problem.message)")
    }

    @Test func aBadDateIsReportedWithItsPlaceInTheRecord() throws {
        let problem = try problemAfterEditing(
            replacing: "\"startDate\" : \"2026-09-01\"", with: "\"startDate\" : \"2026-09-31\"")
        #expect(problem.message.contains("jobs[0].startDate"), "\(problem.message)")
        #expect(problem.message.contains("September 2026 has 30 days"), "\(problem.message)")
    }

    @Test func aChangeOnDiskAfterLoadIsNotOverwritten() throws {
        let folder = TemporaryFolder()
        let first = try Store(folder: folder.url)
        let client = try first.save(Sample.client()).record

        // Another copy of Fieldbook loads and saves the same client.
        let second = try Store(folder: folder.url)
        var theirs = try #require(second.load().client(client.id))
        theirs.notes = "Changed on the other laptop"
        try second.save(theirs)
        let url = folder.path(DataLayout.client(client.id))
        let onDisk = try Data(contentsOf: url)

        var mine = client
        mine.notes = "Changed here"
        #expect {
            try first.save(mine)
        } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            let keptText = (try? String(contentsOf: folder.path(conflict.keptCopy), encoding: .utf8)) ?? ""
            return conflict.record.contains(client.id.uuidString.lowercased()) && conflict.path == DataLayout.client(client.id)
                && keptText.contains("Changed here") && conflict.fields.map(\.field) == ["notes"]
                && conflict.fields.first?.theirs == "Changed on the other laptop" && conflict.fields.first?.mine == "Changed here"
        }
        #expect(try Data(contentsOf: url) == onDisk)
        #expect(try Store(folder: folder.url).load().client(client.id)?.notes == "Changed on the other laptop")
    }

    @Test func aFileCreatedBySomeoneElseIsNotOverwritten() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        _ = store.load()
        var client = Sample.client()
        let other = try Store(folder: folder.url)
        try other.save(client)
        client.phone = "555-2222"
        #expect(throws: StoreError.self) { try store.save(client) }
        #expect(try Store(folder: folder.url).load().client(client.id)?.phone == "555-1000")
    }

    @Test func employerContactsMoveWhenTheirMonthChanges() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        var contact = try store.save(Sample.employerContact(on: "2026-10-30")).record
        try store.save(Sample.employerContact(on: "2026-10-02"))
        contact.date = date("2026-11-02")
        try store.save(contact)
        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.employerContacts.count == 2)
        #expect(snapshot.employerContacts.first { $0.id == contact.id }?.date == date("2026-11-02"))
        #expect(snapshot.problems.isEmpty)
    }

    @Test func settingsTakeDefaultsForMissingKeys() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        try Data(#"{ "caseloadLimit": 15 }"#.utf8).write(to: folder.path("settings.json"))
        let settings = try Store(folder: folder.url).load().settings
        #expect(settings.caseloadLimit == 15)
        #expect(settings.weeklyFaceToFaceTarget == 6)
        #expect(settings.followAlong.afterStartDays == 3)
        #expect(settings.firstEmployerContactDays == 30)
    }

    @Test func aNewerFormatIsRefusedAndLeftAlone() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        let format = Data(#"{ "format": "fieldbook-data", "formatVersion": 99 }"#.utf8)
        try format.write(to: folder.path("fieldbook.json"))
        #expect(throws: StoreError.newerFormat(found: 99, supported: FormatFile.readableVersion)) { try Store(folder: folder.url) }
        #expect(try Data(contentsOf: folder.path("fieldbook.json")) == format)
    }

    @Test func aFolderOfOtherFilesIsNotTakenOver() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.path("notes.txt"))
        #expect(throws: StoreError.notADataFolder(path: folder.url.standardizedFileURL.path)) { try Store(folder: folder.url) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notes.txt"])
    }

    @Test func readOnlyStoresNeverWrite() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let store = try Store(folder: folder.url, mode: .readOnly)
        #expect(throws: StoreError.readOnly) { try store.save(Sample.client()) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func theDataFolderIsChosenInTheDocumentedOrder() {
        let env = ["FIELDBOOK_DATA": "/env/data", "XDG_DATA_HOME": "/xdg", "HOME": "/home/me"]
        #expect(DataFolder.resolve(option: "/opt/d", environment: env).path == "/opt/d")
        #expect(DataFolder.resolve(option: nil, environment: env).path == "/env/data")
        #expect(DataFolder.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/me"]).path == "/xdg/fieldbook")
        #expect(DataFolder.resolve(option: nil, environment: ["HOME": "/home/me"]).path == "/home/me/.local/share/fieldbook")
        #expect(DataFolder.resolve(option: "~/f", environment: ["HOME": "/home/me"]).path == "/home/me/f")
    }
}
