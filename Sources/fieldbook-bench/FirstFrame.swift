import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Launch to first frame, measured on the real `fieldbook` binary: it is started on a new
/// pseudo-terminal of 100x30, and the time runs from `posix_spawn` until the pseudo-terminal
/// has received the tab row of the first frame ("[1 Today]"); then the app is sent SIGTERM.
/// That is what a person sees: process start, reading the folder, the first draw, all included.
struct FirstFrame {
    let binary: URL
    /// Variables added to (or, when empty, removed from) the app's environment.
    let environment: [String: String]
    static let marker = "1 Today]"

    /// Seconds from start to the first frame, and the processor time the app had used by then
    /// (0 where /proc cannot say).
    func measure(_ arguments: [String]) throws -> (seconds: Double, processor: Double) {
        let app = try PtyApp(binary: binary, arguments: arguments, environment: environment)
        try app.waitFor(Self.marker)
        let seconds = Clock.seconds(since: app.started)
        return (seconds, app.processorSeconds ?? 0)
    }
}
