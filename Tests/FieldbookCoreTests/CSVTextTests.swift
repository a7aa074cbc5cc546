import FieldbookCore
import Foundation
import Testing

/// The CSV every export and report writes: RFC 4180 quoting at each character that needs it, and
/// nothing quoted that does not.
@Suite struct CSVTextTests {
    @Test func eachCharacterThatNeedsQuotesGetsThemAndNoOtherDoes() {
        let cells = ["plain", "", "a,b", "say \"hi\"", "one\ntwo", "one\rtwo", "one\r\ntwo", " spaced ", "José; 'x'\t=1"]
        let text = CSVTable.text([["h"], cells])
        #expect(text == "h\nplain,,\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"one\rtwo\",\"one\r\ntwo\", spaced ,José; 'x'\t=1\n")
        #expect(CSVTable.text([["a", "b"], ["1", "2"]], newline: "\r\n") == "a,b\r\n1,2\r\n")
        #expect(CSVTable.text([]) == "")
    }

    @Test func whatIsWrittenReadsBackCellForCell() throws {
        let cells = ["a,b", "say \"hi\"", "one\ntwo", "one\rtwo", "one\r\ntwo", "\"", ",", "Zoë 😀"]
        let header = cells.indices.map { "c\($0)" }
        for newline in ["\n", "\r\n"] {
            let back = try CSVTable.read(Data(CSVTable.text([header, cells], newline: newline).utf8))
            #expect(back.header == header)
            #expect(back.rows.map(\.cells) == [cells])
        }
    }
}
