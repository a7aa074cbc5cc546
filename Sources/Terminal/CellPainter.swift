import CNcursesw
import FieldbookUI

/// Writes the cells of a frame that differ from the last one into an ncurses window. Plain
/// code over buffers (no actor, no reference counting per cell): a frame that changes the whole
/// page writes every one of its cells, on the key that changed it.
struct CellPainter {
    let window: UnsafeMutablePointer<WINDOW>
    /// The colour pair of each role (none when colour is off).
    let pairs: [Style.Role: Int32]

    func paint(_ cells: UnsafeBufferPointer<Cell>, was old: UnsafeBufferPointer<Cell>?, rows: Int, columns: Int) {
        // A cell's characters for ncurses, ended by 0; its attributes worked out again only
        // when the style changes from the cell before.
        var characters: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        var lastStyle: Style?
        var attributes = fb_a_normal()
        var pair: Int32 = 0
        for row in 0..<rows {
            let start = row * columns
            let line = UnsafeBufferPointer(rebasing: cells[start..<(start + columns)])
            let oldLine = old.map { UnsafeBufferPointer(rebasing: $0[start..<(start + columns)]) }
            guard let span = Self.changedSpan(line, was: oldLine) else { continue }
            var column = span.lowerBound
            while column <= span.upperBound && column < line.count {
                let cell = line[column]
                if cell.isContinuation {
                    column += 1
                    continue
                }
                if cell.style != lastStyle {
                    lastStyle = cell.style
                    attributes = Self.attributes(of: cell.style)
                    pair = pairs[cell.style.role] ?? 0
                }
                let scalars = cell.scalars
                characters = (wchar_t(bitPattern: scalars.0 == 0 ? 32 : scalars.0), wchar_t(bitPattern: scalars.1),
                              wchar_t(bitPattern: scalars.2), wchar_t(bitPattern: scalars.3), wchar_t(bitPattern: scalars.4), 0)
                withUnsafePointer(to: &characters) { tuple in
                    tuple.withMemoryRebound(to: wchar_t.self, capacity: 6) { text in
                        _ = fb_put_cell(window, Int32(row), Int32(column), text, attributes, pair)
                    }
                }
                column += max(1, cell.width)
            }
        }
    }

    static func attributes(of style: Style) -> attr_t {
        var attributes = fb_a_normal()
        if style.bold { attributes |= fb_a_bold() }
        if style.reverse { attributes |= fb_a_reverse() }
        if style.underline { attributes |= fb_a_underline() }
        if style.dim { attributes |= fb_a_dim() }
        return attributes
    }

    /// The columns of one row to write again: all of them without a last frame of the same
    /// size, else from the first cell that changed to the last (widened to keep wide glyphs whole).
    static func changedSpan(_ line: UnsafeBufferPointer<Cell>, was old: UnsafeBufferPointer<Cell>?) -> ClosedRange<Int>? {
        guard !line.isEmpty else { return nil }
        guard let old else { return 0...(line.count - 1) }
        var first: Int?
        var last = 0
        for column in 0..<line.count where line[column] != old[column] {
            if first == nil { first = column }
            last = column
        }
        guard var start = first else { return nil }
        if line[start].isContinuation || old[start].isContinuation { start = max(0, start - 1) }
        if last + 1 < line.count, line[last].width == 2 || old[last].width == 2 { last += 1 }
        return start...last
    }
}
