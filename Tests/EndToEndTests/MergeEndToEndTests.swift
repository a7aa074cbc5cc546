import FieldbookCore
import Foundation
import Testing

/// Two edits of the same fields: the merge screen, picks per field, and "to merge" across a restart.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct MergeEndToEndTests {
    /// A client of Maria's in job search with a phone and an email, read from the copy: the one
    /// whose file the test edits behind the app's back.
    struct Target {
        var name: String
        var phone: String
        var email: String
        var file: URL
    }

    func target(in data: DataCopy) throws -> Target {
        let snapshot = try Store(folder: data.folder, mode: .readOnly).load()
        let maria = try #require(snapshot.specialists.first { $0.name == "Maria Okafor" })
        let client = try #require(snapshot.clients
            .filter { $0.specialistID == maria.id && $0.status == .jobSearch && $0.phone != nil && $0.email != nil }
            .sorted { $0.name < $1.name }.first)
        return Target(name: client.name, phone: try #require(client.phone), email: try #require(client.email),
                      file: try data.clientFile(named: client.name))
    }

    /// Opens the client's details form, changes phone and email there and, meanwhile, on disk;
    /// saves. Returns the session on the merge screen and the client.
    func conflictOnPhoneAndEmail(_ data: DataCopy) throws -> (Tmux, Target) {
        let client = try target(in: data)
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]", seconds: 30), "\(session.screen)")
        session.send("2")
        #expect(session.waitFor("Active caseload", seconds: 30), "\(session.screen)")
        session.send("/")
        session.type(client.name)
        session.send("Enter", "Enter")
        #expect(session.waitFor("── Details", seconds: 30), "\(session.screen)")
        #expect(session.screen.contains(client.name), "\(session.screen)")
        session.send("e")
        #expect(session.waitFor("Edit client", seconds: 30), "\(session.screen)")

        // Someone else changes the same two fields while the form is open.
        let original = try String(contentsOf: client.file, encoding: .utf8)
        let theirs = original
            .replacingOccurrences(of: "\"phone\" : \"\(client.phone)\"", with: "\"phone\" : \"555-9999\"")
            .replacingOccurrences(of: "\"email\" : \"\(client.email)\"", with: "\"email\" : \"them@theirs.example\"")
        #expect(theirs.contains("555-9999") && theirs.contains("them@theirs.example"))
        try theirs.write(to: client.file, atomically: true, encoding: .utf8)

        session.send("Tab", "Tab", "C-u")
        session.type("555-2222")
        session.send("Tab", "C-u")
        session.type("me@mine.example")
        session.send("C-s")
        #expect(session.waitFor("pick a value per field (2 of 2 left)", seconds: 30), "\(session.screen)")
        #expect(session.waitFor("Not saved yet: 2 fields also changed elsewhere.", seconds: 30), "\(session.screen)")
        let screen = session.screen
        #expect(screen.contains("555-9999") && screen.contains("555-2222") && screen.contains(client.phone), "\(screen)")
        #expect(screen.contains("them@theirs.example") && screen.contains("me@mine.example"), "\(screen)")
        return (session, client)
    }

    func conflictsFolder(_ data: DataCopy) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: data.folder.appendingPathComponent("conflicts").path)) ?? []
    }

    /// The keys that pick theirs for the phone and mine for the email, in the order the screen lists them.
    func theirsPhoneMineEmail(_ screen: String) -> [String] {
        guard let phone = screen.range(of: "Phone "), let email = screen.range(of: "Email ") else { return [] }
        return phone.lowerBound < email.lowerBound ? ["t", "m"] : ["m", "t"]
    }

    @Test func pickingTheirsForOneFieldAndMineForAnotherSavesThePicks() throws {
        let data = try DataCopy()
        let (session, client) = try conflictOnPhoneAndEmail(data)
        // Both versions are on disk until the picks are saved.
        #expect(conflictsFolder(data).contains { $0.hasSuffix(".json") })
        let keys = theirsPhoneMineEmail(session.screen)
        #expect(keys.count == 2, "\(session.screen)")
        for key in keys { session.send(key) }
        #expect(session.waitFor("(0 of 2 left)"), "\(session.screen)")
        session.send("C-s")
        #expect(session.waitFor("Merged and saved: 1 field kept as yours, 1 field taken from theirs."), "\(session.screen)")
        let saved = try String(contentsOf: client.file, encoding: .utf8)
        #expect(saved.contains("\"phone\" : \"555-9999\""), "\(saved)")
        #expect(saved.contains("\"email\" : \"me@mine.example\""), "\(saved)")
        #expect(conflictsFolder(data).isEmpty, "\(conflictsFolder(data))")
        #expect(!session.screen.contains("TO MERGE"), "\(session.screen)")
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0", seconds: 30), "\(session.screen)")
    }

    @Test func aConflictLeftUnresolvedIsToMergeAfterARestart() throws {
        let data = try DataCopy()
        var name = ""
        do {
            let (session, client) = try conflictOnPhoneAndEmail(data)
            name = client.name
            session.send("Escape")
            #expect(session.waitFor("⇄ TO MERGE: two versions of this client; m picks"), "\(session.screen)")
            session.send("Escape")
            #expect(session.waitFor("⇄ TO MERGE"), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0", seconds: 30), "\(session.screen)")
        }
        #expect(!conflictsFolder(data).isEmpty)

        let again = Tmux(command: data.command())
        #expect(again.waitFor("1 record to merge"), "\(again.screen)")
        again.send("2")
        #expect(again.waitFor("Active caseload", seconds: 30), "\(again.screen)")
        again.send("/")
        again.type(name)
        #expect(again.waitFor("⇄ TO MERGE"), "\(again.screen)")
        again.send("Enter", "Enter")
        #expect(again.waitFor("m picks which values to keep."), "\(again.screen)")
        again.send("m")
        #expect(again.waitFor("pick a value per field (2 of 2 left)"), "\(again.screen)")
        again.send("t", "t", "C-s")
        #expect(again.waitFor("Merged and saved: 2 fields taken from theirs."), "\(again.screen)")
        let saved = try String(contentsOf: data.clientFile(named: name), encoding: .utf8)
        #expect(saved.contains("\"phone\" : \"555-9999\"") && saved.contains("\"email\" : \"them@theirs.example\""), "\(saved)")
        #expect(conflictsFolder(data).isEmpty, "\(conflictsFolder(data))")
        #expect(!again.screen.contains("TO MERGE"), "\(again.screen)")
        again.send("Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0", seconds: 30), "\(again.screen)")
    }
}
