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

    /// Seconds from start to the first frame.
    func measure(_ arguments: [String]) throws -> Double {
        let app = try PtyApp(binary: binary, arguments: arguments, environment: environment)
        try app.waitFor(Self.marker)
        return Clock.seconds(since: app.started)
    }
}
