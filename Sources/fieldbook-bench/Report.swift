import Foundation

/// The lines the benchmark prints: one per figure of the table in issue 13, with its target.
enum Report {
    enum Verdict: String { case met = "met", missed = "MISSED", info = "" }

    static func line(_ scale: String, _ figure: String, target: String, _ timings: Timings, against python: Double? = nil,
                     verdict: Verdict, note: String = "") {
        var text = pad(scale, 9) + pad(figure, 44) + pad(target, 22)
        text += String(format: "median %8.2f ms  p99 %8.2f ms", timings.medianMilliseconds, timings.p99Milliseconds)
        if let python {
            text += String(format: "  = %.2f x Python (%.0f ms)", timings.medianMilliseconds / python, python)
        }
        text += "  n=\(timings.count)"
        if verdict != .info { text += "  " + verdict.rawValue }
        if !note.isEmpty { text += "  (" + note + ")" }
        print(text)
        fflush(nil)
    }

    static func note(_ text: String) {
        print("  " + text)
        fflush(nil)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func verdict(_ met: Bool) -> Verdict { met ? .met : .missed }
}
