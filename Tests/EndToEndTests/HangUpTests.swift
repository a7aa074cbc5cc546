#if os(Linux)
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal can go away without a SIGHUP reaching the app (it was not the terminal's
/// session leader, or the signal was lost): every read then fails at once. The app must stop
/// as it does on SIGHUP instead of going round its loop for ever at full speed.
@Suite(.serialized) struct HangUpTests {
    @Test func theAppStopsWhenItsTerminalHangsUp() throws {
        let data = try DataCopy()
        // A new pseudo-terminal: unlock it and ask its number (TIOCSPTLCK, TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(master >= 0 && ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let terminal = try #require(FileHandle(forUpdatingAtPath: "/dev/pts/\(number)"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--data", data.folder.path, "--specialist", "Maria", "--today", "2026-11-21"]
        let home = data.root.path
        process.environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home,
                               "XDG_STATE_HOME": home + "/state", "XDG_CACHE_HOME": home + "/cache",
                               "XDG_CONFIG_HOME": home + "/config"]
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // Wait for the first frame, then hang up: close this side of the terminal.
        var shown = Data()
        let deadline = Date().addingTimeInterval(30)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline, String(decoding: shown, as: UTF8.self).range(of: "1 Today") == nil {
            var watch = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count > 0 { shown.append(contentsOf: buffer[0..<count]) }
        }
        #expect(String(decoding: shown, as: UTF8.self).contains("1 Today"), "no first frame")
        try terminal.close()
        close(master)

        let stopBy = Date().addingTimeInterval(15)
        while process.isRunning && Date() < stopBy { usleep(50_000) }
        #expect(!process.isRunning, "still running 15 s after its terminal hung up")
        if !process.isRunning {
            // As on SIGHUP: the exit status of that signal.
            #expect(process.terminationStatus == 128 + SIGHUP)
        }
    }
}
#endif
