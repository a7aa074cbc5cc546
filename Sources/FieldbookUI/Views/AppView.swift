import FieldbookCore
import Foundation

extension App {
    /// Draws the whole state into a screen of `size`. Pure: the same state gives the same screen.
    public static func view(_ state: AppState, size: Size) -> Screen {
        var screen = Screen(size: size)
        if state.isBlanked {
            let text = "Fieldbook is hidden. Press any key."
            screen.put(text, row: size.rows / 2, column: max(0, (size.columns - TextCells.width(text)) / 2), style: .muted)
            return screen
        }
        if Layout.isTooSmall(size) {
            TooSmallView.draw(into: &screen)
            return screen
        }
        var state = state
        state.size = size
        drawHeader(state, into: &screen)
        switch state.topPage {
        case .client(let page): ClientView.draw(state, page, into: &screen)
        case .form(let form): FormView.draw(state, form, into: &screen)
        case .help(let top): HelpView.draw(top: top, into: &screen)
        case nil:
            switch state.tab {
            case .today: TodayView.draw(state, into: &screen)
            case .caseload: CaseloadView.draw(state, into: &screen)
            case .employers: EmployersView.draw(state, into: &screen)
            case .reports: ReportsView.draw(state, into: &screen)
            }
        }
        drawMessage(state, into: &screen)
        drawKeyLine(state, into: &screen)
        return screen
    }

    private static func drawHeader(_ state: AppState, into screen: inout Screen) {
        screen.fill(row: 0, style: .header)
        let who = state.userSpecialist?.name ?? "All specialists"
        let right = " \(who) · \(state.today.longDescription) "
        let rightWidth = TextCells.width(right)
        screen.put(right, row: 0, column: max(0, screen.columns - rightWidth), style: .header)
        screen.put(" Fieldbook · \(state.data.settings.programName)", row: 0, column: 0,
                   width: max(0, screen.columns - rightWidth - 1), style: Style(.header, bold: true, reverse: true))

        var column = 1
        for tab in Tab.allCases {
            let label = " \(tab.rawValue + 1) \(tab.title) "
            let isCurrent = tab == state.tab
            let style = isCurrent ? Style(.tab, bold: true, reverse: true) : .normal
            column += screen.put(isCurrent ? "[\(label.dropFirst().dropLast())]" : label, row: 1, column: column, style: style) + 1
        }
        if let crumb = breadcrumb(state) {
            screen.put("› \(crumb)", row: 1, column: column + 1, style: .muted)
        }
    }

    private static func breadcrumb(_ state: AppState) -> String? {
        var parts: [String] = []
        for page in state.pages {
            switch page {
            case .client(let page): parts.append(state.data.client(page.clientID)?.name ?? "Client")
            case .form(let form): parts.append(form.title)
            case .help: parts.append("Help")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " › ")
    }

    private static func drawMessage(_ state: AppState, into screen: inout Screen) {
        let row = screen.rows - 2
        if case .form(let form)? = state.topPage, form.confirmingDiscard {
            screen.put("Discard the changes to this form? y discards, any other key keeps editing.", row: row, column: 1, style: .warning)
            return
        }
        guard let message = state.message else { return }
        switch message.kind {
        case .info: screen.put(message.text, row: row, column: 1)
        case .success: screen.put("✓ " + message.text, row: row, column: 1, style: .success)
        case .error: screen.put("✗ " + message.text, row: row, column: 1, style: .danger)
        }
    }

    private static func drawKeyLine(_ state: AppState, into screen: inout Screen) {
        let row = screen.rows - 1
        let items: [(String, String)]
        if case .form(let form)? = state.topPage, form.confirmingDiscard {
            items = [("y", "discard"), ("any key", "keep editing")]
        } else if state.topPage == nil && state.tab == .caseload && state.caseload.isSearching {
            items = [("type", "to search"), ("Enter", "keep"), ("Esc", "clear"), ("↑↓", "move")]
        } else if state.topPage == nil && state.tab == .caseload && !state.caseload.query.isEmpty {
            items = [("Esc", "clear search")] + KeyMap.keyLine(for: contexts(for: state))
        } else {
            items = KeyMap.keyLine(for: contexts(for: state))
        }
        var column = 1
        for (keys, text) in items {
            let needed = TextCells.width(keys) + 1 + TextCells.width(text) + 2
            if column + needed > screen.columns { break }
            column += screen.put(keys, row: row, column: column, style: .key)
            column += screen.put(" " + text + "  ", row: row, column: column, style: .muted)
        }
    }
}

enum TooSmallView {
    static func draw(into screen: inout Screen) {
        let size = screen.size
        let lines = [
            "Make the window larger (now \(size.columns)x\(size.rows)).",
            "Fieldbook needs at least \(Layout.minimum.columns)x\(Layout.minimum.rows).",
        ]
        let top = max(0, size.rows / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.columns - TextCells.width(line)) / 2)
            screen.put(line, row: top + offset, column: x, style: offset == 0 ? .title : .normal)
        }
    }
}
