/// A text of styled lines shown a screenful at a time under a page's heading, with where it
/// stands ("lines 27-44 of 44") on the last body row when it does not fit. The client page and
/// the career profile review scroll this way.
enum ScrolledText {
    /// Rows for the text; the last body row is kept for the position.
    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 2) }

    /// The first line to show for a wanted `row`, kept within a text of `count` lines.
    static func top(_ row: Int, count: Int, size: Size) -> Int { max(0, min(row, max(0, count - visibleRows(size)))) }

    /// The first line to show after a scrolling key (a page is a screenful less one line), or
    /// nil when the action does not scroll.
    static func scrolled(by action: Action, from top: Int, size: Size) -> Int? {
        action.scrolled(from: top, page: max(1, visibleRows(size) - 1))
    }

    /// Draws `lines` from line `top` on, below the heading row, `width` columns wide.
    static func draw(_ lines: [StyledLine], from top: Int, width: Int, into screen: inout Screen) {
        let visible = visibleRows(screen.size)
        let first = Self.top(top, count: lines.count, size: screen.size)
        for (offset, line) in lines[first..<min(lines.count, first + visible)].enumerated() {
            screen.put(line, row: Layout.bodyTop + 1 + offset, column: 1, width: width)
        }
        if lines.count > visible {
            let text = " lines \(first + 1)-\(min(lines.count, first + visible)) of \(lines.count) "
            screen.put(text, row: Layout.bodyBottom(screen.size) - 1, column: screen.columns - TextCells.width(text), style: .muted)
        }
    }
}
