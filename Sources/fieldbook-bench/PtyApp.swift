import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `fieldbook` binary on a new pseudo-terminal of 100x30, in a session of its own:
/// what it draws is read back as bytes, and keys are written to it as a person types them.
final class PtyApp {
    enum Failure: Error, CustomStringConvertible {
        case spawn(String)
        case notShown(String, String)
        var description: String {
            switch self {
            case .spawn(let why): "could not start fieldbook: \(why)"
            case .notShown(let what, let output): "\(what) did not show within 300 s; the terminal showed: \(output)"
            }
        }
    }

    private let master: Int32
    private let pid: pid_t
    /// When the process was spawned.
    let started: UInt64
    /// Everything the app has drawn so far.
    private(set) var seen: [UInt8] = []

    init(binary: URL, arguments: [String], environment: [String: String]) throws {
        // Linux's pseudo-terminal multiplexer: unlock the new terminal and ask its number
        // (TIOCSPTLCK, TIOCGPTN; what posix_openpt, unlockpt and ptsname do).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            if master >= 0 { close(master) }
            throw Failure.spawn("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A new session opening the terminal makes it the app's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = ChildProcess.spawnAttributes(flags: 0x80 /* POSIX_SPAWN_SETSID */)
        defer { posix_spawnattr_destroy(&attributes) }

        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value.isEmpty ? nil : value }
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary.path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid = pid_t()
        started = Clock.now
        let spawned = posix_spawn(&pid, binary.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw Failure.spawn(String(cString: strerror(spawned)))
        }
        self.master = master
        self.pid = pid
    }

    /// Sends SIGTERM and waits for the app to end, draining what it writes on its way out so it
    /// never blocks on a full terminal.
    deinit {
        kill(pid, SIGTERM)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 10) > 0 { _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) } }
        }
        close(master)
    }

    /// Processor time the app has used so far, every thread, in seconds (the scheduler's own
    /// count in /proc, in nanoseconds); nil where /proc does not have it.
    var processorSeconds: Double? {
        let tasks = "/proc/\(pid)/task"
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: tasks) else { return nil }
        var nanoseconds: UInt64 = 0
        for thread in threads {
            guard let text = try? String(contentsOfFile: "\(tasks)/\(thread)/schedstat", encoding: .utf8),
                  let first = text.split(separator: " ").first, let value = UInt64(first) else { continue }
            nanoseconds += value
        }
        return Double(nanoseconds) / 1e9
    }

    /// Types `bytes` into the app's terminal.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
    }

    /// The number of bytes drawn so far: a mark for `waitFor(_:after:)`.
    var drawn: Int { seen.count }

    /// Waits until `marker` appears in what the app draws after byte `offset` of it (by default,
    /// anything drawn since the start).
    func waitFor(_ marker: String, after offset: Int = 0) throws {
        let needle = Array(marker.utf8)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let asked = Clock.now
        while !contains(needle, after: offset) && Clock.seconds(since: asked) < 300 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            seen += buffer[0..<n]
        }
        if contains(needle, after: offset) { return }
        let shown = String(decoding: seen.suffix(400), as: UTF8.self).unicodeScalars
            .map { $0.value < 32 ? "." : String($0) }.joined()
        throw Failure.notShown(marker, shown)
    }

    private func contains(_ needle: [UInt8], after offset: Int) -> Bool {
        guard seen.count - offset >= needle.count else { return false }
        for start in offset...(seen.count - needle.count) where seen[start] == needle[0] {
            if seen[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
