import FieldbookCore
import Foundation
import Testing

/// An empty place for a new user: a data folder not made yet, and this "machine"'s config and
/// state folders, all under one temporary root.
final class NewUser {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-first-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("data") }
    var config: URL { root.appendingPathComponent("config") }

    init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: root) }

    func command(_ extra: String = "", environment: String = "") -> String {
        "\(environment) XDG_CONFIG_HOME='\(config.path)' XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --today 2026-11-21 \(extra); echo FIELDBOOK-EXIT=$?; sleep 60"
    }
}

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct FirstRunTests {
    @Test func aNewUserIsAskedTheirNameLogsAContactAsThemselvesAndIsKnownNextTime() throws {
        let user = try NewUser()
        do {
            let session = Tmux(command: user.command(), columns: 80, rows: 24)
            #expect(session.waitFor("Who are you?"), "\(session.screen)")
            session.type("Ana Lima")
            session.send("C-s")
            #expect(session.waitFor("Welcome, Ana Lima"), "\(session.screen)")
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.send("2")
            #expect(session.waitFor("Active caseloads: Ana Lima 0/"), "\(session.screen)")
            session.send("n")
            #expect(session.waitFor("New client"), "\(session.screen)")
            session.type("Pat Example")
            session.send("C-s")
            #expect(session.waitFor("New client saved."), "\(session.screen)")
            session.send("n")
            #expect(session.waitFor("Log a contact with Pat Example"), "\(session.screen)")
            session.send("Tab", "Tab")
            session.type("Library")
            session.send("C-s")
            #expect(session.waitFor("Contact logged."), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        // Who you are is kept on this machine, by data folder, owner-only; never in the data folder.
        let machineFile = user.config.appendingPathComponent("fieldbook/machine.json")
        let settings = try MachineSettings.load(from: machineFile)
        let id = try #require(settings.specialist(for: user.folder))
        let mode = try FileManager.default.attributesOfItem(atPath: machineFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let inData = FileManager.default.enumerator(atPath: user.folder.path)?.allObjects as? [String] ?? []
        #expect(!inData.contains { $0.contains("machine") })
        // The contact and the client say who logged them.
        let clients = user.folder.appendingPathComponent("clients")
        let files = try FileManager.default.contentsOfDirectory(atPath: clients.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1)
        let text = try String(contentsOf: clients.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        #expect(text.components(separatedBy: "\"specialistID\" : \"\(id.uuidString)\"").count - 1 == 2, "\(text)")

        let again = Tmux(command: user.command(), columns: 80, rows: 24)
        #expect(again.waitFor("Ana Lima · "), "\(again.screen)")
        #expect(!again.screen.contains("Who are you?"))
        again.send("q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }

    @Test func aPasteWithEscapeGoesIntoTheFieldAsText() throws {
        let user = try NewUser()
        let session = Tmux(command: user.command(), columns: 80, rows: 24)
        #expect(session.waitFor("Who are you?"), "\(session.screen)")
        session.type("Ana")
        _ = session.tmux("set-buffer", "-b", "p", "\u{1B}yes\u{1B}[31mRED")
        _ = session.tmux("paste-buffer", "-p", "-b", "p", "-t", "main")
        // Control characters of a paste are dropped; the rest is text in the field.
        #expect(session.waitFor("Anayes[31mRED"), "\(session.screen)")
        #expect(session.screen.contains("Who are you?"))
        #expect(!session.screen.contains("Discard the changes"))
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedByName() throws {
        let user = try NewUser()
        let session = Tmux(command: user.command(environment: "TERM=dumb"), columns: 80, rows: 24)
        #expect(session.waitFor("FIELDBOOK-EXIT=1"), "\(session.screen)")
        #expect(session.screen.contains("\"dumb\" cannot move the cursor"), "\(session.screen)")
    }

    @Test func aLocaleThatIsNotUTF8IsSwitchedWithANotice() throws {
        let user = try NewUser()
        let session = Tmux(command: user.command("--specialist x", environment: "LANG=C LC_ALL=C"), columns: 80, rows: 24)
        // No specialists yet: --specialist says so instead of "(known: )".
        #expect(session.waitFor("FIELDBOOK-EXIT=2"), "\(session.screen)")
        #expect(session.screen.contains("no specialists in this data folder yet"), "\(session.screen)")
        #expect(!session.screen.contains("(known: )"))
        let open = Tmux(command: user.command(environment: "LANG=C LC_ALL=C"), columns: 80, rows: 24)
        #expect(open.waitFor("is not UTF-8; Fieldbook uses"), "\(open.screen)")
        #expect(open.waitFor("Who are you?"), "\(open.screen)")
    }
}

@Suite struct VersionAndHelpTests {
    @Test func versionIsPrinted() {
        let result = spawn([binary, "--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == FieldbookVersion.current)
    }

    @Test func topLevelHelpShowsEveryOptionAndSubcommand() {
        let result = spawn([binary, "--help"])
        #expect(result.status == 0)
        for word in ["--data", "--demo", "--specialist", "--version", "check", "due", "contacts", "profile", "audit", "backup", "pin", "open"] {
            #expect(result.output.contains(word), "\(word) missing from:\n\(result.output)")
        }
    }

    /// The options of opening the app, with their help, are in every way of asking for the
    /// top-level help (they are made only when help may be asked for).
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func topLevelHelpListsTheOptionsOfOpeningTheApp(arguments: [String]) {
        let result = spawn([binary] + arguments)
        #expect(result.status == 0)
        #expect(result.output.contains("OPTIONS OF OPENING THE APP"), "\(result.output)")
        #expect(result.output.contains("Open a fresh copy of the demo program"), "\(result.output)")
    }
}
