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

    /// The Caseload tab's line over its list, drawn only once every record is in.
    static let caseloadMarker = "ctive caseload"

    /// From start to the first frame, then on to every record in: `2` is typed at the first
    /// frame and the time runs until the Caseload tab shows its list (while the folder is read
    /// after a kept first screen, the tab says so instead).
    func measureEveryRecordIn(_ arguments: [String]) throws -> (seconds: Double, processor: Double) {
        let app = try PtyApp(binary: binary, arguments: arguments, environment: environment)
        try app.waitFor(Self.marker)
        let mark = app.drawn
        app.type(Array("2".utf8))
        try app.waitFor(Self.caseloadMarker, after: mark)
        let seconds = Clock.seconds(since: app.started)
        return (seconds, app.processorSeconds ?? 0)
    }

    /// Where the app keeps the Today screen of `folder` for its next start, in this environment.
    func keptFirstScreen(of folder: URL) -> URL? {
        FirstScreen.location(for: folder, environment: environment.filter { !$0.value.isEmpty })
    }

    /// Starts the app and leaves it running until it has kept its Today screen for the next
    /// start (the folder must have been still for a second before it was read: a start right
    /// after the folder was made is tried again). False when no copy was kept.
    func startKeepingFirstScreen(_ arguments: [String], folder: URL) throws -> Bool {
        guard let kept = keptFirstScreen(of: folder) else { return false }
        for _ in 0..<3 {
            let app = try PtyApp(binary: binary, arguments: arguments, environment: environment)
            try app.waitFor(Self.marker)
            let asked = Clock.now
            while Clock.seconds(since: asked) < 120 {
                if FileManager.default.fileExists(atPath: kept.path) { return true }
                usleep(20_000)
            }
            _ = app
            sleep(1)
        }
        return FileManager.default.fileExists(atPath: kept.path)
    }
}
