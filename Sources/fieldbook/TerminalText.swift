import FieldbookUI

/// Text for the command line's human-readable output, with the screens' width model and
/// escaping (FieldbookUI's `TextCells`): control characters never reach the terminal, CJK
/// takes two columns, a wide glyph is never split.
enum TextWidth {
    /// `text` with control characters shown escaped (`^[`, `<U+202E>`).
    static func escaped(_ text: String) -> String { TextCells.cells(text).map(\.text).joined() }

    static func columns(_ text: String) -> Int { TextCells.width(text) }

    static func truncated(_ text: String, to width: Int) -> String { TextCells.truncate(text, to: width) }

    static func padded(_ text: String, to width: Int) -> String { TextCells.pad(text, to: width) }
}
