import FieldbookCore
import Foundation

/// The career profile filled in beside the client, question by question. Each answer kept is
/// sent to the store at once (one durable write, in this visit's session), so closing the
/// laptop loses at most the answer being typed. Opens where the last meeting stopped.
public struct CareerProfilePage: Page {
    public let clientID: UUID
    public private(set) var hidingSensitive: Bool
    /// Who the answers come from; Ctrl-O cycles.
    public private(set) var source: AnswerSource = .client
    /// The question on screen.
    public private(set) var questionID: String?
    public private(set) var form = FormState([])
    public private(set) var digest: ProfileDigest?
    public private(set) var confirmingLeave = false
    private var opening: RequestID?
    private var sessionID: UUID?
    private var profile: CareerProfile?
    private var definition: QuestionnaireDefinition
    /// Answers sent to the store and not yet written, by request.
    private var pending: [(request: RequestID, entry: AnswerEntry)] = []

    public init(clientID: UUID, hidingSensitive: Bool = false, definition: QuestionnaireDefinition = DefaultCareerProfile.definition) {
        self.clientID = clientID
        self.hidingSensitive = hidingSensitive
        self.definition = definition
    }

    public var isLoaded: Bool { digest != nil }

    public var question: Question? { questionID.flatMap { definition.question($0) } }

    public func title(in context: PageContext) -> String { "Career profile" }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if confirmingLeave { return [.confirm] }
        guard isLoaded, question != nil else { return [.careerProfile] }
        let group: [KeyContext] = question?.type.hasSubQuestions == true ? [.repeatingGroup] : []
        if case .addEntry? = form.focus { return [.careerProfile] + group }
        switch form.focused?.field.kind {
        case .choice?, .yesNo?, .scale?: return [.careerProfile, .choice] + group
        case .multipleChoice?: return [.careerProfile, .multipleChoice] + group
        case .multiLine?: return [.multiLine, .careerProfile, .textEditing] + group
        default: return [.careerProfile, .textEditing] + group
        }
    }

    public func prompt(in context: PageContext) -> Message? {
        confirmingLeave ? Message("Leave without keeping the answer being typed? y leaves, any other key stays.", kind: .warning) : nil
    }

    // MARK: Opening

    public mutating func opened(in context: inout PageContext) {
        definition = context.profiles.definition
        opening = context.request(.careerProfile(.open(clientID: clientID)))
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        if request == opening {
            opening = nil
            guard case .careerProfile(.opened(let opened)) = result else {
                context.message = Message("The career profile could not be read.", kind: .error)
                return
            }
            definition = opened.definition
            profile = opened.profile
            sessionID = opened.sessionID
            rebuild()
            if let digest {
                show(digest.resumeQuestion, context)
                if digest.nextUnanswered(from: nil) == nil, digest.total > 0 {
                    context.message = Message("Every question shown is answered. Ctrl-G lists the sections, Ctrl-V reviews one.")
                }
            }
            if !opened.problems.isEmpty {
                context.message = Message("\(opened.problems.count) career profile file(s) could not be read; `fieldbook check` lists them.",
                                          kind: .error)
            }
            return
        }
        guard let at = pending.firstIndex(where: { $0.request == request }) else { return }
        let sent = pending.remove(at: at).entry
        switch result {
        case .careerProfile(.answered(let answered)):
            profile = answered.profile
            rebuild()
        case .careerProfile(.refused(_, let reason)):
            rebuild()
            giveBack(sent, because: "Not kept: \(reason)", &context)
        case .failed(let error):
            rebuild()
            giveBack(sent, because: "Not saved: \(error.description)", &context)
        default:
            rebuild()
        }
    }

    /// An answer that could not be written goes back on screen, as it was typed.
    private mutating func giveBack(_ entry: AnswerEntry, because reason: String, _ context: inout PageContext) {
        context.message = Message(reason, kind: .error)
        guard let question = definition.question(entry.questionID) else { return }
        questionID = question.id
        form = ProfileQuestionForm.make(question, answer: entry.value)
    }

    private mutating func rebuild() {
        guard let profile else { return }
        digest = ProfileDigest(definition: definition, profile: profile, pending: pending.map(\.entry), hidingSensitive: hidingSensitive)
    }

    /// Puts a question on screen, its answer in force in the input.
    private mutating func show(_ id: String?, _ context: PageContext) {
        questionID = id
        guard let question else {
            form = FormState([])
            return
        }
        form = ProfileQuestionForm.make(question, answer: digest?.answers[question.id]?.value)
        if let input = form.focused, input.field.kind != .multiLine {
            form.updateFocused { $0.buffer.selectAll() }
        } else {
            form.updateFocused { $0.buffer.moveToEnd() }
        }
    }

    // MARK: Keys

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if confirmingLeave {
            confirmingLeave = false
            if action == .confirm { leave(&context) }
            return
        }
        guard let digest else {
            if action == .back { leave(&context) }
            return
        }
        let isGroup = question?.type.hasSubQuestions == true
        let width = isGroup ? FormView.multiLineWidth(context.size) : Self.textWidth(context.size)
        switch action {
        case .keepAnswer where isGroup && key == .enter:
            if case .addEntry? = form.focus { form.addEntry() } else if form.isOnLastField { keep(&context) } else { form.moveFocus(by: 1) }
        case .keepAnswer:
            keep(&context)
        case .nextField:
            if isGroup { form.moveFocus(by: 1) } else { keep(&context) }
        case .previousField:
            if isGroup { form.moveFocus(by: -1) } else { show(digest.neighbour(of: questionID, by: -1) ?? questionID, context) }
        case .skipQuestion:
            if let next = digest.neighbour(of: questionID, by: 1) { show(next, context) } else {
                context.message = Message("That was the last question. Ctrl-F finds one still unanswered.")
            }
        case .previousQuestion:
            if let previous = digest.neighbour(of: questionID, by: -1) { show(previous, context) } else {
                context.message = Message("This is the first question.")
            }
        case .nextUnanswered:
            if let next = digest.neighbour(of: questionID, by: 1).flatMap({ digest.nextUnanswered(from: $0) }) ?? digest.nextUnanswered(from: nil) {
                show(next, context)
            } else {
                context.message = Message("Every question shown is answered.")
            }
        case .chooseSection:
            context.push(ProfileSectionsPage(clientID: clientID, digest: digest, current: questionID.flatMap { digest.section(of: $0)?.index } ?? 0))
        case .review:
            let section = questionID.flatMap { digest.section(of: $0)?.index } ?? 0
            context.push(ProfileReviewPage(clientID: clientID, digest: digest, section: section))
        case .cycleSource:
            let all = AnswerSource.allCases
            source = all[((all.firstIndex(of: source) ?? 0) + 1) % all.count]
            context.message = Message("Answers now come from: \(source.label.lowercased()).")
        case .toggleSensitive:
            setHiding(!hidingSensitive, context)
        case .addEntry where isGroup: form.addEntry()
        case .removeEntry where isGroup: form.removeEntry()
        case .back:
            if form.hasChanges { confirmingLeave = true } else { leave(&context) }
        case .lineUp, .lineDown:
            if !form.editFocused(action, key: key, width: width) && isGroup { form.moveFocus(by: action == .lineUp ? -1 : 1) }
        default:
            _ = form.editFocused(action, key: key, width: width)
        }
    }

    private mutating func setHiding(_ hide: Bool, _ context: PageContext) {
        hidingSensitive = hide
        rebuild()
        guard let digest else { return }
        if let id = questionID, !digest.isShown(id) {
            // The question on screen is sensitive: on to the next one that is not.
            show(digest.neighbour(of: id, by: 1) ?? digest.neighbour(of: id, by: -1), context)
        }
    }

    private mutating func leave(_ context: inout PageContext) {
        if let sessionID { context.request(.careerProfile(.close(sessionID: sessionID))) }
        context.close()
    }

    /// Keeps the answer on screen (one write, sent at once) and goes to the next question.
    private mutating func keep(_ context: inout PageContext) {
        guard let question, let digest, let sessionID else { return }
        if let problem = form.problems(today: context.today).first {
            form.focus = problem.focus
            context.message = Message("\(problem.label): \(problem.message)", kind: .error)
            return
        }
        let inForce = digest.answers[question.id]
        let value = ProfileQuestionForm.value(of: form, for: question, previous: inForce?.value, today: context.today,
                                              newID: context.environment.newID)
        let unchanged = value == inForce?.value && (value == nil || inForce?.source == source)
        if !unchanged {
            let answer = ProfileAnswerToSave(sessionID: sessionID, clientID: clientID, questionID: question.id, value: value ?? .cleared,
                                             enteredBy: context.userSpecialistID, source: source, at: context.now)
            let request = context.request(.careerProfile(.append(answer)))
            pending.append((request, AnswerEntry(questionID: question.id, value: answer.value, answeredAt: context.now,
                                                  enteredBy: answer.enteredBy, source: source)))
            rebuild()
        }
        guard let after = self.digest else { return }
        if let next = after.neighbour(of: question.id, by: 1) {
            show(next, context)
        } else {
            context.message = Message(after.nextUnanswered(from: nil) == nil
                ? "That was the last question, and every question shown is answered."
                : "That was the last question. Ctrl-F finds one still unanswered.")
            show(question.id, context)
        }
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        if let sections = page as? ProfileSectionsPage {
            if sections.hidingSensitive != hidingSensitive { setHiding(sections.hidingSensitive, context) }
            if let chosen = sections.chosen, let digest, digest.sections.indices.contains(chosen) {
                let section = digest.sections[chosen]
                let target = section.questions.first { digest.answers[$0] == nil } ?? section.questions.first
                if let target { show(target, context) } else {
                    context.message = Message("No question of that section is shown.")
                }
            }
        } else if let review = page as? ProfileReviewPage, review.hidingSensitive != hidingSensitive {
            setHiding(review.hidingSensitive, context)
        }
    }

    // MARK: Drawing

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

    private var inputHelp: String {
        if case .addEntry? = form.focus { return "Enter or Ctrl-N adds an entry; Ctrl-S keeps the answer and goes on." }
        switch form.focused?.field.kind {
        case .choice?, .yesNo?, .scale?: return "Space or → picks the next option, or type its first letter; Enter keeps."
        case .multipleChoice?: return "Type part of an option, Space ticks or unticks it; Enter keeps."
        case .multiLine?: return "Enter starts a new line; Ctrl-S (or Tab) keeps the answer and goes on."
        case .date?: return "A date: 2026-03-01, today, -2w, mon... Enter keeps."
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
            TextField.draw(input.buffer, focused: true, row: rows.lowerBound, column: column, width: min(width, 60), box: true, into: &screen)
            if case .valid(let hint?) = input.check(today: context.today) {
                screen.put(hint, row: rows.lowerBound + 1, column: column, style: .muted)
            }
        case .multiLine:
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
        let valueWidth = FormView.valueWidth(screen.size)
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            let y = area.lowerBound + offset
            let isFocused = FormView.rowMatches(row, form.focus)
            switch row {
            case .blank, .section:
                break
            case .entry(let title):
                screen.put(title, row: y, column: 2, style: Style(.title, underline: true))
            case .addEntry(_, let title):
                screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: .title)
                screen.put("+ add: \(title.lowercased()) (Enter or Ctrl-N)", row: y, column: 2, style: isFocused ? .title : .muted)
            case .question(_, let text):
                screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: .title)
                screen.put(text, row: y, column: 2, style: isFocused ? .title : .normal)
            case .value(let path, let line, let label):
                guard let input = form.input(path) else { continue }
                if label {
                    screen.put(isFocused ? "▸" : " ", row: y, column: 0, style: .title)
                    screen.put(TextCells.pad(input.field.label, to: FormView.labelWidth, right: true), row: y, column: 1,
                               style: isFocused ? .title : .normal)
                }
                FormView.drawValue(input, line: line, focused: isFocused, row: y, width: valueWidth, size: screen.size, into: &screen)
            }
        }
    }
}
