import ArgumentParser
import FieldbookCore
import Foundation

/// `--from DATE --to DATE` (and the hidden `--today`) for the commands that cover a period:
/// the same help, the same dates (`2026-11-01`, `today`, `-2w`, `mon`: DateOption) and the
/// same errors in each. A command adds its own named periods (`--week`, `--quarter`, `--month`).
struct PeriodOptions: ParsableArguments {
    // A date option takes the word after it whatever it starts with: `--from -2w`.
    @Option(parsing: .unconditional, help: ArgumentHelp("First day of the period: 2026-11-01, today, -2w, mon...", valueName: "DATE"))
    var from: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Last day of the period (default: today).", valueName: "DATE"))
    var to: String?

    @Option(parsing: .unconditional, help: .hidden)
    var today: String?

    /// --from or --to was given.
    var isGiven: Bool { from != nil || to != nil }

    /// Today, or the day --today names.
    func currentDay() throws -> LocalDate {
        try DateOption.day(today, "--today", today: LocalDate(containing: Date()))
    }

    /// The days from --from to --to (today when --to is left out); nil when neither is given.
    func range(today: LocalDate) throws -> DateRange? {
        guard let from else {
            if to != nil {
                printError("--to needs --from")
                throw ExitCode(2)
            }
            return nil
        }
        let first = try DateOption.day(from, "--from", today: today)
        let last = try to.map { try DateOption.day($0, "--to", today: today) } ?? today
        guard first <= last else {
            printError("--from \(first) is after --to \(last)")
            throw ExitCode(2)
        }
        return DateRange(from: first, to: last)
    }
}
