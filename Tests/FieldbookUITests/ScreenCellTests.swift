import FieldbookUI
import Testing

/// The in-memory screen's cells: plain data that still hold what a person reads, and ASCII
/// text put one byte per cell, cut exactly as any other text is cut.
@Suite struct ScreenCellTests {
    @Test func aCellHoldsItsCharactersMarksAndWidth() {
        #expect(Cell.blank.text == " " && Cell.blank.width == 1)
        let accented = Cell(text: "e\u{301}", width: 1, style: .title)
        #expect(accented.text == "e\u{301}" && accented.style == .title)
        #expect(Cell(text: "王", width: 2, style: .normal).width == 2)
        // A base character and four marks, as ncursesw keeps them; more marks are dropped.
        let marks = "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"
        #expect(Cell(text: marks, width: 1, style: .normal).text == String(marks.unicodeScalars.prefix(5)))
        #expect(Cell(ascii: 0x41, style: .key) == Cell(text: "A", width: 1, style: .key))
        #expect(Cell(ascii: 0x41, style: .key) != Cell(ascii: 0x41, style: .normal))
    }

    @Test func asciiTextIsPutAndCutAsAnyTextIs() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let letters = Array("ab cd  EF-1 ")
            let text = String((0..<Int.random(in: 0...30, using: &random)).map { _ in letters.randomElement(using: &random)! })
            let width = Int.random(in: 1...25, using: &random)
            var screen = Screen(size: Size(rows: 1, columns: 40))
            let used = screen.put(text, row: 0, column: 2, width: width, style: .selected)
            // The reference: whole when it fits; else as many as leave a column, trailing spaces
            // dropped, and "…".
            var expected = text
            if text.count > width {
                expected = String(text.prefix(width - 1))
                while expected.last == " " { expected.removeLast() }
                expected += "…"
            }
            #expect(used == expected.count, "\(text.debugDescription) in \(width)")
            #expect((0..<used).map { screen[0, 2 + $0].text }.joined() == expected, "\(text.debugDescription) in \(width)")
            #expect((0..<used).allSatisfy { screen[0, 2 + $0].style == .selected && screen[0, 2 + $0].width == 1 })
            #expect(screen[0, 2 + used] == .blank)
        }
    }

    /// DEL (0x7F) is a control character, not printable ASCII: it is shown escaped (`^?`),
    /// never put in a cell as it is, in text that is otherwise plain ASCII too.
    @Test func deleteIsShownEscapedNeverRaw() {
        for text in ["ab\u{7F}c", "\u{7F}", "Zoë\u{7F}"] {
            var screen = Screen(size: Size(rows: 1, columns: 20))
            screen.put(text, row: 0, column: 0)
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains("\u{7F}") }, "\(text.debugDescription)")
            #expect(screen.lines[0].contains("^?"), "\(text.debugDescription)")
            #expect(TextCells.width(text) == TextCells.cells(text).reduce(0) { $0 + $1.width }, "\(text.debugDescription)")
            #expect(!TextCells.truncate(text, to: 10).unicodeScalars.contains("\u{7F}"), "\(text.debugDescription)")
        }
        #expect(TextCells.width("ab\u{7F}c") == 5)
    }

    @Test func asciiBesideOtherTextLooksTheSame() {
        // The same words put whole and put one piece at a time (the second piece not ASCII)
        // give the same cells.
        var whole = Screen(size: Size(rows: 1, columns: 30))
        whole.put("Lee, Kim  Café", row: 0, column: 0, style: .title)
        var pieces = Screen(size: Size(rows: 1, columns: 30))
        let used = pieces.put("Lee, Kim  ", row: 0, column: 0, style: .title)
        pieces.put("Café", row: 0, column: used, style: .title)
        #expect(whole == pieces)
        #expect(whole.lines == ["Lee, Kim  Café"])
        // Over half of a wide glyph, ASCII still leaves no half glyph behind.
        var wide = Screen(size: Size(rows: 1, columns: 10))
        wide.put("王王", row: 0, column: 0)
        wide.put("x", row: 0, column: 1)
        #expect(wide.lines == [" x王"])
    }
}
