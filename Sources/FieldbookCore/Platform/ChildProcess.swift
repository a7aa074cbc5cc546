import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting another program. A child inherits the signals its parent blocks (a Swift Testing
/// worker blocks some, and tmux then hangs), so every child starts with none blocked and each
/// handler at its default. Used by backups (tar) and by the tests that run programs.
public enum ChildProcess {
    /// Why a program could not start: the C library's error number.
    public struct StartError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    /// Starts `arguments` (the program is looked up on PATH unless it is a path) with standard
    /// input from `input` (nil: /dev/null) and standard output and error on `output` and
    /// `errors`; `closing` are descriptors the child must not keep (the reading end of a pipe);
    /// `environment`, the child's whole environment (nil: this process's). Returns its pid.
    public static func start(
        _ arguments: [String], input: Int32? = nil, output: Int32, errors: Int32, closing: [Int32] = [],
        environment: [String: String]? = nil
    ) throws(StartError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        for descriptor in closing { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var attributes = spawnAttributes()
        defer { posix_spawnattr_destroy(&attributes) }

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw StartError(code: result) }
        return pid
    }

    /// Spawn attributes for a child that starts with no signal blocked and every handler at its
    /// default, with `flags` (`POSIX_SPAWN_…`) besides. Give them to `posix_spawn`, then
    /// `posix_spawnattr_destroy` them.
    public static func spawnAttributes(flags: Int32 = 0) -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
        return attributes
    }

    /// Waits for the child to end (through interrupted waits); its raw wait status.
    public static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}
