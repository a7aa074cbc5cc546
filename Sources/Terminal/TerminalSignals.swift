import CNcursesw

/// Signals: SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) ask the main loop to stop (it restores the
/// terminal on its way out); should the loop not get there within a second (a long piece of
/// work), an alarm restores the terminal from the signal handler and ends the process with the
/// same exit status (128 + the signal). SIGQUIT never reaches the runtime's crash report.
/// SIGINT (Ctrl-C) is handed to the app, which quits or first asks when a form holds unsaved
/// changes; a crash restores the terminal from the signal handler itself, with only
/// async-signal-safe calls, before the process dies as it would have.
public enum TerminalSignals {
    nonisolated(unsafe) private static var requested: Int32 = 0
    nonisolated(unsafe) private static var interrupts: Int32 = 0
    nonisolated(unsafe) private static var restoreBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var restoreCount = 0
    nonisolated(unsafe) private static var restoreArmed: Int32 = 0
    /// The write end of the key loop's `Wakeup`, rung by a stop signal or Ctrl-C (-1: none).
    nonisolated(unsafe) private static var wakeDescriptor: Int32 = -1

    /// The signal that asked Fieldbook to stop, if any.
    public static var stopRequest: Int32? { requested == 0 ? nil : requested }

    /// The number of SIGINT, the signal of Ctrl-C.
    public static var interruptSignal: Int32 { Platform.interrupt }

    /// The number of SIGHUP, the signal of a terminal that hung up.
    public static var hangUpSignal: Int32 { Platform.hangUp }

    /// True once per Ctrl-C pressed since the last call.
    public static func takeInterrupt() -> Bool {
        guard interrupts > 0 else { return false }
        interrupts = 0
        return true
    }

    /// Stop signals and Ctrl-C ring `wakeup`, so a loop waiting on it sees them at once.
    public static func ring(_ wakeup: Wakeup) { wakeDescriptor = wakeup.writeEnd }

    static func prepare() {
        Platform.saveTerminalMode()
        for signal in Platform.stopSignals {
            Platform.onSignal(signal) { number in
                if number == Platform.interrupt {
                    TerminalSignals.interrupts = 1
                } else {
                    TerminalSignals.requested = number
                    Platform.alarmIn(seconds: 1)
                }
                if TerminalSignals.wakeDescriptor >= 0 { Platform.ringFromSignal(TerminalSignals.wakeDescriptor) }
            }
        }
        // The loop did not stop within a second of the signal: stop here.
        Platform.onSignal(Platform.alarm) { _ in
            if TerminalSignals.restoreArmed == 1 { TerminalSignals.restoreFromSignal() }
            Platform.exitAtOnce(128 + TerminalSignals.requested)
        }
    }

    /// Lets Ctrl-S reach Fieldbook (save) instead of pausing the terminal's output.
    static func allowControlS() { Platform.turnOffFlowControl() }

    static func armCrashRestore() {
        var bytes: [UInt8] = []
        for capability in ["BD", "rmcup", "sgr0", "cnorm", "rmkx"] {
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
        restoreArmed = 1
        for signal in Platform.crashSignals {
            Platform.onSignal(signal) { number in
                TerminalSignals.restoreFromSignal()
                Platform.defaultOnSignal(number)
                Platform.raiseSignal(number)
            }
        }
    }

    static func disarmCrashRestore() {
        restoreArmed = 0
        for signal in Platform.crashSignals { Platform.defaultOnSignal(signal) }
    }

    private static func restoreFromSignal() {
        if let bytes = restoreBytes { Platform.writeToStandardOutput(bytes, count: restoreCount) }
        Platform.restoreTerminalMode()
    }
}
