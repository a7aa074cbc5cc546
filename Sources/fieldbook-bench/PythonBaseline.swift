import Foundation

/// The anchor every ratio divides by, named and pinned: `/usr/bin/python3` when the machine has
/// it (the system's interpreter, the same on every run), else the first `python3` on PATH. It
/// reads every `.json` file of a folder with `json.load` (and with orjson, when installed): warm,
/// `runs` times in one process, timed inside Python with the wall clock and `process_time`; and
/// fresh, a new interpreter per run, timed from outside (start-up included).
struct PythonBaseline {
    let interpreter: String
    let version: String

    static let script = """
    import os, sys, time
    folder, runs, loader = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if loader == "orjson":
        import orjson
        load = lambda f: orjson.loads(f.read())
    else:
        import json
        load = json.load
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        count = 0
        for root, dirs, files in os.walk(folder):
            for name in files:
                if name.endswith(".json"):
                    with open(os.path.join(root, name), "rb") as f:
                        load(f)
                    count += 1
        print(time.perf_counter() - start, time.process_time() - cpu, count, flush=True)
    """

    /// Warm figures: wall and processor timings, and the number of files read.
    struct Warm {
        var wall = Timings()
        var processor = Timings()
        var files = 0
    }

    /// The pinned interpreter, or nil when there is none.
    static func find() -> PythonBaseline? {
        let candidates = ["/usr/bin/python3"] + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/python3" }
        guard let interpreter = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        guard let output = run([interpreter, "-c", "import sys; print(sys.version.split()[0])"]) else { return nil }
        return PythonBaseline(interpreter: interpreter, version: output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    var name: String { "\(interpreter) \(version)" }

    /// True when `loader` ("orjson") can be imported by this interpreter.
    func has(_ module: String) -> Bool { Self.run([interpreter, "-c", "import \(module)"]) != nil }

    func warm(_ folder: URL, runs: Int, loader: String = "json") -> Warm? {
        guard let output = Self.run([interpreter, "-c", Self.script, folder.path, "\(runs)", loader]) else { return nil }
        var warm = Warm()
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let seconds = Double(parts[0]), let processor = Double(parts[1]), let count = Int(parts[2]) else {
                continue
            }
            warm.wall.record(seconds: seconds)
            warm.processor.record(seconds: processor)
            warm.files = count
        }
        return warm.wall.count > 0 ? warm : nil
    }

    /// A new interpreter for each run, timed from outside.
    func fresh(_ folder: URL, runs: Int) -> (wall: Timings, processor: Timings)? {
        guard let timings = try? ChildRun.timings([interpreter, "-c", Self.script, folder.path, "1", "json"], runs: runs) else {
            return nil
        }
        return (timings.wall, timings.processor)
    }

    /// Standard output of a run that ended well, else nil.
    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: output, as: UTF8.self) : nil
    }
}
