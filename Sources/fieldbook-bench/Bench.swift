import ArgumentParser
import CAllocator
import FieldbookCore
import FieldbookUI
import Foundation
import SyntheticData

/// Prints Fieldbook's figures against their targets (docs/performance.md), on generated folders,
/// with the anchors of the same run: a pinned Python's `json.load` (and orjson) and `cat` of the folder.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldbook-bench",
        abstract: "Measure Fieldbook on a generated caseload and agency folder against its speed targets.",
        discussion: "Build in release mode: swift run -c release fieldbook-bench. See docs/performance.md.")

    @Option(help: "Only this scale: caseload, agency, or agency10 (ten agencies; never by default). Caseload and agency by default.")
    var scale: SyntheticFolder.Scale?

    @Option(help: ArgumentHelp("Keep the generated folders in DIR/caseload and DIR/agency, and reuse them when they are there.", valueName: "DIR"))
    var keep: String?

    @Option(help: "Runs of each timed figure.")
    var runs = 15

    @Option(help: ArgumentHelp("Only these figures, comma-separated: python (the anchors: Python, orjson, cat), load, launch, keys, figures (after a save; keys prints it too), saves (with Ctrl-S on the real binary), memory, profiles, reports, commands (export, check, due, report as fresh processes), sync (agency only), encrypted (load and saves of an encrypted copy).", valueName: "LIST"))
    var only: String?

    @Flag(help: "Keep one core busy with another process for the whole run, as on a shared machine.")
    var busyCore = false

    @Option(help: .hidden)
    var peakMemoryOf: String?

    @Flag(help: .hidden)
    var peakMemoryReadOnly = false

    func run() throws {
        if let peakMemoryOf {
            // Set as the app sets them (`OpenOptions.run`).
            _ = fieldbook_hold_memory_for_a_long_run()
            try MainActor.assumeIsolated { 
                try PeakMemoryChild.run(folder: URL(fileURLWithPath: peakMemoryOf), mode: peakMemoryReadOnly ? .readOnly : .readWrite)
            }
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let base = keep.map { URL(fileURLWithPath: $0) } ?? work
        let groups = only.map { Set($0.split(separator: ",").map(String.init)) }
        let context = try MainActor.assumeIsolated { try BenchContext(work: work, runs: runs, only: groups) }
        let busy = busyCore ? try BusyCore() : nil
        defer { withExtendedLifetime(busy) {} }
        print("fieldbook-bench: \(runs) runs per figure; medians and p99 from an HDR histogram; targets in docs/performance.md")
        print("  anchor: " + (context.anchor.map { $0.name } ?? "no python3 on this machine")
              + "; \(ProcessInfo.processInfo.activeProcessorCount) cores" + (busyCore ? ", one kept busy by another process" : ", none kept busy"))
        print(Report.pad("scale", 9) + Report.pad("figure", 44) + Report.pad("target", 22) + "result")
        for scale in scale.map({ [$0] }) ?? [.caseload, .agency] {
            let folder = base.appendingPathComponent(scale.rawValue)
            try MainActor.assumeIsolated { try context.measure(scale, folder: folder) }
        }
    }
}

extension SyntheticFolder.Scale: ExpressibleByArgument {}
