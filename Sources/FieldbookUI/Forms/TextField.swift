/// Editing and drawing a one-line `TextBuffer`: shared by form fields and searches.
extension TextBuffer {
    /// Applies a text-editing action (`.type` takes the character from `key`).
    public mutating func edit(_ action: Action, key: Key) {
        switch action {
        case .type: if case .character(let c) = key { insert(String(c)) }
        case .cursorLeft: move(by: -1)
        case .cursorRight: move(by: 1)
        case .cursorToStart: moveToStart()
        case .cursorToEnd: moveToEnd()
        case .wordLeft: moveWordLeft()
        case .wordRight: moveWordRight()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWordBackward: deleteWordBackward()
        case .clearField: clear()
        default: break
        }
    }
}

enum TextField {
    /// Draws `buffer` from (`row`, `column`) in at most `width` columns, scrolled so the cursor
    /// shows; with `box`, the whole width is drawn as an input box. Returns the columns used.
    @discardableResult
    static func draw(_ buffer: TextBuffer, focused: Bool, row: Int, column: Int, width: Int, box: Bool = false,
                     into screen: inout Screen) -> Int {
        guard width > 0 else { return 0 }
        if box { screen.fill(row: row, column: column, width: width, style: .input) }
        guard focused else {
            let used = screen.put(buffer.text, row: row, column: column, width: width, style: .input)
            return box ? width : used
        }
        let beforeCursor = TextCells.width(String(buffer.beforeCursor))
        let skip = max(0, beforeCursor - width + 1)
        var x = 0
        for cell in TextCells.cells(buffer.text) {
            defer { x += cell.width }
            if x < skip { continue }
            if x - skip + cell.width > width { break }
            let style = cell.isEscape ? Style(.escape, underline: true) : .input
            screen.put(cell.text, row: row, column: column + x - skip, width: cell.width, style: style)
        }
        if buffer.isSelected {
            // A prefilled value: typing replaces it.
            screen.restyle(row: row, column: column, width: min(width, beforeCursor - skip), style: Style(.input, reverse: true))
        }
        let cursorColumn = column + beforeCursor - skip
        if cursorColumn < screen.columns && row < screen.rows {
            if screen[row, cursorColumn].text == " " && !box { screen.put(" ", row: row, column: cursorColumn, style: .input) }
            let under = screen[row, cursorColumn]
            screen.restyle(row: row, column: cursorColumn, width: max(1, under.width), style: Style(.input, reverse: true))
        }
        return box ? width : min(width, TextCells.width(buffer.text) - skip + 1)
    }
}
