import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code that runs `git`. Every run has the same fixed environment, whatever the
/// user's shell holds: no system or global configuration, no prompt (a hub that needs a
/// password fails at once), ssh in batch mode with a connect timeout, no hooks, no rename
/// detection, no line-ending conversion, the C locale, and umask 077 so that everything git
/// writes is owner-only. Standard input is /dev/null.
public struct Git: Sendable {
    /// What one run of git gave.
    public struct Result: Sendable {
        public var status: Int32
        public var output: Data
        public var errors: Data
        public var succeeded: Bool { status == 0 }
        public var text: String { String(decoding: output, as: UTF8.self) }
        /// Standard error's last non-empty line (git's reason for failing).
        public var reason: String {
            String(decoding: errors, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
        }
    }

    /// Why git could not be run, or failed where it must not.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var command: String
        public var reason: String
        public var description: String { "git \(command): \(reason)" }
    }

    /// The folder git runs in (`-C`).
    public let folder: URL
    /// The git program (looked up on PATH unless it is a path).
    public var program: String
    /// The ssh connect timeout, in seconds.
    public var connectTimeout: Int
    /// Extra environment for the runs (tests set a fixed clock here).
    public var extraEnvironment: [String: String]

    public init(folder: URL, program: String = "git", connectTimeout: Int = 10, extraEnvironment: [String: String] = [:]) {
        self.folder = folder
        self.program = program
        self.connectTimeout = connectTimeout
        self.extraEnvironment = extraEnvironment
    }

    /// The same runner, in another folder.
    public func inFolder(_ other: URL) -> Git {
        Git(folder: other, program: program, connectTimeout: connectTimeout, extraEnvironment: extraEnvironment)
    }

    /// Settings given on every run, before the command.
    static let fixedSettings: [String] = [
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.autocrlf=false",
        "-c", "core.eol=lf",
        "-c", "core.quotePath=false",
        "-c", "core.fileMode=false",
        "-c", "diff.renames=false",
        "-c", "merge.renames=false",
        "-c", "status.renames=false",
        "-c", "pull.rebase=false",
        // No housekeeping process after every commit, merge and fetch: a sync runs it
        // itself when it is due (`Sync.tidyUpWhenDue`), in the foreground.
        "-c", "maintenance.auto=false",
        "-c", "gc.autoDetach=false",
        "-c", "credential.interactive=false",
        "-c", "init.defaultBranch=main",
        "-c", "advice.detachedHead=false",
    ]

    /// The whole environment of a run: only what git and ssh need from this one.
    public var environment: [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var environment: [String: String] = [
            "PATH": parent["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LC_ALL": "C",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_ASKPASS": "/bin/false",
            "SSH_ASKPASS": "/bin/false",
            "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o ConnectTimeout=\(connectTimeout)",
            "GIT_MERGE_AUTOEDIT": "no",
            "GIT_EDITOR": "true",
        ]
        // ssh finds its keys and agent through these.
        for name in ["HOME", "SSH_AUTH_SOCK", "TMPDIR"] { if let value = parent[name] { environment[name] = value } }
        for (name, value) in extraEnvironment { environment[name] = value }
        return environment
    }

    /// Runs `git <arguments>` in `folder`; never throws for git's own failure (see `status`).
    /// `errorsAsTheyCome` is handed git's error output piece by piece as it is written (where
    /// git's `--progress` counts are), besides the whole of it in the result.
    public func run(_ arguments: [String], errorsAsTheyCome: ((Data) -> Void)? = nil) throws(Failure) -> Result {
        let command = arguments.first ?? ""
        if Self.running.isStopping { throw Failure(command: command, reason: "stopped: Fieldbook is quitting") }
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw Failure(command: command, reason: String(cString: strerror(errno))) }
        guard pipe(&errorPipe) == 0 else {
            close(outputPipe[0]); close(outputPipe[1])
            throw Failure(command: command, reason: String(cString: strerror(errno)))
        }
        // A shell sets the umask, then becomes git: `umask` is per process, and posix_spawn
        // cannot set it for the child alone.
        let line = ["/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\"", program, "-C", folder.path]
            + Self.fixedSettings + arguments
        let pid: pid_t
        do {
            pid = try ChildProcess.start(
                line, output: outputPipe[1], errors: errorPipe[1], closing: [outputPipe[0], errorPipe[0]],
                environment: environment)
        } catch {
            for descriptor in outputPipe + errorPipe { close(descriptor) }
            throw Failure(command: command, reason: error.description)
        }
        Self.running.add(pid)
        close(outputPipe[1])
        close(errorPipe[1])
        let (output, errors) = Self.readBoth(outputPipe[0], errorPipe[0], secondAsItComes: errorsAsTheyCome)
        close(outputPipe[0])
        close(errorPipe[0])
        let status = ChildProcess.wait(for: pid)
        Self.running.remove(pid)
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, output: output, errors: errors)
    }

    /// Runs git and throws unless it succeeded; its output.
    @discardableResult
    public func check(_ arguments: [String]) throws(Failure) -> Result {
        let result = try run(arguments)
        guard result.succeeded else { throw Failure(command: arguments.first ?? "", reason: result.reason) }
        return result
    }

    /// The git processes this program is running now.
    static let running = RunningChildren()

    /// Asks every git this program is running to stop (SIGTERM: git removes its own lock files
    /// as it goes). For a program leaving in the middle of a sync; the next sync carries on
    /// from whatever was done.
    public static func stopRunning() {
        running.isStopping = true
        for pid in running.all { kill(pid, SIGTERM) }
    }

    /// Reads two pipes to their ends together, so neither child stream blocks on a full pipe.
    private static func readBoth(_ first: Int32, _ second: Int32, secondAsItComes: ((Data) -> Void)? = nil) -> (Data, Data) {
        var data = [Data(), Data()]
        var open = [true, true]
        let descriptors = [first, second]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            var polls = [pollfd]()
            var which = [Int]()
            for index in 0..<2 where open[index] {
                polls.append(pollfd(fd: descriptors[index], events: Int16(POLLIN), revents: 0))
                which.append(index)
            }
            let ready = poll(&polls, nfds_t(polls.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for (slot, index) in which.enumerated() where polls[slot].revents != 0 {
                let count = read(descriptors[index], &buffer, buffer.count)
                if count > 0 {
                    data[index].append(contentsOf: buffer[0..<count])
                    if index == 1, let secondAsItComes { secondAsItComes(Data(buffer[0..<count])) }
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (data[0], data[1])
    }

    /// Paths from git's `-z` output.
    public static func paths(_ output: Data) -> [String] {
        output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Process ids of running children, behind a lock.
final class RunningChildren: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: Set<pid_t> = []
    private var stopping = false

    /// Set once the program is leaving: no git starts after it.
    var isStopping: Bool {
        get { lock.withLock { stopping } }
        set { lock.withLock { stopping = newValue } }
    }

    func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
    func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }
    var all: [pid_t] { lock.withLock { Array(pids) } }
}
