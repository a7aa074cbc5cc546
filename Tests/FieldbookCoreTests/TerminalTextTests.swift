import FieldbookCore
import Testing

@Suite struct TerminalTextTests {
    @Test func clipboardWritesAndScreenClearsComeOutVisible() {
        let hostile = "Active\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}[2J"
        let shown = TerminalText.escaped(hostile)
        #expect(shown == "Active^[]52;c;aGVsbG8=^G^[[2J")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func c1ControlsAndBidiOverridesShowTheirCodePoint() {
        #expect(TerminalText.escaped("a\u{9B}2Jb") == "a<U+009B>2Jb")
        #expect(TerminalText.escaped("x\u{202E}y") == "x<U+202E>y")
        #expect(TerminalText.escaped("tab\there\u{7F}") == "tab^Ihere^?")
    }

    @Test func ordinaryTextAccentsAndCJKPassUnchanged() {
        for text in ["José Álvarez-Ruiz", "王小明", "plain ASCII 123", "Zoë — café"] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func linesCanBeKept() {
        #expect(TerminalText.escapedKeepingLines("one\u{1B}\ntwo") == "one^[\ntwo")
    }
}

@Suite struct TerminalOutputTextTests {
    /// What a terminal is given of CSV, JSON or text: every control character escaped and
    /// counted, the line ends (LF, CRLF) kept.
    @Test func outputForATerminalEscapesEveryControlCharacterButLineEnds() {
        let csv = "id,name\r\n1,\"Zoë\u{1B}]52;c;SGFja2Vk\u{07}\u{1B}[2J\"\r\n2,\"a\rb\u{0}\"\n"
        let (shown, escaped) = TerminalText.forTerminal(csv)
        #expect(shown == "id,name\r\n1,\"Zoë^[]52;c;SGFja2Vk^G^[[2J\"\r\n2,\"a^Mb^@\"\n")
        #expect(escaped == 5)
        #expect(!shown.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\r") || $0.value == 0x7F })
        #expect(TerminalText.forTerminal("{\n  \"name\" : \"x\u{9B}2J\u{202E}\"\n}\n") == ("{\n  \"name\" : \"x<U+009B>2J<U+202E>\"\n}\n", 2))
        #expect(TerminalText.forTerminal("José, 王小明\n") == ("José, 王小明\n", 0))
    }
}
