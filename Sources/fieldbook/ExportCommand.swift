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

    @Argument(help: ArgumentHelp("clients, jobs, client-contacts, employer-contacts, or all (with --json).", valueName: "KIND"))
    var kind: String

    @Flag(help: "Write CSV (one kind).")
    var csv = false

    @Flag(help: "CSV for Excel: UTF-8 with a byte-order mark and CRLF line ends (implies --csv).")
    var excel = false

    @Flag(help: "Write JSON (all).")
    var json = false

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    func run() throws {
        try PINCheck.unlock()
        let csv = self.csv || excel
        guard csv != json else {
            printError("choose --csv (one kind) or --json (all)")
            throw ExitCode(2)
        }
        let data: Data
        if json {
            guard kind == "all" else {
                printError("--json writes everything: fieldbook export all --json")
                throw ExitCode(2)
            }
            do {
                data = try FullCopy(try loadSnapshot()).data()
            } catch let error as StoreError {
                printError(error.description)
                throw ExitCode.failure
            }
        } else {
            guard let chosen = ExchangeKind(rawValue: kind) else {
                printError("unknown kind \"\(kind)\"; use one of: " + ExchangeKind.allCases.map(\.rawValue).joined(separator: ", "))
                throw ExitCode(2)
            }
            let text = CSVExport.csv(chosen, from: try loadSnapshot())
            data = excel ? ExcelCSV.data(text) : Data(text.utf8)
        }
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

    private func loadSnapshot() throws -> DataSnapshot {
        let store = try readOnlyStore(options.folder)
        let snapshot = store.load()
        reportLeftOut(snapshot, in: "the export")
        return snapshot
    }
}
