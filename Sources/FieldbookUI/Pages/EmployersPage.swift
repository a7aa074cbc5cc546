import FieldbookCore
import Foundation

/// The Employers tab: the employer directory, searchable (accents optional) and sorted by name,
/// last visit or visits in the last 90 days. The rows come from the employer log, built once
/// per data change; they are picked again only when the data, the search or the sort change.
public struct EmployersPage: TabPage {
    public static let tabTitle = "Employers"

    public private(set) var position = ListPosition()
    public private(set) var rows = EmployerDirectory.Rows()
    public private(set) var sort: EmployerSort = .name
    public private(set) var search = TextBuffer()
    public private(set) var isSearching = false
    private var version = -1

    public init(in context: PageContext) { rebuild(context) }

    private mutating func rebuild(_ context: PageContext) {
        rows = context.figures.directory.directory(sortedBy: sort, matching: search.text)
        version = context.dataVersion
        position.move(to: position.selected, count: rows.count, visible: Layout.listRows(context.size))
    }

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if isSearching { return [.search, .textEditing, .lists] }
        return search.text.isEmpty ? [.employers, .lists] : [.searchResult, .employers, .lists]
    }

    public mutating func refresh(in context: inout PageContext) {
        if version != context.dataVersion { rebuild(context) }
        position.move(to: position.selected, count: rows.count, visible: Layout.listRows(context.size))
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        // Back from an employer (perhaps just added): it is the selected row.
        guard let employer = page as? EmployerPage else { return }
        if version != context.dataVersion { rebuild(context) }
        if let index = rows.firstIndex(where: { $0.id == employer.employerID }) {
            position.move(to: index, count: rows.count, visible: Layout.listRows(context.size))
        }
    }

    var selected: EmployerSummary? { rows.indices.contains(position.selected) ? rows[position.selected] : nil }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size), count = rows.count
        if position.move(for: action, count: count, visible: visible) { return }
        switch action {
        case .open:
            if let selected { context.push(EmployerPage(employerID: selected.id)) }
        case .new:
            context.push(FormPage(EmployerForm(employer: nil, in: context), in: context))
        case .edit:
            if let selected { context.push(FormPage(EmployerForm(employer: selected.employer, in: context), in: context)) }
        case .logVisit:
            context.push(FormPage(EmployerContactForm(in: context), in: context))
        case .showHistory:
            context.push(TallyHistoryPage(in: context))
        case .cycleSort:
            let all = EmployerSort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            position = ListPosition()
            rebuild(context)
            context.message = Message("Sorted by \(sort.label.lowercased()).")
        case .search:
            isSearching = true
        case .keepSearch:
            isSearching = false
        case .clearSearch:
            isSearching = false
            search.clear()
            position = ListPosition()
            rebuild(context)
        case .clearField:
            search.clear()
            position = ListPosition()
            rebuild(context)
        case .type, .deleteBackward, .deleteForward, .deleteWordBackward, .cursorLeft, .cursorRight,
             .cursorToStart, .cursorToEnd, .wordLeft, .wordRight:
            let before = search.text
            search.edit(action, key: key)
            if search.text != before {
                position = ListPosition()
                rebuild(context)
            }
        default: break
        }
    }

    /// Column widths: the name takes what the others leave.
    static func widths(_ columns: Int) -> [Int] {
        let type = columns >= 100 ? 24 : 18
        return [max(16, columns - 1 - type - 10 - 11 - 8), type, 10, 11]
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        if isSearching {
            var column = 1
            column += screen.put("Search employers: ", row: top, column: column, style: .title)
            column += TextField.draw(search, focused: true, row: top, column: column, width: 30, into: &screen)
            screen.put("\(rows.count) found", row: top, column: column + 2, style: .muted)
        } else {
            var info: StyledLine = [Span("\(context.data.employers.count) employers · \(context.data.employerContacts.count) contacts", .title),
                                    Span(" · by \(sort.label.lowercased())", .muted)]
            if !search.text.isEmpty {
                info += [Span(" · search \"", .muted), Span(search.text, .input), Span("\"", .muted)]
            }
            let unreadable = context.data.problems.filter { $0.kind == .employer || $0.kind == .employerContacts }
            if !unreadable.isEmpty {
                info.append(Span(" · ⚠ \(unreadable.count) UNREADABLE file\(unreadable.count == 1 ? "" : "s"): \(unreadable[0].path)", .danger))
            }
            screen.put(info, row: top, column: 1, width: screen.columns - 2 - (rows.isEmpty ? 0 : 8))
        }
        let widths = Self.widths(screen.columns)
        let titles = ["Employer", "Type of business", "Visits 90d", "Last visit"]
        let sortColumn: Int = switch sort {
        case .name: 0
        case .recentVisits: 2
        case .lastVisit: 3
        }
        var x = 1
        for (index, title) in titles.enumerated() {
            let label = index == sortColumn ? title + " ▲" : title
            screen.put(TextCells.pad(label, to: widths[index], right: index == 2), row: top + 1, column: x,
                       style: Style(.title, bold: true, underline: true))
            x += widths[index] + 2
        }
        if rows.isEmpty {
            let text = context.data.employers.isEmpty ? "No employers yet. Press n to add one, or v to log a visit."
                : "No employer matches. Esc clears the search."
            screen.put(text, row: top + 3, column: 2, style: .muted)
            return
        }
        let visible = Layout.listRows(screen.size)
        let first = max(0, min(position.top, rows.count - 1))
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            let y = top + 2 + offset
            let cells = [row.employer.name, row.employer.businessType ?? "—", "\(row.visitsInLast90Days)",
                         row.lastVisit?.description ?? "never"]
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
        let place = " \(position.selected + 1)/\(rows.count)"
        screen.put(place, row: top, column: screen.columns - TextCells.width(place) - 1, style: .muted)
    }
}
