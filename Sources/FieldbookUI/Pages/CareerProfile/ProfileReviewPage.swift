import FieldbookCore
import Foundation

/// A whole section's answers on one screen, to read back to the client: each question shown
/// with its answer, where it came from and when. After the last section, the answers to
/// questions no longer in the questionnaire ("Retired questions").
public struct ProfileReviewPage: Page {
    public let clientID: UUID
    public private(set) var digest: ProfileDigest
    /// An index into the sections; one past the last is the retired questions.
    public private(set) var section: Int
    public private(set) var top = 0
    /// The question selected (an index into the section's questions shown): Enter goes to it.
    public private(set) var selected = 0
    /// The question picked with Enter, to change its answer.
    public private(set) var chosen: String?

    public init(clientID: UUID, digest: ProfileDigest, section: Int) {
        self.clientID = clientID
        self.digest = digest
        self.section = max(0, min(section, digest.sections.count - (digest.retired.isEmpty ? 1 : 0)))
    }

    public var hidingSensitive: Bool { digest.hidingSensitive }
    private var pages: Int { digest.sections.count + (digest.retired.isEmpty ? 0 : 1) }

    public func title(in context: PageContext) -> String { "Review" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.profileReview, .lists] }

    /// The questions of the section on screen that can be selected (none on the retired page or
    /// a hidden sensitive section).
    private var questions: [String] {
        guard section < digest.sections.count else { return [] }
        let progress = digest.sections[section]
        if digest.hidingSensitive && progress.sensitive { return [] }
        return progress.questions.filter { digest.definition.question($0) != nil }
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let questions = questions
        switch action {
        case .moveUp, .moveDown, .first, .last:
            // ↑ ↓ select a question (the text scrolls to show it); Enter goes to it.
            guard !questions.isEmpty else { break }
            let wanted = switch action {
            case .moveUp: selected - 1
            case .moveDown: selected + 1
            case .first: 0
            default: questions.count - 1
            }
            selected = max(0, min(wanted, questions.count - 1))
            showSelected(context)
            return
        default:
            break
        }
        if let row = ScrolledText.scrolled(by: action, from: top, size: context.size) {
            scroll(to: row, context)
            // The selection follows a page: the first question whose prompt is in view.
            let starts = layout(width: context.size.columns - 2, context: context).starts
            if let first = starts.firstIndex(where: { $0 >= top }), !(top..<(top + ScrolledText.visibleRows(context.size))).contains(starts[selected]) {
                selected = first
            }
            return
        }
        switch action {
        case .open:
            guard questions.indices.contains(selected) else {
                context.message = Message("There is no question here to change.")
                return
            }
            chosen = questions[selected]
            context.close()
        case .nextSection where section + 1 < pages:
            section += 1
            top = 0
            selected = 0
        case .previousSection where section > 0:
            section -= 1
            top = 0
            selected = 0
        case .toggleSensitive:
            digest = digest.hiding(!digest.hidingSensitive)
            scroll(to: top, context)
        case .printProfile:
            guard context.data.client(clientID) != nil else { return }
            context.push(PrintPagesPage(clientID: clientID, pages: [.profile], omitSensitive: false))
        case .back:
            context.close()
        default:
            break
        }
    }

    public mutating func refresh(in context: inout PageContext) { scroll(to: top, context) }

    private mutating func scroll(to row: Int, _ context: PageContext) {
        top = ScrolledText.top(row, count: lines(width: context.size.columns - 2, context: context).count, size: context.size)
    }

    /// Scrolls so the selected question shows, its prompt and as much of its answer as fits.
    private mutating func showSelected(_ context: PageContext) {
        let (lines, starts) = layout(width: context.size.columns - 2, context: context)
        guard starts.indices.contains(selected) else { return }
        let start = starts[selected]
        let end = selected + 1 < starts.count ? starts[selected + 1] - 1 : lines.count
        let visible = ScrolledText.visibleRows(context.size)
        var row = top
        if end > row + visible { row = end - visible }
        if start < row { row = start }
        scroll(to: row, context)
    }

    func lines(width: Int, context: PageContext) -> [StyledLine] { layout(width: width, context: context).lines }

    /// The text, and the line each selectable question starts on (its prompt), the selected
    /// one marked.
    func layout(width: Int, context: PageContext) -> (lines: [StyledLine], starts: [Int]) {
        var starts: [Int] = []
        let out = text(width: width, context: context, starts: &starts)
        return (out, starts)
    }

    private func text(width: Int, context: PageContext, starts: inout [Int]) -> [StyledLine] {
        var out: [StyledLine] = []
        func wrap(_ text: String, indent: Int, _ style: Style) {
            let wrapped = PageText.wrap(text, width: max(10, width - indent))
            for part in wrapped.lines {
                out.append([Span(String(repeating: " ", count: indent) + part, style)])
            }
            if let cut = wrapped.cut { out.append([Span(String(repeating: " ", count: indent) + cut, .warning)]) }
        }
        func origin(_ entry: AnswerEntry) -> String {
            var parts = [entry.source.label, LocalDate(containing: entry.answeredAt).description]
            if let name = context.data.specialist(entry.enteredBy)?.name { parts.append(name) }
            return "— " + parts.joined(separator: ", ")
        }
        guard section < digest.sections.count else {
            if digest.hidingSensitive {
                wrap("Retired questions are hidden while sensitive information is hidden (Ctrl-X shows them).", indent: 2, .muted)
                return out
            }
            wrap("Answers to questions no longer in the questionnaire, kept as they were given.", indent: 2, .muted)
            for entry in digest.retired {
                out.append([])
                wrap(entry.questionID, indent: 2, .title)
                wrap(Self.retiredText(entry.value), indent: 4, .normal)
                wrap(origin(entry), indent: 4, .muted)
            }
            return out
        }
        let progress = digest.sections[section]
        if digest.hidingSensitive && progress.sensitive {
            wrap("This section is sensitive and hidden (Ctrl-X shows it).", indent: 2, .warning)
            return out
        }
        for id in progress.questions {
            guard let question = digest.definition.question(id) else { continue }
            if !out.isEmpty { out.append([]) }
            let isSelected = starts.count == selected
            starts.append(out.count)
            let prompt = out.count
            wrap(question.prompt + (question.sensitive ? " (sensitive)" : ""), indent: 2, .title)
            if isSelected {
                // The selected question: a mark in the margin and its prompt highlighted.
                for index in prompt..<out.count {
                    out[index] = out[index].map { Span($0.text, .selected) }
                }
                out[prompt][0] = Span("▸" + out[prompt][0].text.dropFirst(), .selected)
            }
            guard let entry = digest.answers[id] else {
                wrap("(not answered)", indent: 4, .muted)
                continue
            }
            if case .entries(let entries) = entry.value {
                for (index, group) in entries.enumerated() {
                    if question.type == .repeating { wrap("Entry \(index + 1)", indent: 4, Style(.title, underline: true)) }
                    for sub in question.questions {
                        guard let value = group.answers[sub.id], let text = ProfileText.plain(value, of: sub) else { continue }
                        wrap(sub.prompt + " " + text, indent: 6, .normal)
                    }
                }
            } else {
                for line in (ProfileText.plain(entry.value, of: question) ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                    wrap(String(line), indent: 4, .normal)
                }
            }
            wrap(origin(entry), indent: 4, .muted)
        }
        if out.isEmpty { wrap("No question of this section is shown.", indent: 2, .muted) }
        return out
    }

    static func retiredText(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ", ")
        case .yesNo(let yes): yes ? "Yes" : "No"
        case .date(let date): date.description
        case .approximateDate(let date): date.longDescription
        case .number(let number): "\(number)"
        case .scale(let n): "\(n) of 5"
        case .entries(let entries):
            entries.map { entry in
                entry.answers.sorted { $0.key < $1.key }.map { "\($0.key): \(retiredText($0.value))" }.joined(separator: "; ")
            }.joined(separator: " | ")
        case .cleared: ""
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        let title: String
        var right: String
        if section < digest.sections.count {
            let progress = digest.sections[section]
            title = digest.hidingSensitive && progress.sensitive ? "Sensitive section (hidden)" : progress.title
            right = "section \(section + 1) of \(digest.sections.count) · \(progress.answered) of \(progress.total) answered"
        } else {
            title = "Retired questions"
            right = "\(digest.retired.count) kept"
        }
        if digest.hidingSensitive { right = "SENSITIVE HIDDEN · " + right }
        let rightWidth = TextCells.width(right)
        screen.put(right, row: top, column: screen.columns - rightWidth - 1, style: digest.hidingSensitive ? .warning : .muted)
        screen.put("Review: " + title, row: top, column: 1, width: max(1, screen.columns - rightWidth - 4), style: .title)
        ScrolledText.draw(lines(width: screen.columns - 2, context: context), from: self.top, width: screen.columns - 2, into: &screen)
    }
}
