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
