import ArgumentParser
import FieldbookCore
import Foundation

/// A progress line on standard error for long work (`importing: 12,000/100,000 rows, 4,100/s,
/// 21 s left`; the text is `ProgressText`'s), drawn only when standard error is a terminal, at
/// most ten times a second, and cleared when the work ends; nothing at all when standard error
/// is a file or a pipe. Work that ends within `delay` seconds never shows it; work of fewer
/// than `minimum` units neither.
final class ProgressLine: ProgressListener {
    private var label: String
    private var unit: String
    private var total: Int
    private let minimum: Int
    private let delay: Double
    private let onTerminal: Bool
    private let created = Date()
    private var started = Date()
    private var shownBefore = false
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String, total: Int = 0, unit: String, minimum: Int = 200, delay: Double = 0,
         isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = total
        self.unit = unit
        self.minimum = minimum
        self.delay = delay
        onTerminal = isTerminal
    }

    /// The next step of the work, counted anew.
    func start(_ step: String, unit: String) {
        label = step
        self.unit = unit
        total = 0
        started = Date()
        lastDrawn = .distantPast
    }

    func show(_ done: Int, of total: Int) {
        self.total = total
        show(done)
    }

    func show(_ done: Int) {
        defer { if done > 0 { TestHook.holdWork(step: label) } }
        // Work of fewer than `minimum` units is over before a line would help.
        // A step whose total is not known is shown when no minimum is asked, or when an
        // earlier step of the same work was large enough to be shown.
        guard onTerminal, total > 0 ? total >= minimum : minimum == 0 || shownBefore else { return }
        let now = Date()
        guard now.timeIntervalSince(created) >= delay,
              (total > 0 && done >= total) || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        shownBefore = true
        let seconds = now.timeIntervalSince(started)
        Self.write("\r\u{1B}[K" + ProgressText.line(label, done: done, total: total, unit: unit, seconds: seconds))
    }

    /// Clears the line (when one was drawn): what the command says next starts on a clean line.
    func finish() {
        guard drawn else { return }
        Self.write("\r\u{1B}[K")
        drawn = false
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Ctrl-C during long work on the command line: noted, and the work stops at its next safe
/// point (between two rows, records or files), then the command exits with 130.
enum WorkInterrupt {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

    static func catchControlC() {
        requested = 0
        signal(SIGINT) { _ in WorkInterrupt.requested = 1 }
    }

    static var wasRequested: Bool { requested != 0 }

    static func release() { signal(SIGINT, SIG_DFL) }

    /// The exit status of work stopped by Ctrl-C, as the shell gives a program SIGINT ends.
    static let exitCode = ExitCode(130)
}
