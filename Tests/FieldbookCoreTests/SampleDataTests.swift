import FieldbookCore
import Foundation
import Testing

/// The folder shipped in the repository.
let sampleData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-data")

func copyOfSampleData(into folder: TemporaryFolder) throws -> URL {
    let target = folder.path("data")
    try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: sampleData, to: target)
    makeOwnerOnly(target)
    return target
}

/// Every file under `folder` with its bytes, to show nothing changed.
func contents(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)!
    while let relative = enumerator.nextObject() as? String {
        let url = folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result[relative] = try Data(contentsOf: url) }
    }
    return result
}

@Suite struct SampleDataTests {
    @Test func theSampleIsARealisticProgramAndChecksClean() throws {
        // A git checkout gives files the umask's modes: permissions are checked on copies.
        #expect(DataCheck.run(folder: sampleData, skipping: [.permissions]).isEmpty)
        let snapshot = try Store(folder: sampleData, mode: .readOnly).load()
        #expect(snapshot.specialists.count == 3)
        #expect((40...50).contains(snapshot.clients.count))
        #expect((35...45).contains(snapshot.employers.count))
        #expect((250...350).contains(snapshot.employerContacts.count))
        #expect(Set(snapshot.clients.map(\.status)) == Set(ClientStatus.allCases))
        #expect(snapshot.clients.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
        #expect(snapshot.clients.contains { $0.name.count > 40 && $0.name.contains("-") })
        let anchor = try #require(snapshot.newestActivity)
        #expect(snapshot.clients.contains { $0.jobs.contains { $0.startDate > anchor && $0.startDate <= anchor.adding(days: 9) } })
        #expect(snapshot.clients.contains { $0.jobs.contains { $0.endDate != nil } })
    }

    @Test func theDemoCopyIsShiftedToYesterdayAndTheSourceIsUntouched() throws {
        let before = try contents(of: sampleData)
        let folder = TemporaryFolder()
        let today = date("2027-03-10")
        let result = try DemoCopy.make(from: sampleData, today: today, into: folder.url)
        #expect(try contents(of: sampleData) == before)

        let original = try Store(folder: sampleData, mode: .readOnly).load()
        let demo = try Store(folder: result.folder).load()
        #expect(demo.problems.isEmpty)
        #expect(demo.newestActivity == date("2027-03-09"))
        #expect(demo.clients.count == original.clients.count)
        #expect(demo.employerContacts.count == original.employerContacts.count)
        let shift = result.shiftedByDays
        let someone = try #require(original.clients.first)
        let moved = try #require(demo.client(someone.id))
        #expect(moved.programEntryDate == someone.programEntryDate.adding(days: shift))
        let mode = try FileManager.default.attributesOfItem(atPath: result.folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    /// The demo copy hands the app its records and its store instead of a second read: they
    /// are what reading the copy gives, and a save through that store is a plain save (it knows
    /// every file it wrote), made durably again.
    @Test func theDemoCopyHandsOverWhatReadingItWouldGive() throws {
        let folder = TemporaryFolder()
        let result = try DemoCopy.make(from: sampleData, today: date("2027-03-10"), into: folder.url)
        let read = try Store(folder: result.folder).load()
        // Employer contacts of the same day and creation time have no set order in a load.
        var handed = result.snapshot, again = read
        handed.employerContacts = []
        again.employerContacts = []
        #expect(handed == again)
        #expect(Set(result.snapshot.employerContacts) == Set(read.employerContacts))
        #expect(result.snapshot.employerContacts.count == read.employerContacts.count)
        #expect(result.store.syncsWrites)
        // Someone else changes the phone on disk; the store, knowing what it wrote, merges.
        let other = try Store(folder: result.folder)
        var theirs = try #require(other.load().clients.first)
        theirs.phone = "555-0199"
        try other.save(theirs)
        var client = try #require(result.snapshot.clients.first)
        client.notes = "Saved in the demo"
        let saved = try result.store.save(client)
        #expect(saved.mergedFields == ["phone"])
        let final = try #require(try Store(folder: result.folder).load().client(client.id))
        #expect(final.notes == "Saved in the demo" && final.phone == "555-0199")
    }

    /// The app shows the demo before its copy is written: `prepare` writes the format file
    /// only, and `write` then writes what `make` writes (the app runs it first on the store's
    /// queue, so every save comes after it).
    @Test func theDemoCopyIsPreparedFirstAndWrittenAfter() throws {
        let folder = TemporaryFolder()
        let today = date("2027-03-10")
        let prepared = try DemoCopy.prepare(from: sampleData, today: today, into: folder.url)
        #expect(try contents(of: prepared.folder).keys.sorted() == [DataLayout.formatFile])
        #expect(!prepared.store.syncsWrites)

        try DemoCopy.write(prepared.snapshot, profilesFrom: prepared.source, shiftedByDays: prepared.shiftedByDays, to: prepared.store)
        #expect(prepared.store.syncsWrites)
        let made = try DemoCopy.make(from: sampleData, today: today, into: folder.url)
        let written = try contents(of: prepared.folder), madeFiles = try contents(of: made.folder)
        #expect(written.keys.sorted() == madeFiles.keys.sorted())
        #expect(written == madeFiles)
        let read = try Store(folder: prepared.folder).load()
        #expect(read.problems.isEmpty)
        #expect(read.clients == prepared.snapshot.clients)
        #expect(Set(read.employerContacts) == Set(prepared.snapshot.employerContacts))
        #expect(written[CareerProfileLayout.definitionFile] == (try Data(contentsOf: sampleData.appendingPathComponent(CareerProfileLayout.definitionFile))))
    }

    @Test func checkNamesABrokenFileAndTheRestStillLoads() throws {
        let folder = TemporaryFolder()
        let data = try copyOfSampleData(into: folder)
        let clients = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("clients").path).sorted()
        let victim = "clients/\(clients[3])"
        let url = data.appendingPathComponent(victim)
        let text = try String(contentsOf: url, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"programEntryDate\" : \"", with: "\"programEntryDate\" : \"31/")
        try broken.write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0o600)  // an editor's new file follows the umask; this test is about the content

        let problems = DataCheck.run(folder: data)
        #expect(problems.map(\.path) == [victim])
        #expect(problems.first?.message.contains("programEntryDate") == true)
        let snapshot = try Store(folder: data).load()
        #expect(snapshot.clients.count == clients.count - 1)
        #expect(try String(contentsOf: url, encoding: .utf8) == broken)
    }

    @Test func checkFindsReferencesToMissingRecords() throws {
        var snapshot = DataSnapshot(specialists: [Sample.specialist], employers: [Sample.employer])
        snapshot.clients = [Sample.client(specialist: UUID())]
        snapshot.employerContacts = [Sample.employerContact(on: "2026-11-02", seekers: [UUID()])]
        let problems = DataCheck.references(in: snapshot)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.message.contains("not a known specialist") })
        #expect(problems.contains { $0.message.contains("not a known client") })
        // Named by the month file the contact is in.
        #expect(problems.contains { $0.path == "employer-contacts/\(Sample.specialist.id.uuidString.lowercased())/2026-11.json" })
    }
}
