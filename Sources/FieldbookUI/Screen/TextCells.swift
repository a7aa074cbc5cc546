import CTextWidth
import FieldbookCore

/// One character cell of text as the terminal will show it: a base glyph with any combining
/// marks, taking 1 or 2 columns.
public struct TextCell: Hashable, Sendable {
    public var text: String
    public var width: Int
    /// True when the cell shows an escaped control character (e.g. `^[`), not the data itself.
    public var isEscape: Bool
}

/// Turns stored text into terminal cells, with the same width model as ncursesw (the C
/// library's `wcwidth`, scalar by scalar), so columns never drift.
///
/// Control characters never reach the terminal: they show as `TerminalText` (FieldbookCore)
/// writes them, the same on screens and on the command line: an Esc pasted into a name as `^[`,
/// a tab as `^I`, a newline in a one-line field as `^J`; C1 controls and bidirectional overrides
/// as `<U+XXXX>`.
public enum TextCells {
    public static func cells(_ text: String) -> [TextCell] {
        var result: [TextCell] = []
        forEachCell(text) { cell in
            result.append(cell)
            return true
        }
        return result
    }

    /// The first cells of `text` that fit in `columns`, and whether any cell is left after
    /// them. Only that much of the text is read, however long it is.
    public static func cells(_ text: String, fittingIn columns: Int) -> (cells: [TextCell], more: Bool) {
        var result: [TextCell] = []
        var used = 0
        var more = false
        forEachCell(text) { cell in
            if used + cell.width > columns {
                more = true
                return false
            }
            result.append(cell)
            used += cell.width
            return true
        }
        return (result, more)
    }

    /// Hands `body` the cells of `text` in order, each whole (with its combining marks), until
    /// `body` returns false: the text is read no further than that.
    public static func forEachCell(_ text: String, _ body: (TextCell) -> Bool) {
        var current: TextCell?
        for scalar in text.unicodeScalars {
            if let shown = TerminalText.replacement(for: scalar) {
                if let done = current, !body(done) { return }
                current = nil
                for ch in shown where !body(TextCell(text: String(ch), width: 1, isEscape: true)) { return }
                continue
            }
            let width = scalarWidth(scalar)
            if width == 0 {
                // A combining mark joins the glyph before it (never an escape).
                current?.text.unicodeScalars.append(scalar)
                continue
            }
            if let done = current, !body(done) { return }
            if width < 0 {
                current = nil
                if !body(TextCell(text: "\u{FFFD}", width: 1, isEscape: true)) { return }
                continue
            }
            current = TextCell(text: String(scalar), width: width, isEscape: false)
        }
        if let done = current { _ = body(done) }
    }

    /// Columns `text` takes on screen; nothing is allocated, whatever its length.
    public static func width(_ text: String) -> Int {
        if TerminalText.isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for scalar in text.unicodeScalars { total += columns(of: scalar) }
        return total
    }

    /// Columns one scalar adds to a text as shown: an escaped control character its escape,
    /// a combining mark none, a character the C library cannot measure one (shown as U+FFFD).
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        if TerminalText.isPrintableASCII(scalar) { return 1 }
        if let shown = TerminalText.replacement(for: scalar) { return shown.utf8.count }
        let width = scalarWidth(scalar)
        return width < 0 ? 1 : width
    }

    /// Columns one scalar takes: the C library's answer, with ASCII answered directly.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if TerminalText.isPrintableASCII(scalar) { return 1 }
        _ = utf8Locale
        return Int(fieldbook_wcwidth(scalar.value))
    }

    /// wcwidth answers -1 for every non-ASCII character in the C locale, so widths are measured
    /// in a UTF-8 locale (the environment's, else C.UTF-8), as the terminal layer draws in one.
    public static let utf8Locale: Bool = fieldbook_use_utf8_ctype() == 1

    /// Cuts `text` to at most `width` columns, ending with `…` when something was cut.
    /// A wide glyph is never split. Reads no more of the text than `width` columns.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Printable ASCII that fits is its own cells (most of what lists show, every frame).
        if text.utf8.count <= width, TerminalText.isPrintableASCII(text) { return text }
        var (kept, more) = cells(text, fittingIn: width)
        if !more { return kept.map(\.text).joined() }
        var used = kept.reduce(0) { $0 + $1.width }
        while used > width - 1, let last = kept.popLast() { used -= last.width }
        while kept.last?.text == " " { kept.removeLast() }
        return kept.map(\.text).joined() + "…"
    }
}

extension TextCells {
    /// Breaks `text` into lines of at most `width` columns, at spaces where it can; a word
    /// longer than a line is cut. Newlines in the text start new lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, width: width, upTo: .max).lines
    }

    /// The first `limit` lines of `wrap(text, width:)`, and whether the text goes on after
    /// them. One pass over the text, read no further than those lines: the time is linear in
    /// what is laid out, however long the text (a word of 200 MB included).
    public static func wrap(_ text: String, width: Int, upTo limit: Int) -> (lines: [String], more: Bool) {
        guard width > 0, limit > 0 else { return ([], !text.isEmpty) }
        var lines: [String] = []
        var line = String.UnicodeScalarView(), lineWidth = 0
        var word = String.UnicodeScalarView(), wordWidth = 0
        // The word being read is wider than a line: it is cut into lines as it comes.
        var cutting = false

        /// False once `limit` lines are made and more is to come.
        func emit(_ scalars: String.UnicodeScalarView) -> Bool {
            guard lines.count < limit else { return false }
            lines.append(String(scalars))
            return true
        }
        func endWord() -> Bool {
            defer {
                word = String.UnicodeScalarView()
                wordWidth = 0
                cutting = false
            }
            guard !word.isEmpty else { return true }
            if cutting {
                line = word
                lineWidth = wordWidth
                return true
            }
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line.append(" ")
                line.append(contentsOf: word)
                lineWidth += 1 + wordWidth
                return true
            }
            if lineWidth > 0 && !emit(line) { return false }
            line = word
            lineWidth = wordWidth
            return true
        }

        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                guard endWord(), emit(line) else { return (lines, true) }
                line = String.UnicodeScalarView()
                lineWidth = 0
            case " ":
                guard endWord() else { return (lines, true) }
            default:
                let columns = columns(of: scalar)
                if columns > 0 && wordWidth > 0 && wordWidth + columns > width {
                    if !cutting {
                        // The word needs lines of its own: the line before it ends here.
                        if lineWidth > 0 {
                            guard emit(line) else { return (lines, true) }
                            line = String.UnicodeScalarView()
                            lineWidth = 0
                        }
                        cutting = true
                    }
                    guard emit(word) else { return (lines, true) }
                    word = String.UnicodeScalarView()
                    wordWidth = 0
                }
                word.append(scalar)
                wordWidth += columns
            }
        }
        guard endWord(), emit(line) else { return (lines, true) }
        return (lines, false)
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns; `right` aligns to the right.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - TextCells.width(cut)))
        return right ? gap + cut : cut + gap
    }
}
