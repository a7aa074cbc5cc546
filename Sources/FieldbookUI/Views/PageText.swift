import FieldbookCore

/// A stored text on a page, laid out only as far as a page can show: at most `linesPerText`
/// lines, then a line saying it was cut and how long it is. A text of any size (200 MB pasted
/// into a note) then opens its page at once; the data itself is never cut.
enum PageText {
    static let linesPerText = 200

    /// The line after a text cut at `linesPerText` lines.
    static func cutNote(_ text: String) -> String {
        "… cut here: \(text.utf8.count.formatted()) bytes in all; fieldbook export writes it whole"
    }

    /// `text` wrapped to `width`: its first lines, and the cut note when it goes on after them.
    static func wrap(_ text: String, width: Int) -> (lines: [String], cut: String?) {
        let wrapped = TextCells.wrap(text, width: width, upTo: linesPerText)
        return (wrapped.lines, wrapped.more ? cutNote(text) : nil)
    }
}
