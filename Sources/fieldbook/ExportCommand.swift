import ArgumentParser
import FieldbookCore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write clients, jobs, client contacts or employer contacts as a spreadsheet (CSV), or everything as JSON.",
        discussion: """
            fieldbook export KIND --csv writes every field of that kind, in the columns fieldbook import \
            reads back; cells that a spreadsheet would run as a formula start with '. \
            fieldbook export all --json writes a full copy of every record. Without --out, to standard \
            output; a file given with --out is new (an existing file is never replaced) and readable by you only. Reads only; changes nothing.
            """
    )

    @Argument(help: ArgumentHelp("clients, jobs, client-contacts, employer-contacts, or all (with --json).", valueName: "KIND"),
              completion: .list(ExchangeKind.allCases.map(\.rawValue) + ["all"]))
    var kind: String

    @Flag(help: "Write CSV (one kind).")
    var csv = false

    @Flag(help: "CSV for Excel: UTF-8 with a byte-order mark and CRLF line ends (implies --csv).")
    var excel = false

    @Flag(help: "Write JSON (all).")
    var json = false

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"), completion: .file())
    var out: String?

    func run() throws {
        let transform = try FolderAccess.unlock(options.folder)
        let csv = self.csv || excel
        guard csv != json else {
            printError("choose --csv (one kind) or --json (all)")
            throw ExitCode(2)
        }
        // Ctrl-C stops the export between two pieces: a file given with --out is then never
        // made (it appears whole or not at all).
        WorkInterrupt.catchControlC()
        defer { WorkInterrupt.release() }
        let line = ProgressLine("reading", unit: "files")
        defer { line.finish() }
        let data: Data
        if json {
            guard kind == "all" else {
                printError("--json writes everything: fieldbook export all --json")
                throw ExitCode(2)
            }
            // Read once for the order, then written record by record from the files: neither
            // the document nor the folder's records are ever held whole.
            let store = try readOnlyStore(options.folder, transform: transform)
            let copy = StreamedCopy(store, progress: line)
            line.finish()
            reportLeftOut(DataSnapshot(problems: copy.problems), in: "the export")
            try stopIfInterrupted()
            warnIfPlainCopyOfEncrypted(transform)
            line.start("exporting", unit: "records")
            let pieces = { (sink: ([UInt8]) throws -> Void) throws in
                try copy.write(to: { piece in
                    guard !WorkInterrupt.wasRequested else { throw ExportStopped() }
                    try sink(piece)
                }, progress: line)
            }
            do {
                if let out {
                    try ExportFile.write(to: URL(fileURLWithPath: out)) { sink in try pieces(sink) }
                } else {
                    try StandardOutput.stream { sink in try pieces(sink) }
                }
            } catch {
                line.finish()
                try stopIfInterrupted()
                printError((error as? StoreError)?.description ?? "\(error)")
                throw ExitCode.failure
            }
            return
        } else {
            guard let chosen = ExchangeKind(rawValue: kind) else {
                printError("unknown kind \"\(kind)\"; use one of: " + ExchangeKind.allCases.map(\.rawValue).joined(separator: ", "))
                throw ExitCode(2)
            }
            let snapshot = try loadSnapshot(transform, line)
            try stopIfInterrupted()
            let text = CSVExport.csv(chosen, from: snapshot)
            data = excel ? ExcelCSV.data(text) : Data(text.utf8)
        }
        warnIfPlainCopyOfEncrypted(transform)
        if let out {
            do {
                try ExportFile.write(data, to: URL(fileURLWithPath: out))
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        } else {
            StandardOutput.write(data)
        }
    }

    /// Ctrl-C was pressed: nothing more is written, and a file given with --out was not made.
    private func stopIfInterrupted() throws {
        guard WorkInterrupt.wasRequested else { return }
        printError("stopped (Ctrl-C): " + (out.map { "\($0) was not written" } ?? "the export stops part way"))
        throw WorkInterrupt.exitCode
    }

    /// An encrypted folder's records are written out plain: the user is told once.
    private func warnIfPlainCopyOfEncrypted(_ transform: FileTransform) {
        guard !transform.isPlain else { return }
        printError("warning: the export is not encrypted: anyone who can read "
                   + (out ?? "where standard output goes") + " reads these records; delete it once it has served")
    }

    private func loadSnapshot(_ transform: FileTransform, _ line: ProgressLine) throws -> DataSnapshot {
        let store = try readOnlyStore(options.folder, transform: transform)
        let snapshot = store.load(progress: line)
        line.finish()
        reportLeftOut(snapshot, in: "the export")
        return snapshot
    }
}

/// The export was stopped by Ctrl-C part way.
private struct ExportStopped: Error {}
