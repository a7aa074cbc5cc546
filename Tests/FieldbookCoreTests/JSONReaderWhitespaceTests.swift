@testable import FieldbookCore
import Foundation
import Testing

/// The strict reader skips a run of spaces eight at a time: runs of every length around a
/// word's size, at every place (before a key, a colon, a value, a comma, the end), with a tab,
/// a newline or a carriage return inside, read as the same document; a byte that is not
/// whitespace after a run is refused at its own line and column.
@Suite struct JSONReaderWhitespaceTests {
    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    @Test func runsOfSpacesOfEveryLengthReadTheSame() throws {
        let expected = JSONValue.object(["a": .array([.number("1"), .bool(true)]), "b": .string("x")])
        for length in 0..<35 {
            for other in ["", "\t", "\n", "\r\n", "\n  \t "] {
                let run = Self.spaces(length) + other + Self.spaces(length / 3)
                let text = "\(run){\(run)\"a\"\(run):\(run)[\(run)1\(run),\(run)true\(run)]\(run),\(run)\"b\"\(run):\(run)\"x\"\(run)}\(run)"
                #expect(try JSONReader.parse(Data(text.utf8)) == expected, "run of \(length) spaces then \(other.debugDescription)")
            }
        }
    }

    @Test func aByteAfterARunIsRefusedWhereItIs() {
        for length in 0..<35 {
            for stray in ["x", "\u{0B}", "\u{0C}", "\u{A0}"] {
                let text = "{\n\"a\" :\(Self.spaces(length))\(stray)1}"
                #expect(throws: JSONSyntaxError(line: 2, column: 6 + length, reason: "unexpected character"),
                        "\(length) spaces then \(stray.debugDescription)") {
                    try JSONReader.tape(Data(text.utf8))
                }
            }
        }
    }
}
