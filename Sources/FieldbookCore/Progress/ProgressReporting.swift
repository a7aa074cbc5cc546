import Foundation

/// Whoever is told how far long work has come (a folder read, an export, a backup, a
/// conversion, a sync's steps). The domain only tells; what is shown, and where, is the
/// caller's: the command line draws one line on a terminal and nothing elsewhere.
public protocol ProgressListener: AnyObject {
    /// A step of the work begins (a sync's fetch, merge, push), counted in `unit`.
    func start(_ step: String, unit: String)
    /// `done` of `total` units of the current step are done (`total` 0: not known).
    func show(_ done: Int, of total: Int)
}

/// The text of a progress line: `exporting: 12,000/100,000 records, 4,100/s, 21 s left`.
/// Rate and time left appear once there is something to measure them by (half a second
/// spent, something done); time left only while something is left.
public enum ProgressText {
    public static func line(_ label: String, done: Int, total: Int, unit: String, seconds: Double) -> String {
        // Nothing counted (a step that only says what it does).
        if total == 0 && done == 0 { return label }
        // A total not known: what is done so far, alone.
        let unit = unit.isEmpty ? "" : " " + unit
        guard total > 0 else {
            var text = "\(label): \(grouped(done))\(unit)"
            if let rate = rate(done, seconds) { text += ", \(grouped(rate))/s" }
            return text
        }
        let shownDone = min(done, total)
        var text = "\(label): \(grouped(shownDone))/\(grouped(total))\(unit)"
        guard let rate = rate(shownDone, seconds) else { return text }
        text += ", \(grouped(rate))/s"
        if shownDone < total {
            text += ", " + timeLeft(seconds: Double(total - shownDone) / (Double(shownDone) / seconds)) + " left"
        }
        return text
    }

    /// Whole seconds, rounded up (never "0 s left" while work is left); minutes from 60 s,
    /// hours from 60 min.
    public static func timeLeft(seconds: Double) -> String {
        let left = max(1, Int(seconds.rounded(.up)))
        if left >= 3_600 { return "\(left / 3_600) h \(left % 3_600 / 60) min" }
        return left >= 60 ? "\(left / 60) min \(left % 60) s" : "\(left) s"
    }

    /// Units a second, once half a second has been spent and something is done.
    static func rate(_ done: Int, _ seconds: Double) -> Int? {
        guard seconds >= 0.5, done > 0 else { return nil }
        return Int((Double(done) / seconds).rounded())
    }

    /// 1234567 as "1,234,567".
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = number < 0 ? "-" : ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
