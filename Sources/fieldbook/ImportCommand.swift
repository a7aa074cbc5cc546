import ArgumentParser
import FieldbookCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring clients, jobs, client contacts or employer contacts in from a spreadsheet (CSV).",
        discussion: """
            KIND is clients, jobs, client-contacts or employer-contacts. The file is CSV saved as UTF-8 \
            ("CSV UTF-8"; cells separated by commas, semicolons or tabs) with a header row naming the columns, \
            in any order; dates are YYYY-MM-DD (or say the sheet's order with --dates), lists \
            are separated by ;, and yes/no cells say yes or no. Import clients first: the other kinds name \
            them by id in client_id. Nothing is written if any row is bad, unless --skip-bad. Importing \
            the same file again adds nothing. Columns and matching rules: docs/import-export.md.
            """
    )

    @Argument(help: ArgumentHelp("clients, jobs, client-contacts or employer-contacts.", valueName: "KIND"),
              completion: .list(ExchangeKind.allCases.map(\.rawValue)))
    var kind: String

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE.csv"), completion: .file(extensions: ["csv", "txt", "tsv"]))
    var file: String

    @OptionGroup var options: DataOptions

    @Flag(name: .long, help: "Check the file and say what would change, writing nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Import the good rows and leave the bad ones out (they are still listed).")
    var skipBad = false

    @Option(help: ArgumentHelp(
        "How the sheet writes dates that are not YYYY-MM-DD: dmy (31/03/2026), mdy (03/31/2026) or ymd (2026/03/31).",
        valueName: "ORDER"), completion: .list(["dmy", "mdy", "ymd"]))
    var dates: String?

    @Option(parsing: .unconditional, help: .hidden)
    var today: String?

    func run() throws {
        guard let kind = ExchangeKind(rawValue: kind) else {
            printError("unknown kind \"\(kind)\"; use one of: " + ExchangeKind.allCases.map(\.rawValue).joined(separator: ", "))
            throw ExitCode(2)
        }
        let day = try DateOption.day(today, "--today", today: LocalDate(containing: Date()))
        var order: SheetDateOrder?
        if let dates {
            guard let chosen = SheetDateOrder(rawValue: dates.lowercased()) else {
                printError("--dates \"\(dates)\": use dmy, mdy or ymd")
                throw ExitCode(2)
            }
            order = chosen
        }
        // Two passes over the file, each reading it a chunk at a time: one checks every row and
        // writes nothing, the other (when the check allows) writes in batches.
        let url = URL(fileURLWithPath: file)
        let fileBefore = FileIdentity(url)
        let header: [String]
        var rows: CSVFileRows
        let readCount = CSVRowReader.ByteCount()
        do {
            (header, rows) = try Self.open(url, counting: readCount)
        } catch {
            printError("\(file): \(error.description)")
            throw ExitCode.failure
        }

        let folder = options.folder
        let transform = try FolderAccess.unlock(folder, pin: false)
        var store: Store?
        var auditLog: AuditLog?
        let snapshot: DataSnapshot
        if dryRun && !FileManager.default.fileExists(atPath: folder.path) {
            snapshot = DataSnapshot()
        } else {
            do {
                let opened = try Store(folder: folder, mode: dryRun ? .readOnly : .readWrite, transform: transform)
                auditLog = AuditLog(dataFolder: folder, installID: InstallID.load(for: folder))
                opened.auditLog = auditLog
                store = opened
                snapshot = opened.load()
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            reportLeftOut(snapshot, in: "the comparison with the sheet")
        }

        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let checking = ProgressLine("checking", total: size / 1024, unit: "KB", minimum: 1024)
        let plan = CSVImport.plan(kind, header: header, rows: &rows, snapshot: snapshot, today: day, now: Date(), dates: order,
                                  progress: { _ in checking.show(readCount.value / 1024) })
        checking.finish()
        if let error = rows.error {
            printError("\(file): \(error.description)")
            printLine("Nothing imported.")
            throw ExitCode.failure
        }
        for column in plan.unknownColumns {
            printLine("Unknown column \"\(column)\": ignored. Known columns: \(kind.columns.joined(separator: ", ")).")
        }
        for bad in plan.badRows {
            printLine("Line \(bad.line): \(bad.reason)")
        }
        if plan.badRowsNotListed > 0 {
            printLine("… and \(plan.badRowsNotListed) more bad row\(plan.badRowsNotListed == 1 ? "" : "s") (only the first \(plan.badRows.count) are listed).")
        }
        if plan.unreadDates { printLine(ImportPlan.dateHint) }
        if plan.badRows.contains(where: { $0.line == 1 }) {
            printLine("Nothing imported: the header row does not fit a \(kind.rawValue) sheet.")
            throw ExitCode.failure
        }
        let counts = "\(plan.added) added, \(plan.updated) updated, \(plan.unchanged) already there"
        let bad = plan.badRowCount
        let badRows = "\(bad) bad row\(bad == 1 ? "" : "s")"
        if bad > 0 && !skipBad {
            printLine("Nothing imported: \(bad) of \(plan.rowsRead) rows are bad. "
                + "Fix them, or use --skip-bad to import the other rows (\(counts)).")
            throw ExitCode.failure
        }
        let good = plan.rowsRead - bad
        // What the notes say (a specialist created, a client updated) is only written after the
        // write succeeds: before, or in a dry run, it is what would happen.
        if dryRun {
            let rows = bad > 0 ? "\(good) of \(plan.rowsRead) rows would be imported" : "\(good) row\(good == 1 ? "" : "s") would be imported"
            printLine("Dry run, nothing written. \(rows): \(plan.added) to add, \(plan.updated) to update, \(plan.unchanged) already there"
                + (bad > 0 ? "; \(badRows) would be left out." : "."))
            if plan.noteCount > 0 {
                printLine("If imported:")
                printNotes(plan, indent: "  ")
            }
            return
        }
        let skipped = bad > 0 ? "; \(badRows) left out" : ""
        if plan.writesNothing {
            printLine("Nothing new: all \(good) rows are already in Fieldbook\(skipped).")
            return
        }
        guard let store else { return }
        // The write pass reads the file again: it must be the file that was checked.
        guard fileBefore != nil, FileIdentity(url) == fileBefore else {
            printError("\(file) changed while it was being checked; nothing imported. Import it again.")
            throw ExitCode.failure
        }
        do {
            (_, rows) = try Self.open(url)
        } catch {
            printError("\(file): \(error.description)")
            throw ExitCode.failure
        }
        // Whatever the write pass leaves (rows in, a stop part way), the kept calendar follows it.
        defer { CalendarKeeping.refresh(folder, transform: transform) }
        let bar = ProgressLine("importing", total: plan.rowsRead, unit: "rows")
        let result: ImportPlan
        // Ctrl-C stops the write between two rows: the rows before it are in, whole.
        WorkInterrupt.catchControlC()
        defer { WorkInterrupt.release() }
        do {
            result = try CSVImport.write(kind, header: header, rows: &rows, snapshot: snapshot, to: store, today: day, now: Date(),
                                         dates: order, progress: { done in
                                             bar.show(done)
                                             TestHook.holdImport(rowsDone: done)
                                         }, shouldStop: { WorkInterrupt.wasRequested })
            bar.finish()
        } catch {
            bar.finish()
            printError(error.cause.description)
            printError("the import stopped there: \(error.filesWritten) files were written, the rest of the sheet was not imported; "
                + "run the import again once that is settled (rows already in are not added twice)")
            throw ExitCode.failure
        }
        if let error = rows.error {
            printError("\(file): \(error.description)")
            printError("the import stopped there: \(result.filesWritten) files were written, the rest of the sheet was not imported")
            throw ExitCode.failure
        }
        printNotes(result)
        if result.stopped {
            printLine("Stopped (Ctrl-C) after \(result.rowsWritten) of \(plan.rowsRead) rows: the rows before are imported "
                + "(\(result.added) added, \(result.updated) updated, \(result.unchanged) already there); "
                + "import the sheet again for the rest (rows already in are not added twice).")
            if let failures = auditLog?.failures, let first = failures.first {
                printError("\(failures.count) saved change\(failures.count == 1 ? " has" : "s have") no audit entry: \(first.description)")
            }
            throw ExitCode(130)
        }
        let imported = bad > 0 ? "Imported \(good) of \(plan.rowsRead) rows" : "Imported \(good) row\(good == 1 ? "" : "s")"
        printLine("\(imported): \(counts)\(skipped).")
        // The records are written; a change whose audit entry could not be is said, and fails.
        if let failures = auditLog?.failures, let first = failures.first {
            printError("\(failures.count) saved change\(failures.count == 1 ? " has" : "s have") no audit entry: \(first.description); "
                + "`fieldbook audit --verify` lists them as unaudited")
            throw ExitCode.failure
        }
    }

    /// The file's header and its rows, read a chunk at a time as they are asked for.
    static func open(_ url: URL, counting: CSVRowReader.ByteCount? = nil) throws(CSVFileError) -> (header: [String], rows: CSVFileRows) {
        var reader = try CSVRowReader(file: url, counting: counting)
        let header = try CSVTable.readHeader(&reader)
        return (header, CSVFileRows(reader))
    }

    /// The notes of a plan, the first ones listed and the rest counted.
    private func printNotes(_ plan: ImportPlan, indent: String = "") {
        for note in plan.notes { printLine(indent + note) }
        if plan.notesNotListed > 0 {
            printLine(indent + "… and \(plan.notesNotListed) more")
        }
    }
}

/// What tells one version of a file from another without reading it: its device, inode, size
/// and time of last change.
struct FileIdentity: Equatable {
    let device: UInt64, inode: UInt64, size: Int64, changed: Int64, changedNanoseconds: Int64

    init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        changed = Int64(info.st_mtimespec.tv_sec)
        changedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        changed = Int64(info.st_mtim.tv_sec)
        changedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}

