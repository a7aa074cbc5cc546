#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// Signals: SIGINT, SIGTERM and SIGHUP ask the main loop to stop (it restores the terminal on
/// its way out); a crash restores the terminal from the signal handler itself, with only
/// async-signal-safe calls, before the process dies as it would have.
public enum TerminalSignals {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0
    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var haveTermios = false
    nonisolated(unsafe) private static var restoreBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var restoreCount = 0

    /// The signal that asked Fieldbook to stop, if any.
    public static var stopRequest: Int32? { requested == 0 ? nil : requested }

    static func prepare() {
        if tcgetattr(0, &savedTermios) == 0 { haveTermios = true }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal) { number in TerminalSignals.requested = number }
        }
    }

    /// Lets Ctrl-S reach Fieldbook (save) instead of pausing the terminal's output.
    static func allowControlS() {
        var mode = termios()
        guard tcgetattr(0, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(0, TCSANOW, &mode)
    }

    static func armCrashRestore() {
        var bytes: [UInt8] = []
        for capability in ["rmcup", "sgr0", "cnorm", "rmkx"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 {
                var pointer = UnsafePointer<CChar>(value)
                while pointer.pointee != 0 {
                    bytes.append(UInt8(bitPattern: pointer.pointee))
                    pointer += 1
                }
            }
        }
        bytes.append(10)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes = buffer
        restoreCount = bytes.count
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            Glibc.signal(signal) { number in
                TerminalSignals.restoreFromSignal()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func disarmCrashRestore() {
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            Glibc.signal(signal, SIG_DFL)
        }
    }

    private static func restoreFromSignal() {
        if let bytes = restoreBytes { _ = write(1, bytes, restoreCount) }
        if haveTermios { tcsetattr(0, TCSANOW, &savedTermios) }
    }
}
