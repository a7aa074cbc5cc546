import Foundation
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
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 1)
    posix_spawn_file_actions_adddup2(&actions, outputFD, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let cArguments = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, cArguments, environ)
    posix_spawn_file_actions_destroy(&actions)
    posix_spawnattr_destroy(&attributes)
    guard result == 0 else { return (127, "cannot start \(arguments[0])") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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
    func waitFor(_ text: String, seconds: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func resize(columns: Int, rows: Int) {
        _ = tmux("resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)")
    }

    func value(_ format: String) -> String {
        tmux("display-message", "-p", "-t", "main", format).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
