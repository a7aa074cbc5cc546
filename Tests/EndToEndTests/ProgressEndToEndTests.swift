import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// Long work on an agency-sized folder: a progress line on a terminal and none in a pipe;
/// Ctrl-C part way leaves no partial file and exits with 130.
@Suite struct ProgressEndToEndTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-progress-e2e-\(UUID().uuidString)")

    /// An agency's folder (100 specialists, 2,000 clients, 62,400 employer contacts).
    func agency() throws -> (folder: URL, records: Int) {
        let data = root.appendingPathComponent("agency")
        let snapshot = try SyntheticFolder.write(.agency, to: data)
        return (data, FullCopy(snapshot).recordCount)
    }

    /// What is in the test's folder besides the data and the hold file (an export, an archive, a staged file).
    func leftBeside(_ names: Set<String> = ["agency", "hold"]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !names.contains($0) }.sorted()
    }

    /// Starts `command` in tmux, held by the progress line of `step` after its first piece;
    /// returns the session (once held, or after two minutes) and the hold file.
    func heldInTmux(_ command: String, step: String) -> (Tmux, String) {
        let hold = root.appendingPathComponent("hold").path
        _ = FileManager.default.createFile(atPath: hold, contents: Data())
        let session = Tmux(command: "FIELDBOOK_TEST_HOLD_WORK='\(step):\(hold)' \(command); echo FIELDBOOK-EXIT=$?; sleep 60",
                           columns: 120, rows: 30)
        _ = session.waitUntil(seconds: 120) { _ in FileManager.default.fileExists(atPath: hold + ".held") }
        return (session, hold)
    }

    /// One agency folder (written once: it takes a while) for both kinds of work.
    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func exportAndBackupShowProgressOnATerminalNoneInAPipeAndControlCLeavesNoFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (data, records) = try agency()
        try export(data, records: records)
        try backup(data)
    }

    func export(_ data: URL, records: Int) throws {
        let out = root.appendingPathComponent("all.json").path
        let (session, hold) = heldInTmux("\(binary) export all --json --data '\(data.path)' --out '\(out)'", step: "exporting")
        let screen = session.screen
        #expect(screen.contains("exporting: ") && screen.contains("/\(ProgressText.grouped(records)) records"), "\(screen)")
        session.send("C-c")
        usleep(200_000)
        try FileManager.default.removeItem(atPath: hold)
        #expect(session.waitFor("FIELDBOOK-EXIT=130"), "\(session.screen)")
        #expect(session.screen.contains("stopped (Ctrl-C): \(out) was not written"), "\(session.screen)")
        #expect(!session.screen.contains("exporting: "), "the line is cleared\n\(session.screen)")
        #expect(try leftBeside() == ["hold.held"], "no export and no staged file are left")
        try FileManager.default.removeItem(atPath: hold + ".held")

        // In a pipe: no progress line, and the whole export.
        let piped = spawn(["/bin/sh", "-c", "'\(binary)' export all --json --data '\(data.path)' --out '\(out)' 2>&1 | cat"])
        #expect(piped.status == 0)
        #expect(piped.output == "", "nothing on standard error in a pipe: \(piped.output.debugDescription)")
        let copy = try FullCopy.read(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(copy.recordCount == records)
        try FileManager.default.removeItem(atPath: out)
    }

    func backup(_ data: URL) throws {
        let out = root.appendingPathComponent("backup.tar.gz").path
        let (session, hold) = heldInTmux("\(binary) backup --data '\(data.path)' --out '\(out)'", step: "backing up")
        let screen = session.screen
        #expect(screen.contains("backing up: ") && screen.contains(" KB"), "\(screen)")
        session.send("C-c")
        usleep(200_000)
        try FileManager.default.removeItem(atPath: hold)
        #expect(session.waitFor("FIELDBOOK-EXIT=130"), "\(session.screen)")
        #expect(session.screen.contains("stopped (Ctrl-C): no backup was written"), "\(session.screen)")
        #expect(!session.screen.contains("backing up: "), "the line is cleared\n\(session.screen)")
        #expect(try leftBeside() == ["hold.held"], "no half backup is left")

        let piped = spawn(["/bin/sh", "-c", "'\(binary)' backup --data '\(data.path)' --out '\(out)' 2>&1 | cat"])
        #expect(piped.status == 0)
        #expect(!piped.output.contains("backing up") && !piped.output.contains("\r"), "\(piped.output.debugDescription)")
        #expect(spawn(["tar", "tzf", out]).status == 0)
    }
}
