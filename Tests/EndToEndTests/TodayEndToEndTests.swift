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
        "XDG_STATE_HOME='\(root.path)/state' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
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
