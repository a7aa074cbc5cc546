import FieldbookCore

/// How a cell looks. The role picks a colour where colour is on; the attributes carry the
/// meaning on their own, so a monochrome terminal (NO_COLOR) loses nothing.
public struct Style: Hashable, Sendable {
    public enum Role: Hashable, Sendable, CaseIterable {
        case normal, header, tab, selected, key, muted, warning, danger, success, escape, input, title
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = Style()
    public static let header = Style(.header, reverse: true)
    public static let title = Style(.title, bold: true)
    public static let selected = Style(.selected, reverse: true)
    public static let key = Style(.key, bold: true)
    public static let muted = Style(.muted, dim: true)
    public static let warning = Style(.warning, bold: true)
    public static let danger = Style(.danger, bold: true)
    public static let success = Style(.success)
    public static let input = Style(.input, underline: true)
}

/// A cell of the in-memory screen. The column after a wide glyph holds a continuation cell
/// (width 0, no text).
///
/// Plain data, no references: a screen of cells is made, compared and drawn every frame, so
/// copying, comparing or dropping a cell must not touch reference counts. The characters are
/// kept as a base character and up to four combining marks, as many as ncursesw keeps in a
/// cell (`CCHARW_MAX`); further marks are dropped, as the terminal would drop them.
public struct Cell: Hashable, Sendable {
    /// The cell's scalars; unused places are 0 (a scalar no cell holds: controls are escaped).
    public typealias Scalars = (UInt32, UInt32, UInt32, UInt32, UInt32)
    public static let scalarCapacity = 5

    private var s0: UInt32, s1: UInt32, s2: UInt32, s3: UInt32, s4: UInt32
    private var columns: UInt8
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        var values: Scalars = (0, 0, 0, 0, 0)
        var count = 0
        for scalar in text.unicodeScalars {
            switch count {
            case 0: values.0 = scalar.value
            case 1: values.1 = scalar.value
            case 2: values.2 = scalar.value
            case 3: values.3 = scalar.value
            default: values.4 = scalar.value
            }
            count += 1
            if count == Self.scalarCapacity { break }
        }
        self.init(scalars: values, width: width, style: style)
    }

    /// One ASCII character, the common case, without going through `String`.
    public init(ascii byte: UInt8, style: Style) {
        self.init(scalars: (UInt32(byte), 0, 0, 0, 0), width: 1, style: style)
    }

    public init(scalars: Scalars, width: Int, style: Style) {
        (s0, s1, s2, s3, s4) = scalars
        columns = UInt8(clamping: width)
        self.style = style
    }

    public static let blank = Cell(ascii: 0x20, style: .normal)

    /// Columns the cell takes: 1, 2 for a wide glyph, 0 for the continuation after one.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    public var isContinuation: Bool { columns == 0 }

    public var scalars: Scalars { (s0, s1, s2, s3, s4) }

    /// The cell's characters as text (empty for a continuation cell).
    public var text: String {
        var text = ""
        for value in [s0, s1, s2, s3, s4] {
            guard value != 0, let scalar = Unicode.Scalar(value) else { break }
            text.unicodeScalars.append(scalar)
        }
        return text
    }
}

public struct Size: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }
}

/// A grid of cells that views draw into. It knows nothing of the terminal; the terminal layer
/// writes only the cells that changed since the last frame.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.rows * size.columns)
    }

    public var rows: Int { size.rows }
    public var columns: Int { size.columns }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` at (`row`, `column`), at most `width` columns (default: to the right edge),
    /// cutting with `…`. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, width: Int? = nil, style: Style = .normal) -> Int {
        guard row >= 0, row < rows, column >= 0, column < columns else { return 0 }
        let limit = min(width ?? (columns - column), columns - column)
        guard limit > 0 else { return 0 }
        if let used = putPrintableASCII(text, row: row, column: column, limit: limit, style: style) { return used }
        // Only what fits is read, however long the text.
        var (items, more) = TextCells.cells(text, fittingIn: limit)
        if more {
            var used = items.reduce(0) { $0 + $1.width }
            while used > limit - 1, let last = items.popLast() { used -= last.width }
            while items.last?.text == " " { items.removeLast() }
            items.append(TextCell(text: "…", width: 1, isEscape: false))
        }
        var x = column
        for item in items {
            let cellStyle = item.isEscape ? Style(.escape, bold: style.bold, reverse: style.reverse, underline: true) : style
            set(row: row, column: x, Cell(text: item.text, width: item.width, style: cellStyle))
            x += item.width
        }
        return x - column
    }

    /// `put` for text of printable ASCII only (most of what screens show), one cell per byte,
    /// cut as `put` cuts; nil for any other text.
    private mutating func putPrintableASCII(_ text: String, row: Int, column: Int, limit: Int, style: Style) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            // What shows is decided by the first limit + 1 bytes.
            guard bytes.prefix(limit + 1).allSatisfy(TerminalText.isPrintableASCII) else { return nil }
            var shown = bytes.count
            let cut = shown > limit
            if cut {
                shown = limit - 1
                while shown > 0 && bytes[shown - 1] == 0x20 { shown -= 1 }
            }
            for index in 0..<shown { set(row: row, column: column + index, Cell(ascii: bytes[index], style: style)) }
            guard cut else { return shown }
            set(row: row, column: column + shown, Cell(text: "…", width: 1, style: style))
            return shown + 1
        }
    }

    /// Fills `width` columns from (`row`, `column`) with spaces in `style`.
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: Style) {
        guard row >= 0, row < rows else { return }
        let end = min(columns, column + (width ?? columns))
        var x = max(0, column)
        while x < end {
            set(row: row, column: x, Cell(ascii: 0x20, style: style))
            x += 1
        }
    }

    /// Changes the style of cells already drawn (a selected row, a cursor).
    public mutating func restyle(row: Int, column: Int, width: Int, style: Style) {
        guard row >= 0, row < rows else { return }
        for x in max(0, column)..<min(columns, column + width) {
            cells[row * columns + x].style = style
        }
    }

    private mutating func set(row: Int, column: Int, _ cell: Cell) {
        let index = row * columns + column
        // Never leave half of a wide glyph behind.
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(ascii: 0x20, style: cells[index - 1].style)
        }
        if cells[index].width == 2, column + 1 < columns {
            cells[index + 1] = Cell(ascii: 0x20, style: cells[index + 1].style)
        }
        if cell.width == 2 {
            guard column + 1 < columns else {
                cells[index] = Cell(ascii: 0x20, style: cell.style)
                return
            }
            if cells[index + 1].width == 2, column + 2 < columns {
                cells[index + 2] = Cell(ascii: 0x20, style: cells[index + 2].style)
            }
            cells[index] = cell
            cells[index + 1] = Cell(scalars: (0, 0, 0, 0, 0), width: 0, style: cell.style)
        } else {
            cells[index] = cell
        }
    }

    /// The text of one row as a person would read it (continuation cells add nothing).
    public func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<columns {
            text += self[row, column].text
        }
        return text
    }

    /// Every row, trailing spaces removed: what tests compare.
    public var lines: [String] {
        (0..<rows).map { line($0).trimmingTrailingSpaces() }
    }

    public var text: String { lines.joined(separator: "\n") }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
