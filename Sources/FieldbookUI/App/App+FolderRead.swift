import FieldbookCore
import Foundation

extension App {
    /// What answers at once while the folder is read after a first frame from a `FirstScreen`:
    /// moving in Today's list and choosing whose items it shows, the tabs (which say the folder
    /// is being read), help, the last message, blanking and quitting. What opens, saves or syncs
    /// waits for the records (`holdsWhileReading`).
    static func answersWhileReading(_ action: Action) -> Bool {
        switch action {
        case .quit, .help, .redraw, .blank, .showMessage, .nextTab, .previousTab, .showTab,
             .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .cycleSpecialistFilter, .back:
            true
        default:
            false
        }
    }

    /// While the folder is read, a key that needs every record (and each key or paste after
    /// it, `q` included) waits, in order, and is pressed once the records are in. True when
    /// `key` was kept to wait.
    static func holdsWhileReading(_ key: Key, _ state: inout AppState, _ environment: Environment) -> Bool {
        guard state.isReadingFolder else { return false }
        if state.heldInput.isEmpty,
           KeyMap.binding(for: key, in: contexts(for: state, environment)).map({ answersWhileReading($0.action) }) ?? true {
            return false
        }
        state.heldInput.append(.key(key))
        state.message = Message("Reading the data folder: what was typed follows as soon as every record is in.")
        return true
    }

    /// A paste after a key that waits waits with it (it belongs to the form that key opens).
    static func holdsWhileReading(paste text: String, _ state: inout AppState) -> Bool {
        guard state.isReadingFolder, !state.heldInput.isEmpty else { return false }
        state.heldInput.append(.paste(text))
        return true
    }

    /// Every record is in: the state takes the folder and its figures (made again when the day
    /// changed meanwhile), says what could not be read, and each page follows. What waited is
    /// pressed then, unless Today's list is no longer the one it was typed on (a file changed
    /// since the kept screen was made): a row key would then act on another row, so nothing
    /// is pressed and the message says so.
    static func folderRead(_ id: RequestID, _ snapshot: DataSnapshot, _ figures: Figures, _ state: inout AppState,
                           _ environment: Environment) -> [Effect] {
        guard state.readingFolder == id else { return [] }
        let shown = state.tabPage(TodayPage.self)?.items
        state.readingFolder = nil
        state.progress[id] = nil
        state.data = snapshot
        state.figures = figures.today == state.today ? figures : Figures(data: snapshot, today: state.today)
        if state.message?.text.hasPrefix("Reading the data folder") == true { state.message = nil }
        if state.message == nil, let line = ProblemSummary.line(for: snapshot) {
            state.message = AppState.problemMessage(line)
        }
        var effects = refreshAll(&state, environment) + (state.keepsCalendar ? [.keepCalendar] : [])
        let held = state.heldInput
        state.heldInput = []
        guard !held.isEmpty else { return effects }
        guard state.tabPage(TodayPage.self)?.items == shown else {
            state.message = Message("The folder changed while it was read, so Today's list changed: what was typed meanwhile "
                                    + "was not done. Type it again.", kind: .warning)
            return effects
        }
        for event in held { effects += update(&state, event, environment) }
        return effects
    }

    /// The body of a screen that waits for the folder: how far the read has come.
    static func drawReading(_ state: AppState, into screen: inout Screen) {
        let progress = state.readingFolder.flatMap { state.progress[$0] }
        let count = progress.map { " (\($0.done.formatted()) of \($0.total.formatted()) files)" } ?? ""
        screen.put("Reading the data folder\(count)…", row: Layout.bodyTop + 1, column: 2, style: .title)
        screen.put("This screen shows once every record is in; Today (1) shows already.", row: Layout.bodyTop + 3, column: 2,
                   style: .muted)
    }
}
