/// Where things go on the screen. Row 0 is the header, row 1 the tabs, the last row the keys
/// and the row above it messages; the body is in between.
public enum Layout {
    public static let minimum = Size(rows: 24, columns: 80)
    static let bodyTop = 2

    static func bodyBottom(_ size: Size) -> Int { size.rows - 2 }

    /// Rows of a list under its info and heading lines.
    static func listRows(_ size: Size) -> Int { max(1, bodyBottom(size) - bodyTop - 2) }

    static func isTooSmall(_ size: Size) -> Bool {
        size.rows < minimum.rows || size.columns < minimum.columns
    }
}

/// A run of text in one style, and a line made of runs.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

public typealias StyledLine = [Span]

extension Screen {
    /// Draws runs one after another from `column`, within `width` columns.
    @discardableResult
    mutating func put(_ line: StyledLine, row: Int, column: Int = 0, width: Int? = nil) -> Int {
        let limit = width ?? (columns - column)
        var used = 0
        for span in line where used < limit {
            used += put(span.text, row: row, column: column + used, width: limit - used, style: span.style)
        }
        return used
    }
}

extension Screen {
    /// Draws `text` wrapped to at most `maxLines` lines ending on `lastRow` (a long message
    /// takes the row above too), from `column` to the right edge. Text that still does not
    /// fit ends with `…`; the key that shows the last message in full shows the rest.
    mutating func putWrapped(_ text: String, lastRow: Int, column: Int = 1, maxLines: Int = 2, style: Style) {
        let width = max(1, columns - column - 1)
        var lines = TextCells.wrap(text, width: width)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = TextCells.truncate(lines[maxLines - 1] + " …", to: width)
            if !lines[maxLines - 1].hasSuffix("…") { lines[maxLines - 1] = TextCells.truncate(lines[maxLines - 1], to: width - 1) + "…" }
        }
        let first = max(0, lastRow - lines.count + 1)
        for (offset, line) in lines.enumerated() {
            fill(row: first + offset, style: .normal)
            put(line, row: first + offset, column: column, style: style)
        }
    }
}
