import FieldbookCore
import Foundation
import Testing

/// Every date option of the command line takes the app's date words, and gives the same
/// output as the date the words name; a malformed one is refused, naming the option.
@Suite struct DateOptionTests {
    static let today = "2026-11-21"   // a Saturday, in ISO week 47
    static let yesterday = LocalDate(containing: Date()).adding(days: -1).description

    /// An option given in words, and the same given as the date (or period) they name.
    static let words: [(option: String, words: [String], written: [String])] = [
        ("due --as-of", ["due", "--as-of", "yesterday"], ["due", "--as-of", yesterday]),
        ("contacts --from", ["contacts", "--today", today, "--from", "-2w"], ["contacts", "--today", today, "--from", "2026-11-07"]),
        ("contacts --to", ["contacts", "--today", today, "--from", "2026-11-01", "--to", "yesterday"],
         ["contacts", "--today", today, "--from", "2026-11-01", "--to", "2026-11-20"]),
        ("contacts --week", ["contacts", "--today", today, "--week", "-1w"], ["contacts", "--today", today, "--week", "2026-W46"]),
        ("contacts --today", ["contacts", "--today", "yesterday"], ["contacts", "--today", yesterday]),
        ("report --quarter", ["report", "employment-rate", "--today", today, "--quarter", "-3m"],
         ["report", "employment-rate", "--today", today, "--quarter", "2026Q3"]),
        ("report --month", ["report", "caseload", "--today", today, "--month", "-1m"],
         ["report", "caseload", "--today", today, "--month", "2026-10"]),
        ("report --from --to", ["report", "job-starts", "--today", today, "--from", "-4w", "--to", "fri"],
         ["report", "job-starts", "--today", today, "--from", "2026-10-24", "--to", "2026-11-20"]),
        ("profile export --as-of", ["profile", "export", "José", "--as-of", "yesterday"],
         ["profile", "export", "José", "--as-of", yesterday]),
    ]

    /// A malformed value and the start of what is said.
    static let malformed: [(arguments: [String], message: String)] = [
        (["due", "--as-of", "someday"], "--as-of: \"someday\" is not a date: use YYYY-MM-DD, today, yesterday"),
        (["contacts", "--from", "2026-11-31"], "--from: day 31 is out of range: November 2026 has 30 days"),
        (["contacts", "--from", "2026-11-01", "--to", "11/30"], "--to: \"11/30\" is not a date in the form YYYY-MM-DD"),
        (["contacts", "--week", "last"], "--week: \"last\" is not a week: write it as YYYY-Www, e.g. 2026-W47, or a day in it (today, -1w"),
        (["contacts", "--today", "+1y"], "--today: \"+1y\" is not a date"),
        (["report", "caseload", "--quarter", "2026Q5"], "--quarter: \"2026Q5\" is not a quarter; write it like 2026Q3, or a day in it (today, -3m"),
        (["report", "caseload", "--month", "2026-13"], "--month: \"2026-13\" is not a month; write it like 2026-11, or a day in it (today, -1m"),
        (["report", "caseload", "--month", "2026-02-30"], "--month: day 30 is out of range: February 2026 has 28 days"),
        (["report", "caseload", "--from", "lastweek"], "--from: \"lastweek\" is not a date"),
        (["profile", "export", "José", "--as-of", "2026/11/01"], "--as-of: \"2026/11/01\" is not a date in the form YYYY-MM-DD"),
        (["import", "clients", "none.csv", "--dry-run", "--today", "tmrw"], "--today: \"tmrw\" is not a date"),
        (["open", "--today", "someday"], "--today: \"someday\" is not a date"),
    ]

    @Test func wordsGiveWhatTheDateGives() throws {
        let data = try DataCopy()
        for (option, words, written) in Self.words {
            let inWords = spawn([binary] + words + ["--data", data.folder.path])
            let asWritten = spawn([binary] + written + ["--data", data.folder.path])
            #expect(inWords.status == 0, "\(option): \(inWords.output.prefix(400))")
            #expect(inWords.output == asWritten.output, "\(option)")
            #expect(!inWords.output.isEmpty, "\(option)")
        }
    }

    @Test func importTakesTheWordsToo() throws {
        let data = try DataCopy()
        let sheet = data.root.appendingPathComponent("clients.csv")
        try Data("id,name,program_entry\nC-1,Ana,2026-01-02\n".utf8).write(to: sheet)
        let inWords = spawn([binary, "import", "clients", sheet.path, "--dry-run", "--today", "-1d", "--data", data.folder.path])
        let asWritten = spawn([binary, "import", "clients", sheet.path, "--dry-run", "--today", Self.yesterday, "--data", data.folder.path])
        #expect(inWords.status == 0, "\(inWords.output)")
        #expect(inWords.output == asWritten.output)
        #expect(inWords.output.contains("Dry run, nothing written."), "\(inWords.output)")
    }

    @Test func aPeriodNamedByAWordIsThePeriodHoldingThatDay() throws {
        let data = try DataCopy()
        let report = spawn([binary, "report", "employment-rate", "--today", Self.today, "--quarter", "today", "--json", "--data", data.folder.path])
        #expect(report.output.contains("\"label\" : \"2026Q4\""), "\(report.output.prefix(400))")
        // A quarter's last day still names it; a day more is the next quarter.
        let lastDay = spawn([binary, "report", "caseload", "--today", Self.today, "--quarter", "2026-09-30", "--json", "--data", data.folder.path])
        #expect(lastDay.output.contains("\"from\" : \"2026-07-01\"") && lastDay.output.contains("\"to\" : \"2026-09-30\""), "\(lastDay.output.prefix(400))")
        let month = spawn([binary, "report", "caseload", "--today", Self.today, "--month", "2026-10-31", "--json", "--data", data.folder.path])
        #expect(month.output.contains("\"from\" : \"2026-10-01\"") && month.output.contains("\"to\" : \"2026-10-31\""), "\(month.output.prefix(400))")
        // A week named by a Sunday is that ISO week (Monday to Sunday).
        let week = spawn([binary, "contacts", "--today", Self.today, "--week", "2026-11-22", "--json", "--data", data.folder.path])
        #expect(week.output.contains("\"week\" : \"2026-W47\""), "\(week.output.prefix(400))")
        // A period not begun is still refused, in words too.
        let next = spawn([binary, "report", "caseload", "--today", Self.today, "--quarter", "+3m", "--data", data.folder.path])
        #expect(next.status == 2 && next.output.contains("has not begun"), "\(next.output)")
    }

    @Test func aMalformedDateIsRefusedNamingTheOption() throws {
        let data = try DataCopy()
        for (arguments, message) in Self.malformed {
            let result = spawn([binary] + arguments + ["--data", data.folder.path])
            #expect(result.status == 2, "\(arguments): \(result.output)")
            #expect(result.output.hasPrefix("fieldbook: " + message), "\(arguments): \(result.output)")
            #expect(result.output.split(separator: "\n").count == 1, "one line: \(result.output)")
        }
    }
}
