@testable import FieldbookCore
import Foundation
import Testing

/// Every record file is written by `JSONWriter`; these hold it to the files' one layout.
@Suite struct JSONWriterTests {
    @Test func writesTheFilesLayoutWithEscapesOnlyWhereJSONNeedsThem() {
        let value = JSONValue.object([
            "text": .string("Zoë \"Z\" \\ a/b\n\t\r\u{08}\u{0C}\u{01}\u{1B}[31m\u{7F} 中文 🙂 e\u{0308}"),
            "number": .number("1.50"),
            "flags": .array([.bool(true), .bool(false), .null]),
            "empty list": .array([]),
            "empty object": .object([:]),
            "nested": .object(["b": .array([.object(["id": .string("x")])]), "a": .number("-2e3")]),
        ])
        let expected = """
            {
              "empty list" : [

              ],
              "empty object" : {

              },
              "flags" : [
                true,
                false,
                null
              ],
              "nested" : {
                "a" : -2e3,
                "b" : [
                  {
                    "id" : "x"
                  }
                ]
              },
              "number" : 1.50,
              "text" : "Zoë \\"Z\\" \\\\ a/b\\n\\t\\r\\b\\f\\u0001\\u001b[31m\u{7F} 中文 🙂 e\u{0308}"
            }

            """
        #expect(String(decoding: JSONWriter.data(value), as: UTF8.self) == expected)
    }

    @Test func whatItWritesReadsBackAsTheSameValue() throws {
        var strings = ["", "plain", "\u{00}", "\u{1F}", "\"\\", "tab\there", "ü", "日本", "👩‍👩‍👧", "\u{2028}"]
        strings += (0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x" }
        for text in strings {
            let value = JSONValue.object([text: .array([.string(text), .string(text + text)])])
            #expect(try JSONReader.parse(JSONWriter.data(value)) == value, "\(Array(text.unicodeScalars))")
        }
    }

    /// The store writes a record through its JSON tree; the bytes are the encoder's own.
    @Test func aRecordWrittenFromItsTreeHasTheEncodersBytes() throws {
        var client = Client(name: "Zoë Fernández\u{1B}[2J \"Q\" \\ 中文 a/b",
                            programEntryDate: try LocalDate(year: 2026, month: 3, day: 9))
        client.contacts.append(ClientContact(
            date: try LocalDate(year: 2026, month: 3, day: 10), kind: .phone, note: "line one\nline two\ttab\u{7}"))
        let encoded = try JSONCoding.encode(client)
        #expect(JSONWriter.data(try JSONReader.parse(encoded)) == encoded)
    }
}
