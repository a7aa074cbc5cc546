#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every call the terminal layer makes to the C library, behind one `#if` per platform, so
/// the module builds on Linux (Glibc) and macOS (Darwin) alike.
enum Platform {
    typealias File = UnsafeMutablePointer<FILE>
    typealias SignalHandler = @convention(c) (Int32) -> Void

    static let interrupt = SIGINT
    static let hangUp = SIGHUP
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let alarm = SIGALRM
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    nonisolated(unsafe) private static var savedMode = termios()
    nonisolated(unsafe) private static var haveSavedMode = false

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// True when the terminal `file` reads from has gone (its window closed, the connection
    /// dropped): reading it gives nothing more, ever.
    static func isHungUp(_ file: File) -> Bool {
        var watch = pollfd(fd: fileno(file), events: Int16(POLLIN), revents: 0)
        guard poll(&watch, 1, 0) > 0 else { return false }
        return watch.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    enum Wait { case input, woken, interrupted, timedOut }

    /// Waits for bytes (or a hang-up) on `input`, or a ring on `wakeup`, whichever comes first.
    static func waitForInput(_ input: Int32, or wakeup: Int32, timeoutMilliseconds: Int32) -> Wait {
        var watches = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeup, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&watches, 2, timeoutMilliseconds)
        if ready < 0 { return .interrupted }
        if ready == 0 { return .timedOut }
        if watches[0].revents != 0 { return .input }
        return .woken
    }

    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// The user's locale (`setlocale(LC_ALL, "")`); true when its character set is UTF-8.
    static func adoptUserLocale() -> Bool {
        setlocale(LC_ALL, "")
        return characterSetIsUTF8()
    }

    static func characterSetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// The name of the locale for characters now (LC_CTYPE).
    static func characterLocaleName() -> String {
        setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "unknown"
    }

    /// A stream on a copy of `descriptor`, so closing it leaves the original open.
    static func openCopy(of descriptor: Int32, mode: String) -> File? { fdopen(dup(descriptor), mode) }

    static func open(_ path: String, mode: String) -> File? { fopen(path, mode) }

    static func close(_ file: File) { fclose(file) }

    /// Writes `text` to `file` at once.
    static func write(_ text: String, to file: File) {
        fputs(text, file)
        fflush(file)
    }

    // MARK: Signals

    static func onSignal(_ number: Int32, _ handler: SignalHandler) { _ = signal(number, handler) }

    static func defaultOnSignal(_ number: Int32) { _ = signal(number, SIG_DFL) }

    static func raiseSignal(_ number: Int32) { _ = raise(number) }

    /// Asks for SIGALRM in `seconds` (async-signal-safe).
    static func alarmIn(seconds: UInt32) {
        #if canImport(Glibc)
        _ = Glibc.alarm(seconds)
        #elseif canImport(Darwin)
        _ = Darwin.alarm(seconds)
        #endif
    }

    /// Ends the process now, without running anything more (async-signal-safe).
    static func exitAtOnce(_ status: Int32) -> Never { _exit(status) }

    /// Writes one byte to `descriptor` from a signal handler (async-signal-safe).
    static func ringFromSignal(_ descriptor: Int32) {
        var byte: UInt8 = 1
        #if canImport(Glibc)
        _ = Glibc.write(descriptor, &byte, 1)
        #elseif canImport(Darwin)
        _ = Darwin.write(descriptor, &byte, 1)
        #endif
    }

    /// Writes bytes to standard output from a signal handler (async-signal-safe).
    static func writeToStandardOutput(_ bytes: UnsafePointer<UInt8>, count: Int) {
        #if canImport(Glibc)
        _ = Glibc.write(1, bytes, count)
        #elseif canImport(Darwin)
        _ = Darwin.write(1, bytes, count)
        #endif
    }

    // MARK: The terminal's mode

    /// Keeps the terminal's mode as it was before Fieldbook, for `restoreTerminalMode`.
    static func saveTerminalMode() {
        if tcgetattr(0, &savedMode) == 0 { haveSavedMode = true }
    }

    /// Puts the saved mode back (async-signal-safe: a crash handler calls it).
    static func restoreTerminalMode() {
        if haveSavedMode { tcsetattr(0, TCSANOW, &savedMode) }
    }

    /// Lets Ctrl-S reach the program instead of pausing the terminal's output.
    static func turnOffFlowControl() {
        var mode = termios()
        guard tcgetattr(0, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(0, TCSANOW, &mode)
    }
}
