import ArgumentParser
import FieldbookCore
import FieldbookUI
import Foundation
import SyntheticData

/// Prints the figures of issue 13 against their targets, on generated folders, with Python's
/// `json.load` of the same folder in the same run.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldbook-bench",
        abstract: "Measure Fieldbook on a generated caseload and agency folder against its speed targets.",
        discussion: "Build in release mode: swift run -c release fieldbook-bench. See docs/performance.md.")

    @Option(help: "Only this scale: caseload or agency (both by default).")
    var scale: SyntheticFolder.Scale?

    @Option(help: ArgumentHelp("Keep the generated folders in DIR/caseload and DIR/agency, and reuse them when they are there.", valueName: "DIR"))
    var keep: String?

    @Option(help: "Runs of each timed figure.")
    var runs = 15

    @Option(help: ArgumentHelp("Only these figures, comma-separated: python, load, launch, keys, figures (after a save; keys prints it too), saves, memory, profiles, reports, encrypted (to profile one of them).", valueName: "LIST"))
    var only: String?

    @Option(help: .hidden)
    var peakMemoryOf: String?

    func run() throws {
        if let peakMemoryOf {
            try MainActor.assumeIsolated { try PeakMemoryChild.run(folder: URL(fileURLWithPath: peakMemoryOf)) }
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-bench-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let base = keep.map { URL(fileURLWithPath: $0) } ?? work
        let groups = only.map { Set($0.split(separator: ",").map(String.init)) }
        let context = try MainActor.assumeIsolated { try BenchContext(work: work, runs: runs, only: groups) }
        print("fieldbook-bench: \(runs) runs per figure; medians and p99 from an HDR histogram; targets from issue 13")
        print(Report.pad("scale", 9) + Report.pad("figure", 44) + Report.pad("target", 22) + "result")
        for scale in scale.map({ [$0] }) ?? SyntheticFolder.Scale.allCases {
            let folder = base.appendingPathComponent(scale.rawValue)
            try MainActor.assumeIsolated { try context.measure(scale, folder: folder) }
        }
    }
}

extension SyntheticFolder.Scale: ExpressibleByArgument {}
