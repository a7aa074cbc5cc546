import FieldbookCore
import Foundation

/// A form: one field a row, the focused one with a cursor; wrong fields marked with ✗ and the
/// reason for the focused one spelled out under the fields.
enum FormView {
    static let labelWidth = 24

    static func visibleFieldRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 4) }

    static func draw(_ form: FormState, heading: (title: String, aside: String?), context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        var rightWidth = 0
        if let aside = heading.aside {
            rightWidth = TextCells.width(aside) + 2
            screen.put(aside, row: top, column: max(1, screen.columns - rightWidth + 1), style: .muted)
        }
        screen.put(heading.title, row: top, column: 1, width: max(1, screen.columns - rightWidth - 3), style: .title)

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
            let check = field.check(today: context.today)
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
        switch focused.check(today: context.today) {
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
        TextField.draw(field.buffer, focused: focused, row: row, column: column, width: width, box: true, into: &screen)
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
