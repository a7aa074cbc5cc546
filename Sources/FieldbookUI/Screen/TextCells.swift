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
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let shown = TerminalText.replacement(for: scalar) {
                for ch in shown { result.append(TextCell(text: String(ch), width: 1, isEscape: true)) }
                continue
            }
            let width = scalarWidth(scalar)
            if width == 0 {
                if let last = result.indices.last, !result[last].isEscape {
                    result[last].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if width < 0 {
                result.append(TextCell(text: "\u{FFFD}", width: 1, isEscape: true))
                continue
            }
            result.append(TextCell(text: String(scalar), width: width, isEscape: false))
        }
        return result
    }

    /// Columns `text` takes on screen.
    public static func width(_ text: String) -> Int {
        if TerminalText.isPrintableASCII(text) { return text.utf8.count }
        return cells(text).reduce(0) { $0 + $1.width }
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
    /// A wide glyph is never split.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Printable ASCII that fits is its own cells (most of what lists show, every frame).
        if text.utf8.count <= width, TerminalText.isPrintableASCII(text) { return text }
        let all = cells(text)
        let total = all.reduce(0) { $0 + $1.width }
        if total <= width { return all.map(\.text).joined() }
        var used = 0
        var out = ""
        for cell in all {
            if used + cell.width > width - 1 { break }
            out += cell.text
            used += cell.width
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }
}

extension TextCells {
    /// Breaks `text` into lines of at most `width` columns, at spaces where it can; a word
    /// longer than a line is cut. Newlines in the text start new lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = TextCells.width(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var used = 0
                    var rest = Substring(word)
                    while let c = rest.first {
                        let w = TextCells.width(String(c))
                        if used + w > width { break }
                        head.append(c)
                        used += w
                        rest.removeFirst()
                    }
                    if head.isEmpty { break }
                    lines.append(head)
                    word = String(rest)
                    wordWidth = TextCells.width(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns; `right` aligns to the right.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - TextCells.width(cut)))
        return right ? gap + cut : cut + gap
    }
}
