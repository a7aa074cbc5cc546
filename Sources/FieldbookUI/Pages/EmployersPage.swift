import FieldbookCore
import Foundation

/// The Employers tab: every business in the folder with its recent contacts.
public struct EmployersPage: TabPage {
    public static let tabTitle = "Employers"

    public private(set) var position = ListPosition()
    /// Sorted by name when the data changes.
    public private(set) var employers: [Employer] = []
    private var version = -1

    public init(in context: PageContext) { rebuild(context) }

    private mutating func rebuild(_ context: PageContext) {
        employers = context.data.employers
            .map { (NameSearch.fold($0.name), $0) }
            .sorted { ($0.0, $0.1.id.uuidString) < ($1.0, $1.1.id.uuidString) }
            .map(\.1)
        version = context.dataVersion
    }

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.lists] }

    public mutating func refresh(in context: inout PageContext) {
        if version != context.dataVersion { rebuild(context) }
        position.move(to: position.selected, count: employers.count, visible: Layout.listRows(context.size))
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size), count = employers.count
        switch action {
        case .moveUp: position.move(to: position.selected - 1, count: count, visible: visible)
        case .moveDown: position.move(to: position.selected + 1, count: count, visible: visible)
        case .pageUp: position.move(to: position.selected - max(1, visible - 1), count: count, visible: visible)
        case .pageDown: position.move(to: position.selected + max(1, visible - 1), count: count, visible: visible)
        case .first: position.move(to: 0, count: count, visible: visible)
        case .last: position.move(to: count - 1, count: count, visible: visible)
        default: break
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        var info: StyledLine = [Span("\(employers.count) employers · \(context.data.employerContacts.count) contacts in the log", .title)]
        let unreadable = context.data.problems.filter { $0.kind == .employer || $0.kind == .employerContacts }
        if !unreadable.isEmpty {
            info.append(Span(" · ⚠ \(unreadable.count) UNREADABLE file\(unreadable.count == 1 ? "" : "s"): \(unreadable[0].path)", .danger))
        }
        screen.put(info, row: top, column: 1)
        let nameWidth = max(20, screen.columns - 1 - 22 - 12 - 12 - 6)
        let widths = [nameWidth, 22, 12, 12]
        let titles = ["Employer", "Type of business", "Last \(Figures.recentVisitDays) days", "Last contact"]
        var x = 1
        for (index, title) in titles.enumerated() {
            screen.put(TextCells.pad(title, to: widths[index], right: index == 2), row: top + 1, column: x, style: Style(.title, bold: true, underline: true))
            x += widths[index] + 2
        }
        if employers.isEmpty {
            screen.put("No employers yet.", row: top + 3, column: 2, style: .muted)
            return
        }
        let visible = Layout.listRows(screen.size)
        let first = max(0, min(position.top, employers.count - 1))
        for (offset, employer) in employers[first..<min(employers.count, first + visible)].enumerated() {
            let y = top + 2 + offset
            let visits = context.figures.visits(to: employer.id)
            let cells = [employer.name, employer.businessType ?? "—", "\(visits.recent)", visits.last?.description ?? "never"]
            var x = 1
            for (index, text) in cells.enumerated() {
                screen.put(TextCells.pad(text, to: widths[index], right: index == 2), row: y, column: x)
                x += widths[index] + 2
            }
            if first + offset == position.selected {
                screen.put("▸", row: y, column: 0)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
    }
}
