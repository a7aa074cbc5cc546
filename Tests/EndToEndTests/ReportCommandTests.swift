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
