import FieldbookCore
import Foundation
import Testing

/// The app writes a derived cache for a data folder, never for the demo copy, and
/// `fieldbook cache clear` removes it.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct CacheEndToEndTests {
    func run(_ command: String, in root: URL) -> Bool {
        let session = Tmux(command: "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(command); echo FIELDBOOK-EXIT=$?; sleep 60",
                           columns: 80, rows: 24)
        guard session.waitFor("[1 Today]") else { return false }
        session.send("q")
        return session.waitFor("FIELDBOOK-EXIT=0")
    }

    func cacheFiles(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent("cache").path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String { names.append(name) }
        return names
    }

    @Test func aDataFolderGetsACacheTheDemoCopyNone() throws {
        let data = try DataCopy()
        #expect(run("cd '\(packageRoot.path)' && \(binary) --demo --today 2026-11-21", in: data.root))
        #expect(cacheFiles(data.root).isEmpty, "\(cacheFiles(data.root))")
        #expect(run("\(binary) --data '\(data.folder.path)' --specialist Maria --today 2026-11-21", in: data.root))
        #expect(cacheFiles(data.root).contains { $0.hasSuffix("/records.cache") } == RecordCache.usedByTheApp,
                "\(cacheFiles(data.root))")
    }

    @Test func cacheClearRemovesIt() throws {
        let data = try DataCopy()
        let store = try Store(folder: data.folder)
        store.derivedCache = RecordCache.forDataFolder(data.folder, environment: ["XDG_CACHE_HOME": data.root.appendingPathComponent("cache").path])
        _ = store.load()
        #expect(!cacheFiles(data.root).isEmpty)
        let cleared = spawn(["/bin/sh", "-c", "XDG_CACHE_HOME='\(data.root.path)/cache' \(binary) cache clear --data '\(data.folder.path)'"])
        #expect(cleared.status == 0, "\(cleared.output)")
        #expect(cleared.output.contains("Removed the cache"), "\(cleared.output)")
        #expect(cacheFiles(data.root).allSatisfy { !$0.contains("/") }, "\(cacheFiles(data.root))")
        let all = spawn(["/bin/sh", "-c", "XDG_CACHE_HOME='\(data.root.path)/cache' \(binary) cache clear --all"])
        #expect(all.status == 0, "\(all.output)")
        #expect(cacheFiles(data.root).isEmpty, "\(cacheFiles(data.root))")
    }
}
