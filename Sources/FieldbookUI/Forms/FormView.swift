import FieldbookCore
import Foundation

/// Draws a form: a field a row (a text of several lines takes a row per line, a long question
/// gets its own rows above its answer), section headings, group entries; the focused field with
/// a cursor; wrong fields marked ✗ with the focused one's reason spelled out under the fields.
enum FormView {
    static let labelWidth = 24

    /// One screen row of a form.
    enum Row: Hashable {
        case blank
        case section(String)
        case entry(String)
        case addEntry(FieldID, String)
        /// A long question, on rows of its own above the answer.
        case question(FieldPath, String)
        /// A field's value: `line` of its text (0 for one-line fields), with the label on line 0
        /// unless the question had rows of its own.
        case value(FieldPath, line: Int, label: Bool)
    }

    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 4) }
    static let valueColumn = labelWidth + 3

    static func valueWidth(_ size: Size) -> Int { max(10, min(44, size.columns - valueColumn - 22)) }
    static func multiLineWidth(_ size: Size) -> Int { max(10, size.columns - valueColumn - 2) }

    static func rows(_ form: FormState, size: Size) -> [Row] {
        var rows: [Row] = []
        for line in form.lines {
            switch line {
            case .section(let title):
                if !rows.isEmpty { rows.append(.blank) }
                rows.append(.section(title))
            case .entry(_, let index, let title):
                rows.append(.entry("\(title) \(index + 1)"))
            case .addEntry(let group, let title):
                rows.append(.addEntry(group, title))
            case .field(let path):
                guard let input = form.input(path) else { continue }
                let label = input.field.label + (input.field.required ? " *" : "")
                let long = TextCells.width(label) > labelWidth
                if long {
                    for part in TextCells.wrap(label, width: max(10, size.columns - 4)) { rows.append(.question(path, part)) }
                }
                var lines = input.field.kind == .multiLine ? WrappedText(input.buffer.text, width: multiLineWidth(size)).lines.count : 1
                // A list of names: a row for typing, then a row per name taken.
                if input.field.kind.isMultipleCompletion { lines += input.taken.count }
                for line in 0..<lines { rows.append(.value(path, line: line, label: !long && line == 0)) }
            }
        }
        return rows
    }

    static func rowMatches(_ row: Row, _ focus: FormState.Focus?) -> Bool {
        switch (row, focus) {
        case (.value(let path, _, _), .field(let wanted)?), (.question(let path, _), .field(let wanted)?): path == wanted
        case (.addEntry(let group, _), .addEntry(let wanted)?): group == wanted
        default: false
        }
    }

    /// The first row to show so the focused field (and the cursor line) is on screen.
    static func keepFocusVisible(_ form: FormState, size: Size) -> Int {
        let rows = rows(form, size: size)
        let visible = visibleRows(size)
        guard let first = rows.firstIndex(where: { rowMatches($0, form.focus) }) else { return 0 }
        var last = rows.lastIndex { rowMatches($0, form.focus) } ?? first
        if let input = form.focused, input.field.kind == .multiLine {
            // Only the cursor's line need show in a long text.
            let wrapped = WrappedText(input.buffer.text, width: multiLineWidth(size))
            let cursorRow = (rows.firstIndex { if case .value(let p, 0, _) = $0 { p == form.focusedPath } else { false } } ?? first)
                + wrapped.line(containing: input.buffer.cursor)
            last = min(last, cursorRow)
        }
        // Show the section heading above the first field of a section too.
        var start = first
        while start > 0, case .section = rows[start - 1] { start -= 1 }
        var top = form.top
        if start < top { top = start }
        if last >= top + visible { top = last - visible + 1 }
        return max(0, min(top, max(0, rows.count - visible)))
    }

    static func draw(_ form: FormState, heading: (title: String, aside: String?), context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        var rightWidth = 0
        if let aside = heading.aside {
            rightWidth = TextCells.width(aside) + 2
            screen.put(aside, row: top, column: max(1, screen.columns - rightWidth + 1), style: .muted)
        }
        screen.put(heading.title, row: top, column: 1, width: max(1, screen.columns - rightWidth - 3), style: .title)

        let rows = rows(form, size: screen.size)
        let visible = visibleRows(screen.size)
        let first = max(0, min(form.top, max(0, rows.count - visible)))
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            draw(row, of: form, at: top + 2 + offset, context: context, into: &screen)
        }
        let fieldRows = rows.indices.filter { if case .value(_, 0, _) = rows[$0] { true } else { false } }
        if rows.count > visible, !fieldRows.isEmpty {
            let firstShown = (fieldRows.firstIndex { $0 >= first } ?? 0) + 1
            let lastShown = fieldRows.lastIndex { $0 < first + visible } .map { $0 + 1 } ?? firstShown
            var text = " fields \(firstShown)-\(lastShown) of \(fieldRows.count) "
            let sections = rows.filter { if case .section = $0 { true } else { false } }.count
            if sections > 0 {
                // The section of the field being filled in, not of the first row in view.
                text = " section \(min(sections, form.currentSection + 1)) of \(sections) ·" + text
            }
            screen.put(text, row: top, column: screen.columns - TextCells.width(text) - 1, style: .muted)
        }

        // The focused field's reason or help, in full, under the fields.
        let helpRow = Layout.bodyBottom(screen.size) - 1
        if let input = form.focused {
            switch input.check(today: context.today) {
            case .invalid(let reason):
                screen.putWrapped("✗ \(input.field.label): \(reason)", lastRow: helpRow, style: .danger)
            case .valid where input.field.kind.isCompletion && !input.suggestions.isEmpty
                && (input.field.kind.isMultipleCompletion || input.taken.isEmpty):
                drawSuggestions(input, row: helpRow, into: &screen)
            case .valid:
                // A help longer than the row (a fidelity item's evidence) takes two rows.
                let text = input.field.help ?? help(for: input)
                if TextCells.width(text) > screen.columns - 2 {
                    screen.putWrapped(text, lastRow: helpRow, style: .muted)
                } else {
                    screen.put(text, row: helpRow, column: 1, style: .muted)
                }
            }
        } else if case .addEntry? = form.focus {
            screen.put("Enter or Ctrl-N adds an entry; Ctrl-D on an entry's field removes it.", row: helpRow, column: 1, style: .muted)
        }
    }

    /// One row of a form at screen row `y`. Entries and "add" rows start at `indent`; `notes`
    /// puts a field's hint, or what is wrong with it, beside its value.
    static func draw(_ row: Row, of form: FormState, at y: Int, indent: Int = 3, notes: Bool = true, context: PageContext,
                     into screen: inout Screen) {
        let valueWidth = valueWidth(screen.size)
        let isFocused = rowMatches(row, form.focus)
        switch row {
        case .blank:
            break
        case .section(let title):
            let rule = String(repeating: "─", count: max(0, screen.columns - TextCells.width(title) - 6))
            screen.put([Span("── ", .muted), Span(title, .title), Span(" " + rule, .muted)], row: y, column: 1)
        case .entry(let title):
            screen.put(title, row: y, column: indent, style: Style(.title, underline: true))
        case .addEntry(_, let title):
            screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: .title)
            screen.put("+ add: \(title.lowercased()) (Enter or Ctrl-N)", row: y, column: indent, style: isFocused ? .title : .muted)
        case .question(_, let text):
            screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: .title)
            screen.put(text, row: y, column: 2, style: isFocused ? .title : .normal)
        case .value(let path, let line, let label):
            guard let input = form.input(path) else { return }
            if label {
                let text = input.field.label + (input.field.required ? " *" : "")
                screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: isFocused ? .title : .normal)
                screen.put(TextCells.pad(text, to: labelWidth, right: true), row: y, column: 1, style: isFocused ? .title : .normal)
            }
            drawValue(input, line: line, focused: isFocused, row: y, width: valueWidth, size: screen.size, into: &screen)
            if notes && line == 0 && input.field.kind != .multiLine && !input.field.kind.isMultipleCompletion {
                let noteColumn = valueColumn + valueWidth + 2
                switch input.check(today: context.today) {
                case .invalid(let reason): screen.put("✗ " + reason, row: y, column: noteColumn, style: .danger)
                case .valid(let hint?): screen.put(hint, row: y, column: noteColumn, style: .muted)
                case .valid(nil): break
                }
            }
        }
    }

    static func drawValue(_ input: FieldInput, line: Int, focused: Bool, row: Int, width: Int, size: Size,
                                  into screen: inout Screen) {
        let column = valueColumn
        switch input.field.kind {
        case .choice, .yesNo, .scale:
            let label = input.picked.map { input.options[$0].label } ?? "—"
            let text = focused ? "◂ \(label) ▸" : "  \(label)"
            screen.put(TextCells.pad(text, to: width), row: row, column: column, style: focused ? .input : .normal)
        case .multipleChoice:
            if focused && !input.fragment.text.isEmpty {
                TextField.draw(input.fragment, focused: true, row: row, column: column, width: width, box: true, into: &screen)
            } else {
                let text = input.shown.isEmpty ? "—" : input.shown
                screen.put(TextCells.pad("  " + text, to: width), row: row, column: column, style: focused ? .input : .normal)
            }
            if focused {
                let matches = input.matches
                let noteColumn = column + width + 2
                if !input.fragment.text.isEmpty, !matches.isEmpty {
                    let index = matches[min(input.offered, matches.count - 1)]
                    let mark = input.ticked.contains(index) ? "☒" : "☐"
                    screen.put("◂ \(mark) \(input.options[index].label) ▸", row: row, column: noteColumn, style: .title)
                }
            }
        case .multiLine:
            let wide = multiLineWidth(size)
            let wrapped = WrappedText(input.buffer.text, width: wide)
            screen.fill(row: row, column: column, width: wide, style: .input)
            let texts = wrapped.texts
            if texts.indices.contains(line) { screen.put(texts[line], row: row, column: column, width: wide, style: .input) }
            if focused && wrapped.line(containing: input.buffer.cursor) == line {
                let x = column + wrapped.column(of: input.buffer.cursor)
                if x < screen.columns {
                    let under = screen[row, x]
                    screen.restyle(row: row, column: x, width: max(1, under.width), style: Style(.input, reverse: true))
                }
            }
        case .text, .date, .number, .completion(_, false):
            TextField.draw(input.buffer, focused: focused, row: row, column: column, width: width, box: true, into: &screen)
        case .completion(_, true):
            if line == 0 {
                if focused || input.taken.isEmpty {
                    TextField.draw(input.buffer, focused: focused, row: row, column: column, width: width, box: true, into: &screen)
                }
                if !focused && input.taken.isEmpty { screen.put("—", row: row, column: column + 2, style: .input) }
                if !focused && !input.taken.isEmpty {
                    screen.put("\(input.taken.count) chosen", row: row, column: column, width: width, style: .muted)
                }
            } else if input.taken.indices.contains(line - 1) {
                let option = input.taken[line - 1]
                var spans: StyledLine = [Span("• " + option.label)]
                if let detail = option.detail { spans.append(Span(" · " + detail, .muted)) }
                screen.put(spans, row: row, column: column, width: max(1, screen.columns - column - 1))
            }
        }
    }

    /// The matches for what is typed in a completion field, the one Enter takes highlighted.
    private static func drawSuggestions(_ input: FieldInput, row: Int, into screen: inout Screen) {
        var spans: StyledLine = [Span("↓↑ ", .key)]
        let offered = input.offeredSuggestion
        for (index, option) in input.suggestions.enumerated() {
            if index > 0 { spans.append(Span(" · ", .muted)) }
            var text = option.label
            if option == offered, let detail = option.detail { text += " (\(detail))" }
            spans.append(Span(option == offered ? "[\(text)]" : text, option == offered ? Style(.title, bold: true) : .normal))
        }
        if offered == nil {
            spans.append(Span(input.field.kind.isMultipleCompletion ? "  (type a name; ↓ to choose)" : "  (type to choose; ↓ browses)", .muted))
        }
        screen.put(spans, row: row, column: 1, width: screen.columns - 2)
    }

    private static func help(for input: FieldInput) -> String {
        switch input.field.kind {
        case .date(let lean):
            return "Dates: 2026-11-30, today, yesterday, +3d, -2w, or a weekday: mon = "
                + (lean == .past ? "the latest Monday" : "the next Monday")
        case .choice, .yesNo, .scale:
            return "Space or → for the next option, ← for the previous one, or type its first letter."
        case .multipleChoice:
            return "Type part of an option, Space ticks or unticks it; ← → show other matches."
        case .multiLine:
            return "Enter starts a new line; Tab moves to the next field; Ctrl-S saves."
        case .number:
            return "A number. Enter moves to the next field; Ctrl-S saves."
        case .completion(_, let multiple):
            return multiple ? "Type part of a name; Enter adds the match, Backspace takes the last off; Tab moves on."
                : "Type part of a name; Enter or Tab takes the match, ↓ ↑ choose another."
        case .text:
            return input.field.required ? "Required. Enter moves to the next field; Ctrl-S saves." : "Enter moves to the next field; Ctrl-S saves."
        }
    }
}
