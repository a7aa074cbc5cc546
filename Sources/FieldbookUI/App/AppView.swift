import FieldbookCore
import Foundation

extension App {
    /// Draws the whole state into a screen of `size`. Pure: the same state gives the same screen.
    public static func view(_ state: AppState, size: Size) -> Screen {
        var screen = Screen(size: size)
        if state.isBlanked {
            var lines = ["Fieldbook is hidden. Press any key."]
            if state.pin != nil {
                lines = ["Fieldbook is locked. Type the PIN, then Enter: " + String(repeating: "•", count: state.pinEntry.count)]
                if state.pinWasWrong { lines.append("Wrong PIN. Try again.") }
            }
            for (offset, text) in lines.enumerated() {
                screen.put(text, row: size.rows / 2 + offset, column: max(0, (size.columns - TextCells.width(text)) / 2),
                           style: offset == 0 ? .muted : .danger)
            }
            return screen
        }
        if Layout.isTooSmall(size) {
            TooSmallView.draw(into: &screen)
            if state.isConfirmingQuit {
                screen.put(quitQuestion.text, row: size.rows - 1, column: 0, style: .warning)
            }
            return screen
        }
        var state = state
        state.size = size
        let context = state.makeContext(state.readingEnvironment)
        drawHeader(state, context, into: &screen)
        let page = state.top.page
        if state.isReadingFolder, !(page is TodayPage || page is HelpPage || page is MessagePage) {
            drawReading(state, into: &screen)
        } else {
            page.draw(in: context, into: &screen)
        }
        drawMessage(state, context, into: &screen)
        drawKeyLine(state, context, into: &screen)
        return screen
    }

    private static func drawHeader(_ state: AppState, _ context: PageContext, into screen: inout Screen) {
        screen.fill(row: 0, style: .header)
        let right = headerRight(state, columns: screen.columns)
        let rightWidth = TextCells.width(right)
        screen.put(right, row: 0, column: max(0, screen.columns - rightWidth), style: .header)
        screen.put(" Fieldbook · \(state.data.settings.programName)", row: 0, column: 0,
                   width: max(0, screen.columns - rightWidth - 1), style: Style(.header, bold: true, reverse: true))

        var column = 1
        for (index, tab) in Router.tabs.enumerated() {
            let label = " \(index + 1) \(tab.tabTitle) "
            let isCurrent = index == state.tab
            let style = isCurrent ? Style(.tab, bold: true, reverse: true) : .normal
            column += screen.put(isCurrent ? "[\(label.dropFirst().dropLast())]" : label, row: 1, column: column, style: style) + 1
        }
        if !state.pages.isEmpty {
            let crumb = state.pages.map { $0.page.title(in: context) }.joined(separator: " › ")
            screen.put("› \(crumb)", row: 1, column: column + 1, style: .muted)
        }
    }

    /// The header's right part: this week's face-to-face tally (the user's, or the team's),
    /// who is using Fieldbook and today's date, shortened to leave the program's name room.
    static func headerRight(_ state: AppState, columns: Int) -> String {
        let who = state.userSpecialist?.name ?? "All specialists"
        let tally = state.figures.weekTally(of: state.userSpecialistID)
        let first = state.userSpecialist.map { String($0.name.split(separator: " ").first ?? "") } ?? "Team"
        // The last sync's state, when the app synced this run ("synced 10:42", "3 not shared").
        let synced = state.sync.map { " \($0.headerText()) ·" } ?? ""
        // Longest first, each made only when the one before does not fit (this runs every frame).
        let candidates: [() -> String] = [
            { "\(synced) \(tally.text) · \(who) · \(state.today.longDescription) " },
            { "\(synced) \(tally.text) · \(first) · \(state.today.longDescription) " },
            { "\(synced) \(tally.shortText) · \(who) · \(state.today.longDescription) " },
            { "\(synced) \(tally.shortText) · \(first) · \(state.today.longDescription) " },
            { "\(synced) \(tally.shortText) · \(first) · \(state.today.description) " },
            { "\(synced) \(tally.shortText) · \(state.today.description) " },
            { " \(tally.shortText) · \(state.today.description) " },
        ]
        // The left keeps at least " Fieldbook · " and a few letters of the program's name.
        let room = columns - 20
        for candidate in candidates {
            let text = candidate()
            if TextCells.width(text) <= room { return text }
        }
        return " \(tally.shortText) "
    }

    private static func drawMessage(_ state: AppState, _ context: PageContext, into screen: inout Screen) {
        let row = screen.rows - 2
        let undoQuestion = state.undo.map { Message("Undo \($0.what)? y undoes it, any other key keeps it.", kind: .warning) }
        let message = (state.isConfirmingQuit ? quitQuestion : nil) ?? (state.isConfirmingUndo ? undoQuestion : nil)
            ?? state.top.page.prompt(in: context) ?? state.message ?? progressMessage(state)
        guard let message else { return }
        // A long message takes the row above as well, so its cause is never cut off.
        switch message.kind {
        case .info: screen.putWrapped(message.text, lastRow: row, style: .normal)
        case .warning: screen.putWrapped(message.text, lastRow: row, style: .warning)
        case .success: screen.putWrapped("✓ " + message.text, lastRow: row, style: .success)
        case .error: screen.putWrapped("✗ " + message.text, lastRow: row, style: .danger)
        }
    }

    static let quitQuestion = Message("Quit and lose the unsaved changes? y quits, any other key keeps them.", kind: .warning)

    /// The longest-running work still under way, with how far it has come.
    private static func progressMessage(_ state: AppState) -> Message? {
        guard let (_, progress) = state.progress.min(by: { $0.key.number < $1.key.number }) else { return nil }
        let share = progress.total > 0 ? " \(100 * progress.done / progress.total)%" : ""
        return Message("\(progress.what)…\(share)")
    }

    private static func drawKeyLine(_ state: AppState, _ context: PageContext, into screen: inout Screen) {
        let row = screen.rows - 1
        let items = KeyMap.keyLine(for: contexts(for: state, context.environment), columns: screen.columns)
        var column = 1
        for (keys, text) in items {
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
            "q quits.",
        ]
        let top = max(0, size.rows / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (size.columns - TextCells.width(line)) / 2)
            screen.put(line, row: top + offset, column: x, style: offset == 0 ? .title : .normal)
        }
    }
}
