import Foundation

/// Points where an end-to-end test may hold the app, named by environment variables that
/// nothing else sets: without them the app never waits.
enum TestHook {
    /// `FIELDBOOK_TEST_HOLD_DEMO_COPY=PATH`: the demo copy waits before writing anything for as
    /// long as a file is at PATH, so a test sees the app while the copy is under way without
    /// racing a clock.
    static func holdDemoCopy(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["FIELDBOOK_TEST_HOLD_DEMO_COPY"], !path.isEmpty else { return }
        while FileManager.default.fileExists(atPath: path) { usleep(10_000) }
    }

    /// `FIELDBOOK_TEST_HOLD_IMPORT=ROWS:PATH`: an import's write waits after row ROWS for as
    /// long as a file is at PATH (and says so with a file at PATH.held), so a test can press
    /// Ctrl-C part way without racing a clock.
    static func holdImport(rowsDone: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let value = environment["FIELDBOOK_TEST_HOLD_IMPORT"], let colon = value.firstIndex(of: ":"),
              Int(value[..<colon]) == rowsDone else { return }
        let path = String(value[value.index(after: colon)...])
        _ = FileManager.default.createFile(atPath: path + ".held", contents: nil)
        while FileManager.default.fileExists(atPath: path) { usleep(10_000) }
    }

    /// `FIELDBOOK_TEST_HOLD_WORK=STEP:PATH`: the progress line of long work (`exporting`,
    /// `backing up`) waits, the first time its step STEP reports something done, for as long as a
    /// file is at PATH (and says so with a file at PATH.held), so a test can press Ctrl-C part
    /// way without racing a clock.
    static func holdWork(step: String) {
        guard let (wanted, path) = workHold, wanted == step, !heldWork else { return }
        heldWork = true
        _ = FileManager.default.createFile(atPath: path + ".held", contents: nil)
        while FileManager.default.fileExists(atPath: path) { usleep(10_000) }
    }

    private static let workHold: (step: String, path: String)? = {
        guard let value = ProcessInfo.processInfo.environment["FIELDBOOK_TEST_HOLD_WORK"],
              let colon = value.firstIndex(of: ":") else { return nil }
        return (String(value[..<colon]), String(value[value.index(after: colon)...]))
    }()

    nonisolated(unsafe) private static var heldWork = false
}
