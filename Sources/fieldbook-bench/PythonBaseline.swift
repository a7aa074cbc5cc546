import Foundation

/// Python's `json.load` of every file of a folder, timed inside Python (the interpreter's start
/// is left out), `runs` times in one process. The reference the load figures are compared with.
enum PythonBaseline {
    static let script = """
    import json, os, sys, time
    folder, runs = sys.argv[1], int(sys.argv[2])
    for _ in range(runs):
        start = time.perf_counter()
        count = 0
        for root, dirs, files in os.walk(folder):
            for name in files:
                if name.endswith(".json"):
                    with open(os.path.join(root, name), "rb") as f:
                        json.load(f)
                    count += 1
        print(time.perf_counter() - start, count, flush=True)
    """

    /// The timings and the number of files read; nil when python3 cannot be run.
    static func measure(_ folder: URL, runs: Int) -> (timings: Timings, files: Int)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path, "\(runs)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var timings = Timings()
        var files = 0
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seconds = Double(parts[0]), let count = Int(parts[1]) else { continue }
            timings.record(seconds: seconds)
            files = count
        }
        return timings.count > 0 ? (timings, files) : nil
    }
}
