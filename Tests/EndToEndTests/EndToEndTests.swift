import FieldbookCore
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fieldbook binary built beside these tests.
let binary: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fieldbook")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests.path }
    return packageRoot.appendingPathComponent(".build/debug/fieldbook").path
}()

/// A private copy of sample-data, removed afterwards.
final class DataCopy {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("data") }

    /// `ownerOnly`: make the copy 0700/0600 as a careful copy would be; otherwise 0755/0644 as a
    /// git checkout is (whatever modes the sample-data folder on this machine has).
    init(ownerOnly: Bool = true) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("sample-data"), to: folder)
        if ownerOnly { makeOwnerOnly(folder) } else { makeLikeACheckout(folder) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The file of the client called `name`.
    func clientFile(named name: String) throws -> URL {
        let clients = folder.appendingPathComponent("clients")
        for file in try FileManager.default.contentsOfDirectory(atPath: clients.path) {
            let url = clients.appendingPathComponent(file)
            if try String(contentsOf: url, encoding: .utf8).contains("\"name\" : \"\(name)\"") { return url }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    func command(_ extra: String = "") -> String {
        // The copy's install id (which names its audit log) is kept beside the data, not in $HOME.
        "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21 \(extra); echo FIELDBOOK-EXIT=$?; sleep 60"
    }
}

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct EndToEndTests {
    /// A save whose audit entry cannot be written stands, and the app says so (the log made a
    /// folder, so appending to it fails).
    @Test func aSaveWhoseAuditEntryCannotBeWrittenSaysSo() throws {
        let data = try DataCopy()
        let state = data.root.appendingPathComponent("state/fieldbook")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data("test-copy\n".utf8).write(to: state.appendingPathComponent("install-id"))
        let log = data.folder.appendingPathComponent("audit/test-copy.jsonl")
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.fillInAContactWithJose(caseload: "Active caseload: Maria Okafor", place: "Library", note: "Unaudited")
        session.send("Enter")
        #expect(session.waitFor("Saved, but its audit entry could not be written"), "\(session.screen)")
        #expect(try String(contentsOf: data.clientFile(named: "José Álvarez-Ruiz"), encoding: .utf8).contains("Unaudited"))
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT="), "\(session.screen)")
    }

    @Test func aContactLoggedIsThereAfterARestart() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no binary at \(binary)")
        let data = try DataCopy()
        do {
            let session = Tmux(command: data.command())
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.fillInAContactWithJose(caseload: "Active caseload: Maria Okafor", place: "Riverside Library",
                                           note: "End-to-end check-in note")
            session.send("Enter")
            #expect(session.waitFor("Contact logged."), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        let file = try data.clientFile(named: "José Álvarez-Ruiz")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("End-to-end check-in note"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The save is in the audit trail: who, what kind, which fields; never the note itself.
        let clientID = file.deletingPathExtension().lastPathComponent
        let audit = spawn([binary, "audit", "--data", data.folder.path, "--record", clientID])
        #expect(audit.status == 0)
        #expect(audit.output.contains("update  client \(clientID)  fields: contacts"), "\(audit.output)")
        #expect(!audit.output.contains("End-to-end") && !audit.output.contains("Riverside"), "client data in the audit output")
        #expect(spawn([binary, "audit", "--verify", "--data", data.folder.path]).status == 0)

        let again = Tmux(command: data.command())
        #expect(again.waitFor("[1 Today]"), "\(again.screen)")
        again.send("2")
        #expect(again.waitFor("Active caseload"), "\(again.screen)")
        again.send("/")
        again.type("jose")
        again.send("Enter", "Enter")
        #expect(again.waitFor("── Details"))
        // Scroll down to the contacts, newest first.
        var found = false
        for _ in 0..<40 where !found {
            again.send("j")
            found = again.waitFor("End-to-end check-in note", seconds: 0.3)
        }
        #expect(found, "\(again.screen)")
        #expect(again.screen.contains("2026-11-21  Face-to-face · Riverside Library"))
        again.send("Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"))
    }

    @Test func aChangeOnDiskToAnotherFieldMergesWithTheForm() throws {
        let data = try DataCopy()
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.send("2")
        #expect(session.waitFor("Active caseload"), "\(session.screen)")
        session.send("/")
        session.type("zoe")
        session.send("Enter", "Enter", "n")
        #expect(session.waitFor("Log a contact with Zoë Fernández"), "\(session.screen)")

        // Someone else edits the same client while the form is open.
        let file = try data.clientFile(named: "Zoë Fernández")
        let original = try String(contentsOf: file, encoding: .utf8)
        let theirs = original.replacingOccurrences(of: "\"name\" : \"Zoë Fernández\"", with: "\"name\" : \"Zoë Fernández Ruiz\"")
        #expect(theirs != original)
        try theirs.write(to: file, atomically: true, encoding: .utf8)

        // Their change is to another field: the contact is saved onto their version, and the
        // message says so.
        session.send("Tab", "Tab")
        session.type("Library")
        session.send("C-s")
        // Their change (the name) and ours (a new contact) touch different fields: they merge.
        #expect(session.waitFor("Merged with a change made elsewhere"), "\(session.screen)")
        let merged = try String(contentsOf: file, encoding: .utf8)
        #expect(merged.contains("Zoë Fernández Ruiz") && merged.contains("\"place\" : \"Library\""))
        let conflicts = data.folder.appendingPathComponent("conflicts").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: conflicts)) ?? []).isEmpty)
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }

    @Test func resizingBelowTheMinimumAndBack() throws {
        let data = try DataCopy()
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.resize(columns: 60, rows: 20)
        #expect(session.waitFor("Make the window larger (now 60x20)."), "\(session.screen)")
        session.resize(columns: 100, rows: 30)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        #expect(session.screen.contains("? more keys"))
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))
    }

    @Test func anEscapeInANameShowsEscapedAndTheTerminalIsIntact() throws {
        let data = try DataCopy()
        let file = try data.clientFile(named: "Zoë Fernández")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"name\" : \"Zoë Fernández\"", with: "\"name\" : \"Zoë\\u001b[31mRED\\u001b[0m\"")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.send("2")
        #expect(session.waitFor("Zoë^[[31mRED^[[0m"), "\(session.screen)")
        #expect(session.value("#{alternate_on}") == "1")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        #expect(session.value("#{alternate_on}") == "0")
        #expect(session.value("#{cursor_flag}") == "1")
        #expect(!session.screen.contains("Zoë"), "client data left on the normal screen")
    }

    /// Sends `signal` to a running Fieldbook and checks the terminal comes back whole.
    func expectRestored(after signal: String, exitCode: Int) throws {
        let data = try DataCopy()
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let shell = session.value("#{pane_pid}")
        spawn(["pkill", "-\(signal)", "-P", shell, "-x", "fieldbook"])
        #expect(session.waitFor("FIELDBOOK-EXIT=\(exitCode)"), "\(session.screen)")
        #expect(session.value("#{alternate_on}") == "0")
        #expect(session.value("#{cursor_flag}") == "1")
        #expect(!session.screen.contains("José"), "client data left on the normal screen")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        try expectRestored(after: "TERM", exitCode: 143)
    }

    @Test func sighupRestoresTheTerminal() throws {
        try expectRestored(after: "HUP", exitCode: 129)
    }

    @Test func sigquitRestoresTheTerminal() throws {
        try expectRestored(after: "QUIT", exitCode: 131)
    }

    /// Ctrl-\ (SIGQUIT) with a form being typed: the app ends as on SIGTERM, without the
    /// runtime's crash report, and says once the terminal is back that the form was not saved.
    @Test func sigquitWithAFormOpenEndsTheAppAndSaysTheFormWasNotSaved() throws {
        let data = try DataCopy()
        let file = try data.clientFile(named: "José Álvarez-Ruiz")
        let before = try Data(contentsOf: file)
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.fillInAContactWithJose(caseload: "Active caseload: Maria Okafor", place: "Riverside Library", note: "Typed, not saved")
        session.send("C-\\")
        #expect(session.waitFor("FIELDBOOK-EXIT=131"), "\(session.screen)")
        let screen = session.screen
        #expect(screen.contains("fieldbook: stopped by a signal: the changes in the open form were not saved"), "\(screen)")
        #expect(!screen.lowercased().contains("crash") && !screen.contains("Backtrac"), "\(screen)")
        #expect(session.value("#{alternate_on}") == "0")
        #expect(session.value("#{cursor_flag}") == "1")
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        try expectRestored(after: "SEGV", exitCode: 139)
    }

    @Test func noColorGivesAMonochromeScreenThatStillMarksTheSelection() throws {
        let data = try DataCopy()
        let session = Tmux(command: data.command(), environment: ["NO_COLOR": "1"])
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let styled = session.tmux("capture-pane", "-e", "-p", "-t", "main")
        let colours = ["\u{1B}[3", "\u{1B}[9"].filter { styled.contains($0 + "1m") || styled.contains($0 + "3m") || styled.contains($0 + "4m") || styled.contains($0 + "6m") }
        #expect(colours.isEmpty, "colour codes with NO_COLOR")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selected row is not in reverse video")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))
    }

    @Test func onStartOneLineSaysHowManyProblemsCheckWouldShow() throws {
        let data = try DataCopy(ownerOnly: false)
        // As many as `fieldbook check` lists on the same folder (a checkout is not owner-only).
        let check = spawn([binary, "check", "--data", data.folder.path])
        #expect(check.status == 1, "\(check.output)")
        let count = try #require(check.output.firstMatch(of: #/fieldbook: (\d+) problems? in /#).flatMap { Int($0.1) }, "\(check.output)")
        #expect(count > 1)
        let session = Tmux(command: data.command())
        #expect(session.waitFor("`fieldbook check` lists \(count) problems in this data folder."), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"))
    }

    @Test func checkNamesABrokenFile() throws {
        let data = try DataCopy()
        #expect(spawn([binary, "check", "--data", data.folder.path]).status == 0)
        let file = try data.clientFile(named: "Zoë Fernández")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 3).write(to: file)
        let result = spawn([binary, "check", "--data", data.folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains(file.lastPathComponent + ": not valid JSON"), "\(result.output)")
        #expect(!result.output.contains("Zoë"), "client data in the output")
    }
}

extension EndToEndTests {
    /// A data folder its user cannot write to opens, and says at once that nothing can be saved.
    @Test func aReadOnlyFolderSaysAtStartThatChangesCannotBeSaved() throws {
        let data = try DataCopy()
        let root = data.root.path
        var user = ""
        if getuid() == 0 {
            // Root writes everywhere: the folder is given to an ordinary user, who runs the app.
            spawn(["chown", "-R", "65534:65534", root])
            user = "setpriv --reuid=65534 --regid=65534 --clear-groups "
        }
        chmod(data.folder.path, 0o500)
        let command = "\(user)env HOME='\(root)' XDG_STATE_HOME='\(root)/state' XDG_CACHE_HOME='\(root)/cache' XDG_CONFIG_HOME='\(root)/config' "
            + "'\(binary)' --data '\(data.folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let session = Tmux(command: command)
        #expect(session.waitFor("This data folder cannot be written here (read-only): changes cannot be saved."), "\(session.screen)")
        #expect(session.screen.contains("[1 Today]"), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }
}
