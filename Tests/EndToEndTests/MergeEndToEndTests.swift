import FieldbookCore
import Foundation
import Testing

/// Two edits of the same fields: the merge screen, picks per field, and "to merge" across a restart.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct MergeEndToEndTests {
    /// Opens Zoë's details form, changes phone and email there and, meanwhile, on disk; saves.
    /// Returns the session on the merge screen and the client's file.
    func conflictOnPhoneAndEmail(_ data: DataCopy) throws -> (Tmux, URL) {
        let session = Tmux(command: data.command())
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.send("2")
        #expect(session.waitFor("Active caseload"), "\(session.screen)")
        session.send("/")
        session.type("zoe")
        session.send("Enter", "Enter")
        #expect(session.waitFor("── Details"), "\(session.screen)")
        session.send("e")
        #expect(session.waitFor("Edit client"), "\(session.screen)")

        // Someone else changes the same two fields while the form is open.
        let file = try data.clientFile(named: "Zoë Fernández")
        let original = try String(contentsOf: file, encoding: .utf8)
        let theirs = original
            .replacingOccurrences(of: "\"phone\" : \"555-1007\"", with: "\"phone\" : \"555-9999\"")
            .replacingOccurrences(of: "\"email\" : \"client2@mail.example\"", with: "\"email\" : \"zoe@theirs.example\"")
        #expect(theirs.contains("555-9999") && theirs.contains("zoe@theirs.example"))
        try theirs.write(to: file, atomically: true, encoding: .utf8)

        session.send("Tab", "Tab", "C-u")
        session.type("555-2222")
        session.send("Tab", "C-u")
        session.type("zoe@mine.example")
        session.send("C-s")
        #expect(session.waitFor("pick a value per field (2 of 2 left)"), "\(session.screen)")
        #expect(session.waitFor("Not saved yet: 2 fields also changed elsewhere."), "\(session.screen)")
        let screen = session.screen
        #expect(screen.contains("555-9999") && screen.contains("555-2222") && screen.contains("555-1007"), "\(screen)")
        #expect(screen.contains("zoe@theirs.example") && screen.contains("zoe@mine.example"), "\(screen)")
        return (session, file)
    }

    func conflictsFolder(_ data: DataCopy) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: data.folder.appendingPathComponent("conflicts").path)) ?? []
    }

    /// The keys that pick theirs for the phone and mine for the email, in the order the screen lists them.
    func theirsPhoneMineEmail(_ screen: String) -> [String] {
        guard let phone = screen.range(of: "Phone "), let email = screen.range(of: "Email ") else { return [] }
        return phone.lowerBound < email.lowerBound ? ["t", "m"] : ["m", "t"]
    }

    @Test(.disabled("Its hand edit no longer matches the regenerated demo client; to be updated")) func pickingTheirsForOneFieldAndMineForAnotherSavesThePicks() throws {
        let data = try DataCopy()
        let (session, file) = try conflictOnPhoneAndEmail(data)
        // Both versions are on disk until the picks are saved.
        #expect(conflictsFolder(data).contains { $0.hasSuffix(".json") })
        let keys = theirsPhoneMineEmail(session.screen)
        #expect(keys.count == 2, "\(session.screen)")
        for key in keys { session.send(key) }
        #expect(session.waitFor("(0 of 2 left)"), "\(session.screen)")
        session.send("C-s")
        #expect(session.waitFor("Merged and saved: 1 field kept as yours, 1 field taken from theirs."), "\(session.screen)")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("\"phone\" : \"555-9999\""), "\(saved)")
        #expect(saved.contains("\"email\" : \"zoe@mine.example\""), "\(saved)")
        #expect(conflictsFolder(data).isEmpty, "\(conflictsFolder(data))")
        #expect(!session.screen.contains("TO MERGE"), "\(session.screen)")
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }

    @Test(.disabled("Its hand edit no longer matches the regenerated demo client; to be updated")) func aConflictLeftUnresolvedIsToMergeAfterARestart() throws {
        let data = try DataCopy()
        do {
            let (session, _) = try conflictOnPhoneAndEmail(data)
            session.send("Escape")
            #expect(session.waitFor("⇄ TO MERGE: two versions of this client; m picks"), "\(session.screen)")
            session.send("Escape")
            #expect(session.waitFor("⇄ TO MERGE"), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        #expect(!conflictsFolder(data).isEmpty)

        let again = Tmux(command: data.command())
        #expect(again.waitFor("1 record to merge"), "\(again.screen)")
        again.send("/")
        again.type("zoe")
        #expect(again.waitFor("⇄ TO MERGE"), "\(again.screen)")
        again.send("Enter", "Enter")
        #expect(again.waitFor("m picks which values to keep."), "\(again.screen)")
        again.send("m")
        #expect(again.waitFor("pick a value per field (2 of 2 left)"), "\(again.screen)")
        again.send("t", "t", "C-s")
        #expect(again.waitFor("Merged and saved: 2 fields taken from theirs."), "\(again.screen)")
        let saved = try String(contentsOf: data.clientFile(named: "Zoë Fernández"), encoding: .utf8)
        #expect(saved.contains("\"phone\" : \"555-9999\"") && saved.contains("\"email\" : \"zoe@theirs.example\""), "\(saved)")
        #expect(conflictsFolder(data).isEmpty, "\(conflictsFolder(data))")
        #expect(!again.screen.contains("TO MERGE"), "\(again.screen)")
        again.send("Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }
}
