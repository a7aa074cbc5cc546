import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Launch to first frame, measured on the real `fieldbook` binary: it is started on a new
/// pseudo-terminal of 100x30, and the time runs from `posix_spawn` until the pseudo-terminal
/// has received the tab row of the first frame ("[1 Today]"); then the app is sent SIGTERM.
/// That is what a person sees: process start, reading the folder, the first draw, all included.
struct FirstFrame {
    let binary: URL
    /// Variables added to (or, when empty, removed from) the app's environment.
    let environment: [String: String]
    static let marker = Array("1 Today]".utf8)

    enum Failure: Error, CustomStringConvertible {
        case spawn(String)
        case noFrame(String)
        var description: String {
            switch self {
            case .spawn(let why): "could not start fieldbook: \(why)"
            case .noFrame(let output): "no first frame within 300 s; the terminal showed: \(output)"
            }
        }
    }

    /// Seconds from start to the first frame.
    func measure(_ arguments: [String]) throws -> Double {
        // Linux's pseudo-terminal multiplexer: unlock the new terminal and ask its number
        // (TIOCSPTLCK, TIOCGPTN; what posix_openpt, unlockpt and ptsname do).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure.spawn("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(master) }
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
        let start = Clock.now
        let spawned = posix_spawn(&pid, binary.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure.spawn(String(cString: strerror(spawned))) }
        defer {
            kill(pid, SIGTERM)
            // Drain what the app writes on its way out so it never blocks on a full terminal.
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 10) > 0 { _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) } }
            }
        }

        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Clock.seconds(since: start) < 300 {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            seen += buffer[0..<n]
            if contains(seen, Self.marker) { return Clock.seconds(since: start) }
        }
        let shown = String(decoding: seen.suffix(400), as: UTF8.self).unicodeScalars
            .map { $0.value < 32 ? "." : String($0) }.joined()
        throw Failure.noFrame(shown)
    }

    private func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
