import ArgumentParser
import FieldbookCore
import Foundation

struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what is due: follow-along contacts, first employer contacts, employers' next steps.",
        discussion: """
            Overdue items are always listed; the rest up to --within days after --as-of. The list is \
            what it would have been on the morning of --as-of: later contacts and job ends are \
            ignored, and each client has the status they had that day. Reads the folder, changes \
            nothing; exits 0 whenever the list could be computed.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(name: .customLong("as-of"), parsing: .unconditional, help: ArgumentHelp("The day to list for (default: today): 2026-11-30, yesterday, -1w, mon...", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("Also list what falls due in this many days after --as-of.", valueName: "DAYS"))
    var within: Int = 7

    @Option(help: ArgumentHelp("Only this specialist's items: part of a name, accents optional.", valueName: "NAME"))
    var specialist: String?

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() throws {
        let transform = try FolderAccess.unlock(options.folder)
        // The app's date words (`yesterday`, `-1w`, `mon`), as every date option takes them.
        let day = try DateOption.day(asOf, "--as-of", today: LocalDate(containing: Date()))
        guard within >= 0 else {
            printError("--within: \(within) is negative; give a number of days, 0 or more")
            throw ExitCode(2)
        }

        let folder = options.folder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let snapshot = try readOnlyStore(folder, transform: transform).load()
        reportLeftOut(snapshot, in: "the list")

        var items = DueList(snapshot: snapshot, asOf: day).items(within: within)
        var specialistNames: [String] = []
        if let specialist {
            let matches = snapshot.specialists.filter { NameSearch.matches(specialist, in: [$0.name]) }
            guard !matches.isEmpty else {
                let names = snapshot.specialists.map(\.name).sorted().joined(separator: ", ")
                printError("--specialist: no specialist matches \"\(DueTable.terminalText(specialist))\" (known: \(names))")
                throw ExitCode(2)
            }
            let ids = Set(matches.map(\.id))
            items = items.filter { $0.specialistID.map(ids.contains) ?? false }
            specialistNames = matches.map(\.name).sorted()
        }

        if json {
            StandardOutput.write(DueJSON.encode(items))
        } else {
            StandardOutput.write(DueTable.render(items, asOf: day, within: within, specialists: specialistNames))
        }
    }
}

/// `fieldbook due --json`: one object per item, data as it is (keys and ids as every
/// `--json` writes them: CommandJSON).
enum DueJSON {
    struct Row: Encodable {
        let item: DueItem

        enum Key: CodingKey {
            case clientID, clientName, specialist, kind, dueOn, status, daysOverdue, jobID, employerID, employerName, why
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            // An employer's item has no client: `client_id` and `client_name` are null, not left out.
            try c.encode(item.clientID, forKey: .clientID)
            try c.encode(item.clientName, forKey: .clientName)
            try c.encode(item.specialistName, forKey: .specialist)
            try c.encode(item.kind.rawValue, forKey: .kind)
            try c.encode(item.dueOn.description, forKey: .dueOn)
            try c.encode(item.status.rawValue, forKey: .status)
            try c.encode(item.daysOverdue, forKey: .daysOverdue)
            try c.encodeIfPresent(item.jobID, forKey: .jobID)
            try c.encodeIfPresent(item.employerID, forKey: .employerID)
            try c.encodeIfPresent(item.employerName, forKey: .employerName)
            try c.encode(item.why, forKey: .why)
        }
    }

    static func encode(_ items: [DueItem]) -> Data {
        // Strings, numbers and nulls only: encoding cannot fail.
        (try? CommandJSON.data(items.map(Row.init))) ?? Data("[]\n".utf8)
    }
}

/// `fieldbook due` for people: a table whose text is escaped for the terminal.
enum DueTable {
    static func render(_ items: [DueItem], asOf: LocalDate, within: Int, specialists: [String]) -> String {
        let last = asOf.adding(days: within)
        var heading = "Due as of \(asOf.longDescription), up to \(last.longDescription)"
        if !specialists.isEmpty { heading += " for " + specialists.map(terminalText).joined(separator: ", ") }
        guard !items.isEmpty else { return heading + ": nothing due.\n" }
        let overdue = items.filter { $0.status == .overdue }.count
        let today = items.filter { $0.status == .today }.count
        heading += ": \(items.count) item\(items.count == 1 ? "" : "s") (\(overdue) overdue, \(today) today)"

        let header = ["DUE", "STATUS", "CLIENT / EMPLOYER", "SPECIALIST", "KIND", "WHY"]
        let rows = items.map { item -> [String] in
            let status = switch item.status {
            case .overdue: "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
            case .today: "today"
            case .upcoming: "in \(asOf.days(until: item.dueOn)) day\(asOf.days(until: item.dueOn) == 1 ? "" : "s")"
            }
            let who = item.clientName ?? item.employerName ?? ""
            return [item.dueOn.description, status, who, item.specialistName ?? "(none)", item.kind.rawValue, item.why]
                .map(terminalText)
        }
        let caps = [10, 16, 32, 20, 22, Int.max]
        var widths = header.map(TextWidth.columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], min(caps[index], TextWidth.columns(cell))) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : TextWidth.padded(TextWidth.truncated(cell, to: widths[index]), to: widths[index])
            }.joined(separator: "  ")
        }
        return ([heading, "", line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// Text safe for a terminal: control characters shown escaped (`^[`, `<U+202E>`).
    static func terminalText(_ text: String) -> String { TextWidth.escaped(text) }
}
