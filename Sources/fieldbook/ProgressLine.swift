import Foundation

/// A progress line on standard error for long work (`import: 12,000/100,000 rows, 4,100/s,
/// 21 s left`), drawn only when standard error is a terminal and at most ten times a second;
/// nothing at all when it is a file or a pipe.
final class ProgressLine {
    private let label: String
    private let unit: String
    private var total: Int
    private let shown: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String, total: Int, unit: String, minimum: Int = 200,
         isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = total
        self.unit = unit
        shown = total >= minimum && isTerminal
    }

    func show(_ done: Int) {
        guard shown else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.text(label, done: done, total: total, unit: unit,
                                                                   seconds: now.timeIntervalSince(started))).utf8))
    }

    /// Ends the line (when one was drawn).
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drawn = false
    }

    static func text(_ label: String, done: Int, total: Int, unit: String, seconds: Double) -> String {
        var text = "\(label): \(grouped(done))/\(grouped(total)) \(unit)"
        guard seconds >= 0.5, done > 0 else { return text }
        let rate = Double(done) / seconds
        text += ", \(grouped(Int(rate.rounded())))/s"
        if done < total {
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += left >= 60 ? ", \(left / 60) min \(left % 60) s left" : ", \(left) s left"
        }
        return text
    }

    private static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

/// Ctrl-C while an import writes: noted, and the import stops between two rows.
enum ImportInterrupt {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

    static func catchControlC() {
        requested = 0
        signal(SIGINT) { _ in ImportInterrupt.requested = 1 }
    }

    static var wasRequested: Bool { requested != 0 }

    static func release() { signal(SIGINT, SIG_DFL) }
}
