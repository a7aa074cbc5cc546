import FieldbookCore
import Foundation

/// The app without a terminal: `update` turns an event into a new state and effects;
/// `view` draws a state into a screen. Neither touches ncurses or files.
///
/// `update` handles what belongs to no page (the clock, blanking, help, tabs, reading the
/// folder again), routes other keys to the page on top and store answers to the page that
/// asked for them.
public enum App {
    @discardableResult
    public static func update(_ state: inout AppState, _ event: Event, _ environment: Environment) -> [Effect] {
        let effects = apply(event, &state, environment)
        // Kept for the key that shows the last message in full.
        if let message = state.message { state.lastMessage = message }
        return effects
    }

    /// The request that reads the career profiles while the screens say they are loading (the
    /// app sends it after its first frame); nil once they are there.
    public static func loadProfiles(_ state: inout AppState) -> (id: RequestID, effect: Effect)? {
        guard state.profiles.isLoading else { return nil }
        let id = RequestID(state.nextRequest)
        state.nextRequest += 1
        return (id, .store(id, .careerProfile(.loadOverview)))
    }

    private static func apply(_ event: Event, _ state: inout AppState, _ environment: Environment) -> [Effect] {
        var environment = environment
        if case .tick(let now) = event { environment.now = now }
        // Records keep whole seconds.
        environment.now = Date(timeIntervalSince1970: environment.now.timeIntervalSince1970.rounded(.down))
        state.now = environment.now
        if state.lastInput.timeIntervalSince1970 == 0 { state.lastInput = state.now }
        var effects: [Effect] = []
        if environment.today != state.today {
            state.today = environment.today
            // While the folder is read, its answer brings the figures (made again for this day).
            if !state.isReadingFolder { state.figures = Figures(data: state.data, today: state.today) }
            effects = refreshAll(&state, environment) + (state.keepsCalendar ? [.keepCalendar] : [])
        }
        return effects + respond(to: event, &state, environment)
    }

    private static func respond(to event: Event, _ state: inout AppState, _ environment: Environment) -> [Effect] {
        switch event {
        case .tick:
            let idle = Double(max(1, state.data.settings.idleLockMinutes)) * 60
            if !state.isBlanked && state.now.timeIntervalSince(state.lastInput) >= idle {
                state.isBlanked = true
            }
            return state.isReadingFolder ? [] : syncWhenDue(&state)
        case .resize(let size):
            state.size = size
            return refreshAll(&state, environment)
        case .progress(let id, let progress):
            if state.waiting[id] != nil || state.progress[id] != nil { state.progress[id] = progress }
            return []
        case .finished(let id, let result):
            return finish(id, result, &state, environment)
        case .warning(let text):
            state.message = Message(text, kind: .warning)
            return []
        case .folderRead(let id, let snapshot, let figures):
            return folderRead(id, snapshot, figures, &state, environment)
        case .folderChanged(let update):
            update.apply(to: &state.data)
            if state.message == nil { state.message = Message("Read again the records a sync changed.") }
            return dataChanged(&state, environment)
        case .key(let key):
            state.lastInput = state.now
            if state.isBlanked {
                unblank(key, &state)
                return []
            }
            if state.isConfirmingQuit { return answerQuit(key, &state) }
            if state.isConfirmingUndo { return answerUndo(key, &state) }
            // While the window is too small nothing shows what a key would do: only blanking and
            // quitting work (q as Ctrl-C: it asks first when something typed is not saved).
            if Layout.isTooSmall(state.size) {
                if KeyMap.action(for: key, in: [.everywhere]) == .blank { state.isBlanked = true }
                if key == .character("q") || key == .character("Q") { return update(&state, .interrupt, environment) }
                return []
            }
            if holdsWhileReading(key, &state, environment) { return [] }
            state.message = nil
            return handle(key, &state, environment)
        case .paste(let text):
            state.lastInput = state.now
            guard !state.isBlanked, !state.isConfirmingQuit, !Layout.isTooSmall(state.size) else { return [] }
            if holdsWhileReading(paste: text, &state) { return [] }
            var taken = false
            let effects = withPage(state.top.id, &state, environment) { page, context in
                taken = page.paste(text, in: &context)
            }
            if !taken { state.message = Message("Nothing was pasted: a paste goes into a text field of a form.", kind: .warning) }
            return effects
        case .interrupt:
            // A second Ctrl-C while asking means it.
            if state.isConfirmingQuit || !state.hasUnsavedChanges { return [.quit] }
            state.isConfirmingQuit = true
            return []
        }
    }

    /// A key on the blanked screen: any key shows it again, or, with a PIN, the PIN and Enter.
    private static func unblank(_ key: Key, _ state: inout AppState) {
        guard let pin = state.pin else {
            state.isBlanked = false
            return
        }
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            if state.pinEntry.count < 12 { state.pinEntry.append(c) }
            state.pinWasWrong = false
        case .backspace:
            if !state.pinEntry.isEmpty { state.pinEntry.removeLast() }
        case .enter:
            if pin.matches(state.pinEntry) {
                state.isBlanked = false
                state.pinWasWrong = false
            } else {
                state.pinWasWrong = true
            }
            state.pinEntry = ""
        default:
            state.pinEntry = ""
        }
    }

    /// The answer to "quit and lose the changes?": y quits, any other key keeps working.
    private static func answerQuit(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.isConfirmingQuit = false
        if key == .character("y") || key == .character("Y") { return [.quit] }
        return []
    }

    /// The key contexts of what is on screen, most specific first.
    public static func contexts(for state: AppState, _ environment: Environment? = nil) -> [KeyContext] {
        // "Quit and lose the changes?" takes the next key, whatever page is below.
        if state.isConfirmingQuit { return [.confirm] }
        if state.isConfirmingUndo { return [.undoQuestion] }
        let context = state.makeContext(environment ?? state.readingEnvironment)
        var contexts = state.top.page.keyContexts(in: context)
        if state.pages.isEmpty { contexts.append(.top) }
        // A page that takes every key (a question waiting for y or n) leaves nothing to the rest.
        if contexts.contains(.confirm) || contexts.contains(.deleteQuestion) { return contexts }
        return contexts + [.everywhere]
    }

    private static func handle(_ key: Key, _ state: inout AppState, _ environment: Environment) -> [Effect] {
        // Blanking the screen is for privacy: it works on every screen, a question included.
        if KeyMap.action(for: key, in: [.everywhere]) == .blank {
            state.isBlanked = true
            return []
        }
        let contexts = contexts(for: state, environment)
        guard let (action, context) = KeyMap.binding(for: key, in: contexts) else { return [] }
        if action == .undo {
            askUndo(&state)
            return []
        }
        switch context {
        case .everywhere, .top:
            return perform(action, &state, environment)
        default:
            return withPage(state.top.id, &state, environment) { page, context in
                page.perform(action, key: key, in: &context)
            }
        }
    }

    /// Actions of no page: help, blanking, redrawing, reading the folder again, tabs, quitting.
    private static func perform(_ action: Action, _ state: inout AppState, _ environment: Environment) -> [Effect] {
        switch action {
        case .quit:
            if let waiting = quitAfterSync(&state) { return waiting }
            state.isQuitting = true
            return [.quit]
        case .help:
            open(HelpPage(here: contexts(for: state, environment)), &state)
        case .showMessage:
            open(MessagePage(message: state.lastMessage), &state)
        case .redraw:
            return [.redraw]
        case .reload:
            let id = RequestID(state.nextRequest)
            state.nextRequest += 1
            state.progress[id] = WorkProgress(done: 0, total: 1, what: "Reading the data folder")
            let profiles = RequestID(state.nextRequest)
            state.nextRequest += 1
            return [.store(id, .reload), .store(profiles, .careerProfile(.loadOverview))]
        case .sync:
            if state.autoSync.inFlight != nil {
                state.message = Message("A sync is under way.")
                return []
            }
            return startSync(&state)
        case .blank:
            state.isBlanked = true
        case .nextTab:
            state.tab = (state.tab + 1) % state.tabs.count
            return refreshTop(&state, environment)
        case .previousTab:
            state.tab = (state.tab + state.tabs.count - 1) % state.tabs.count
            return refreshTop(&state, environment)
        case .showTab(let index):
            if state.tabs.indices.contains(index) { state.tab = index }
            return refreshTop(&state, environment)
        default:
            break
        }
        return []
    }

    static func open(_ page: any Page, _ state: inout AppState) {
        state.pages.append(OpenPage(id: PageID(state.nextPage), page: page))
        state.nextPage += 1
    }

    /// An answer from the store: the data changes for everyone, then the page that asked hears.
    private static func finish(_ id: RequestID, _ result: StoreResult, _ state: inout AppState, _ environment: Environment) -> [Effect] {
        state.progress[id] = nil
        // Pages showing what the data derives ask for it again.
        var effects: [Effect] = syncEnded(id, &state)
        switch result {
        case .saved(let record, let merged):
            let changes = record.changes(from: state.data)
            // The last change saved is the one `u` takes back; taking one back leaves none.
            let undone = state.undoing.removeValue(forKey: id)
            state.undo = undone == nil ? UndoStep.make(for: record, in: state.data) : nil
            record.apply(to: &state.data)
            effects += dataChanged(&state, environment, saved: changes)
            if let undone { state.message = Message("Undone: \(undone).", kind: .success) }
            // Merged with a change made elsewhere: the file holds more than the record saved
            // (another copy's contacts of the same month, say), so the folder is read again,
            // quietly, for the counts and lists to show it.
            if !merged.isEmpty {
                let reload = RequestID(state.nextRequest)
                state.nextRequest += 1
                state.quietReloads.insert(reload)
                effects.append(.store(reload, .reload))
            }
        case .reloaded(let snapshot):
            state.data = snapshot
            effects += dataChanged(&state, environment)
            if state.quietReloads.remove(id) == nil {
                state.message = ProblemSummary.line(for: snapshot).map { Message("Read the data folder again; " + $0, kind: .error) }
                    ?? Message("Read the data folder again.")
            }
        case .synced(let summary, let update):
            update.apply(to: &state.data)
            state.sync = summary
            effects += dataChanged(&state, environment)
            if !isQuiet(id, summary, state) { state.message = summary.message }
        case .failed(.conflict(let conflict)):
            // This copy's version is now kept on disk: the record shows as to merge at once.
            let pending = conflict.pendingMerge
            if pending.recordID != nil, !state.data.pendingMerges.contains(pending) {
                state.data.problems.append(DataProblem(
                    path: pending.copy, kind: .conflictCopy,
                    message: "this copy's version of \(pending.record), kept after a save conflict: to merge", pendingMerge: pending))
                effects += dataChanged(&state, environment)
            }
        case .failed(let error):
            // Work the app asked for itself (a sync) has no page to tell: the message does.
            if let undone = state.undoing.removeValue(forKey: id) {
                state.message = Message("Not undone (\(undone)): \(error.causeFirst)", kind: .error)
            } else if state.waiting[id] == nil {
                state.message = Message("Not done: \(error.causeFirst)", kind: .error)
            }
        case .careerProfile(.overview(let overview)):
            state.profiles = overview
            // A page may open now what waited for the profiles (`c` pressed while they loaded).
            effects += refreshAll(&state, environment)
        case .careerProfile(.answered(let answered)):
            // One client's summary in step with the answer, without reading the folder.
            state.profiles.summaries.update(answered.profile, definition: state.profiles.definition)
        case .careerProfile, .reportBoard:
            break
        }
        guard let pageID = state.waiting.removeValue(forKey: id) else { return effects }
        return effects + withPage(pageID, &state, environment) { page, context in
            page.receive(result, for: id, in: &context)
        }
    }

    /// `saved`: the records a save wrote, so what follows them alone is updated, not rebuilt
    /// (empty: everything is built again).
    private static func dataChanged(_ state: inout AppState, _ environment: Environment, saved: [SavedChange] = []) -> [Effect] {
        state.figures.follow(saved, data: state.data, today: state.today)
        return refreshAll(&state, environment) + (state.keepsCalendar ? [.keepCalendar] : [])
    }

    /// A tab just came into view: it catches up with what it put off while hidden.
    private static func refreshTop(_ state: inout AppState, _ environment: Environment) -> [Effect] {
        withPage(state.top.id, &state, environment) { page, context in page.refresh(in: &context) }
    }

    /// Every page catches up with a change; the shown one may ask for work (a board of reports),
    /// a page may open what waited for the data (a career profile).
    @discardableResult
    static func refreshAll(_ state: inout AppState, _ environment: Environment) -> [Effect] {
        var effects: [Effect] = []
        for id in state.tabs.map(\.id) + state.pages.map(\.id) {
            effects += withPage(id, &state, environment) { page, context in page.refresh(in: &context) }
        }
        return effects
    }

    /// Runs `body` on the page with `id` wherever it is on the stack, then applies what it
    /// asked for: effects, a message, pages opened or closed.
    private static func withPage(_ id: PageID, _ state: inout AppState, _ environment: Environment,
                                 _ body: (inout any Page, inout PageContext) -> Void) -> [Effect] {
        var context = state.makeContext(environment)
        context.isShown = state.top.id == id
        let inTabs = state.tabs.firstIndex { $0.id == id }
        let inPages = state.pages.firstIndex { $0.id == id }
        if let index = inTabs {
            body(&state.tabs[index].page, &context)
        } else if let index = inPages {
            body(&state.pages[index].page, &context)
        } else {
            return []
        }
        state.message = context.message
        state.nextRequest = context.nextRequest
        for request in context.requests { state.waiting[request] = id }
        var effects = context.effects
        let identified = context.identified
        if let specialist = identified {
            state.userSpecialistID = specialist
            effects.append(.rememberSpecialist(specialist))
        }
        for step in context.navigation {
            let index = state.pages.firstIndex { $0.id == id }
            switch step {
            case .push(let page):
                open(page, &state)
                effects += withPage(PageID(state.nextPage - 1), &state, environment) { page, context in page.opened(in: &context) }
            case .close:
                guard let index else { continue }
                let closed = state.pages.remove(at: index).page
                if index == state.pages.count {
                    effects += withPage(state.top.id, &state, environment) { page, context in
                        page.returned(from: closed, in: &context)
                    }
                }
            case .showTab(let tab, let action):
                guard state.pages.isEmpty, state.tabs.indices.contains(tab) else { continue }
                state.tab = tab
                effects += withPage(state.tabs[tab].id, &state, environment) { page, context in
                    page.refresh(in: &context)
                    page.perform(action, key: .character("/"), in: &context)
                }
            case .replace(let page):
                if let index {
                    state.pages[index] = OpenPage(id: PageID(state.nextPage), page: page)
                    state.nextPage += 1
                    effects += withPage(PageID(state.nextPage - 1), &state, environment) { page, context in page.opened(in: &context) }
                }
            }
        }
        // Who the user is changes what pages show (Today's agenda is theirs).
        if identified != nil { effects += refreshAll(&state, environment) }
        return effects
    }
}
