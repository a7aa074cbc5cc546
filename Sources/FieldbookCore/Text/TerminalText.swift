/// Text made safe to write to a terminal: control characters from file contents and file
/// names are shown, never obeyed.
///
/// C0 controls show in caret notation (Esc as `^[`, a tab as `^I`, a newline as `^J`, DEL as
/// `^?`); C1 controls, bidirectional overrides and the Unicode line and paragraph separators show as `<U+XXXX>`. An OSC 52 clipboard write
/// (`ESC ] 52 ; c ; … BEL`) or a screen clear (`ESC [ 2 J`) in a name therefore comes out as
/// plain, visible text. The screens and every human-readable line of the command line use this.
public enum TerminalText {
    /// How `scalar` is shown, or nil when it is shown as it is.
    public static func replacement(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if value < 0x20 { return "^" + String(UnicodeScalar(UInt8(value) + 0x40)) }
        if value == 0x7F { return "^?" }
        if (0x80...0x9F).contains(value) || isBidiControl(value) { return "<U+\(hex(value))>" }
        return nil
    }

    /// Printable ASCII, space to `~`: shown as it is, one column each. Control characters,
    /// DEL (0x7F) among them, are not.
    @inlinable public static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    @inlinable public static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isPrintableASCII(UInt8(scalar.value))
    }

    /// Text of printable ASCII only (most of what screens show): the fast paths that treat it
    /// as one cell per byte.
    @inlinable public static func isPrintableASCII(_ text: String) -> Bool { text.utf8.allSatisfy(isPrintableASCII) }

    /// `text` with every control character replaced by its visible form.
    public static func escaped(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let shown = replacement(for: scalar) {
                result.append(contentsOf: shown.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` as a terminal is given it whatever the format (CSV, JSON, text): every control
    /// character escaped but the line ends (a newline, and a carriage return right before one,
    /// as CSV's CRLF), with how many characters were escaped.
    public static func forTerminal(_ text: String) -> (text: String, escaped: Int) {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return (text, 0) }
        var result = String.UnicodeScalarView()
        var count = 0
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "\n" || (scalar == "\r" && next == "\n") {
                result.append(scalar)
            } else if let shown = replacement(for: scalar) {
                result.append(contentsOf: shown.unicodeScalars)
                count += 1
            } else {
                result.append(scalar)
            }
        }
        return (String(result), count)
    }

    /// Like `escaped`, but keeps newlines: for several lines printed at once.
    public static func escapedKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    private static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
