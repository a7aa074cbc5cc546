import ArgumentParser
import FieldbookCore
import FieldbookUI
import Foundation

struct Contacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the employer contacts of a week or period, and each specialist's face-to-face count against the target.",
        discussion: """
            Without --week or --from, the current week (Monday to Sunday). Only face-to-face contacts \
            count toward the target: by default 6 a week per specialist, or 2 per job seeker when a \
            specialist has fewer than 3 clients in job search (settings.json); a longer period scales it. \
            Reads only; changes nothing.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("An ISO week (2026-W47), or a day in it (today, -1w...).", valueName: "YYYY-Www"))
    var week: String?

    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: ArgumentHelp("Only specialists whose name holds this (accents optional).", valueName: "NAME"))
    var specialist: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let transform = try FolderAccess.unlock(options.folder)
        let today = try periodOptions.currentDay()
        let period = try chosenPeriod(today: today)
        let folder = options.folder
        let store: Store
        do {
            store = try Store(folder: folder, mode: .readOnly, transform: transform)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let snapshot = store.load()
        for problem in snapshot.problems where problem.kind == .employerContacts || problem.kind == .specialist {
            printError("\(problem.path): \(escaped(problem.message)) (left out)")
        }
        var chosen: Set<UUID>?
        if let specialist {
            let matches = snapshot.specialists.filter { NameSearch.matches(specialist, in: [$0.name]) }
            guard !matches.isEmpty else {
                let names = snapshot.specialists.map(\.name).sorted().joined(separator: ", ")
                printError("no specialist matches \"\(escaped(specialist))\" (known: \(escaped(names)))")
                throw ExitCode(2)
            }
            chosen = Set(matches.map(\.id))
        }
        let report = ContactsReport(snapshot, tallies: ContactTallies(snapshot, today: today), period: period, specialists: chosen)
        if json {
            StandardOutput.write(try CommandJSON.data(report))
        } else {
            StandardOutput.write(ContactsTable.text(report))
        }
    }

    private func chosenPeriod(today: LocalDate) throws -> DateRange {
        if let week {
            guard !periodOptions.isGiven else {
                printError("give either --week or --from/--to, not both")
                throw ExitCode(2)
            }
            return try DateOption.week(week, "--week", today: today).days
        }
        return try periodOptions.range(today: today) ?? ISOWeek(containing: today).days
    }
}

/// Text for a person's terminal: control characters shown escaped, as on screen (`^[`).
func escaped(_ text: String) -> String { TextCells.cells(text).map(\.text).joined() }

/// The human-readable form of a contacts report: a table of contacts, then the tallies.
enum ContactsTable {
    static func text(_ report: ContactsReport) -> String {
        var out = "Employer contacts " + (report.week.map { "\($0): " } ?? "")
            + "\(report.from.longDescription) to \(report.to.longDescription)\n\n"
        if report.contacts.isEmpty {
            out += "No employer contacts in this period.\n"
        } else {
            let header = ["Date", "Specialist", "Employer", "Person", "Purpose", "Method", "On behalf of"]
            let rows = report.contacts.map { row in
                [row.date.description, row.specialist ?? "?", row.employer ?? "?", row.person ?? "",
                 row.purpose.label, row.method.label,
                 row.onBehalfOf.map { $0.name ?? "?" }.joined(separator: ", ")]
            }
            out += table([header] + rows, caps: [10, 20, 24, 18, 26, 12, .max])
        }
        out += "\nFace-to-face employer contacts against the target\n"
        let lines = report.specialists + (report.team.map { [$0] } ?? [])
        let nameWidth = min(24, lines.map { TextCells.width($0.name) }.max() ?? 0)
        let countWidth = lines.map { "\($0.faceToFace)/\($0.target)".count }.max() ?? 0
        for tally in lines {
            out += TextCells.pad(tally.name, to: nameWidth) + "  "
                + TextCells.pad("\(tally.faceToFace)/\(tally.target)", to: countWidth, right: true) + "  " + status(tally) + "\n"
        }
        if lines.isEmpty { out += "No specialists.\n" }
        return out
    }

    static func status(_ tally: ContactsReport.Tally) -> String {
        if tally.target == 0 { return "no target: no clients in job search" }
        if tally.faceToFace >= tally.target { return "met" }
        if tally.missed { return "missed" }
        return "\(tally.left) to go · \(tally.workingDaysLeft == 1 ? "1 working day" : "\(tally.workingDaysLeft) working days") left"
    }

    /// Columns as wide as their widest cell (up to a cap), two spaces apart; escaped and cut
    /// with `…` by display width.
    static func table(_ rows: [[String]], caps: [Int]) -> String {
        let widths = caps.indices.map { column in
            min(caps[column], rows.map { TextCells.width(escaped($0[column])) }.max() ?? 0)
        }
        return rows.map { row in
            row.indices.map { column in
                column == row.count - 1 ? escaped(row[column]) : TextCells.pad(row[column], to: widths[column])
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }
}
