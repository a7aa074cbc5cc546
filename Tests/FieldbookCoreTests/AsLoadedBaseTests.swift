@testable import FieldbookCore
import Foundation
import Testing

/// A store that saves keeps no copy of the bytes of the files a whole load read, only their
/// versions; a save reads its file again and uses those bytes while their hash is the version
/// loaded, and when the file changed since, the records as loaded are the base of the merge.
/// Every save still carries the version it started from and never writes back a field the
/// user did not change.
@Suite struct AsLoadedBaseTests {
    let folder = TemporaryFolder()

    init() throws {
        try? FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: OnePassLoadTests.sampleData, to: folder.url)
    }

    /// Rewrites one file's text in place, keeping its modification time.
    func rewrite(_ relative: String, keepingModificationTime: Bool = false, _ change: (String) -> String) throws {
        let url = folder.path(relative)
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the rewrite of \(relative) changed nothing")
        try changed.write(to: url, atomically: false, encoding: .utf8)
        if keepingModificationTime, let before {
            try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: url.path)
        }
    }

    func text(_ relative: String) throws -> String { try String(contentsOf: folder.path(relative), encoding: .utf8) }

    @Test func aStoreThatSavesKeepsNoBytesOfTheFilesItLoaded() throws {
        let paths = ReadOnlyLoadTests.recordFiles(in: folder.url)
        #expect(paths.count > 100)
        let store = try Store(folder: folder.url)
        #expect(store.load().problems.isEmpty)
        for path in paths {
            let state = try #require(store.files[path], "\(path)")
            #expect(state.bytes == nil, "\(path)")
            #expect(state.version == FileVersion(of: try Data(contentsOf: folder.path(path))), "\(path)")
        }
    }

    @Test func aFieldUnknownToThisVersionSurvivesASaveAndAChangeToItElsewhere() throws {
        let store = try Store(folder: folder.url)
        let snapshot = store.load()
        let client = try #require(snapshot.clients.first)
        let relative = client.filePath
        // A field a later version wrote, there before this copy loaded the file.
        try rewrite(relative) { $0.replacingOccurrences(of: "{\n", with: "{\n  \"zFutureField\" : \"one\",\n", range: $0.range(of: "{\n")) }
        let reloaded = try Store(folder: folder.url)
        var mine = try #require(reloaded.load().client(client.id))
        mine.phone = "555-0111"
        #expect(try reloaded.save(mine).record.phone == "555-0111")
        #expect(try text(relative).contains("\"zFutureField\" : \"one\""))
        // Changed elsewhere (to its own field and to the unknown one) between load and save.
        let here = try Store(folder: folder.url)
        var again = try #require(here.load().client(client.id))
        try rewrite(relative) { $0.replacingOccurrences(of: "\"zFutureField\" : \"one\"", with: "\"zFutureField\" : \"two\"") }
        again.notes = "Saved from the version loaded"
        let result = try here.save(again)
        guard case .merged = result else { Issue.record("expected a merge, got \(result)"); return }
        let final = try text(relative)
        #expect(final.contains("\"zFutureField\" : \"two\""))
        #expect(final.contains("555-0111"))
        #expect(final.contains("Saved from the version loaded"))
    }

    @Test func aChangeMadeElsewhereBetweenLoadAndSaveMergesFieldByField() throws {
        let here = try Store(folder: folder.url)
        var mine = try #require(here.load().clients.first)
        let elsewhere = try Store(folder: folder.url)
        var theirs = try #require(elsewhere.load().client(mine.id))
        theirs.preferredName = "Changed elsewhere"
        try elsewhere.save(theirs)
        mine.phone = "555-0222"
        let result = try here.save(mine)
        guard case .merged(let saved, let fields) = result else { Issue.record("expected a merge, got \(result)"); return }
        #expect(fields.contains("preferredName"))
        #expect(saved.phone == "555-0222")
        #expect(saved.preferredName == "Changed elsewhere")
        let final = try #require(try Store(folder: folder.url, mode: .readOnly).load().client(mine.id))
        #expect(final.phone == "555-0222")
        #expect(final.preferredName == "Changed elsewhere")
    }

    @Test func anEmployerContactChangedElsewhereMergesWithTheContactAsLoaded() throws {
        let here = try Store(folder: folder.url)
        let loaded = here.load()
        // A month file with two contacts at least.
        let months = Dictionary(grouping: loaded.employerContacts, by: { here.contactFiles[$0.id]! })
        let (relative, contacts) = try #require(months.first { $0.value.count >= 2 })
        var mine = contacts[0]
        let elsewhere = try Store(folder: folder.url)
        let other = elsewhere.load()
        var theirs = try #require(other.employerContacts.first { $0.id == mine.id })
        var theirOther = try #require(other.employerContacts.first { $0.id == contacts[1].id })
        theirs.hiringNeeds = "Needs set elsewhere"
        try elsewhere.save(theirs)
        theirOther.outcome = "Outcome set elsewhere"
        try elsewhere.save(theirOther)
        mine.nextStep = "Next step set here"
        let result = try here.save(mine)
        guard case .merged = result else { Issue.record("expected a merge, got \(result)"); return }
        let final = try Store(folder: folder.url, mode: .readOnly).load()
        let saved = try #require(final.employerContacts.first { $0.id == mine.id })
        #expect(saved.nextStep == "Next step set here")
        #expect(saved.hiringNeeds == "Needs set elsewhere")
        #expect(final.employerContacts.first { $0.id == contacts[1].id }?.outcome == "Outcome set elsewhere")
        #expect(try text(relative).contains("Outcome set elsewhere"))
    }

    @Test func aRewriteOfTheSameSizeAndTimeIsCaughtByItsHash() throws {
        let here = try Store(folder: folder.url)
        var mine = try #require(here.load().clients.first { $0.phone?.count ?? 0 >= 4 })
        let relative = mine.filePath
        let phone = try #require(mine.phone)
        // Another program changes the last digit of the phone: same size, same modification time.
        let changedPhone = String(phone.dropLast()) + (phone.last == "7" ? "8" : "7")
        let sizeBefore = try Data(contentsOf: folder.path(relative)).count
        try rewrite(relative, keepingModificationTime: true) { $0.replacingOccurrences(of: "\"\(phone)\"", with: "\"\(changedPhone)\"") }
        #expect(try Data(contentsOf: folder.path(relative)).count == sizeBefore)
        mine.notes = "Notes changed here"
        _ = try here.save(mine)
        let final = try #require(try Store(folder: folder.url, mode: .readOnly).load().client(mine.id))
        #expect(final.phone == changedPhone)
        #expect(final.notes == "Notes changed here")
    }

    @Test func aValueFromBeforeAReloadStillMergesFromTheVersionItCarries() throws {
        let here = try Store(folder: folder.url)
        var form = try #require(here.load().clients.first)
        let elsewhere = try Store(folder: folder.url)
        var theirs = try #require(elsewhere.load().client(form.id))
        theirs.preferredName = "First change elsewhere"
        try elsewhere.save(theirs)
        _ = here.load()                      // a reload under the open form
        theirs.phone = "555-0333"
        try elsewhere.save(theirs)
        _ = here.load()                      // and another
        form.notes = "Written in the form"
        _ = try here.save(form)
        let final = try #require(try Store(folder: folder.url, mode: .readOnly).load().client(form.id))
        #expect(final.preferredName == "First change elsewhere")
        #expect(final.phone == "555-0333")
        #expect(final.notes == "Written in the form")
    }

    @Test func twoSavesFromOneLoadedVersionBothStay() throws {
        let here = try Store(folder: folder.url)
        let loaded = try #require(here.load().clients.first)
        var first = loaded, second = loaded
        first.phone = "555-0444"
        _ = try here.save(first)
        second.notes = "Second form"
        _ = try here.save(second)
        let final = try #require(try Store(folder: folder.url, mode: .readOnly).load().client(loaded.id))
        #expect(final.phone == "555-0444")
        #expect(final.notes == "Second form")
    }

    @Test func aVersionOfWhichNothingWasLoadedHasNoBaseAndConflictsRatherThanOverwrites() throws {
        let here = try Store(folder: folder.url)
        var mine = try #require(here.load().clients.first)
        mine.fileVersion = FileVersion(ContentHash(value: 12345))
        let elsewhere = try Store(folder: folder.url)
        var theirs = try #require(elsewhere.load().client(mine.id))
        theirs.phone = "555-0555"
        try elsewhere.save(theirs)
        mine.phone = "555-0666"
        #expect(throws: StoreError.self) { try here.save(mine) }
        #expect(try Store(folder: folder.url, mode: .readOnly).load().client(mine.id)?.phone == "555-0555")
    }
}

/// A load puts its contacts in order in place (no second list of every contact).
@Suite struct GatherInPlaceTests {
    @Test func gatheringInPlaceEqualsMappingThePositions() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 7, 100, 1000] {
            for _ in 0..<20 {
                let items = (0..<count).map { "item \($0)" }
                let positions = Array(items.indices).shuffled(using: &random)
                var gathered = items
                Store.gather(&gathered, from: positions)
                #expect(gathered == positions.map { items[$0] })
            }
        }
        // The identity, and one long cycle.
        var same = Array(0..<10)
        Store.gather(&same, from: Array(0..<10))
        #expect(same == Array(0..<10))
        var cycle = Array(0..<10)
        Store.gather(&cycle, from: (0..<10).map { ($0 + 1) % 10 })
        #expect(cycle == [1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
    }
}
