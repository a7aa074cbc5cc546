@testable import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The derived cache is never the source of truth: whatever happened to it or behind its back,
/// a load through it gives the snapshot a load without it gives.
@Suite struct RecordCacheTests {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    let temporary = TemporaryFolder()
    var data: URL { temporary.path("data") }
    var environment: [String: String] { ["XDG_CACHE_HOME": temporary.path("cache").path] }

    init() throws {
        try FileManager.default.copyItem(at: Self.sampleData, to: temporary.path("data"))
    }

    var cache: RecordCache {
        get throws { try #require(RecordCache.forDataFolder(data, environment: environment)) }
    }

    /// A load through the cache, and how many files it took from it.
    func cachedLoad() throws -> (snapshot: DataSnapshot, fromCache: Int) {
        let store = try Store(folder: data)
        store.derivedCache = try cache
        let snapshot = store.load()
        return (snapshot, store.filesFromCache)
    }

    func coldLoad() throws -> DataSnapshot { try Store(folder: data).load() }

    /// Dates the cache file later than every record file, as if written a while after they were
    /// read: its entries are then not racy.
    func ageRecordFiles() throws {
        try setModified(try cache.file, to: Date().addingTimeInterval(60))
    }

    func setModified(_ url: URL, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    func recordFileCount() -> Int {
        let enumerator = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            let relative = url.path.dropFirst(data.path.count + 1)
            if url.pathExtension == "json", ["clients/", "specialists/", "employers/", "employer-contacts/", "fidelity-reviews/", "settings.json"]
                .contains(where: { relative.hasPrefix($0) }) { count += 1 }
        }
        return count
    }

    @Test func aWarmStartTakesEveryUnchangedFileFromTheCacheAndGivesTheColdSnapshot() throws {
        let cold = try coldLoad()
        let first = try cachedLoad()
        #expect(first.fromCache == 0)
        #expect(first.snapshot == cold)
        try ageRecordFiles()
        let warm = try cachedLoad()
        #expect(warm.fromCache == recordFileCount())
        #expect(warm.fromCache > 50)
        #expect(warm.snapshot == cold)
        #expect(warm.snapshot.clients.count == cold.clients.count && !cold.clients.isEmpty)
    }

    @Test func filesChangedAddedOrRemovedBehindItsBackAreReadFromTheFolder() throws {
        _ = try cachedLoad()
        try ageRecordFiles()
        let snapshot = try coldLoad()
        let other = try Store(folder: data)
        _ = other.load()
        // Changed (another size), added, removed.
        var changed = snapshot.clients[0]
        changed.phone = "555-0199 ext. 12"
        try other.save(changed)
        var added = snapshot.clients[1]
        added.id = UUID()
        try other.save(added)
        try FileManager.default.removeItem(at: data.appendingPathComponent(DataLayout.client(snapshot.clients[2].id)))
        // Same size and modification time, other bytes: only the change time says so.
        let sameSize = data.appendingPathComponent(DataLayout.client(snapshot.clients[3].id))
        var bytes = try Data(contentsOf: sameSize)
        let name = Data(snapshot.clients[3].name.utf8)
        let at = try #require(bytes.range(of: name))
        bytes.replaceSubrange(at.lowerBound..<(at.lowerBound + 1), with: Data("Q".utf8))
        let handle = try FileHandle(forWritingTo: sameSize)
        try handle.write(contentsOf: bytes)
        try handle.close()
        var times = [timespec(), timespec()]
        var info = stat()
        stat(sameSize.path, &info)
        #if canImport(Darwin)
        times[0] = info.st_atimespec
        #else
        times[0] = info.st_atim
        #endif
        // Put back the exact nanoseconds the cache recorded.
        let recorded = try #require(try cache.read()?.entries[DataLayout.client(snapshot.clients[3].id)]?.stamp)
        times[1] = timespec(tv_sec: Int(recorded.modifiedSeconds), tv_nsec: Int(recorded.modifiedNanoseconds))
        #expect(utimensat(AT_FDCWD, sameSize.path, &times, 0) == 0)
        #expect(FileStamp.of(sameSize.path)?.modifiedNanoseconds == recorded.modifiedNanoseconds)
        #expect(FileStamp.of(sameSize.path)?.size == recorded.size)

        let cold = try coldLoad()
        let warm = try cachedLoad()
        #expect(warm.snapshot == cold)
        #expect(cold.client(snapshot.clients[3].id)?.name.hasPrefix("Q") == true)
        #expect(cold.client(changed.id)?.phone == "555-0199 ext. 12")
        #expect(cold.client(added.id) != nil)
        // Everything else came from the cache: the changed, added and same-size files did not.
        #expect(warm.fromCache == recordFileCount() - 3)
    }

    @Test func filesChangedInTheTickTheCacheWasWrittenAreNotTrusted() throws {
        _ = try cachedLoad()
        // The cache written no later than the files: any of them could have changed unseen since.
        try setModified(try cache.file, to: Date(timeIntervalSince1970: 1_000_000))
        let warm = try cachedLoad()
        #expect(warm.fromCache == 0)
        #expect(warm.snapshot == (try coldLoad()))
    }

    @Test(arguments: ["delete", "truncate", "corrupt", "version", "other folder", "garbage"])
    func aDamagedCacheIsIgnoredAndWrittenAnew(damage: String) throws {
        _ = try cachedLoad()
        let file = try cache.file
        var bytes = try Data(contentsOf: file)
        switch damage {
        case "delete": try FileManager.default.removeItem(at: file)
        case "truncate": try bytes.prefix(bytes.count / 2).write(to: file)
        case "corrupt":
            bytes[bytes.count / 2] ^= 0x5A
            try bytes.write(to: file)
        case "version":
            bytes[8] &+= 1
            try bytes.write(to: file)
        case "other folder":
            // A cache of another folder, under this folder's name.
            let elsewhere = temporary.path("elsewhere")
            try FileManager.default.copyItem(at: data, to: elsewhere)
            let store = try Store(folder: elsewhere)
            let otherCache = try #require(RecordCache.forDataFolder(elsewhere, environment: environment))
            store.derivedCache = otherCache
            _ = store.load()
            try FileManager.default.removeItem(at: file)
            try FileManager.default.copyItem(at: otherCache.file, to: file)
        default: try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: file)
        }
        try ageRecordFilesIfCached()
        let cold = try coldLoad()
        let after = try cachedLoad()
        #expect(after.fromCache == 0)
        #expect(after.snapshot == cold)
        // Written anew and used again.
        try ageRecordFiles()
        let warm = try cachedLoad()
        #expect(warm.fromCache == recordFileCount())
        #expect(warm.snapshot == cold)
    }

    func ageRecordFilesIfCached() throws {
        if FileManager.default.fileExists(atPath: try cache.file.path) { try ageRecordFiles() }
    }

    @Test func problemsAndPendingMergesComeOutTheSameThroughTheCache() throws {
        let clients = data.appendingPathComponent(DataLayout.clients)
        let some = try #require(try FileManager.default.contentsOfDirectory(atPath: clients.path).sorted().first)
        try Data("{\"id\": ".utf8).write(to: clients.appendingPathComponent("broken.json"))
        try Data("<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n".utf8).write(to: clients.appendingPathComponent("marked.json"))
        try FileManager.default.copyItem(at: clients.appendingPathComponent(some),
                                         to: clients.appendingPathComponent(some.replacingOccurrences(of: ".json", with: " (conflicted copy).json")))
        _ = try cachedLoad()
        try ageRecordFiles()
        let cold = try coldLoad()
        let warm = try cachedLoad()
        #expect(warm.fromCache == recordFileCount() - 1)  // the sync copy is never loaded
        #expect(warm.snapshot == cold)
        #expect(warm.snapshot.problems.count >= 3)
        #expect(!warm.snapshot.pendingMerges.isEmpty)
    }

    @Test func savesAfterAWarmStartKeepUnknownFieldsAndMergeFromTheRecordsAsLoaded() throws {
        let cold = try coldLoad()
        let client = cold.clients[0]
        let path = data.appendingPathComponent(DataLayout.client(client.id))
        // A field a later version wrote.
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\n", with: "{\n  \"zFutureField\" : \"kept\",\n", options: [], range: text.range(of: "{\n"))
        try text.write(to: path, atomically: false, encoding: .utf8)
        _ = try cachedLoad()
        try ageRecordFiles()

        let here = try Store(folder: data)
        here.derivedCache = try cache
        let loaded = here.load()
        #expect(here.filesFromCache > 0)
        var mine = try #require(loaded.client(client.id))
        mine.phone = "555-0111"
        _ = try here.save(mine)
        #expect(try String(contentsOf: path, encoding: .utf8).contains("\"zFutureField\" : \"kept\""))

        // Loaded from the cache, then someone else changes another field before this copy saves:
        // the file's bytes are no longer the version loaded, so the records as loaded are the
        // base; the two changes merge and the field this version does not know stays.
        _ = try cachedLoad()                             // the cache now holds the file as saved
        try ageRecordFiles()
        let stale = try Store(folder: data)
        stale.derivedCache = try cache
        var staleClient = try #require(stale.load().client(client.id))
        let relative = DataLayout.client(client.id)
        guard case .cached? = stale.files[relative] else {
            Issue.record("the client was not taken from the cache: \(String(describing: stale.files[relative]))")
            return
        }
        let writer = try Store(folder: data)
        var newer = try #require(writer.load().client(client.id))
        newer.preferredName = "Changed elsewhere"
        try writer.save(newer)
        staleClient.phone = "555-0222"
        let result = try stale.save(staleClient)
        guard case .merged(_, let fields) = result else { Issue.record("expected a merge, got \(result)"); return }
        #expect(fields.contains("preferredName"))
        let final = try #require(try coldLoad().client(client.id))
        #expect(final.phone == "555-0222")
        #expect(final.preferredName == "Changed elsewhere")
        #expect(try String(contentsOf: path, encoding: .utf8).contains("\"zFutureField\" : \"kept\""))
    }

    @Test func theCacheIsOwnerOnlyOutsideTheDataFolderAndCheckedByCheck() throws {
        _ = try cachedLoad()
        let cache = try cache
        func mode(_ url: URL) throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) }
        #expect(try mode(cache.file) == 0o600)
        #expect(try mode(cache.folder) == 0o700)
        #expect(try mode(cache.folder.deletingLastPathComponent()) == 0o700)
        #expect(!cache.file.path.hasPrefix(data.path + "/"))
        // (The copy of sample-data has the modes of a checkout; only the cache's problems count here.)
        func cacheProblems() -> [DataProblem] {
            DataCheck.hygiene(of: data, environment: environment).filter { $0.path.hasPrefix("/") }
        }
        #expect(cacheProblems().isEmpty)
        chmod(cache.file.path, 0o644)
        let problems = cacheProblems()
        #expect(problems.map(\.path) == [cache.file.path])
        #expect(problems.first?.message.contains("0644") == true)
        // No cache where the cache would sit inside the data folder.
        #expect(RecordCache.forDataFolder(data, environment: ["XDG_CACHE_HOME": data.appendingPathComponent("c").path]) == nil)
    }

    @Test func aReadOnlyStoreWritesNoCache() throws {
        let store = try Store(folder: data, mode: .readOnly)
        store.derivedCache = try cache
        _ = store.load()
        #expect(!FileManager.default.fileExists(atPath: try cache.folder.path))
    }

    @Test func clearingRemovesThisFoldersCacheOrAll() throws {
        _ = try cachedLoad()
        let elsewhere = temporary.path("elsewhere")
        try FileManager.default.copyItem(at: data, to: elsewhere)
        let other = try #require(RecordCache.forDataFolder(elsewhere, environment: environment))
        let store = try Store(folder: elsewhere)
        store.derivedCache = other
        _ = store.load()
        #expect(FileManager.default.fileExists(atPath: other.file.path))
        try cache.clear()
        #expect(!FileManager.default.fileExists(atPath: try cache.folder.path))
        #expect(FileManager.default.fileExists(atPath: other.file.path))
        try RecordCache.clearAll(environment: environment)
        #expect(!FileManager.default.fileExists(atPath: try #require(RecordCache.root(environment: environment)).path))
        #expect(try cachedLoad().snapshot == (try coldLoad()))
    }
}
