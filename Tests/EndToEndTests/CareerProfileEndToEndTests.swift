import FieldbookCore
import Foundation
import Testing

/// The demo generator, built beside these tests.
let generator: String = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("GenerateSampleData").path

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct CareerProfileEndToEndTests {
    /// A specialist fills in a few questions with the keyboard, leaves, comes back, resumes at
    /// the right question, reviews the section and prints the profile; on a folder the demo
    /// generator wrote.
    @Test func fillInLeaveResumeReviewAndPrint() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("data")
        let made = spawn([generator, folder.path])
        #expect(made.status == 0, "\(made.output)")
        let command = "XDG_STATE_HOME='\(root.path)/state' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let store = try Store(folder: folder, mode: .readOnly)
        let soren = try #require(store.load().clients.first { $0.name == "Søren Bjørnstad" })
        let profiles = CareerProfileStore(folder: folder)
        #expect(!profiles.profile(of: soren.id).profile.isStarted, "the generator leaves this profile unstarted")

        do {
            let session = Tmux(command: command, columns: 80, rows: 24)
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.send("2")
            #expect(session.waitFor("Active caseload"), "\(session.screen)")
            session.send("/")
            session.type("soren")
            session.send("Enter", "Enter")
            #expect(session.waitFor("── Details"), "\(session.screen)")
            session.send("c")
            #expect(session.waitFor("What job would you like to have now?"), "\(session.screen)")
            session.type("Warehouse work, días de semana")
            session.send("Enter")
            #expect(session.waitFor("If you could have any job at all"), "\(session.screen)")
            session.type("Forklift driver")
            session.send("C-s")
            #expect(session.waitFor("Why do you want to work now?"), "\(session.screen)")
            // Both answers are on disk while the program still runs.
            let deadline = Date().addingTimeInterval(15)
            while profiles.profile(of: soren.id).profile.entries.count < 2 && Date() < deadline { usleep(50_000) }
            #expect(profiles.profile(of: soren.id).profile.answers()["ideal-job"]?.value == .text("Forklift driver"))
            session.send("Escape")
            #expect(session.waitFor("── Details"), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        let written = profiles.profile(of: soren.id).profile
        #expect(written.sessions.count == 1 && written.entries.count == 2)

        let again = Tmux(command: command, columns: 80, rows: 24)
        #expect(again.waitFor("[1 Today]"), "\(again.screen)")
        again.send("2")
        #expect(again.waitFor("Active caseload"), "\(again.screen)")
        again.send("/")
        again.type("soren")
        again.send("Enter", "Enter")
        #expect(again.waitFor("── Details"), "\(again.screen)")
        again.send("G")
        #expect(again.waitFor("Progress            2 of "), "the client page shows the progress\n\(again.screen)")
        #expect(again.screen.contains("Job goal            Warehouse work, días de semana"), "\(again.screen)")
        again.send("c")
        // Resumes at the first question not yet answered.
        #expect(again.waitFor("Why do you want to work now?"), "\(again.screen)")
        #expect(again.screen.contains("Question 3 of"), "\(again.screen)")
        again.send("C-v")
        #expect(again.waitFor("Review: Work goals"), "\(again.screen)")
        #expect(again.screen.contains("Warehouse work, días de semana"), "\(again.screen)")
        again.send("p")
        #expect(again.waitFor("Printable copy in the data folder: exports/profile-"), "\(again.screen)")
        let exports = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("exports").path)
        let file = try #require(exports.first)
        #expect(file.hasPrefix("profile-\(soren.id.uuidString.lowercased().prefix(8))"))
        let text = try String(contentsOf: folder.appendingPathComponent("exports/\(file)"), encoding: .utf8)
        #expect(text.contains("Forklift driver") && text.contains("Søren Bjørnstad"))
        again.send("Escape", "Escape", "Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }
}
