import FieldbookCore
import Foundation

/// The app without a terminal: `update` turns an event into a new state and effects;
/// `view` (in Views/) draws a state into a screen. Neither touches ncurses or files.
public enum App {
    @discardableResult
    public static func update(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .tick(let now):
            // Records keep whole seconds.
            let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
            if state.lastInput.timeIntervalSince1970 == 0 { state.lastInput = now }
            state.now = now
            let idle = Double(max(1, state.data.settings.idleLockMinutes)) * 60
            if !state.isBlanked && now.timeIntervalSince(state.lastInput) >= idle {
                state.isBlanked = true
            }
            return []
        case .resize(let size):
            state.size = size
            keepSelectionsVisible(&state)
            return []
        case .saved(let client, let merged):
            let effects = finishSave(&state, client)
            if !merged.isEmpty, let saved = state.message {
                state.message = Message(saved.text + " Merged with a change made elsewhere.", kind: .success)
            }
            return effects
        case .saveFailed(let error):
            if case .form(var form)? = state.topPage {
                form.saving = false
                state.pages[state.pages.count - 1] = .form(form)
            }
            if case .conflict = error {
                // The full story (and where this version was kept) is in `fieldbook check`.
                state.message = Message("Not saved: someone else changed this record. Ctrl-R loads it; save again.", kind: .error)
            } else {
                state.message = Message("Not saved: \(error.description)", kind: .error)
            }
            return []
        case .reloaded(let snapshot):
            state.data = snapshot
            keepSelectionsVisible(&state)
            state.message = snapshot.problems.isEmpty
                ? Message("Read the data folder again.")
                : Message("Read the data folder again; \(snapshot.problems.count) file(s) could not be read.", kind: .error)
            return []
        case .key(let key):
            state.lastInput = state.now
            if state.isBlanked {
                state.isBlanked = false
                return []
            }
            if key == .control("b") {
                state.isBlanked = true
                return []
            }
            state.message = nil
            return handle(key, &state)
        }
    }

    /// The key contexts of what is on screen, most specific first.
    public static func contexts(for state: AppState) -> [KeyContext] {
        switch state.topPage {
        case .form: return [.form, .everywhere]
        case .help: return [.help, .lists, .everywhere]
        case .client: return [.client, .lists, .everywhere]
        case nil:
            return state.tab == .caseload ? [.caseload, .lists, .top, .everywhere] : [.lists, .top, .everywhere]
        }
    }

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .form(var form)? = state.topPage {
            let index = state.pages.count - 1
            let effects = handleForm(key, &form, &state)
            // The form may have closed itself (discard) or opened help above itself.
            if state.pages.indices.contains(index), case .form = state.pages[index] {
                state.pages[index] = .form(form)
            }
            return effects
        }
        if state.topPage == nil && state.tab == .caseload && state.caseload.isSearching {
            return handleSearch(key, &state)
        }
        guard let action = KeyMap.action(for: key, in: contexts(for: state)) else { return [] }
        return perform(action, &state)
    }

    // MARK: Actions

    private static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .help:
            state.pages.append(.help(top: 0))
        case .redraw:
            return [.redraw]
        case .reload:
            return [.reload]
        case .blank:
            state.isBlanked = true
        case .nextTab:
            state.tab = Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count)!
        case .previousTab:
            state.tab = Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
        case .showTab(let tab):
            state.tab = tab
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -max(1, Layout.listRows(state.size) - 1))
        case .pageDown: move(&state, by: max(1, Layout.listRows(state.size) - 1))
        case .first: move(&state, to: 0)
        case .last: move(&state, to: Int.max / 2)
        case .open:
            openSelected(&state)
        case .back:
            goBack(&state)
        case .search:
            state.caseload.isSearching = true
        case .new:
            if case .client(let page)? = state.topPage {
                state.pages.append(.form(ContactForm.make(for: page.clientID, today: state.today)))
            } else {
                state.pages.append(.form(ClientForm.make(
                    for: nil, data: state.data, defaultSpecialist: state.caseload.specialistFilter ?? state.userSpecialistID,
                    today: state.today)))
            }
        case .edit:
            if case .client(let page)? = state.topPage, let client = state.data.client(page.clientID) {
                state.pages.append(.form(ClientForm.make(for: client, data: state.data, defaultSpecialist: nil, today: state.today)))
            }
        case .cycleSort:
            let all = CaseloadSort.allCases
            state.caseload.sort = all[(all.firstIndex(of: state.caseload.sort)! + 1) % all.count]
            state.caseload.ascending = true
            state.caseload.position = ListPosition()
            state.message = Message("Sorted by \(state.caseload.sort.title).")
        case .reverseSort:
            state.caseload.ascending.toggle()
            state.caseload.position = ListPosition()
        case .cycleSpecialistFilter:
            let ids: [UUID?] = [nil] + state.data.specialists.sorted { $0.name < $1.name }.map(\.id)
            let index = ids.firstIndex(of: state.caseload.specialistFilter) ?? 0
            state.caseload.specialistFilter = ids[(index + 1) % ids.count]
            state.caseload.position = ListPosition()
        case .cycleStatusFilter:
            state.caseload.statusFilter = state.caseload.statusFilter.next
            state.caseload.position = ListPosition()
        case .nextField, .previousField, .nextChoice, .previousChoice, .save, .clearField:
            break  // forms only
        }
        return []
    }

    private static func goBack(_ state: inout AppState) {
        if state.pages.isEmpty {
            if state.tab == .caseload && !state.caseload.query.isEmpty {
                state.caseload.query = ""
                state.caseload.position = ListPosition()
            }
            return
        }
        let closed = state.pages.removeLast()
        // Back on the caseload, the client just seen (perhaps just created) is the selected row.
        if case .client(let page) = closed, state.pages.isEmpty, state.tab == .caseload {
            let rows = state.caseload.rows(in: state.data, today: state.today)
            if let index = rows.firstIndex(where: { if case .client(let c) = $0 { c.id == page.clientID } else { false } }) {
                state.caseload.position.move(to: index, count: rows.count, visible: Layout.listRows(state.size))
            }
        }
    }

    private static func openSelected(_ state: inout AppState) {
        let rows = state.caseload.rows(in: state.data, today: state.today)
        guard rows.indices.contains(state.caseload.position.selected) else { return }
        switch rows[state.caseload.position.selected] {
        case .client(let client):
            state.pages.append(.client(ClientPage(clientID: client.id)))
        case .unreadable(let problem):
            state.message = Message("\(problem.path) could not be read (\(problem.message)). It was left as it is; fix it or restore it from a backup.", kind: .error)
        }
    }

    // MARK: Moving

    private static func move(_ state: inout AppState, by offset: Int) {
        switch state.topPage {
        case .client(var page):
            page.top = max(0, min(page.top + offset, ClientView.maxTop(state, page)))
            state.pages[state.pages.count - 1] = .client(page)
        case .help(let top):
            state.pages[state.pages.count - 1] = .help(top: max(0, min(top + offset, HelpView.maxTop(state.size))))
        case .form, nil:
            let current = state.tab == .employers ? state.employers.selected : state.caseload.position.selected
            move(&state, to: current + offset)
        }
    }

    private static func move(_ state: inout AppState, to row: Int) {
        let visible = Layout.listRows(state.size)
        switch state.topPage {
        case .client(var page):
            page.top = row == 0 ? 0 : ClientView.maxTop(state, page)
            state.pages[state.pages.count - 1] = .client(page)
        case .help:
            state.pages[state.pages.count - 1] = .help(top: row == 0 ? 0 : HelpView.maxTop(state.size))
        case .form:
            break
        case nil:
            switch state.tab {
            case .caseload:
                let count = state.caseload.rows(in: state.data, today: state.today).count
                state.caseload.position.move(to: row, count: count, visible: visible)
            case .employers:
                state.employers.move(to: row, count: state.data.employers.count, visible: visible)
            case .today, .reports:
                break
            }
        }
    }

    private static func keepSelectionsVisible(_ state: inout AppState) {
        let visible = Layout.listRows(state.size)
        let count = state.caseload.rows(in: state.data, today: state.today).count
        state.caseload.position.move(to: state.caseload.position.selected, count: count, visible: visible)
        state.employers.move(to: state.employers.selected, count: state.data.employers.count, visible: visible)
        for index in state.pages.indices {
            if case .form(var form) = state.pages[index] {
                form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(state.size))
                state.pages[index] = .form(form)
            }
        }
    }

    // MARK: Search

    private static func handleSearch(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch key {
        case .enter:
            state.caseload.isSearching = false
        case .escape:
            state.caseload.isSearching = false
            state.caseload.query = ""
        case .backspace:
            if !state.caseload.query.isEmpty { state.caseload.query.removeLast() }
        case .control("u"):
            state.caseload.query = ""
        case .character(let c):
            state.caseload.query.append(c)
        case .up, .down, .pageUp, .pageDown:
            if let action = KeyMap.action(for: key, in: [.lists]) { return perform(action, &state) }
            return []
        default:
            if let action = KeyMap.action(for: key, in: [.everywhere]) { return perform(action, &state) }
            return []
        }
        state.caseload.position = ListPosition()
        return []
    }

    // MARK: Forms

    private static func handleForm(_ key: Key, _ form: inout FormState, _ state: inout AppState) -> [Effect] {
        if form.saving { return [] }
        if form.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"):
                state.pages.removeLast()
                state.message = Message("Changes discarded.")
            default:
                form.confirmingDiscard = false
            }
            return []
        }
        let focused = form.fields[form.focus]
        if !focused.isChoice {
            switch key {
            case .character(let c):
                form.fields[form.focus].insert(c)
                return []
            case .left: form.fields[form.focus].moveCursor(by: -1); return []
            case .right: form.fields[form.focus].moveCursor(by: 1); return []
            case .home, .control("a"): form.fields[form.focus].moveCursorToStart(); return []
            case .end, .control("e"): form.fields[form.focus].moveCursorToEnd(); return []
            case .backspace: form.fields[form.focus].deleteBackward(); return []
            case .delete: form.fields[form.focus].deleteForward(); return []
            default: break
            }
        }
        if key == .enter {
            if form.focus == form.fields.count - 1 { return save(&form, &state) }
            form.moveFocus(by: 1)
            form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(state.size))
            return []
        }
        guard let action = KeyMap.action(for: key, in: [.form, .everywhere]) else { return [] }
        switch action {
        case .nextField, .previousField:
            form.moveFocus(by: action == .nextField ? 1 : -1)
            form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(state.size))
        case .nextChoice: form.fields[form.focus].cycleChoice(by: 1)
        case .previousChoice: form.fields[form.focus].cycleChoice(by: -1)
        case .clearField: form.fields[form.focus].clear()
        case .save: return save(&form, &state)
        case .back:
            if form.hasChanges {
                form.confirmingDiscard = true
            } else {
                state.pages.removeLast()
            }
        default:
            return perform(action, &state)
        }
        return []
    }

    private static func save(_ form: inout FormState, _ state: inout AppState) -> [Effect] {
        let problems = form.problems(today: state.today)
        if let first = problems.first {
            form.focus = first.index
            form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(state.size))
            let count = problems.count
            let labels = problems.map { form.fields[$0.index].label }.joined(separator: ", ")
            state.message = Message("Cannot save yet: \(count) field\(count == 1 ? " needs" : "s need") fixing: \(labels).", kind: .error)
            return []
        }
        let client: Client?
        switch form.purpose {
        case .newClient:
            client = ClientForm.client(from: form, base: nil, today: state.today, now: state.now)
        case .editClient(let id):
            guard let base = state.data.client(id) else {
                state.message = Message("This client is no longer in the data folder.", kind: .error)
                return []
            }
            client = ClientForm.client(from: form, base: base, today: state.today, now: state.now)
        case .newContact(let clientID):
            guard var base = state.data.client(clientID),
                  let contact = ContactForm.contact(from: form, specialistID: state.userSpecialistID ?? base.specialistID,
                                                    today: state.today, now: state.now)
            else { return [] }
            base.contacts.append(contact)
            client = base
        }
        guard let client else { return [] }
        form.saving = true
        state.message = Message("Saving…")
        return [.saveClient(client)]
    }

    private static func finishSave(_ state: inout AppState, _ client: Client) -> [Effect] {
        state.data.replace(client)
        guard case .form(let form)? = state.topPage else { return [] }
        state.pages.removeLast()
        switch form.purpose {
        case .newClient:
            state.pages.append(.client(ClientPage(clientID: client.id)))
            state.message = Message("New client saved.", kind: .success)
        case .editClient:
            state.message = Message("Client details saved.", kind: .success)
        case .newContact:
            state.message = Message("Contact logged.", kind: .success)
        }
        return []
    }
}
