import FieldbookCore
import Foundation

/// The team (T on the caseload): the program's specialists, with their active clients. Add
/// one, rename one, deactivate one (who takes over their clients is asked), or make one active
/// again.
public struct SpecialistsPage: Page {
    static let title = "Team"

    public private(set) var position = ListPosition()
    /// Active first, then by name; sorted when the data changes.
    public private(set) var specialists: [Specialist] = []
    private var version = -1

    public init(in context: PageContext) { rebuild(context) }

    private mutating func rebuild(_ context: PageContext) {
        specialists = context.data.specialists
            .sorted { ($0.isActive ? 0 : 1, NameSearch.fold($0.name), $0.id.uuidString) < ($1.isActive ? 0 : 1, NameSearch.fold($1.name), $1.id.uuidString) }
        version = context.dataVersion
    }

    public func title(in context: PageContext) -> String { Self.title }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.specialists, .lists] }

    public mutating func returned(from page: any Page, in context: inout PageContext) { refresh(in: &context) }

    public mutating func refresh(in context: inout PageContext) {
        if version != context.dataVersion { rebuild(context) }
        position.move(to: position.selected, count: specialists.count, visible: Layout.listRows(context.size))
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size), count = specialists.count
        let selected = specialists.indices.contains(position.selected) ? specialists[position.selected] : nil
        if position.move(for: action, count: count, visible: visible) { return }
        switch action {
        case .back: context.close()
        case .new: context.push(FormPage(SpecialistForm(specialist: nil), in: context))
        case .edit:
            if let selected { context.push(FormPage(SpecialistForm(specialist: selected), in: context)) }
        case .toggle:
            guard let selected else { return }
            if selected.isActive {
                context.push(FormPage(DeactivateSpecialistForm(specialistID: selected.id), in: context))
            } else {
                var again = selected
                again.isActive = true
                context.request(.saveSpecialist(again))
                context.message = Message("\(selected.name) is active again.", kind: .success)
            }
        default: break
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        let active = specialists.filter(\.isActive).count
        screen.put("\(active) active specialist\(active == 1 ? "" : "s") · \(specialists.count - active) inactive", row: top, column: 1, style: .title)
        let nameWidth = max(20, screen.columns - 2 - 14 - 10 - 4)
        let widths = [nameWidth, 14, 10]
        let titles = ["Specialist", "Active clients", "Status"]
        var x = 1
        for (index, title) in titles.enumerated() {
            screen.put(TextCells.pad(title, to: widths[index], right: index == 1), row: top + 1, column: x, style: Style(.title, bold: true, underline: true))
            x += widths[index] + 2
        }
        if specialists.isEmpty {
            screen.put("No specialists yet: n adds one.", row: top + 3, column: 2, style: .muted)
            return
        }
        let visible = Layout.listRows(screen.size)
        let first = max(0, min(position.top, specialists.count - 1))
        for (offset, specialist) in specialists[first..<min(specialists.count, first + visible)].enumerated() {
            let y = top + 2 + offset
            let you = specialist.id == context.userSpecialistID ? " (you)" : ""
            let cells = [specialist.name + you, "\(context.figures.activeClients(of: specialist.id))", specialist.isActive ? "active" : "inactive"]
            var x = 1
            for (index, text) in cells.enumerated() {
                screen.put(TextCells.pad(text, to: widths[index], right: index == 1), row: y, column: x,
                           style: specialist.isActive ? .normal : .muted)
                x += widths[index] + 2
            }
            if first + offset == position.selected {
                screen.put("▸", row: y, column: 0)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
    }
}
