import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive of a backup, counted on its way: `tar -cf -` writes it uncompressed into a pipe,
/// this process hands it on piece by piece to `gzip -c`, which writes the file. So a backup
/// says how far it is (the archive's bytes against the size of what it archives) and stops
/// between two pieces when asked, with the tar and gzip every Linux and macOS has.
enum ArchivePipe {
    /// Runs `tar` (its arguments, which write the archive to standard output) into `gzip`, whose
    /// output goes to `output`. Nil when both succeeded; else what went wrong, with their error
    /// output. `stopped` is set when `shouldStop` stopped it (both are then ended).
    static func run(tar: [String], output: Int32, expectedBytes: Int, progress: (any ProgressListener)?,
                    shouldStop: () -> Bool, stopped: inout Bool) -> String? {
        guard let archive = pipeNotInherited(), let tarErrors = pipeNotInherited() else { return String(cString: strerror(errno)) }
        guard let toGzip = pipeNotInherited(), let gzipErrors = pipeNotInherited() else {
            for fd in archive + tarErrors { close(fd) }
            return String(cString: strerror(errno))
        }
        // Every end is closed on exec: each child keeps only what it is given as 0, 1 and 2.
        let tarPID: pid_t
        let gzipPID: pid_t
        do {
            tarPID = try ChildProcess.start(tar, output: archive[1], errors: tarErrors[1])
        } catch {
            for fd in archive + tarErrors + toGzip + gzipErrors { close(fd) }
            return "could not start \(tar[0]): \(error)"
        }
        do {
            gzipPID = try ChildProcess.start(["gzip", "-c"], input: toGzip[0], output: output, errors: gzipErrors[1])
        } catch {
            kill(tarPID, SIGTERM)
            for fd in archive + tarErrors + toGzip + gzipErrors { close(fd) }
            _ = ChildProcess.wait(for: tarPID)
            return "could not start gzip: \(error)"
        }
        for fd in [archive[1], tarErrors[1], toGzip[0], gzipErrors[1]] { close(fd) }
        // A gzip that ended early makes the write fail (EPIPE) instead of ending this process.
        let previousPipeHandler = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previousPipeHandler) }

        var tarErrorText = Data()
        var relayFailure: String?
        var done = 0
        let total = max(expectedBytes / 1024, 1)
        var open = [true, true]
        let sources = [archive[0], tarErrors[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        relay: while open[0] || open[1] {
            if shouldStop() {
                stopped = true
                break
            }
            var polls = [pollfd]()
            var which = [Int]()
            for index in 0..<2 where open[index] {
                polls.append(pollfd(fd: sources[index], events: Int16(POLLIN), revents: 0))
                which.append(index)
            }
            // A tenth of a second at most, so a stop is seen while tar reads a large file.
            let ready = poll(&polls, nfds_t(polls.count), 100)
            if ready < 0 {
                if errno == EINTR { continue }
                relayFailure = String(cString: strerror(errno))
                break
            }
            for (slot, index) in which.enumerated() where polls[slot].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(sources[index], $0.baseAddress!, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    open[index] = false
                    continue
                }
                if index == 1 {
                    tarErrorText.append(contentsOf: buffer[0..<count])
                    continue
                }
                guard writeAll(buffer, count: count, to: toGzip[1]) else {
                    relayFailure = "gzip stopped: \(String(cString: strerror(errno)))"
                    break relay
                }
                done += count
                progress?.show(min(done / 1024, total), of: total)
            }
        }
        if stopped || relayFailure != nil { kill(tarPID, SIGTERM) }
        close(toGzip[1])
        if stopped { kill(gzipPID, SIGTERM) }
        close(archive[0])
        close(tarErrors[0])
        let tarStatus = ChildProcess.wait(for: tarPID)
        let gzipStatus = ChildProcess.wait(for: gzipPID)
        let gzipErrorText = readToEnd(gzipErrors[0])
        close(gzipErrors[0])
        if stopped { return "stopped before the archive was whole" }
        if let failure = explain("tar", tarStatus, tarErrorText) { return failure }
        if let failure = explain("gzip", gzipStatus, gzipErrorText) { return failure }
        return relayFailure
    }

    /// The size the uncompressed archive of `folder` will about have: a 512-byte header per
    /// entry (two for a long name), each file rounded up to 512 bytes. `leftOut`: paths relative
    /// to the folder that tar is told to leave out (with what is under them).
    static func expectedSize(of folder: URL, leavingOut leftOut: Set<String>) -> Int {
        func blocks(_ bytes: Int) -> Int { (bytes + 511) / 512 * 512 }
        var total = 1_024
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: []) else { return total }
        let prefix = folder.standardizedFileURL.path.count + 1
        for case let url as URL in walk {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix))
            let name = url.lastPathComponent
            if leftOut.contains(relative) || (relative == ".git") || (name.hasPrefix(".") && name.hasSuffix(".tmp")) {
                walk.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            total += 512 + (relative.utf8.count + 2 > 99 ? 512 + blocks(relative.utf8.count + 3) : 0)
            if values?.isRegularFile == true { total += blocks(values?.fileSize ?? 0) }
        }
        return total
    }

    private static func pipeNotInherited() -> [Int32]? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return ends
    }

    private static func writeAll(_ buffer: [UInt8], count: Int, to fd: Int32) -> Bool {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < count {
                let n = write(fd, raw.baseAddress! + offset, count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    private static func readToEnd(_ fd: Int32) -> Data {
        var text = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            text.append(contentsOf: buffer[0..<n])
        }
        return text
    }

    /// Nil when `program` exited with 0; else how it ended, with its error output.
    private static func explain(_ program: String, _ status: Int32, _ errorText: Data) -> String? {
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if exited && code == 0 { return nil }
        let detail = String(decoding: errorText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let how = exited ? "\(program) exited with \(code)" : "\(program) was stopped by signal \(status & 0x7F)"
        return detail.isEmpty ? how : "\(how): \(detail)"
    }
}
