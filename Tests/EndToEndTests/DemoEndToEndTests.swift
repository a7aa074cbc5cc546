import FieldbookCore
import Foundation
import Testing

/// A demo source (a copy of sample-data) with thousands of career profile sessions more: the
/// demo copy, which writes the sessions last, takes seconds, so the test can see what the app
/// does while it is under way (or, with `holdTheCopy`, the app holds the copy until the test
/// lets it go). The app's temporary folder is a private one, to see the demo
/// copy come and go.
final class SlowDemo {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-\(UUID().uuidString)")
    var source: URL { root.appendingPathComponent("source") }
    var temporary: URL { root.appendingPathComponent("tmp") }
    /// The client whose sessions were multiplied, and how many sessions it has.
    let client: String
    let sessions: Int

    init(extraSessions: Int = 600) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("sample-data"), to: root.appendingPathComponent("source"))
        let profiles = root.appendingPathComponent("source/\(CareerProfileLayout.profiles)")
        client = try #require(try FileManager.default.contentsOfDirectory(atPath: profiles.path).sorted().first)
        let folder = profiles.appendingPathComponent(client)
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
        let text = try String(contentsOf: folder.appendingPathComponent(first), encoding: .utf8)
        let session = try #require(text.firstMatch(of: #/"sessionID" : "([0-9A-F-]+)"/#)).1
        for _ in 0..<extraSessions {
            let id = UUID()
            let name = first.replacingOccurrences(of: session.lowercased(), with: id.uuidString.lowercased())
            try text.replacingOccurrences(of: String(session), with: id.uuidString)
                .write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        makeOwnerOnly(root.appendingPathComponent("source"))
        sessions = try FileManager.default.contentsOfDirectory(atPath: folder.path).count
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The demo copies in the app's temporary folder.
    var demoFolders: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasPrefix("fieldbook-demo-") }
            .map { temporary.appendingPathComponent($0) }
    }

    /// The multiplied client's sessions in a demo copy (all of them once the copy is complete).
    func sessionsCopied(to demo: URL) -> Int {
        let folder = demo.appendingPathComponent("\(CareerProfileLayout.profiles)/\(client)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    /// While a file is here, the app holds the demo copy before writing anything (`holdTheCopy`).
    var hold: URL { root.appendingPathComponent("hold-the-copy") }

    /// Makes the app hold the demo copy until `releaseTheCopy`.
    func holdTheCopy() throws { try Data().write(to: hold) }

    func releaseTheCopy() throws { try FileManager.default.removeItem(at: hold) }

    func command() -> String {
        "TMPDIR='\(temporary.path)' FIELDBOOK_SAMPLE_DATA='\(source.path)' XDG_STATE_HOME='\(root.path)/state' "
            + "FIELDBOOK_TEST_HOLD_DEMO_COPY='\(hold.path)' "
            + "XDG_CONFIG_HOME='\(root.path)/config' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --demo --today 2026-11-21; "
            + "echo FIELDBOOK-EXIT=$?; sleep 60"
    }
}

/// `fieldbook --demo` shows its first frame before its copy is written; the copy is written
/// first on the store's queue, so saves and the start-up check come after it.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct DemoEndToEndTests {
    @Test func theFirstFrameComesBeforeTheCopyAndTheStartMessageAfterIt() throws {
        let demo = try SlowDemo()
        // A job at an employer no one knows: the start-up check of the copy lists it.
        let store = try Store(folder: demo.source)
        var client = try #require(store.load().clients.first { !$0.jobs.isEmpty })
        client.jobs[0].employerID = UUID()
        try store.saveKeepingTimestamp(client)

        let session = Tmux(command: demo.command(), columns: 80, rows: 24)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let folder = try #require(demo.demoFolders.first)
        // The copy is under way, and the check, after it on the store's queue, has not counted.
        #expect(demo.sessionsCopied(to: folder) < demo.sessions)
        #expect(!session.screen.contains("fieldbook check"), "\(session.screen)")
        #expect(session.waitFor("`fieldbook check` lists 1 problem in this data folder.", seconds: 120), "\(session.screen)")
        #expect(demo.sessionsCopied(to: folder) == demo.sessions)
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        #expect(demo.demoFolders.isEmpty)
    }

    @Test func aSaveMadeDuringTheCopyLandsAfterIt() throws {
        let demo = try SlowDemo()
        let session = Tmux(command: demo.command(), columns: 80, rows: 24)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let folder = try #require(demo.demoFolders.first)
        session.fillInAContactWithJose(place: "Riverside Library", note: "Demo check-in note")
        #expect(demo.sessionsCopied(to: folder) < demo.sessions, "the copy ended before the save was asked for")
        session.send("Enter")
        // The save is made once the copy is complete, never before.
        #expect(session.waitFor("Contact logged.", seconds: 120), "\(session.screen)")
        #expect(demo.sessionsCopied(to: folder) == demo.sessions)
        let copied = try Store(folder: folder, mode: .readOnly).load()
        #expect(copied.problems.isEmpty)
        let jose = try #require(copied.clients.first { $0.name == "José Álvarez-Ruiz" })
        #expect(jose.contacts.contains { $0.note?.contains("Demo check-in note") == true })

        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        #expect(demo.demoFolders.isEmpty)
    }

    @Test func quittingDuringTheCopyWaitsForItAndLeavesNothing() throws {
        let demo = try SlowDemo(extraSessions: 0)
        try demo.holdTheCopy()
        let session = Tmux(command: demo.command(), columns: 80, rows: 24)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let folder = try #require(demo.demoFolders.first)
        session.send("q")
        // The terminal is given back at once (the app's screen goes); while the copy is held
        // the app has not ended and the copy is not complete.
        #expect(session.waitUntil { !$0.contains("[1 Today]") }, "\(session.screen)")
        #expect(!session.screen.contains("FIELDBOOK-EXIT"), "\(session.screen)")
        #expect(demo.sessionsCopied(to: folder) < demo.sessions)
        #expect(!demo.demoFolders.isEmpty)
        // Once the copy is let go the app ends and deletes it.
        try demo.releaseTheCopy()
        #expect(session.waitFor("FIELDBOOK-EXIT=0", seconds: 120), "\(session.screen)")
        #expect(demo.demoFolders.isEmpty)
    }

    @Test func aCopyThatFailsStopsTheAppAndLeavesNothing() throws {
        let demo = try SlowDemo(extraSessions: 0)
        // A folder where a session file should be: it cannot be read, so the copy fails.
        let broken = demo.source.appendingPathComponent("\(CareerProfileLayout.profiles)/\(demo.client)/20000101T000000Z-broken.json")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: false)
        let session = Tmux(command: demo.command(), columns: 80, rows: 24)
        #expect(session.waitFor("FIELDBOOK-EXIT=1"), "\(session.screen)")
        #expect(session.screen.contains("could not prepare the demo"), "\(session.screen)")
        #expect(demo.demoFolders.isEmpty)
    }
}
