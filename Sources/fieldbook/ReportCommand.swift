import ArgumentParser
import FieldbookCore
import FieldbookUI
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a supervisor's report for a period, or the latest fidelity self-review.",
        discussion: """
            NAME is one of: \(ReportCatalog.names.joined(separator: ", ")), fidelity, fidelity-suggestions. \
            The period is --quarter 2026Q3, --month 2026-11, or --from DATE --to DATE; without one, the \
            current quarter. Per-specialist figures use each client's current specialist. \
            --deidentified replaces client and employer names with stable codes (from a random salt \
            kept in the data folder, created on first use) and leaves out free text. The JSON and CSV \
            shapes are in docs/reports.md. Reads the folder (besides creating the salt); changes nothing else.
            """
    )

    @OptionGroup var options: DataOptions

    @Argument(help: ArgumentHelp("The report.", valueName: "NAME"),
              completion: .list(ReportCatalog.names + ["fidelity", "fidelity-suggestions"]))
    var name: String

    @Option(parsing: .unconditional, help: ArgumentHelp("A quarter (2026Q3), or a day in it (today, -3m...).", valueName: "YYYYQn"))
    var quarter: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A month (2026-11), or a day in it (today, -1m...).", valueName: "YYYY-MM"))
    var month: String?

    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: ArgumentHelp("Only the clients of specialists whose name holds this (accents optional).", valueName: "NAME"))
    var specialist: String?

    @Flag(name: .customLong("unemployed-at-entry"), help: "employment-rate: IPS Grow's (UK) rate, clients out of work at program entry, a job counted from 4 paid hours (benchmark 40 %).")
    var unemployedAtEntry = false

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV (the report's first table).")
    var csv = false

    @Flag(help: "CSV for Excel: UTF-8 with a byte-order mark and CRLF line ends (implies --csv).")
    var excel = false

    @Flag(help: "Replace names with stable codes and leave out free text.")
    var deidentified = false

    func run() throws {
        let transform = try FolderAccess.unlock(options.folder)
        guard !(json && (csv || excel)) else {
            printError("give either --json or --csv, not both")
            throw ExitCode(2)
        }
        let today = try periodOptions.currentDay()
        let folder = options.folder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let snapshot: DataSnapshot
        do {
            snapshot = try Store(folder: folder, mode: .readOnly, transform: transform).load()
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        reportLeftOut(snapshot, in: "the report")
        if name == "fidelity" {
            try printFidelity(snapshot)
            return
        }
        if name == "fidelity-suggestions" {
            let suggestions = FidelitySuggestions(data: snapshot, on: today)
            if json {
                try writeJSON(FidelityScale.items.compactMap { suggestions.suggestion(for: $0.number) })
            } else {
                StandardOutput.write(FidelityReviewText.render(suggestions))
            }
            return
        }
        guard ReportCatalog.names.contains(name) else {
            printError("no report called \"\(name)\"; reports: \(ReportCatalog.names.joined(separator: ", ")), fidelity, fidelity-suggestions")
            throw ExitCode(2)
        }
        let period = try chosenPeriod(today: today)
        var chosen: Set<UUID>?
        if let specialist {
            let matches = snapshot.specialists.filter { NameSearch.matches(specialist, in: [$0.name]) }
            guard !matches.isEmpty else {
                printError("no specialist matches \"\(specialist)\" (known: \(snapshot.specialists.map(\.name).sorted().joined(separator: ", ")))")
                throw ExitCode(2)
            }
            chosen = Set(matches.map(\.id))
        }
        var naming = ReportNaming.identified
        if deidentified {
            do {
                naming = .deidentified(salt: try ReportSalt.load(folder: folder, transform: transform))
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        let input = ReportInput(data: snapshot, period: period, today: today, specialists: chosen, naming: naming)
        guard let report = ReportCatalog.report(name, input, unemployedAtEntry: unemployedAtEntry) else { return }
        if json {
            try writeJSON(report)
        } else if csv || excel {
            guard let table = report.tables.first else { return }
            let text = try ReportCSV.text(table)
            if excel { StandardOutput.write(ExcelCSV.data(text)) } else { StandardOutput.write(text) }
        } else {
            StandardOutput.write(ReportText.render(report, width: TextCells.width, cut: TextCells.truncate))
        }
    }

    private func printFidelity(_ snapshot: DataSnapshot) throws {
        guard let latest = FidelityReview.latest(snapshot.fidelityReviews) else {
            printLine("No fidelity review yet: fill one in on the Reports tab (f).")
            return
        }
        let previous = FidelityReview.previous(to: latest, in: snapshot.fidelityReviews)
        if json {
            try writeJSON(FidelityReviewSummary(latest, previous: previous))
        } else {
            StandardOutput.write(FidelityReviewText.render(latest, previous: previous, width: TextCells.width))
        }
    }

    private func writeJSON<T: Encodable>(_ value: T) throws {
        StandardOutput.write(try CommandJSON.data(value))
    }

    private func chosenPeriod(today: LocalDate) throws -> ReportPeriod {
        let given = [quarter != nil, month != nil, periodOptions.isGiven].filter { $0 }.count
        guard given <= 1 else {
            printError("give one of --quarter, --month or --from/--to")
            throw ExitCode(2)
        }
        var chosen: ReportPeriod?
        if let quarter { chosen = try DateOption.quarter(quarter, "--quarter", today: today) }
        if let month { chosen = try DateOption.month(month, "--month", today: today) }
        if let chosen {
            // Outcomes are what has happened: a period not begun has none yet.
            guard chosen.from <= today else {
                printError("\(chosen) has not begun (today is \(today)); choose a period up to today")
                throw ExitCode(2)
            }
            return chosen
        }
        if let range = try periodOptions.range(today: today) { return ReportPeriod(from: range.from, to: range.to) }
        return .quarter(containing: today)
    }
}
