import FieldbookCore
import Foundation
import Testing

/// A demo folder made by the generator (not the committed sample-data), removed afterwards.
final class GeneratedDemo {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-today-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("data") }
    let generated: (status: Int32, output: String)

    init() {
        let besideTests = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("GenerateSampleData").path
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        generated = spawn([besideTests, root.appendingPathComponent("data").path])
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The generator's morning: the day after its newest activity.
    func command() -> String {
        "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
    }
}

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct TodayEndToEndTests {
    @Test func aContactLoggedFromTheAgendaMovesTheRowOn() throws {
        let demo = GeneratedDemo()
        #expect(demo.generated.status == 0, "\(demo.generated.output)")
        let session = Tmux(command: demo.command(), columns: 80, rows: 24)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")
        #expect(session.screen.contains("[1 Today]"))
        #expect(session.screen.contains("days"), "overdue rows show how late they are: \(session.screen)")

        // Down to the weekly check-in due today.
        var selected = false
        for _ in 0..<20 where !selected {
            session.send("j")
            selected = session.waitFor("▸ 田中 ゆき", seconds: 0.5)
        }
        #expect(selected, "\(session.screen)")
        let row = session.screen.split(separator: "\n").first { $0.contains("▸ 田中 ゆき") }.map(String.init) ?? ""
        #expect(row.contains("21 Nov"), "\(row)")
        session.send("l")
        #expect(session.waitFor("Log a contact with 田中 ゆき"), "\(session.screen)")
        session.send("Tab", "Tab", "Tab")
        session.type("Weekly check-in at the depot")
        session.send("C-s")
        #expect(session.waitFor("Contact logged."), "\(session.screen)")
        // The row moved on: the next weekly check-in is a week from today.
        #expect(!session.screen.contains("Today ("), "\(session.screen)")
        var found = false
        for _ in 0..<30 where !found {
            found = session.screen.split(separator: "\n").contains { $0.contains("田中 ゆき") && $0.contains("28 Nov") }
            if !found {
                session.send("j")
                usleep(200_000)
            }
        }
        #expect(found, "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }
}

extension TodayEndToEndTests {
    /// The first agenda row whose reason says `reason`, selected by moving down; its name column.
    func select(_ reason: String, in session: Tmux) -> String? {
        for _ in 0..<40 {
            if let row = session.screen.split(separator: "\n").first(where: { $0.hasPrefix("▸") }), row.contains(reason) {
                let name = row.dropFirst(2).components(separatedBy: "  ").first ?? ""
                return name.trimmingCharacters(in: .whitespaces)
            }
            let before = session.screen
            session.send("j")
            let deadline = Date().addingTimeInterval(10)
            while session.screen == before && Date() < deadline { usleep(30_000) }
        }
        return nil
    }

    /// On the committed demo: the visit form opened from an employer's next step and from a
    /// client's first employer contact logs the visit, and both rows leave the agenda.
    @Test func aVisitLoggedFromTheAgendaMeetsTheEmployerAndFirstContactRows() throws {
        let data = try DataCopy()
        let session = Tmux(command: data.command(), columns: 100, rows: 30)
        #expect(session.waitFor("Overdue ("), "\(session.screen)")

        // An employer's next step: the form follows it up, with the employer already on it;
        // Ctrl-S logs the visit.
        let employer = try #require(select("Next step:", in: session), "\(session.screen)")
        #expect(!employer.isEmpty)
        session.send("l")
        #expect(session.waitFor(" Follow up"), "\(session.screen)")
        #expect(session.screen.contains("Purpose *  Follow-up") || session.screen.contains("Follow-up"), "\(session.screen)")
        #expect(session.screen.contains("Employer *  \(employer)"), "\(session.screen)")
        session.send("C-s")
        #expect(session.waitFor("Face-to-face contact with \(employer) logged."), "\(session.screen)")
        #expect(session.waitFor("[1 Today]"))
        #expect(!session.screen.split(separator: "\n").contains { $0.contains(employer) && $0.contains("Next step:") }, "\(session.screen)")

        // A client's first face-to-face employer contact: the client is on the visit already.
        let client = try #require(select("First face-to-face employer contact", in: session), "\(session.screen)")
        session.send("l")
        #expect(session.waitFor("Log an employer contact"), "\(session.screen)")
        #expect(session.screen.contains("• \(client)"), "\(session.screen)")
        session.type("Zebra Agenda E2E")
        #expect(session.waitFor("+ new employer"), "\(session.screen)")
        session.send("Enter", "C-s")
        #expect(session.waitFor("contact with Zebra Agenda E2E logged."), "\(session.screen)")
        #expect(session.waitFor("[1 Today]"))
        #expect(!session.screen.split(separator: "\n").contains { $0.contains(client) && $0.contains("First face-to-face") }, "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")

        // On disk: the new employer and a face-to-face visit to it on the client's behalf.
        let snapshot = try Store(folder: data.folder, mode: .readOnly).load()
        let zebra = try #require(snapshot.employers.first { $0.name == "Zebra Agenda E2E" })
        let person = try #require(snapshot.clients.first { $0.name == client })
        #expect(snapshot.employerContacts.contains { $0.employerID == zebra.id && $0.jobSeekerIDs == [person.id] && $0.isFaceToFace })
        let due = spawn([binary, "due", "--data", data.folder.path, "--as-of", "2026-11-21", "--within", "30", "--json"])
        #expect(due.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(due.output.utf8)) as? [[String: Any]])
        let firstContacts = items.filter { $0["kind"] as? String == "first-employer-contact" }
        #expect(!firstContacts.isEmpty, "the demo has other clients still due one")
        #expect(!firstContacts.contains { ($0["client_id"] as? String)?.lowercased() == person.id.uuidString.lowercased() }, "\(firstContacts)")
    }
}
