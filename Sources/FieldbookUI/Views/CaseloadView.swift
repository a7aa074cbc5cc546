import FieldbookCore
import Foundation

/// The caseload: one row per client, sortable and filtered, with the caseload size against the
/// limit. Unreadable client files are listed at the end instead of hidden.
enum CaseloadView {
    struct Columns {
        let name: Int
        /// Wider windows give the specialist column a little room too.
        let specialist: Int
        static let status = 13, days = 6, lastContact = 12

        init(width: Int) {
            specialist = 15 + min(7, max(0, width - 80) / 3)
            name = max(10, width - 1 - Columns.status - specialist - Columns.days - Columns.lastContact - 8)
        }

        var starts: [Int] {
            var x = 1
            return [name, Columns.status, specialist, Columns.days, Columns.lastContact].map { width in
                defer { x += width + 2 }
                return x
            }
        }
    }

    static func draw(_ state: AppState, into screen: inout Screen) {
        let caseload = state.caseload
        let rows = caseload.rows(in: state.data, today: state.today)
        let top = Layout.bodyTop
        drawInfoLine(state, rowCount: rows.count, into: &screen, row: top)

        let columns = Columns(width: screen.columns)
        let starts = columns.starts
        let titles = ["Name", "Status", "Specialist", "Days", "Last contact"]
        let widths = [columns.name, Columns.status, columns.specialist, Columns.days, Columns.lastContact]
        for (index, title) in titles.enumerated() {
            var label = title
            if index == caseload.sort.rawValue { label += caseload.ascending ? " ▲" : " ▼" }
            screen.put(TextCells.pad(label, to: widths[index], right: index == 3), row: top + 1, column: starts[index],
                       style: Style(.title, bold: true, underline: true))
        }

        let listTop = top + 2
        let visible = Layout.listRows(screen.size)
        if rows.isEmpty {
            let text = state.data.clients.isEmpty
                ? "No clients yet. Press n to add the first one."
                : "No clients match. f changes the specialist, t the status; Esc clears the search."
            screen.put(text, row: listTop + 1, column: 2, style: .muted)
            return
        }
        let first = max(0, min(caseload.position.top, rows.count - 1))
        let names = Dictionary(uniqueKeysWithValues: state.data.specialists.map { ($0.id, $0.name) })
        for (offset, row) in rows[first..<min(rows.count, first + visible)].enumerated() {
            let y = listTop + offset
            let isSelected = first + offset == caseload.position.selected
            switch row {
            case .client(let client):
                let last = client.lastContact?.date.description ?? "never"
                let cells = [
                    client.displayName,
                    client.status.label,
                    client.specialistID.flatMap { names[$0] } ?? "not assigned",
                    "\(Caseload.daysInProgram(client, today: state.today))",
                    last,
                ]
                for (index, text) in cells.enumerated() {
                    screen.put(TextCells.pad(text, to: widths[index], right: index == 3), row: y, column: starts[index])
                }
            case .unreadable(let problem):
                screen.put("⚠ UNREADABLE \(problem.path): \(problem.message)", row: y, column: 1, style: .danger)
            }
            if isSelected {
                screen.put("▸", row: y, column: 0, style: .selected)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
        let position = "\(caseload.position.selected + 1)/\(rows.count)"
        screen.put(position, row: top, column: screen.columns - TextCells.width(position) - 1, style: .muted)
    }

    private static func drawInfoLine(_ state: AppState, rowCount: Int, into screen: inout Screen, row: Int) {
        let caseload = state.caseload
        if caseload.isSearching {
            var column = 1
            column += screen.put("Search names: ", row: row, column: column, style: .title)
            column += screen.put(caseload.query, row: row, column: column, style: .input)
            screen.put(" ", row: row, column: column, style: Style(.input, reverse: true))
            screen.put("\(rowCount) found", row: row, column: column + 3, style: .muted)
            return
        }
        var spans: StyledLine = []
        let limit = state.data.settings.caseloadLimit
        let specialists = caseload.specialistFilter.flatMap { id in state.data.specialist(id).map { [$0] } }
            ?? state.data.specialists.filter(\.isActive).sorted { $0.name < $1.name }
        for (index, specialist) in specialists.enumerated() {
            let active = Caseload.activeCount(of: specialist.id, in: state.data.clients)
            let label = specialists.count == 1 ? specialist.name : String(specialist.name.split(separator: " ").first ?? "")
            if index > 0 { spans.append(Span(", ")) }
            spans.append(Span("\(label) \(active)/\(limit)"))
            if active > limit { spans.append(Span(" ⚠ OVER LIMIT", .warning)) }
        }
        spans.insert(Span(caseload.specialistFilter == nil ? "Active caseloads: " : "Active caseload: ", .title), at: 0)
        spans.append(Span(" · showing \(caseload.statusFilter.title)", .muted))
        if !caseload.query.isEmpty {
            spans.append(Span(" · search \"", .muted))
            spans.append(Span(caseload.query, .input))
            spans.append(Span("\"", .muted))
        }
        screen.put(spans, row: row, column: 1, width: screen.columns - 10)
    }
}
