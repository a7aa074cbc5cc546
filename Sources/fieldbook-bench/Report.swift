import Foundation

/// The lines the benchmark prints: one per figure of docs/performance.md's targets, with its target,
/// the wall clock's median and 99th percentile, and the processor time beside them where known.
enum Report {
    enum Verdict: String { case met = "met", missed = "MISSED", info = "" }

    static func line(_ scale: String, _ figure: String, target: String, _ timings: Timings, processor: Timings? = nil,
                     against python: Double? = nil, verdict: Verdict, note: String = "") {
        var text = pad(scale, 9) + pad(figure, 44) + pad(target, 22)
        text += String(format: "median %8.2f ms  p99 %8.2f ms", timings.medianMilliseconds, timings.p99Milliseconds)
        if let processor, processor.count > 0 {
            text += String(format: "  processor median %8.2f ms", processor.medianMilliseconds)
        }
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
