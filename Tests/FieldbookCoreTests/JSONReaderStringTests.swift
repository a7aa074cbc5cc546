@testable import FieldbookCore
import Foundation
import Testing

/// The strict reader skips the plain bytes of a string eight at a time: a byte that is not
/// plain (a quote, a backslash, a control character, a byte of UTF-8 beyond ASCII, a byte that
/// is no UTF-8) is seen at every place in a string of every length around a word's size, with
/// the same text or the same refusal at the same line and column.
@Suite struct JSONReaderStringTests {
    /// `["<prefix><special><suffix>"]` read by the reader: the string's text, or the refusal.
    static func read(_ bytes: [UInt8]) -> Result<String, JSONSyntaxError> {
        do {
            let tape = try JSONReader.tape(Data(bytes))
            return .success(tape.string(at: 1))
        } catch {
            return .failure(error)
        }
    }

    @Test func everySpecialByteIsSeenAtEveryPlace() throws {
        let open: [UInt8] = Array("[\"".utf8), close: [UInt8] = Array("\"]".utf8)
        for length in 0..<26 {
            for place in 0...length {
                let before = [UInt8](repeating: UInt8(ascii: "a"), count: place)
                let after = [UInt8](repeating: UInt8(ascii: "b"), count: length - place)
                let plain = String(decoding: before + after, as: UTF8.self)
                // Plain text only.
                #expect(Self.read(open + before + after + close) == .success(plain))
                // A character beyond ASCII, and an escape.
                #expect(Self.read(open + before + Array("é".utf8) + after + close)
                        == .success(String(decoding: before, as: UTF8.self) + "é" + String(decoding: after, as: UTF8.self)))
                #expect(Self.read(open + before + Array("\\n".utf8) + after + close)
                        == .success(String(decoding: before, as: UTF8.self) + "\n" + String(decoding: after, as: UTF8.self)))
                // Refusals, at the byte that is wrong.
                let offset = open.count + place
                for control: UInt8 in [0x00, 0x01, 0x0A, 0x1F] {
                    let bytes = open + before + [control] + after + close
                    let position = JSONCoding.position(ofByte: offset, in: Data(bytes))
                    #expect(Self.read(bytes) == .failure(JSONSyntaxError(
                        line: position.line, column: position.column,
                        reason: "a control character inside quotes must be escaped")), "length \(length), place \(place)")
                }
                let invalid = open + before + [0xFF] + after + close
                guard case .failure(let error) = Self.read(invalid) else {
                    Issue.record("0xFF read as text at length \(length), place \(place)")
                    continue
                }
                #expect(error.reason == "text that is not valid UTF-8")
                // A quote ends the string where it is: what follows is refused.
                let quoted = open + before + [UInt8(ascii: "\"")] + after + close
                #expect(Self.read(quoted).isFailure)
                if place == length {
                    // `["aaa""]`: the string ends, then a second quote where ',' or ']' belongs.
                    let position = JSONCoding.position(ofByte: offset + 1, in: Data(quoted))
                    #expect(Self.read(quoted) == .failure(JSONSyntaxError(line: position.line, column: position.column,
                                                                        reason: "expected ',' or ']'")))
                }
            }
        }
    }

    @Test func aStringLeftOpenIsRefusedAtItsStart() {
        for length in 0..<20 {
            let bytes = Array("[\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: length)
            guard case .failure(let error) = Self.read(bytes) else {
                Issue.record("an open string read at length \(length)")
                continue
            }
            #expect(error.reason == "a text in quotes is not closed")
            #expect(error.column == 2)
        }
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
