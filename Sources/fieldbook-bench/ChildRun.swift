import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of another program, measured from outside: wall time from spawn to exit, the
/// processor time it used (user and system, from `wait4`), and its peak resident memory (sampled).
struct ChildRun {
    var seconds: Double
    var processorSeconds: Double
    var peakMebibytes: Double
    var status: Int32

    /// Runs `arguments` (a path, or a name looked up on PATH) with standard input from
    /// /dev/null and its output thrown away.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ChildRun {
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(null) }
        let start = Clock.now
        let pid = try ChildProcess.start(arguments, output: null, errors: null, environment: environment)
        var status: Int32 = 0
        var usage = rusage()
        // The peak is read from /proc while the child runs, every 2 ms: wait4's ru_maxrss is no
        // use here, since a child started by posix_spawn (vfork) inherits this process's peak.
        var peak = 0.0
        while true {
            let ended = wait4(pid, &status, WNOHANG, &usage)
            if ended == pid || (ended < 0 && errno != EINTR) { break }
            peak = max(peak, Self.peakMebibytes(of: pid))
            usleep(2_000)
        }
        let seconds = Clock.seconds(since: start)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ChildRun(seconds: seconds, processorSeconds: value(usage.ru_utime) + value(usage.ru_stime),
                        peakMebibytes: peak, status: status)
    }

    /// VmHWM of a running process, in MiB (0 when /proc cannot say).
    static func peakMebibytes(of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return kibibytes / 1024
    }

    /// `runs` runs: wall and processor timings, and the largest peak memory seen.
    static func timings(_ arguments: [String], runs: Int, environment: [String: String]? = nil) throws
        -> (wall: Timings, processor: Timings, peakMebibytes: Double)
    {
        var wall = Timings(), processor = Timings(), peak = 0.0
        for _ in 0..<runs {
            let run = try run(arguments, environment: environment)
            wall.record(seconds: run.seconds)
            processor.record(seconds: run.processorSeconds)
            peak = max(peak, run.peakMebibytes)
        }
        return (wall, processor, peak)
    }
}

/// A process that keeps one core busy for as long as it lives (`--busy-core`): the figures of
/// a machine where another program holds a core, as a shared machine often has.
final class BusyCore {
    private let pid: pid_t

    init() throws {
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(null) }
        pid = try ChildProcess.start(["/bin/sh", "-c", "while :; do :; done"], output: null, errors: null)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
