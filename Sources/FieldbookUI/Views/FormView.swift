import FieldbookCore
import Foundation

/// A form: one field a row, the focused one with a cursor; wrong fields marked with ✗ and the
/// reason for the focused one spelled out under the fields.
enum FormView {
    static let labelWidth = 24

    static func visibleFieldRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 4) }

    static func draw(_ state: AppState, _ form: FormState, into screen: inout Screen) {
        let top = Layout.bodyTop
        var title = form.title
        if case .newContact(let id) = form.purpose, let client = state.data.client(id) {
            title += " with \(client.name)"
        }
        var rightWidth = 0
        if case .newContact(let id) = form.purpose, let client = state.data.client(id) {
            let disclosure = "Disclosure: \(client.disclosure.preference.label)"
            rightWidth = TextCells.width(disclosure) + 2
            screen.put(disclosure, row: top, column: max(1, screen.columns - rightWidth + 1), style: .muted)
        }
        screen.put(title, row: top, column: 1, width: max(1, screen.columns - rightWidth - 3), style: .title)

        let visible = visibleFieldRows(screen.size)
        let first = max(0, min(form.top, max(0, form.fields.count - visible)))
        let valueColumn = labelWidth + 3
        let valueWidth = max(10, min(44, screen.columns - valueColumn - 22))
        for (offset, field) in form.fields[first..<min(form.fields.count, first + visible)].enumerated() {
            let index = first + offset
            let y = top + 2 + offset
            let isFocused = index == form.focus
            let marker = isFocused ? "▸" : " "
            let label = field.label + (field.isRequired ? " *" : "")
            screen.put(marker, row: y, column: 0, style: isFocused ? .title : .normal)
            screen.put(TextCells.pad(label, to: labelWidth, right: true), row: y, column: 1,
                       style: isFocused ? .title : .normal)
            drawValue(field, focused: isFocused, row: y, column: valueColumn, width: valueWidth, into: &screen)
            let check = field.check(today: state.today)
            let noteColumn = valueColumn + valueWidth + 2
            switch check {
            case .invalid(let reason):
                screen.put("✗ " + reason, row: y, column: noteColumn, style: .danger)
            case .valid(let hint?):
                screen.put(hint, row: y, column: noteColumn, style: .muted)
            case .valid(nil):
                break
            }
        }
        if form.fields.count > visible {
            let text = " fields \(first + 1)-\(min(form.fields.count, first + visible)) of \(form.fields.count) "
            screen.put(text, row: top, column: screen.columns - TextCells.width(text) - 1, style: .muted)
        }

        // The focused field's reason or help, in full, under the fields.
        let focused = form.fields[form.focus]
        let helpRow = Layout.bodyBottom(screen.size) - 1
        switch focused.check(today: state.today) {
        case .invalid(let reason):
            screen.put("✗ \(focused.label): \(reason)", row: helpRow, column: 1, style: .danger)
        case .valid:
            screen.put(help(for: focused), row: helpRow, column: 1, style: .muted)
        }
    }

    private static func drawValue(_ field: FormField, focused: Bool, row: Int, column: Int, width: Int, into screen: inout Screen) {
        if field.isChoice {
            let label = field.options.indices.contains(field.choice) ? field.options[field.choice].label : ""
            let text = focused ? "◂ \(label) ▸" : "  \(label)"
            screen.put(TextCells.pad(text, to: width), row: row, column: column, style: focused ? .input : .normal)
            return
        }
        screen.fill(row: row, column: column, width: width, style: .input)
        guard focused else {
            screen.put(field.text, row: row, column: column, width: width, style: .input)
            return
        }
        // Scroll the text so the cursor stays inside the box.
        let beforeCursor = TextCells.width(String(field.buffer.beforeCursor))
        let skip = max(0, beforeCursor - width + 1)
        var x = 0
        for cell in TextCells.cells(field.text) {
            defer { x += cell.width }
            if x < skip { continue }
            if x - skip + cell.width > width { break }
            let style = cell.isEscape ? Style(.escape, underline: true) : .input
            screen.put(cell.text, row: row, column: column + x - skip, width: cell.width, style: style)
        }
        if field.buffer.isSelected {
            // A prefilled value: typing replaces it.
            screen.restyle(row: row, column: column, width: min(width, beforeCursor - skip), style: Style(.input, reverse: true))
        }
        let cursorColumn = column + beforeCursor - skip
        let under = screen[row, cursorColumn]
        screen.restyle(row: row, column: cursorColumn, width: max(1, under.width), style: Style(.input, reverse: true))
    }

    private static func help(for field: FormField) -> String {
        switch field.kind {
        case .date(_, let lean):
            return "Dates: 2026-11-30, today, yesterday, +3d, -2w, or a weekday: mon = "
                + (lean == .past ? "the latest Monday" : "the next Monday")
        case .choice:
            return "Space or → for the next option, ← for the previous one."
        case .benefits:
            return "Benefits, separated by commas: " + Benefit.allCases.map(\.rawValue).joined(separator: ", ")
        case .text(let required):
            return required ? "Required. Enter moves to the next field; Ctrl-S saves." : "Enter moves to the next field; Ctrl-S saves."
        }
    }
}

enum HelpView {
    static func lines(width: Int) -> [StyledLine] {
        var out: [StyledLine] = [[Span("Keys", .title), Span(" (the same table drives the key line at the bottom)", .muted)]]
        for context in KeyContext.allCases {
            let bindings = KeyMap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            out.append([])
            out.append([Span(context.rawValue, .title)])
            for binding in bindings {
                let keys = "  " + TextCells.pad(binding.keyLabel, to: 18) + "  "
                for (index, part) in TextCells.wrap(binding.help, width: max(20, width - 24)).enumerated() {
                    out.append([Span(index == 0 ? keys : String(repeating: " ", count: 22), .key), Span(part)])
                }
            }
        }
        out.append([])
        out.append([Span("Dates", .title)])
        let dates = "2026-11-30, today, yesterday, tomorrow, +3d, -2w, +1m, or a weekday name (mon, tuesday). "
            + "For something that happened (a contact) a weekday means the latest one; for a plan, the next one."
        for part in TextCells.wrap(dates, width: max(20, width - 4)) { out.append([Span("  " + part)]) }
        return out
    }

    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop) }

    static func maxTop(_ size: Size) -> Int { max(0, lines(width: size.columns - 2).count - visibleRows(size)) }

    static func draw(top: Int, into screen: inout Screen) {
        let all = lines(width: screen.columns - 2)
        let visible = visibleRows(screen.size)
        let first = max(0, min(top, maxTop(screen.size)))
        for (offset, line) in all[first..<min(all.count, first + visible)].enumerated() {
            screen.put(line, row: Layout.bodyTop + offset, column: 1)
        }
    }
}
