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
}
