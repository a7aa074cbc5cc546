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
    private var printing: RequestID?

    public init(clientID: UUID, digest: ProfileDigest, section: Int) {
        self.clientID = clientID
        self.digest = digest
        self.section = max(0, min(section, digest.sections.count - (digest.retired.isEmpty ? 1 : 0)))
    }

    public var hidingSensitive: Bool { digest.hidingSensitive }
    private var pages: Int { digest.sections.count + (digest.retired.isEmpty ? 0 : 1) }

    public func title(in context: PageContext) -> String { "Review" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.profileReview, .lists] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if let row = ScrolledText.scrolled(by: action, from: top, size: context.size) {
            scroll(to: row, context)
            return
        }
        switch action {
        case .nextSection where section + 1 < pages:
            section += 1
            top = 0
        case .previousSection where section > 0:
            section -= 1
            top = 0
        case .toggleSensitive:
            digest = digest.hiding(!digest.hidingSensitive)
            scroll(to: top, context)
        case .printProfile:
            guard let client = context.data.client(clientID) else { return }
            printing = context.request(.careerProfile(.export(client: client, specialists: context.data.specialists,
                                                              omitSensitive: false, today: context.today)))
            context.message = Message("Writing the printable copy…")
        case .back:
            context.close()
        default:
            break
        }
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard request == printing else { return }
        printing = nil
        context.message = ClientPage.exportMessage(result)
    }

    public mutating func refresh(in context: inout PageContext) { scroll(to: top, context) }

    private mutating func scroll(to row: Int, _ context: PageContext) {
        top = ScrolledText.top(row, count: lines(width: context.size.columns - 2, context: context).count, size: context.size)
    }

    func lines(width: Int, context: PageContext) -> [StyledLine] {
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
            wrap(question.prompt + (question.sensitive ? " (sensitive)" : ""), indent: 2, .title)
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
