/// Text of several lines wrapped to a width, in grapheme clusters and display columns: where
/// each screen line starts and ends, so the cursor can move up and down a line and Home/End
/// work on the line it is on.
struct WrappedText {
    /// Character offsets of each screen line; a newline ends a line and belongs to none.
    let lines: [Range<Int>]
    private let characters: [Character]

    init(_ text: String, width: Int) {
        characters = Array(text)
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var start = 0, used = 0, lastBreak: Int? = nil
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                lines.append(start..<index)
                start = index + 1
                used = 0
                lastBreak = nil
                index += 1
                continue
            }
            let columns = TextCells.width(String(character))
            if used + columns > width && index > start {
                // Break after the last space on this line, else in the middle of the word.
                let end = lastBreak.map { $0 + 1 } ?? index
                lines.append(start..<end)
                start = end
                used = characters[start..<index].reduce(0) { $0 + TextCells.width(String($1)) }
                lastBreak = nil
                continue
            }
            if character == " " { lastBreak = index }
            used += columns
            index += 1
        }
        lines.append(start..<characters.count)
        self.lines = lines
    }

    func line(containing cursor: Int) -> Int {
        lines.lastIndex { $0.lowerBound <= cursor } ?? 0
    }

    func column(of cursor: Int) -> Int {
        let line = lines[line(containing: cursor)]
        return characters[line.lowerBound..<min(cursor, line.upperBound)].reduce(0) { $0 + TextCells.width(String($1)) }
    }

    /// The offset on `line` nearest to display column `column`.
    func offset(line: Int, column: Int) -> Int {
        let range = lines[max(0, min(line, lines.count - 1))]
        var used = 0
        for index in range {
            let columns = TextCells.width(String(characters[index]))
            if used + columns > column { return index }
            used += columns
        }
        // The end of the line; a soft-wrapped line ends before its last space.
        let isSoftWrapped = range.upperBound < characters.count && characters[range.upperBound] != "\n"
        return isSoftWrapped ? max(range.lowerBound, range.upperBound - 1) : range.upperBound
    }

    /// The text of each line.
    var texts: [String] { lines.map { String(characters[$0]) } }
}

extension TextBuffer {
    /// Moves the cursor up (`by` -1) or down a screen line; false when there is no line there.
    mutating func moveLine(by offset: Int, width: Int) -> Bool {
        let wrapped = WrappedText(text, width: width)
        let line = wrapped.line(containing: cursor) + offset
        guard wrapped.lines.indices.contains(line) else { return false }
        move(to: wrapped.offset(line: line, column: wrapped.column(of: cursor)))
        return true
    }

    mutating func moveToLineStart(width: Int) {
        let wrapped = WrappedText(text, width: width)
        move(to: wrapped.lines[wrapped.line(containing: cursor)].lowerBound)
    }

    mutating func moveToLineEnd(width: Int) {
        let wrapped = WrappedText(text, width: width)
        move(to: wrapped.offset(line: wrapped.line(containing: cursor), column: Int.max))
    }
}
