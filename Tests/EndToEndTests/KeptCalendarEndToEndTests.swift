import FieldbookCore
import Foundation
import Testing

/// The app writes the calendar file this machine keeps (`fieldbook calendar --keep`) again after
/// a save, and a file it cannot write is said on the status line without stopping the save.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct KeptCalendarEndToEndTests {
    func keep(_ data: DataCopy, _ file: URL) {
        let kept = spawn(["/usr/bin/env", "XDG_CONFIG_HOME=\(data.root.path)/config", binary, "calendar", "--keep", file.path,
                          "--data", data.folder.path])
        #expect(kept.status == 0, "\(kept.output)")
    }

    func app(_ data: DataCopy) -> Tmux {
        Tmux(command: "XDG_CONFIG_HOME='\(data.root.path)/config' " + data.command())
    }

    @Test func aSaveInTheAppWritesTheKeptCalendarAgain() throws {
        let data = try DataCopy()
        let file = data.root.appendingPathComponent("calendar/fieldbook.ics")
        keep(data, file)
        try FileManager.default.removeItem(at: file)
        let session = app(data)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        // Written once on start.
        #expect(waitUntil { FileManager.default.fileExists(atPath: file.path) }, "not written on start")
        try FileManager.default.removeItem(at: file)
        Thread.sleep(forTimeInterval: 1)
        #expect(!FileManager.default.fileExists(atPath: file.path), "written again with nothing changed")
        session.fillInAContactWithJose(caseload: "Active caseload: Maria Okafor", place: "Library", note: "Calendar check")
        session.send("Enter")
        #expect(session.waitFor("Contact logged."), "\(session.screen)")
        #expect(waitUntil { FileManager.default.fileExists(atPath: file.path) }, "not written after the save")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }

    @Test func aCalendarFileThatCannotBeWrittenIsSaidAndTheSaveStands() throws {
        let data = try DataCopy()
        let file = data.root.appendingPathComponent("calendar/fieldbook.ics")
        keep(data, file)
        // The file's place is taken by a folder: every write fails.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        let session = app(data)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.fillInAContactWithJose(caseload: "Active caseload: Maria Okafor", place: "Library", note: "Saved anyway")
        session.send("Enter")
        #expect(session.waitFor("Calendar file not written"), "\(session.screen)")
        #expect(try String(contentsOf: data.clientFile(named: "José Álvarez-Ruiz"), encoding: .utf8).contains("Saved anyway"))
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }

    func waitUntil(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}
