import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with an empty signal mask and default signal handlers (a child of a test
/// worker otherwise inherits blocked signals, and tmux hangs), and returns its output.
@discardableResult
func spawn(_ arguments: [String]) -> (status: Int32, output: String) {
    // Output goes to a file, not a pipe: a tmux server started here keeps the descriptor open
    // for its whole life, and a pipe would never reach end of file.
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-spawn-\(UUID().uuidString)").path
    let outputFD = open(outputPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    defer {
        close(outputFD)
        unlink(outputPath)
    }
    guard let pid = try? ChildProcess.start(arguments, output: outputFD, errors: outputFD) else {
        return (127, "cannot start \(arguments[0])")
    }
    let status = ChildProcess.wait(for: pid)
    let output = FileManager.default.contents(atPath: outputPath) ?? Data()
    return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
}

let tmuxAvailable = spawn(["tmux", "-V"]).status == 0

/// A private tmux server running one command in a window of a given size.
final class Tmux {
    let socket = "fieldbook-e2e-\(UUID().uuidString.prefix(8))"

    init(command: String, columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) {
        var arguments = ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "main",
                         "-x", "\(columns)", "-y", "\(rows)", "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color"]
        for (key, value) in environment { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        spawn(arguments)
    }

    deinit { spawn(["tmux", "-L", socket, "kill-server"]) }

    func tmux(_ arguments: String...) -> String { spawn(["tmux", "-L", socket] + arguments).output }

    func send(_ keys: String...) { spawn(["tmux", "-L", socket, "send-keys", "-t", "main"] + keys) }

    func type(_ text: String) { spawn(["tmux", "-L", socket, "send-keys", "-t", "main", "-l", text]) }

    var screen: String { tmux("capture-pane", "-p", "-t", "main") }

    /// Waits until `text` is on screen; returns false after `seconds`.
    func waitFor(_ text: String, seconds: Double = 30) -> Bool {
        waitUntil(seconds: seconds) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition`; returns false after `seconds`.
    func waitUntil(seconds: Double = 30, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen) { return true }
            usleep(50_000)
        }
        return false
    }

    func resize(columns: Int, rows: Int) {
        _ = tmux("resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)")
    }

    /// From the tabs: shows the caseload (its line starting `caseload`), finds José Álvarez-Ruiz, opens his page and fills in a
    /// contact with him at `place` with `note`, up to its last field (not yet saved).
    func fillInAContactWithJose(caseload: String = "Active caseload", place: String, note: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        send("2")
        #expect(waitFor(caseload), "\(screen)", sourceLocation: sourceLocation)
        send("/")
        type("jose")
        send("Enter", "Enter")
        #expect(waitFor("── Details"), "\(screen)", sourceLocation: sourceLocation)
        send("n")
        #expect(waitFor("Log a contact with José Álvarez-Ruiz"), "\(screen)", sourceLocation: sourceLocation)
        send("Tab", "Tab")
        type(place)
        send("Enter")
        type(note)
    }

    func value(_ format: String) -> String {
        tmux("display-message", "-p", "-t", "main", format).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
