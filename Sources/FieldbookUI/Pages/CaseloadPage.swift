import FieldbookCore
import Foundation

/// The caseload tab: one row per client, sortable and filtered, with the caseload size against
/// the limit. Unreadable client files are listed at the end instead of hidden. The rows are
/// built when the data or the filters change, never per key or per frame.
public struct CaseloadPage: TabPage {
    public static let tabTitle = "Caseload"

    public private(set) var query: CaseloadQuery
    public private(set) var search = TextBuffer()
    public private(set) var isSearching = false
    public private(set) var position = ListPosition()
    public private(set) var rows = CaseloadRows()
    private var rowsVersion = -1
    /// The line above the list (each caseload against the limit, the filters), made with the rows.
    private var infoLine: StyledLine = []
    /// The same line with the caseloads counted rather than named, drawn when the names do not
    /// fit (an agency's specialists), so the filters and the search stay in sight.
    private var infoSummary: StyledLine = []
    /// Columns `infoLine` takes, worked out with it rather than per frame.
    private var infoLineWidth = 0
    /// How many times the rows were built (they are built per data or filter change, not per key).
    private(set) var builds = 0

    public init(in context: PageContext) {
        query = CaseloadQuery(specialistFilter: context.userSpecialistID)
        rebuild(context)
    }

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if isSearching { return [.search, .textEditing, .lists] }
        return query.text.isEmpty ? [.caseload, .lists] : [.searchResult, .caseload, .lists]
    }

    private mutating func rebuild(_ context: PageContext) {
        rows = context.figures.caseload.matches(for: query)
        (infoLine, infoSummary) = Self.infoLines(query, context)
        infoLineWidth = infoLine.reduce(0) { $0 + TextCells.width($1.text) }
        builds += 1
        rowsVersion = context.dataVersion
        position.move(to: position.selected, count: rows.count, visible: Layout.listRows(context.size))
    }

    private mutating func filtersChanged(_ context: PageContext) {
        position = ListPosition()
        rebuild(context)
    }

    public mutating func refresh(in context: inout PageContext) {
        if rowsVersion != context.dataVersion { rebuild(context) }
        position.move(to: position.selected, count: rows.count, visible: Layout.listRows(context.size))
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        // Back on the caseload, the client just seen (perhaps just created) is the selected row.
        guard let client = page as? ClientPage else { return }
        if rowsVersion != context.dataVersion { rebuild(context) }
        if let index = rows.firstIndex(ofClient: client.clientID) {
            position.move(to: index, count: rows.count, visible: Layout.listRows(context.size))
        }
    }

    /// Starts a search (`/` on Today comes here too).
    mutating func startSearch() {
        isSearching = true
        // The search kept from before is offered selected: typing starts a new one.
        search.set(query.text)
        search.selectAll()
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size)
        switch action {
        case .moveUp: position.move(to: position.selected - 1, count: rows.count, visible: visible)
        case .moveDown: position.move(to: position.selected + 1, count: rows.count, visible: visible)
        case .pageUp: position.move(to: position.selected - max(1, visible - 1), count: rows.count, visible: visible)
        case .pageDown: position.move(to: position.selected + max(1, visible - 1), count: rows.count, visible: visible)
        case .first: position.move(to: 0, count: rows.count, visible: visible)
        case .last: position.move(to: rows.count - 1, count: rows.count, visible: visible)
        case .open:
            guard rows.indices.contains(position.selected) else { return }
            switch rows[position.selected] {
            case .client(let client):
                context.push(ClientPage(clientID: client.id))
            case .unreadable(let problem) where problem.pendingMerge != nil:
                context.push(MergePage(byHand: problem.pendingMerge!))
            case .unreadable(let problem):
                context.message = Message("\(problem.path) could not be read (\(problem.message)). It was left as it is; fix it or restore it from a backup.", kind: .error)
            }
        case .search:
            startSearch()
        case .showTeam:
            context.push(SpecialistsPage(in: context))
        case .new:
            context.push(FormPage(ClientForm(client: nil, defaultSpecialist: query.specialistFilter ?? context.userSpecialistID), in: context))
        case .cycleSort:
            let all = CaseloadSort.allCases
            query.sort = all[((all.firstIndex(of: query.sort) ?? 0) + 1) % all.count]
            query.ascending = true
            filtersChanged(context)
            context.message = Message("Sorted by \(query.sort.title).")
        case .reverseSort:
            query.ascending.toggle()
            filtersChanged(context)
        case .cycleSpecialistFilter:
            let ids: [UUID?] = [nil] + context.data.specialists.sorted { $0.name < $1.name }.map(\.id)
            let index = ids.firstIndex(of: query.specialistFilter) ?? 0
            query.specialistFilter = ids[(index + 1) % ids.count]
            filtersChanged(context)
        case .cycleStatusFilter:
            query.statusFilter = query.statusFilter.next
            filtersChanged(context)
        // Searching
        case .keepSearch:
            isSearching = false
        case .clearSearch:
            isSearching = false
            search.clear()
            query.searchesEveryone = false
            searchChanged(context)
        case .searchEveryone:
            query.searchesEveryone.toggle()
            filtersChanged(context)
        case .clearField:
            search.clear()
            searchChanged(context)
        case .type, .deleteBackward, .deleteForward, .deleteWordBackward, .cursorLeft, .cursorRight,
             .cursorToStart, .cursorToEnd, .wordLeft, .wordRight:
            search.edit(action, key: key)
            searchChanged(context)
        default:
            break
        }
    }

    private mutating func searchChanged(_ context: PageContext) {
        guard search.text != query.text else { return }
        query.text = search.text
        filtersChanged(context)
    }

    // MARK: Drawing

    struct Columns {
        let name: Int
        /// Wider windows give the specialist column a little room too.
        let specialist: Int
        static let status = 12, days = 5, lastContact = 12, nextDue = 11

        init(width: Int) {
            specialist = 13 + min(8, max(0, width - 80) / 3)
            name = max(10, width - 1 - Columns.status - specialist - Columns.days - Columns.lastContact - Columns.nextDue - 10)
        }

        var widths: [Int] { [name, Columns.status, specialist, Columns.days, Columns.lastContact, Columns.nextDue] }

        var starts: [Int] {
            var x = 1
            return widths.map { width in
                defer { x += width + 2 }
                return x
            }
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        drawInfoLine(context, into: &screen, row: top)

        let columns = Columns(width: screen.columns)
        let starts = columns.starts, widths = columns.widths
        let titles = ["Name", "Status", "Specialist", "Days", "Last contact", "Next due"]
        for (index, title) in titles.enumerated() {
            var label = title
            if index == query.sort.rawValue {
                // The arrow always shows: without its space in a narrow column.
                let arrow = query.ascending ? "▲" : "▼"
                label += TextCells.width(label) + 2 <= widths[index] ? " " + arrow : arrow
            }
            screen.put(TextCells.pad(label, to: widths[index], right: index == 3), row: top + 1, column: starts[index],
                       style: Style(.title, bold: true, underline: true))
        }

        let listTop = top + 2
        let visible = Layout.listRows(screen.size)
        if rows.isEmpty {
            // While a search is typed, f and t go into it: only Esc leaves it.
            let text = context.data.clients.isEmpty
                ? "No clients yet. Press n to add the first one."
                : isSearching && !query.searchesEveryone
                ? "No clients match here. Tab searches every specialist's clients, closed ones too."
                : isSearching
                ? "No clients match. Esc clears the search; then f changes the specialist, t the status."
                : "No clients match. f changes the specialist, t the status; Esc clears the search."
            screen.put(text, row: listTop + 1, column: 2, style: .muted)
            return
        }
        let first = max(0, min(position.top, rows.count - 1))
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            let y = listTop + offset
            switch row {
            case .client(let client):
                let cells = [
                    client.displayName,
                    client.status.label,
                    context.data.specialist(client.specialistID)?.name ?? "not assigned",
                    "\(Caseload.daysInProgram(client, today: context.today))",
                    client.lastContact?.date.description ?? "never",
                ]
                for (index, text) in cells.enumerated() {
                    screen.put(TextCells.pad(text, to: widths[index], right: index == 3), row: y, column: starts[index])
                }
                if context.figures.toMerge[client.id] != nil {
                    // A mark in words, not only a colour: this client has two versions to merge.
                    let mark = " ⇄ TO MERGE"
                    let width = TextCells.width(mark)
                    screen.put(TextCells.pad(TextCells.truncate(client.displayName, to: widths[0] - width), to: widths[0] - width),
                               row: y, column: starts[0])
                    screen.put(mark, row: y, column: starts[0] + widths[0] - width, width: width, style: .warning)
                }
                if let next = context.figures.due.nextItem(forClient: client.id) {
                    screen.put(TodayPage.shortDate(next.dueOn, near: context.today), row: y, column: starts[5], width: widths[5],
                               style: next.status == .overdue ? .danger : next.status == .today ? .warning : .normal)
                }
            case .unreadable(let problem) where problem.pendingMerge != nil:
                screen.put("⇄ TO MERGE BY HAND \(problem.path): conflict markers", row: y, column: 1, style: .warning)
            case .unreadable(let problem):
                screen.put("⚠ UNREADABLE \(problem.path): \(problem.message)", row: y, column: 1, style: .danger)
            }
            if first + offset == position.selected {
                screen.put("▸", row: y, column: 0, style: .selected)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
        let place = "\(position.selected + 1)/\(rows.count)"
        screen.put(place, row: top, column: screen.columns - TextCells.width(place) - 1, style: .muted)
    }

    private func drawInfoLine(_ context: PageContext, into screen: inout Screen, row: Int) {
        if isSearching {
            var column = 1
            column += screen.put("Search: ", row: row, column: column, style: .title)
            column += TextField.draw(search, focused: true, row: row, column: column, width: 30, into: &screen)
            let found = query.searchesEveryone ? "\(rows.count) found among everyone's clients" : "\(rows.count) found · Tab: everyone's"
            screen.put(found, row: row, column: column + 2, width: max(0, screen.columns - column - 12), style: .muted)
            return
        }
        let width = screen.columns - 10
        screen.put(infoLineWidth <= width ? infoLine : infoSummary, row: row, column: 1, width: width)
    }

    /// The line above the list, naming each caseload against the limit, and the same line with
    /// the caseloads counted instead.
    private static func infoLines(_ query: CaseloadQuery, _ context: PageContext) -> (named: StyledLine, counted: StyledLine) {
        var spans: StyledLine = []
        let limit = context.data.settings.caseloadLimit
        let specialists = query.specialistFilter.flatMap { id in context.data.specialist(id).map { [$0] } }
            ?? context.data.specialists.filter(\.isActive).sorted { $0.name < $1.name }
        var over = 0
        for (index, specialist) in specialists.enumerated() {
            let active = context.figures.activeClients(of: specialist.id)
            let label = specialists.count == 1 ? specialist.name : String(specialist.name.split(separator: " ").first ?? "")
            if index > 0 { spans.append(Span(", ")) }
            spans.append(Span("\(label) \(active)/\(limit)"))
            if active > limit {
                spans.append(Span(" ⚠ OVER LIMIT", .warning))
                over += 1
            }
        }
        var counted: StyledLine = [Span("\(specialists.count) caseloads", .normal)]
        if over > 0 { counted.append(Span(", \(over) ⚠ OVER LIMIT", .warning)) }
        if specialists.isEmpty {
            // A new data folder: say so rather than show an empty list of caseloads.
            spans.append(Span("No specialists yet", .muted))
            spans.append(Span(" (T: the team)", .muted))
        }
        let title = Span(query.specialistFilter == nil ? "Active caseloads: " : "Active caseload: ", .title)
        var filters: StyledLine = [Span(" · showing \(query.statusFilter.title)", .muted)]
        if !query.text.isEmpty {
            filters.append(Span(query.searchesEveryone ? " · search of everyone \"" : " · search \"", .muted))
            filters.append(Span(query.text, .input))
            filters.append(Span("\"", .muted))
        }
        return ([title] + spans + filters, specialists.count > 1 ? [title] + counted + filters : [title] + spans + filters)
    }
}
