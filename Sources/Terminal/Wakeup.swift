#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A doorbell for the key loop: a pipe whose read end waits beside the terminal's input in one
/// `poll`, so an answer from another thread (the store's, a report board) or a stop signal is
/// drawn at once, not at the next timeout. Ringing is one `write` of one byte, safe from any
/// thread and from a signal handler; rings that pile up before the loop looks are one wake-up.
public final class Wakeup: @unchecked Sendable {
    /// The read end (polled) and the write end (rung); both non-blocking, closed on exec.
    let readEnd: Int32
    let writeEnd: Int32

    /// Nil when the process has no descriptors left for a pipe.
    public init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Wakes the loop (or makes its next wait return at once). A full pipe already holds a ring.
    public func ring() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe: the rings so far are answered by the look the loop is about to take.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
