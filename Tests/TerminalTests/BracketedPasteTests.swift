import Terminal
import Testing

@Suite struct BracketedPasteTests {
    func collect(_ text: String) -> (BracketedPaste, Bool) {
        var paste = BracketedPaste()
        var finished = false
        for scalar in text.unicodeScalars { finished = paste.add(scalar.value) }
        return (paste, finished)
    }

    @Test func escapeSequencesInsideAPasteStayText() {
        let (paste, finished) = collect("\u{1B}yes\u{1B}[31mRED\rnext\u{1B}[201~")
        #expect(finished)
        #expect(paste.text == "\u{1B}yes\u{1B}[31mRED\rnext")
    }

    @Test func aPasteIsNotFinishedBeforeItsEndMarker() {
        let (paste, finished) = collect("half \u{1B}[201")
        #expect(!finished)
        #expect(paste.text == "half \u{1B}[201")
    }
}
