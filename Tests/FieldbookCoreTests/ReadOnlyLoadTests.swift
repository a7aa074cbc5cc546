@testable import FieldbookCore
import Foundation
import Testing

/// A store keeps the version of each file a whole load read and not its bytes, which only a
/// merge needs (read again when a save asks, see `AsLoadedBaseTests`): a store that never saves
/// (`fieldbook check`, `due`, `report`, `export`) and a store that saves alike.
/// `fieldbook check` reads the career profiles beside the records and keeps only their problems.
@Suite struct ReadOnlyLoadTests {
    static func recordFiles(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            guard url.pathExtension == "json", !relative.hasPrefix(CareerProfileLayout.profiles),
                  relative != DataLayout.formatFile, relative != CareerProfileLayout.definitionFile else { continue }
            paths.append(relative)
        }
        return paths.sorted()
    }

    @Test func neitherAReadOnlyNorAReadWriteStoreKeepsTheBytesItLoaded() throws {
        let folder = TemporaryFolder()
        try? FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: OnePassLoadTests.sampleData, to: folder.url)
        let paths = Self.recordFiles(in: folder.url)
        #expect(paths.count > 100)

        let readOnly = try Store(folder: folder.url, mode: .readOnly)
        let loaded = readOnly.load()
        #expect(loaded.problems.isEmpty)
        for path in paths {
            let state = try #require(readOnly.files[path], "\(path)")
            #expect(state.bytes == nil, "\(path)")
            #expect(state.version == FileVersion(of: try Data(contentsOf: folder.path(path))), "\(path)")
        }
        // Asked for, the bytes are read again while the file is still the version read.
        let client = try #require(loaded.clients.first)
        let relative = client.filePath
        #expect(try readOnly.readJSON(relative) == JSONReader.parse(Data(contentsOf: folder.path(relative))))

        let readWrite = try Store(folder: folder.url)
        #expect(readWrite.load().clients == loaded.clients)
        for path in paths {
            #expect(readWrite.files[path]?.bytes == nil, "\(path)")
            #expect(readWrite.files[path]?.version == FileVersion(of: try Data(contentsOf: folder.path(path))), "\(path)")
        }
    }

    @Test func checkReportsTheSameProblemsWithProfilesReadBesideTheRecords() throws {
        let folder = TemporaryFolder()
        try? FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: OnePassLoadTests.sampleData, to: folder.url)
        // A broken record, a broken session file and a reference to nowhere.
        let profiles = folder.path(CareerProfileLayout.profiles)
        let clientFolder = try #require(FileManager.default.contentsOfDirectory(atPath: profiles.path).sorted().first)
        try Data("{\"clientID\": 3}".utf8).write(to: profiles.appendingPathComponent(clientFolder).appendingPathComponent("bad.json"))
        let employers = folder.path(DataLayout.employers)
        let employer = try #require(FileManager.default.contentsOfDirectory(atPath: employers.path).sorted().first)
        try Data("{".utf8).write(to: employers.appendingPathComponent(employer))

        let (problems, snapshot) = DataCheck.report(folder: folder.url)
        // What the parts give one after the other, in the order `check` prints them.
        let store = try Store(folder: folder.url, mode: .readOnly)
        let loaded = store.load()
        let sequential = DataCheck.problems(in: folder.url, loaded: loaded)
        #expect(problems == sequential)
        #expect(snapshot.clients == loaded.clients && snapshot.employerContacts == loaded.employerContacts)
        #expect(problems.contains { $0.path.hasSuffix("\(clientFolder)/bad.json") && $0.message.contains("clientID") })
        #expect(problems.contains { $0.path == "\(DataLayout.employers)/\(employer)" })
        let profileProblems = CareerProfileStore(folder: folder.url, mode: .readOnly).allProfiles().problems
        #expect(!profileProblems.isEmpty && profileProblems.allSatisfy { problems.contains($0) })
    }
}
