import FieldbookCore
import FieldbookUI
import Foundation

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

/// Where every subcommand's output (CSV, JSON, text) goes: the one place that decides what
/// reaches standard output. On a terminal, control characters from the data are shown escaped
/// whatever the format (`TerminalText.forTerminal`: a name holding an OSC 52 clipboard write or
/// a screen clear is printed, never obeyed), and one line on standard error says how many were;
/// to a file or a pipe, the data goes as stored, quoted by the format's own rules.
enum StandardOutput {
    static func write(_ text: String) {
        write(Data(text.utf8))
    }

    static func write(_ data: Data) {
        // After any line already printed through the C library's buffer.
        fflush(nil)
        guard isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardOutput.write(data)
            return
        }
        let (shown, escaped) = TerminalText.forTerminal(String(decoding: data, as: UTF8.self))
        FileHandle.standardOutput.write(Data(shown.utf8))
        if escaped > 0 { FileHandle.standardError.write(Data((note(escaped: escaped) + "\n").utf8)) }
    }

    /// Output made piece by piece (each piece ending at a line's end): to a file or a pipe,
    /// each piece goes as it comes, so the whole never has to be held; to a terminal, the
    /// pieces are gathered and shown escaped as `write` shows them.
    static func stream(_ produce: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws {
        fflush(nil)
        guard isatty(STDOUT_FILENO) == 1 else {
            try produce { piece in FileHandle.standardOutput.write(Data(piece)) }
            return
        }
        var whole: [UInt8] = []
        try produce { whole += $0 }
        write(Data(whole))
    }

    /// The line on standard error when `escaped` control characters were shown escaped.
    static func note(escaped: Int) -> String {
        "fieldbook: \(escaped) control character\(escaped == 1 ? " was" : "s were") shown escaped (as ^[ or <U+…>) on this terminal; "
            + "send the output to a file or a pipe for the data as stored"
    }
}
