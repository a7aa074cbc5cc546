@testable import FieldbookCore
import Foundation
import Testing

/// The store's defects found on main, each with its reproduction.
@Suite struct StoreDefectTests {
    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Defect 1: a damaged month file crashed `load` (the problems list was passed inout while
    /// a closure appended to it).
    @Test func aDamagedMonthFileIsReportedAndTheRestLoads() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        try store.save(Sample.employerContact(on: "2026-10-02"))
        try store.save(Sample.employerContact(on: "2026-11-02"))
        let month = folder.path(DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-10-02")))
        let bytes = try Data(contentsOf: month)
        try bytes.prefix(bytes.count / 2).write(to: month)

        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.clients.map(\.id) == [client.id])
        #expect(snapshot.employerContacts.count == 1)
        #expect(snapshot.problems.count == 1)
        #expect(snapshot.problems.first?.path.hasSuffix("2026-10.json") == true)
        #expect(DataCheck.run(folder: folder.url).contains { $0.path.hasSuffix("2026-10.json") })
    }

    /// Defect 1, second half: a month file changed on disk is merged per contact, and a contact
    /// changed both ways conflicts (a month file's conflict check that always passed went unseen).
    @Test func aMonthFileMergesPerContactAndConflictsOnTheSameContact() throws {
        let folder = TemporaryFolder()
        let first = try Store(folder: folder.url)
        var mine = try first.save(Sample.employerContact(on: "2026-10-02")).record
        let second = try Store(folder: folder.url)
        var theirs = try #require(second.load().employerContacts.first)
        theirs.outcome = "Asked for two resumes"
        try second.save(theirs)
        let added = try second.save(Sample.employerContact(on: "2026-10-09")).record

        mine.nextStep = "Call on Monday"
        let result = try first.save(mine)
        #expect(!result.mergedFields.isEmpty)
        var snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.employerContacts.count == 2)
        let merged = try #require(snapshot.employerContacts.first { $0.id == mine.id })
        #expect(merged.outcome == "Asked for two resumes")
        #expect(merged.nextStep == "Call on Monday")
        #expect(snapshot.employerContacts.contains { $0.id == added.id })

        theirs = merged
        theirs.outcome = "Hired"
        try second.save(theirs)
        mine = merged
        mine.outcome = "Not hiring"
        #expect { try first.save(mine) } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            return conflict.fields.map(\.field) == ["contacts[\(mine.id.uuidString)].outcome"]
        }
        snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.employerContacts.first { $0.id == mine.id }?.outcome == "Hired")
    }

    /// Defect 3: copy B changes the phone; copy A edits the name and saves: the phone stays.
    @Test func savingOverAnotherChangeKeepsItAndSaysItMerged() throws {
        let folder = TemporaryFolder()
        let copyA = try Store(folder: folder.url)
        var client = try copyA.save(Sample.client()).record
        let copyB = try Store(folder: folder.url)
        var theirs = try #require(copyB.load().client(client.id))
        theirs.phone = "999-0000"
        try copyB.save(theirs)

        client.name = "José Álvarez"
        let result = try copyA.save(client)
        #expect(result.mergedFields == ["phone"])
        #expect(result.record.phone == "999-0000")
        #expect(result.record.name == "José Álvarez")
        let onDisk = try #require(try Store(folder: folder.url).load().client(client.id))
        #expect(onDisk.phone == "999-0000")
        #expect(onDisk.name == "José Álvarez")
    }

    /// Defect 4: fields this version does not know survive an edit, at every level.
    @Test func unknownFieldsAreWrittenBackUnchanged() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"benefitsPlanningDone\" :", with: "\"careerProfileID\" : \"abc-123\",\n  \"benefitsPlanningDone\" :")
        text = text.replacingOccurrences(of: "\"kind\" : \"face-to-face\",", with: "\"kind\" : \"face-to-face\",\n      \"mood\" : { \"score\" : 4, \"words\" : [\"calm\"] },")
        text = text.replacingOccurrences(of: "\"title\" : \"Barista\"", with: "\"title\" : \"Barista\",\n      \"shift\" : \"early\"")
        text = text.replacingOccurrences(of: "\"preference\" : \"limited\"", with: "\"preference\" : \"limited\",\n    \"reviewed\" : \"2026-11-01\"")
        try Data(text.utf8).write(to: url)

        let reopened = try Store(folder: folder.url)
        var client = try #require(reopened.load().client(saved.id))
        client.notes = "Edited by an older version"
        client.contacts.append(ClientContact(date: date("2026-11-24"), kind: .phone, createdAt: instant(1_764_000_000)))
        client.jobs[0].hoursPerWeek = 25
        try reopened.save(client)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(json["careerProfileID"] as? String == "abc-123")
        #expect(json["notes"] as? String == "Edited by an older version")
        let contacts = try #require(json["contacts"] as? [[String: Any]])
        #expect(contacts.count == 2)
        let mood = contacts.first { $0["mood"] != nil }?["mood"] as? [String: Any]
        #expect(mood?["score"] as? Int == 4)
        #expect(mood?["words"] as? [String] == ["calm"])
        let job = try #require((json["jobs"] as? [[String: Any]])?.first)
        #expect(job["shift"] as? String == "early")
        #expect(job["hoursPerWeek"] as? Int == 25)
        #expect((json["disclosure"] as? [String: Any])?["reviewed"] as? String == "2026-11-01")
    }

    /// A store that saves a record again starts from what it wrote last, unless the file was
    /// read again since: fields another version added in between, and read by a reload, stay.
    @Test func savesAgainAfterAReloadKeepWhatTheFileGainedInBetween() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        var client = try store.save(Sample.client()).record
        client.notes = "first"
        client = try store.save(client).record
        let url = folder.path(DataLayout.client(client.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "{\n", with: "{\n  \"fromTheFuture\" : \"kept\",\n").utf8).write(to: url)

        client = try #require(store.load().client(client.id))
        for note in ["second", "third"] {
            client.notes = note
            client = try store.save(client).record
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            #expect(json["fromTheFuture"] as? String == "kept")
            #expect(json["notes"] as? String == note)
        }
        // And a change made elsewhere after this store's last save still merges.
        let again = try String(contentsOf: url, encoding: .utf8)
        try Data(again.replacingOccurrences(of: "\"phone\" : \"555-1000\"", with: "\"phone\" : \"555-4242\"").utf8).write(to: url)
        client.name = "Renamed Here"
        let result = try store.save(client)
        #expect(result.record.phone == "555-4242")
        #expect(result.record.name == "Renamed Here")
        #expect(result.record.notes == "third")
    }

    /// A field from a newer version in every object of every kind of file (at the top, in
    /// nested objects and in each list item) is written back by a save of this version, every
    /// one of them, beside the change the save made.
    @Test func unknownFieldsInEveryKindOfFileSurviveASave() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let specialist = try store.save(Sample.specialist).record
        let employer = try store.save(Sample.employer).record
        let client = try store.save(Sample.client()).record
        let contact = try store.save(Sample.employerContact(on: "2026-11-18")).record
        try store.save(Sample.employerContact(on: "2026-11-19"))
        try store.save(Settings(caseloadLimit: 18))
        let files = [DataLayout.specialist(specialist.id), DataLayout.employer(employer.id), DataLayout.client(client.id),
                     DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date), DataLayout.settingsFile]
        var planted: [String: Int] = [:]
        for file in files {
            let url = folder.path(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let future = text.replacingOccurrences(of: "{\n", with: "{\n  \"fromTheFuture\" : [1, 2],\n")
            planted[file] = future.components(separatedBy: "\"fromTheFuture\"").count - 1
            try Data(future.utf8).write(to: url)
        }
        // Top level and list items: each employer person, each job, contact and status change of
        // the client, each contact of the month.
        #expect(planted[files[1]] ?? 0 >= 2)
        #expect(planted[files[2]] ?? 0 >= 4)
        #expect(planted[files[3]] ?? 0 >= 2)
        let reopened = try Store(folder: folder.url)
        let snapshot = reopened.load()
        #expect(snapshot.problems.isEmpty, "\(snapshot.problems)")
        var s = try #require(snapshot.specialists.first)
        s.phone = "555-7777"
        try reopened.save(s)
        var e = try #require(snapshot.employers.first)
        e.people[0].phone = "555-8888"
        try reopened.save(e)
        var c = try #require(snapshot.clients.first)
        c.notes = "Saved by this version"
        c.jobs[0].hoursPerWeek = 25
        try reopened.save(c)
        var ec = try #require(snapshot.employerContacts.first { $0.id == contact.id })
        ec.outcome = "Good visit"
        try reopened.save(ec)
        var settings = snapshot.settings
        settings.caseloadLimit = 19
        try reopened.save(settings)
        for file in files {
            let text = try String(contentsOf: folder.path(file), encoding: .utf8)
            #expect(text.components(separatedBy: "\"fromTheFuture\"").count - 1 == planted[file], "\(file)")
        }
        #expect(try String(contentsOf: folder.path(files[1]), encoding: .utf8).contains("555-8888"))
        let reread = try Store(folder: folder.url).load()
        #expect(reread.settings.caseloadLimit == 19)
        #expect(reread.client(client.id)?.notes == "Saved by this version")
        #expect(reread.client(client.id)?.jobs[0].hoursPerWeek == 25)
        #expect(reread.employerContacts.first { $0.id == contact.id }?.outcome == "Good visit")
    }

    /// An enumeration value from a newer version keeps the record readable and is kept.
    @Test func anUnknownStatusIsShownAsItIsAndKept() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"status\" : \"job-search\"", with: "\"status\" : \"on-hold\"")
            .replacingOccurrences(of: "\"kind\" : \"face-to-face\"", with: "\"kind\" : \"home-visit\"")
        try Data(text.utf8).write(to: url)

        let reopened = try Store(folder: folder.url)
        let snapshot = reopened.load()
        #expect(snapshot.problems.isEmpty)
        var client = try #require(snapshot.client(saved.id))
        #expect(client.status.rawValue == "on-hold")
        #expect(client.status.label == "on-hold")
        #expect(!client.status.isKnown)
        #expect(!client.status.isActive)
        #expect(client.contacts[0].kind.label == "home-visit")
        client.notes = "Edited"
        try reopened.save(client)
        let after = try String(contentsOf: url, encoding: .utf8)
        #expect(after.contains("\"status\" : \"on-hold\""))
        #expect(after.contains("\"kind\" : \"home-visit\""))
    }

    /// Defect 5: a duplicate key makes the file unreadable, with its line.
    @Test func aDuplicateKeyIsRefusedWithItsLine() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let nameLine = try #require(lines.firstIndex { $0.hasPrefix("  \"name\"") })
        try Data(text.replacingOccurrences(of: "  \"name\" : ", with: "  \"name\" : \"Someone Else\",\n  \"name\" : ").utf8).write(to: url)

        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.clients.isEmpty)
        let problem = try #require(snapshot.problems.first)
        #expect(problem.message.contains("\"name\" appears twice"), "\(problem.message)")
        #expect(problem.message.contains("line \(nameLine + 2)"), "\(problem.message)")
        #expect(DataCheck.run(folder: folder.url).contains { $0.message.contains("appears twice") })
    }

    /// Defect 7: a file whose name is not its id loads once, even after a save.
    @Test func aRecordInAWronglyNamedFileIsListedOnce() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        let evil = folder.path("clients/evil.json")
        try FileManager.default.moveItem(at: url, to: evil)

        let reopened = try Store(folder: folder.url)
        var snapshot = reopened.load()
        #expect(snapshot.clients.count == 1)
        #expect(snapshot.problems.map(\.path) == ["clients/evil.json"])
        var client = try #require(snapshot.client(saved.id))
        client.notes = "Saved after the move"
        try reopened.save(client)

        snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.clients.count == 1)
        #expect(snapshot.client(saved.id)?.notes == "Saved after the move")
        #expect(snapshot.problems.count == 1)
        #expect(snapshot.problems.first?.message.contains("already in clients/\(saved.id.uuidString.lowercased()).json") == true)
    }

    /// Defect 7: copies a sync tool leaves, and files with conflict markers, never load as records.
    @Test func syncToolCopiesAndConflictMarkersAreToMergeNotRecords() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let id = saved.id.uuidString.lowercased()
        let bytes = try Data(contentsOf: folder.path(DataLayout.client(saved.id)))
        try bytes.write(to: folder.path("clients/\(id).sync-conflict-20261125-101010-ABCDEFG.json"))
        try bytes.write(to: folder.path("clients/\(id) (conflicted copy 2026-11-25).json"))
        let other = try store.save(Sample.client(name: "Second Person")).record
        let text = String(decoding: try Data(contentsOf: folder.path(DataLayout.client(other.id))), as: UTF8.self)
        try write(text.replacingOccurrences(of: "  \"phone\" : \"555-1000\",\n",
                                            with: "<<<<<<< HEAD\n  \"phone\" : \"555-1000\",\n=======\n  \"phone\" : \"555-2000\",\n>>>>>>> theirs\n"),
                  to: folder.path(DataLayout.client(other.id)))
        let month = DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-11-18"))
        try store.save(Sample.employerContact(on: "2026-11-18"))
        try Data(contentsOf: folder.path(month)).write(to: folder.path(month.replacingOccurrences(of: ".json", with: ".sync-conflict-20261125-101010-ABCDEFG.json")))

        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.clients.map(\.id) == [saved.id])
        #expect(snapshot.employerContacts.count == 1)
        let pending = snapshot.pendingMerges
        #expect(pending.count == 4)
        #expect(Set(pending.map(\.source)) == [.syncToolCopy, .conflictMarkers])
        #expect(pending.filter { $0.recordID == saved.id }.count == 2)
        #expect(snapshot.pendingMerge(for: other.id)?.source == .conflictMarkers)
        #expect(pending.contains { $0.record == month })
        #expect(snapshot.problems.allSatisfy { $0.kind == .syncConflict })
        let checked = DataCheck.run(folder: folder.url)
        #expect(checked.filter { $0.kind == .syncConflict }.count == 4)
    }

    /// Contacts that do not belong to their month file's specialist and month, and a month file
    /// out of its place, are reported one by one and still loaded.
    @Test func contactsOutOfTheirMonthAreReportedAndLoaded() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        let inMonth = Sample.employerContact(on: "2026-10-02")
        let nextMonth = Sample.employerContact(on: "2026-11-02")
        let lastYear = Sample.employerContact(on: "2025-10-02")
        var otherSpecialist = Sample.employerContact(on: "2026-10-05")
        otherSpecialist.specialistID = UUID()
        let month = EmployerContactMonth(specialistID: Sample.specialist.id, month: "2026-10",
                                         contacts: [inMonth, nextMonth, lastYear, otherSpecialist])
        let path = DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-10-02"))
        try FileManager.default.createDirectory(at: folder.path(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONCoding.encode(month).write(to: folder.path(path))
        // The same month's contacts under another month's name: the file is out of its place.
        let misplaced = DataLayout.employerContacts(specialist: Sample.specialist.id, month: date("2026-09-02"))
        var moved = month
        moved.contacts = [Sample.employerContact(on: "2026-10-09")]
        try JSONCoding.encode(moved).write(to: folder.path(misplaced))

        let snapshot = try Store(folder: folder.url).load()
        #expect(snapshot.employerContacts.count == 5)
        let messages = snapshot.problems.map { "\($0.path): \($0.message)" }
        #expect(messages == [
            "\(misplaced): file holds specialist \(Sample.specialist.id.uuidString.lowercased()), month 2026-10, which does not match its place; it was loaded",
            "\(path): contacts[1] (2026-11-02) does not belong to this specialist and month; it was loaded",
            "\(path): contacts[2] (2025-10-02) does not belong to this specialist and month; it was loaded",
            "\(path): contacts[3] (2026-10-05) does not belong to this specialist and month; it was loaded",
        ])
    }
}
