import FieldbookCore
import Foundation

/// The sections of a career profile with their progress (answered of shown) and when each was
/// last touched; Enter goes to one, v reviews it. Opened with Ctrl-G from the fill-in screen.
public struct ProfileSectionsPage: Page {
    public let clientID: UUID
    public private(set) var digest: ProfileDigest
    public private(set) var position = ListPosition()
    /// The section picked with Enter.
    public private(set) var chosen: Int?
    /// The question picked on a review opened from here, to change its answer.
    public private(set) var chosenQuestion: String?
    public var hidingSensitive: Bool { digest.hidingSensitive }

    public init(clientID: UUID, digest: ProfileDigest, current: Int) {
        self.clientID = clientID
        self.digest = digest
        position.selected = max(0, min(current, digest.sections.count - 1))
    }

    /// Rows: every section, then the retired questions when there are any.
    private var count: Int { digest.sections.count + (digest.retired.isEmpty ? 0 : 1) }

    public func title(in context: PageContext) -> String { "Sections" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.profileSections, .lists] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size)
        if position.move(for: action, count: count, visible: visible) { return }
        switch action {
        case .open:
            if position.selected >= digest.sections.count {
                context.push(ProfileReviewPage(clientID: clientID, digest: digest, section: position.selected))
                return
            }
            chosen = position.selected
            context.close()
        case .review:
            context.push(ProfileReviewPage(clientID: clientID, digest: digest, section: position.selected))
        case .toggleSensitive:
            digest = digest.hiding(!digest.hidingSensitive)
        case .back:
            context.close()
        default:
            break
        }
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        guard let review = page as? ProfileReviewPage else { return }
        if review.hidingSensitive != digest.hidingSensitive {
            digest = digest.hiding(review.hidingSensitive)
        }
        if let question = review.chosen {
            // On to the question itself, past this list.
            chosenQuestion = question
            context.close()
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        position.move(to: position.selected, count: count, visible: Layout.listRows(context.size))
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        screen.put("Career profile sections", row: top, column: 1, style: .title)
        var right = "\(digest.answered) of \(digest.total) answered"
        if digest.hidingSensitive { right = "SENSITIVE HIDDEN  " + right }
        screen.put(right, row: top, column: screen.columns - TextCells.width(right) - 1, style: digest.hidingSensitive ? .warning : .muted)
        let header = TextCells.pad("    Section", to: 44) + TextCells.pad("Answered", to: 12) + "Last touched"
        screen.put(header, row: top + 1, column: 1, style: .muted)
        let visible = Layout.listRows(screen.size)
        for (offset, index) in (position.top..<min(count, position.top + visible)).enumerated() {
            let y = top + 2 + offset
            var line: StyledLine
            if index < digest.sections.count {
                let section = digest.sections[index]
                let hidden = digest.hidingSensitive && section.sensitive
                let title = hidden ? "Sensitive section (hidden)" : section.title
                let mark = section.total > 0 && section.answered == section.total ? "✓" : " "
                let answered = hidden ? "—" : "\(section.answered) / \(section.total)"
                let touched = section.lastTouched.map { LocalDate(containing: $0).description } ?? "—"
                line = [Span(String(format: "%3d ", index + 1)), Span(TextCells.pad(TextCells.truncate(title, to: 38), to: 38), hidden ? .muted : .normal),
                        Span(" \(mark)  "), Span(TextCells.pad(answered, to: 12)), Span(touched, .muted)]
            } else {
                line = [Span("    "), Span("Retired questions (\(digest.retired.count) answers kept)", .muted)]
            }
            screen.put(line, row: y, column: 1)
            if index == position.selected {
                screen.put("▸", row: y, column: 0, style: .selected)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
    }
}
