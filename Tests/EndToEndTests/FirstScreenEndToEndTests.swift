import FieldbookCore
import Foundation
import Testing

/// A start on a folder unchanged since the last full read draws the Today screen kept then; a
/// folder changed since draws what its files say now.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct FirstScreenEndToEndTests {
    func command(_ data: DataCopy) -> String {
        "XDG_STATE_HOME='\(data.root.path)/state' XDG_CACHE_HOME='\(data.root.path)/cache' \(binary) --data '\(data.folder.path)' "
            + "--specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
    }

    func kept(_ data: DataCopy) -> URL? {
        FirstScreen.location(for: data.folder, environment: ["XDG_CACHE_HOME": data.root.appendingPathComponent("cache").path])
    }

    /// Today's rows as the session shows them, without the message and key lines.
    func today(_ session: Tmux) -> [String] {
        Array(session.screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).map(String.init))
    }

    @Test func aSecondStartDrawsTheKeptTodayAndAChangedFileIsShownAtOnce() throws {
        let data = try DataCopy()
        let file = try #require(kept(data))
        // The copy's files must be a second old when a read begins, or the read cannot vouch for them.
        Thread.sleep(forTimeInterval: 1.2)
        var session = Tmux(command: command(data), columns: 80, rows: 24)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")
        #expect(session.waitUntil { _ in FileManager.default.fileExists(atPath: file.path) }, "no Today screen was kept")
        let first = today(session)
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))

        session = Tmux(command: command(data), columns: 80, rows: 24)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")
        #expect(today(session) == first, "\(session.screen)")
        // Enter opens the selected row's client once every record is in.
        session.send("Enter")
        #expect(session.waitFor("› "), "\(session.screen)")
        session.send("Escape")
        #expect(session.waitUntil { !$0.contains("› ") }, "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))

        // A client renamed in the folder since: the kept screen is not used.
        let client = try data.clientFile(named: "Ayşe Yılmaz")
        let text = try String(contentsOf: client, encoding: .utf8)
        try text.replacingOccurrences(of: "Ayşe Yılmaz", with: "Ayşe Kaya").write(to: client, atomically: true, encoding: .utf8)
        session = Tmux(command: command(data), columns: 80, rows: 24)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")
        #expect(session.screen.contains("Ayşe Kaya"), "\(session.screen)")
        #expect(!session.screen.contains("Ayşe Yılmaz"), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))
    }

    @Test func aSessionThatSavedKeepsItsTodayForTheNextStart() throws {
        let data = try DataCopy()
        let file = try #require(kept(data))
        Thread.sleep(forTimeInterval: 1.2)
        var session = Tmux(command: command(data), columns: 80, rows: 24)
        #expect(session.waitFor("▸ St. Agnes Hospital"), "\(session.screen)")
        #expect(session.waitUntil { _ in FileManager.default.fileExists(atPath: file.path) }, "no Today screen was kept")
        // Dismiss the first row (an employer's next step): a save of that employer.
        session.send("d")
        session.type("Spoke to them by phone instead")
        session.send("Enter")
        #expect(session.waitFor("Dismissed:"), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))

        // The copy kept on the way out is good for the folder as the save left it.
        let store = try Store(folder: data.folder)
        let screen = try #require(FirstScreen.read(at: file, folder: data.folder, today: try LocalDate(parsing: "2026-11-21"), horizonDays: 30,
                                                   transform: .plain, current: { store.folderStamp() }))
        #expect(!screen.items.contains { $0.kind == .employerNextStep && $0.employerName == "St. Agnes Hospital" })
        #expect(screen.items.contains { $0.employerName == "Ace Security Services" })
        session = Tmux(command: command(data), columns: 80, rows: 24)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")
        #expect(!session.screen.contains("St. Agnes Hospital"), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))
    }
}
