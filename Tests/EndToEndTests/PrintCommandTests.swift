import FieldbookCore
import Foundation
import Testing

/// `fieldbook print`: where a page goes, what is refused, and the warning on an encrypted folder.
@Suite struct PrintCommandTests {
    func run(_ shell: String, in data: DataCopy) -> (status: Int32, output: String) {
        spawn(["sh", "-c", "XDG_STATE_HOME='\(data.root.path)/state' XDG_CONFIG_HOME='\(data.root.path)/config' "
               + "XDG_CACHE_HOME='\(data.root.path)/cache' " + shell])
    }

    @Test func aPageGoesToAFileOrAPipeNeverOverAnExistingFile() throws {
        let data = try DataCopy()
        let out = data.root.appendingPathComponent("caseload.html").path
        let written = run("'\(binary)' print caseload --data '\(data.folder.path)' --out '\(out)'", in: data)
        #expect(written.status == 0, "\(written.output)")
        #expect(written.output.contains("Wrote \(out)"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let first = try String(contentsOfFile: out, encoding: .utf8)
        #expect(first.hasPrefix("<!DOCTYPE html>"))
        let again = run("'\(binary)' print caseload --data '\(data.folder.path)' --out '\(out)'", in: data)
        #expect(again.status == 1)
        #expect(again.output.contains("already exists; choose another name (nothing was overwritten)"), "\(again.output)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == first)
        let inside = data.folder.appendingPathComponent("pages/caseload.html").path
        let refused = run("'\(binary)' print caseload --data '\(data.folder.path)' --out '\(inside)'", in: data)
        #expect(refused.status == 2)
        #expect(refused.output.contains("inside the data folder"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: inside))
        let piped = run("'\(binary)' print client jose --data '\(data.folder.path)' --paper a4 | cat", in: data)
        #expect(piped.status == 0)
        #expect(piped.output.contains("@page { size: A4;"), "\(piped.output.prefix(300))")
        #expect(piped.output.contains("Client summary: José Álvarez-Ruiz"))
    }

    @Test func wrongWordsAreRefused() throws {
        let data = try DataCopy()
        let folder = data.folder.path
        // 64: the command line parser's own refusal of a value it cannot read.
        for (arguments, status, says) in [
            ("print client nobody-at-all", 2, "no client matches \"nobody-at-all\""),
            ("print caseload --specialist nobody", 2, "--specialist: no specialist matches \"nobody\""),
            ("print caseload --paper legal", 64, "The value 'legal' is invalid for '--paper <PAPER>'"),
            ("print profile jose --as-of 31/02/2026", 2, "--as-of"),
        ] as [(String, Int32, String)] {
            let result = run("'\(binary)' \(arguments) --data '\(folder)' > /dev/null", in: data)
            #expect(result.status == status, "\(arguments): \(result.output)")
            #expect(result.output.contains(says), "\(arguments): \(result.output)")
        }
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func aTerminalIsRefusedWithAHint() throws {
        let data = try DataCopy()
        let tmux = Tmux(command: "'\(binary)' print client jose --data '\(data.folder.path)'; echo PRINT-EXIT=$?; sleep 60")
        #expect(tmux.waitFor("PRINT-EXIT="), "\(tmux.screen)")
        let screen = tmux.screen
        #expect(screen.contains("PRINT-EXIT=2"), "\(screen)")
        #expect(screen.contains("give --out FILE.html"), "\(screen)")
        #expect(!screen.contains("DOCTYPE"))
    }

    @Test func anEncryptedFolderPrintsWhereTheUserSaysWithAWarning() throws {
        let data = try DataCopy()
        let folder = data.folder.path
        #expect(run("printf 'pw\\npw\\n' | '\(binary)' encrypt --data '\(folder)'", in: data).status == 0)
        let out = data.root.appendingPathComponent("summary.html").path
        let result = run("printf 'pw\\n' | '\(binary)' print client jose --data '\(folder)' --out '\(out)'", in: data)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("warning: the page is not encrypted: anyone who can read \(out) reads these records"), "\(result.output)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("José Álvarez-Ruiz"))
        #expect(spawn(["grep", "-rlF", "Álvarez", folder]).status == 1, "nothing plain inside the folder")
    }
}
