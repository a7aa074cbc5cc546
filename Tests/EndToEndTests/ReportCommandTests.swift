import Foundation
import Testing

/// `fieldbook report` on a copy of the demo: percentages for people, numbers for spreadsheets.
@Suite struct ReportCommandTests {
    @Test func csvCarriesTheRateAsANumberAndTheTextAsAPercentage() throws {
        let data = try DataCopy()
        let arguments = [binary, "report", "employment-rate", "--quarter", "2026Q3", "--data", data.folder.path, "--today", "2026-11-21"]
        let csv = spawn(arguments + ["--csv"])
        #expect(csv.status == 0, "\(csv.output)")
        let lines = csv.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "specialist,served,worked,rate")
        let program = try #require(lines.last?.split(separator: ",").map(String.init))
        #expect(program.first == "Program" && program.count == 4, "\(lines)")
        let served = try #require(Int(program[1])), worked = try #require(Int(program[2])), rate = try #require(Double(program[3]))
        #expect(abs(rate - Double(worked) / Double(served)) < 0.0001, "\(program)")
        #expect(!csv.output.contains("%"))

        let text = spawn(arguments)
        #expect(text.status == 0)
        #expect(text.output.contains("Worked \(worked) of \(served) served: \(Int((rate * 100).rounded())) %"), "\(text.output)")
    }
}

extension ReportCommandTests {
    /// A specialist named with 10,000 characters: the text report cuts the cell, the CSV keeps it.
    /// A quarter that has not begun has no outcomes: it is refused, as the Reports tab refuses it.
    @Test func aPeriodNotBegunIsRefused() throws {
        let data = try DataCopy()
        let result = spawn([binary, "report", "employment-rate", "--quarter", "2027Q1", "--data", data.folder.path,
                            "--today", "2026-12-05"])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("has not begun (today is 2026-12-05)"), "\(result.output)")
        #expect(!result.output.contains("Worked"))
    }

    @Test func theTextReportCutsALongNameAndTheCSVKeepsIt() throws {
        let data = try DataCopy()
        let maria = data.folder.appendingPathComponent("specialists/8821ca96-2a67-4c6b-b93a-d4d524abef8a.json")
        let long = "Maria " + String(repeating: "Okafor", count: 1_666)
        let text = try String(contentsOf: maria, encoding: .utf8).replacingOccurrences(of: "\"name\" : \"Maria Okafor\"", with: "\"name\" : \"\(long)\"")
        try text.write(to: maria, atomically: true, encoding: .utf8)
        let arguments = [binary, "report", "employment-rate", "--quarter", "2026Q3", "--data", data.folder.path, "--today", "2026-11-21"]
        let shown = spawn(arguments)
        #expect(shown.status == 0, "\(shown.output)")
        let widest = shown.output.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest < 120, "a line of \(widest) characters")
        #expect(shown.output.contains("Maria OkaforOkafor"), "\(shown.output)")
        #expect(shown.output.contains("…"), "\(shown.output)")
        #expect(spawn(arguments + ["--csv"]).output.contains(long))
    }
}
