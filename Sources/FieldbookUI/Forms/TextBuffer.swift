/// Text being typed, with a cursor counted in grapheme clusters (what a person sees as one
/// character: `ë` written as e + U+0308 is one, so is a joined emoji), never in scalars.
///
/// A prefilled value starts selected: the first character typed replaces it, a move keeps it.
public struct TextBuffer: Hashable, Sendable {
    public private(set) var text: String
    /// Grapheme clusters before the cursor.
    public private(set) var cursor: Int
    /// The whole text is selected: typing replaces it, Backspace clears it.
    public private(set) var isSelected: Bool

    public init(_ text: String = "", selected: Bool = false) {
        self.text = text
        cursor = text.count
        isSelected = selected && !text.isEmpty
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: max(0, min(offset, text.count)))
    }

    /// The text before the cursor.
    public var beforeCursor: Substring { text[..<index(cursor)] }

    public mutating func insert(_ typed: String) {
        if isSelected { clear() }
        let split = index(cursor)
        let before = String(text[..<split]) + typed
        text = before + text[split...]
        // A combining mark joins the character before it: count what is there now.
        cursor = min(before.count, text.count)
    }

    public mutating func deleteBackward() {
        if isSelected { clear(); return }
        guard cursor > 0 else { return }
        let end = index(cursor)
        let start = text.index(before: end)
        text.removeSubrange(start..<end)
        cursor = min(text[..<start].count, text.count)
    }

    public mutating func deleteForward() {
        if isSelected { clear(); return }
        guard cursor < text.count else { return }
        let start = index(cursor)
        text.removeSubrange(start..<text.index(after: start))
    }

    /// Deletes the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        if isSelected { clear(); return }
        let end = cursor
        moveWordLeft()
        let range = index(cursor)..<index(end)
        text.removeSubrange(range)
    }

    public mutating func move(by offset: Int) {
        isSelected = false
        cursor = max(0, min(text.count, cursor + offset))
    }

    public mutating func moveToStart() { isSelected = false; cursor = 0 }
    public mutating func moveToEnd() { isSelected = false; cursor = text.count }

    /// Puts the cursor at `offset` grapheme clusters from the start.
    public mutating func move(to offset: Int) { isSelected = false; cursor = max(0, min(text.count, offset)) }

    /// To the start of the word before the cursor.
    public mutating func moveWordLeft() {
        isSelected = false
        let characters = Array(text)
        var at = min(cursor, characters.count)
        while at > 0 && !characters[at - 1].isLetterOrDigit { at -= 1 }
        while at > 0 && characters[at - 1].isLetterOrDigit { at -= 1 }
        cursor = at
    }

    /// To the end of the word after the cursor.
    public mutating func moveWordRight() {
        isSelected = false
        let characters = Array(text)
        var at = min(cursor, characters.count)
        while at < characters.count && !characters[at].isLetterOrDigit { at += 1 }
        while at < characters.count && characters[at].isLetterOrDigit { at += 1 }
        cursor = at
    }

    public mutating func clear() {
        text = ""
        cursor = 0
        isSelected = false
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
        isSelected = false
    }

    /// Selects the whole text (a field just reached), so typing replaces it.
    public mutating func selectAll() { isSelected = !text.isEmpty; cursor = text.count }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
