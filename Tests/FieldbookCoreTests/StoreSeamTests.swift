@testable import FieldbookCore
import Foundation
import Testing

/// The store's two seams (the whole-file transform, the merge entry point), saves that start
/// from the version they carry, and the folder lock around every write of a record.
@Suite struct StoreSeamTests {
    let folder = TemporaryFolder()

    func json(_ text: String) -> Data { Data(text.utf8) }

    // MARK: Saves start from the version they carry

    /// The store read the folder again after another copy's change; a record from before that
    /// reload changes the name only: the other copy's phone stays.
    @Test func aRecordFromBeforeAReloadMergesFromItsOwnVersion() throws {
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let opened = try #require(store.load().client(client.id))
        #expect(opened.fileVersion != nil)
        let other = try Store(folder: folder.url)
        var theirs = try #require(other.load().client(client.id))
        theirs.phone = "555-2222"
        try other.save(theirs)
        _ = store.load()                                 // a reload under the open record
        var mine = opened
        mine.name += " X"
        let result = try store.save(mine)
        #expect(result.mergedFields == ["phone"])
        let final = try #require(try Store(folder: folder.url).load().client(client.id))
        #expect(final.name == "José Álvarez-Ruiz X")
        #expect(final.phone == "555-2222")
        #expect(result.record.fileVersion == FileVersion(of: try Data(contentsOf: folder.path(client.filePath))))
    }

    /// Two saves built from the same version, the second before the first's answer was seen:
    /// the second merges onto the first instead of undoing it.
    @Test func twoSavesFromOneVersionBothStay() throws {
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let read = try #require(store.load().client(client.id))
        var first = read, second = read
        first.notes = "First"
        second.phone = "555-3333"
        try store.save(first)
        try store.save(second)
        let final = try #require(try Store(folder: folder.url).load().client(client.id))
        #expect(final.notes == "First" && final.phone == "555-3333")
    }

    /// An employer contact edited from a version of its month file before another copy's
    /// change to the same contact's other field: both stay.
    @Test func anEmployerContactSavedFromAnOlderMonthMergesFieldByField() throws {
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.employerContact(on: "2026-10-02")).record
        let opened = try #require(store.load().employerContacts.first { $0.id == saved.id })
        let other = try Store(folder: folder.url)
        var theirs = try #require(other.load().employerContacts.first { $0.id == saved.id })
        theirs.outcome = "Asked for two resumes"
        try other.save(theirs)
        _ = store.load()
        var mine = opened
        mine.nextStep = "Bring resumes Friday"
        try store.save(mine)
        let final = try #require(try Store(folder: folder.url).load().employerContacts.first { $0.id == saved.id })
        #expect(final.outcome == "Asked for two resumes")
        #expect(final.nextStep == "Bring resumes Friday")
    }

    /// A record's version is never written into its file and never makes two records unequal.
    @Test func theVersionIsCarriedNeverStoredNorCompared() throws {
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let text = try String(contentsOf: folder.path(client.filePath), encoding: .utf8)
        #expect(!text.contains("fileVersion"))
        var unversioned = client
        unversioned.fileVersion = nil
        #expect(unversioned == client)
        #expect(client.fileVersion != nil)
    }

    // MARK: The merge entry point

    @Test func theMergeEntryPointMergesThreeVersionsOfAFile() throws {
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let base = try Data(contentsOf: folder.path(client.filePath))
        var ours = client, theirs = client
        ours.phone = "555-0001"
        ours.benefits = [.ssi]                           // Medicaid removed here
        theirs.notes = "Changed there"
        let merged = try FileMerge.merge(path: client.filePath, base: base, ours: JSONCoding.encode(ours),
                                         theirs: JSONCoding.encode(theirs))
        #expect(merged.conflicts.isEmpty)
        #expect(merged.mergedFields == ["notes"])
        let result = try TapeDecoding.decode(Client.self, from: try #require(merged.bytes))
        #expect(result.phone == "555-0001" && result.notes == "Changed there")
        #expect(result.benefits == [.ssi], "a removal on one side stays removed")

        theirs.phone = "555-0002"
        let conflicted = try FileMerge.merge(path: client.filePath, base: base, ours: JSONCoding.encode(ours),
                                             theirs: JSONCoding.encode(theirs))
        #expect(conflicted.bytes == nil)
        #expect(conflicted.conflicts.map(\.field) == ["phone"])
        let chosen = try FileMerge.merge(path: client.filePath, base: base, ours: JSONCoding.encode(ours),
                                         theirs: JSONCoding.encode(theirs), choosing: ["phone": .theirs])
        #expect(try TapeDecoding.decode(Client.self, from: try #require(chosen.bytes)).phone == "555-0002")
        // Nothing was written by any of it.
        #expect(try Data(contentsOf: folder.path(client.filePath)) == base)
    }

    @Test func theMergeEntryPointKeepsUnknownFieldsAndRefusesWhatIsNotARecord() throws {
        let path = "settings.json"
        let base = json(#"{"caseloadLimit": 20, "futureKey": "kept"}"#)
        let ours = json(#"{"caseloadLimit": 18, "futureKey": "kept"}"#)
        let theirs = json(#"{"caseloadLimit": 20, "futureKey": "kept", "idleLockMinutes": 9}"#)
        let merged = try FileMerge.merge(path: path, base: base, ours: ours, theirs: theirs)
        let text = String(decoding: try #require(merged.bytes), as: UTF8.self)
        #expect(text.contains(#""futureKey" : "kept""#))
        #expect(text.contains(#""caseloadLimit" : 18"#) && text.contains(#""idleLockMinutes" : 9"#))
        #expect(throws: StoreError.self) {
            try FileMerge.merge(path: "clients/x.json", base: nil, ours: self.json("{"), theirs: nil)
        }
        // Deleted on both sides: nothing to write and nothing in conflict.
        let gone = try FileMerge.merge(path: path, base: base, ours: nil, theirs: nil)
        #expect(gone.bytes == nil && gone.conflicts.isEmpty)
    }

    // MARK: The whole-file transform

    /// A transform that makes files unreadable without it: a mark, then the bytes reversed.
    static let mark = Data("FBX1".utf8)
    static let reversing = FileTransform(
        fromDisk: { bytes, relative throws(StoreError) in
            guard bytes.starts(with: StoreSeamTests.mark) else { throw .io(path: relative, reason: "not transformed") }
            return Data(bytes.dropFirst(StoreSeamTests.mark.count).reversed())
        },
        toDisk: { record, _ throws(StoreError) in StoreSeamTests.mark + Data(record.reversed()) })

    func transformedStore() throws -> Store {
        let store = try Store(folder: folder.url)
        store.transform = Self.reversing
        return store
    }

    @Test func everyRecordFileConflictCopyAndBaseGoesThroughTheTransform() throws {
        let store = try transformedStore()
        let client = try store.save(Sample.client()).record
        try store.save(Sample.employer)
        try store.save(Sample.employerContact(on: "2026-10-02"))
        try store.save(Settings(caseloadLimit: 18))
        let other = try transformedStore()
        let loaded = other.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.client(client.id) == client)
        #expect(loaded.settings.caseloadLimit == 18)
        #expect(loaded.employerContacts.count == 1)
        // Both change the phone: a conflict, its kept copy and base written through the transform.
        var theirs = try #require(loaded.client(client.id))
        theirs.phone = "555-0002"
        try other.save(theirs)
        var mine = client
        mine.phone = "555-0001"
        var kept: SaveConflict?
        do { try store.save(mine) } catch { if case .conflict(let conflict) = error { kept = conflict } }
        let conflict = try #require(kept)
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.url.path)
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".base") }
            .filter { !$0.hasPrefix("career-profile") && $0 != DataLayout.formatFile }
        #expect(onDisk.contains(conflict.keptCopy) && onDisk.contains(conflict.keptCopy + ".base"))
        for relative in onDisk {
            #expect(try Data(contentsOf: folder.path(relative)).starts(with: Self.mark), "\(relative) is plain")
        }
        // The conflict reads and settles through the transform.
        let read = try store.conflict(for: PendingMerge(record: client.filePath, copy: conflict.keptCopy, source: .keptAfterConflict))
        #expect(read.fields.map(\.field) == ["phone"])
        try store.resolve(conflict, choosing: ["phone": .mine])
        #expect(try transformedStore().load().client(client.id)?.phone == "555-0001")
        // Without the transform, the files are not records.
        #expect(try Store(folder: folder.url).load().clients.isEmpty)
    }

    // MARK: The folder lock

    /// A career profile answer is written under the folder's lock, like every other record:
    /// while another process holds the lock, the answer waits.
    @Test func aCareerProfileAnswerWaitsForTheFolderLock() throws {
        let store = try Store(folder: folder.url)
        let profiles = CareerProfileStore(store: store)
        let definition = profiles.definition().definition
        let question = try #require(definition.sections.flatMap(\.questions).first { $0.type == .shortText })
        var session = profiles.startSession(for: UUID(), definition: definition, at: instant(1_772_323_200))
        let lockPath = folder.path(".fieldbook.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o600)
        #expect(flock(fd, LOCK_EX) == 0)
        let done = Flag()
        let finished = DispatchSemaphore(value: 0)
        let path = session.path
        let url = folder.url, questionID = question.id
        DispatchQueue.global().async { [session] in
            var waiting = session
            _ = try? CareerProfileStore(folder: url).append(.text("Barista"), to: questionID, in: definition, by: nil, source: .client,
                                     at: instant(1_772_323_260), session: &waiting)
            done.set()
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!done.isSet, "the answer was written while the folder was locked")
        #expect(!FileManager.default.fileExists(atPath: folder.path(path).path))
        flock(fd, LOCK_UN)
        close(fd)
        finished.wait()
        #expect(FileManager.default.fileExists(atPath: folder.path(path).path))
        _ = session
        session = profiles.startSession(for: UUID(), definition: definition)
    }
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
