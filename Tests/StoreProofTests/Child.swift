import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc

/// The C library's kill, which `Child.kill` hides.
private func sendSignal(_ pid: pid_t, _ signal: Int32) { _ = Glibc.kill(pid, signal) }
#elseif canImport(Darwin)
import Darwin

private func sendSignal(_ pid: pid_t, _ signal: Int32) { _ = Darwin.kill(pid, signal) }
#endif

/// The StoreTorture binary built beside these tests.
let tortureBinary: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("StoreTorture")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests.path }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.appendingPathComponent(".build/debug/StoreTorture").path
}()

/// A child process (started by `ChildProcess`, with no signal blocked), its output in a file.
final class Child {
    let pid: pid_t
    let outputPath: String
    private var finished: Int32?

    init?(_ arguments: [String]) {
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-child-\(UUID().uuidString)").path
        let outputFD = open(outputPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(outputFD) }
        guard let pid = try? ChildProcess.start(arguments, output: outputFD, errors: outputFD) else {
            unlink(outputPath)
            return nil
        }
        self.pid = pid
    }

    deinit {
        if finished == nil {
            sendSignal(pid, SIGKILL)
            _ = wait()
        }
        unlink(outputPath)
    }

    var output: String { String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self) }

    /// Waits until the output holds `text`; false after `seconds` or if the child ended.
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.contains(text) { return true }
            var status: Int32 = 0
            if finished == nil, waitpid(pid, &status, WNOHANG) == pid { finished = status }
            if finished != nil { return output.contains(text) }
            usleep(500)
        }
        return false
    }

    /// Waits for the child to end; its raw wait status.
    @discardableResult
    func wait() -> Int32 {
        if let finished { return finished }
        let status = ChildProcess.wait(for: pid)
        finished = status
        return status
    }

    func kill(signal: Int32 = SIGKILL) {
        sendSignal(pid, signal)
        wait()
    }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-proof-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}
