import FieldbookCore
import Foundation

/// The career profile page on screen: the section and its progress, the question, an input
/// that fits the question's type, the answer in force at the foot.
extension CareerProfilePage {
    static func textWidth(_ size: Size) -> Int { max(20, size.columns - 6) }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        let width = screen.columns
        let name = context.data.client(clientID)?.displayName ?? "Client"
        guard let digest else {
            screen.put("Career profile: " + name, row: top, column: 1, style: .title)
            screen.put("Reading the career profile…", row: top + 2, column: 2, style: .muted)
            return
        }
        let overall = "\(digest.answered) of \(digest.total) answered"
        screen.put(overall, row: top, column: width - TextCells.width(overall) - 1, style: .muted)
        screen.put("Career profile: " + name, row: top, column: 1, width: max(1, width - TextCells.width(overall) - 4), style: .title)

        guard let question, let section = digest.section(of: question.id) else {
            screen.put("There is no question to show.", row: top + 2, column: 2, style: .muted)
            if digest.hidingSensitive { screen.put("SENSITIVE HIDDEN", row: top + 3, column: 2, style: .warning) }
            return
        }
        // The section, its progress and when it was last touched.
        var facts = "\(section.answered) of \(section.total)"
        if let touched = section.lastTouched { facts += " · last " + LocalDate(containing: touched).description }
        let head = "\(section.index + 1)/\(digest.sections.count) \(section.title)"
        let rule = String(repeating: "─", count: max(0, width - TextCells.width(head) - TextCells.width(facts) - 9))
        screen.put([Span("── ", .muted), Span(head, .title), Span(" " + rule + " ", .muted), Span(facts, .muted), Span(" ──", .muted)],
                   row: top + 1, column: 1)

        // Where the question is, how it stands, and the marks that matter.
        let number = (section.questions.firstIndex(of: question.id) ?? 0) + 1
        var status: StyledLine = [Span("Question \(number) of \(section.questions.count)", .muted)]
        if digest.answers[question.id] != nil { status.append(Span(" · answered", .muted)) }
        if pending.contains(where: { $0.entry.questionID == question.id }) { status.append(Span(" · saving…", .muted)) }
        if digest.isSensitive(question.id) { status.append(Span(" · sensitive", .warning)) }
        screen.put(status, row: top + 2, column: 2)
        var right: StyledLine = [Span("From: ", .muted), Span(source.label)]
        if digest.hidingSensitive { right = [Span("SENSITIVE HIDDEN", .warning), Span("  ")] + right }
        let rightWidth = right.reduce(0) { $0 + TextCells.width($1.text) }
        screen.put(right, row: top + 2, column: width - rightWidth - 1)

        // The prompt and its help.
        var row = top + 4
        let textWidth = Self.textWidth(screen.size)
        for line in TextCells.wrap(question.prompt, width: textWidth).prefix(3) {
            screen.put(line, row: row, column: 2, style: .title)
            row += 1
        }
        if let help = question.help {
            for line in TextCells.wrap(help, width: textWidth).prefix(2) {
                screen.put(line, row: row, column: 2, style: .muted)
                row += 1
            }
        }
        row += 1

        // The previous answer sits at the foot; the input takes the rows between.
        let helpRow = Layout.bodyBottom(screen.size) - 1
        let previousRows = 2
        let previousTop = helpRow - previousRows - 1
        drawInput(question, rows: row..<max(row + 1, previousTop), context: context, into: &screen)
        drawPrevious(digest.answers[question.id], question: question, row: previousTop + 1, rows: previousRows, context: context, into: &screen)

        if let input = form.focused, case .invalid(let reason) = input.check(today: context.today) {
            screen.put("✗ " + reason, row: helpRow, column: 1, style: .danger)
        } else {
            screen.put(inputHelp, row: helpRow, column: 1, style: .muted)
        }
    }

    var inputHelp: String {
        if case .addEntry? = form.focus { return "Enter or Ctrl-N adds an entry; Ctrl-S keeps the answer and goes on." }
        switch form.focused?.field.kind {
        case .choice?, .yesNo?, .scale?: return "Space or → picks the next option, or type its first letter; Enter keeps."
        case .multipleChoice?: return "Type part of an option, Space ticks or unticks it; Enter keeps."
        case .multiLine?:
            return question?.type.hasSubQuestions == true
                ? "Enter goes to the next question of the entry; Ctrl-J starts a new line."
                : "Enter keeps the answer and goes on; Ctrl-J starts a new line."
        case .date?: return "A date: 2026-03-01, -2w, mon, or 2012-06, 2012 if unsure. Enter keeps."
        case .number?: return "A number. Enter keeps."
        default: return "Enter keeps the answer and goes on; PgDn skips; PgUp goes back."
        }
    }

    private func drawPrevious(_ entry: AnswerEntry?, question: Question, row: Int, rows: Int, context: PageContext, into screen: inout Screen) {
        guard let entry else {
            screen.put("Not answered before.", row: row, column: 2, style: .muted)
            return
        }
        var who = [LocalDate(containing: entry.answeredAt).description]
        if let name = context.data.specialist(entry.enteredBy)?.name { who.append(name) }
        who.append("from " + entry.source.label.lowercased())
        let label = "Previous answer (" + who.joined(separator: ", ") + "): "
        let text = (ProfileText.plain(entry.value, of: question) ?? "").replacingOccurrences(of: "\n", with: " ")
        let lines = TextCells.wrap(label + text, width: Self.textWidth(screen.size))
        for (offset, line) in lines.prefix(rows).enumerated() {
            var shown = line
            if offset == rows - 1 && lines.count > rows { shown = TextCells.truncate(line + "…", to: Self.textWidth(screen.size)) }
            screen.put(shown, row: row + offset, column: 2, style: .muted)
        }
    }

    private func drawInput(_ question: Question, rows: Range<Int>, context: PageContext, into screen: inout Screen) {
        if question.type.hasSubQuestions {
            drawGroup(rows: rows, context: context, into: &screen)
            return
        }
        guard let input = form.focused else { return }
        let column = 2
        let width = Self.textWidth(screen.size)
        switch input.field.kind {
        case .text, .date, .number, .completion:
            // A frame shows where the answer goes before anything is typed.
            let inner = Self.frame(rows: rows.lowerBound..<min(rows.upperBound, rows.lowerBound + 3), column: column - 1,
                                   width: min(width, 60) + 2, into: &screen)
            TextField.draw(input.buffer, focused: true, row: inner.lowerBound, column: column, width: min(width, 60), box: true, into: &screen)
            if case .valid(let hint?) = input.check(today: context.today) {
                screen.put(hint, row: inner.upperBound + 1, column: column, style: .muted)
            }
        case .multiLine:
            let rows = Self.frame(rows: rows, column: column - 1, width: width + 2, into: &screen)
            let wrapped = WrappedText(input.buffer.text, width: width)
            let texts = wrapped.texts
            let cursorLine = wrapped.line(containing: input.buffer.cursor)
            let visible = max(1, rows.count)
            let first = max(0, min(cursorLine - visible + 1, texts.count - visible))
            for offset in 0..<visible {
                let y = rows.lowerBound + offset
                screen.fill(row: y, column: column, width: width, style: .input)
                if texts.indices.contains(first + offset) { screen.put(texts[first + offset], row: y, column: column, width: width, style: .input) }
            }
            let y = rows.lowerBound + cursorLine - first
            let x = column + wrapped.column(of: input.buffer.cursor)
            if rows.contains(y) && x < screen.columns {
                screen.restyle(row: y, column: x, width: max(1, screen[y, x].width), style: Style(.input, reverse: true))
            }
        case .choice, .yesNo, .scale:
            drawOptions(input, rows: rows, marks: ("●", "○"), chosen: { input.picked == $0 }, offered: input.picked, into: &screen)
        case .multipleChoice:
            let fragment = input.fragment.text.isEmpty ? "type to find an option" : ""
            TextField.draw(input.fragment, focused: true, row: rows.lowerBound, column: column, width: min(width, 40), box: true, into: &screen)
            if !fragment.isEmpty { screen.put(fragment, row: rows.lowerBound, column: column + 1, style: .muted) }
            let matches = input.matches
            let offered = input.fragment.text.isEmpty || matches.isEmpty ? nil : matches[min(input.offered, matches.count - 1)]
            drawOptions(input, rows: (rows.lowerBound + 1)..<rows.upperBound, marks: ("☒", "☐"),
                        chosen: { input.ticked.contains($0) }, offered: offered, into: &screen)
        }
    }

    /// A box of `rows` × `width` from `column`, titled "Answer"; returns the rows inside it (the
    /// rows themselves when there are fewer than three).
    static func frame(rows: Range<Int>, column: Int, width: Int, into screen: inout Screen) -> Range<Int> {
        guard rows.count >= 3, width >= 12 else { return rows }
        let inside = width - 2
        let title = "─ Answer "
        screen.put("┌" + title + String(repeating: "─", count: max(0, inside - TextCells.width(title))) + "┐",
                   row: rows.lowerBound, column: column, style: .muted)
        for row in (rows.lowerBound + 1)..<(rows.upperBound - 1) {
            screen.put("│", row: row, column: column, style: .muted)
            screen.put("│", row: row, column: column + width - 1, style: .muted)
        }
        screen.put("└" + String(repeating: "─", count: inside) + "┘", row: rows.upperBound - 1, column: column, style: .muted)
        return (rows.lowerBound + 1)..<(rows.upperBound - 1)
    }

    private func drawOptions(_ input: FieldInput, rows: Range<Int>, marks: (on: String, off: String), chosen: (Int) -> Bool,
                             offered: Int?, into screen: inout Screen) {
        let options = input.options
        guard !rows.isEmpty, !options.isEmpty else { return }
        let visible = rows.count
        let anchor = offered ?? 0
        let first = max(0, min(anchor - visible / 2, options.count - visible))
        for (offset, index) in (first..<min(options.count, first + visible)).enumerated() {
            let y = rows.lowerBound + offset
            let isOffered = index == offered
            screen.put((chosen(index) ? marks.on : marks.off) + " " + options[index].label, row: y, column: 3,
                       width: screen.columns - 5, style: isOffered ? .selected : (chosen(index) ? .title : .normal))
            if isOffered { screen.put("▸", row: y, column: 1, style: .title) }
        }
        if options.count > visible {
            let more = " \(first + 1)-\(min(options.count, first + visible)) of \(options.count) "
            screen.put(more, row: rows.upperBound - 1, column: screen.columns - TextCells.width(more) - 1, style: .muted)
        }
    }

    /// A group or repeating group: its entries as form rows, scrolled to the focus.
    private func drawGroup(rows area: Range<Int>, context: PageContext, into screen: inout Screen) {
        let rows = FormView.rows(form, size: screen.size)
        let visible = max(1, area.count)
        let focusRow = rows.firstIndex { FormView.rowMatches($0, form.focus) } ?? 0
        let first = max(0, min(focusRow - visible / 2, rows.count - visible))
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            FormView.draw(row, of: form, at: area.lowerBound + offset, indent: 2, notes: false, context: context, into: &screen)
        }
    }
}
