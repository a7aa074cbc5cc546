/// What a key does. One table of bindings drives dispatch, the key line at the bottom of the
/// screen and the help screen, so they cannot disagree.
public enum Action: Hashable, Sendable {
    case quit, help, redraw, reload, blank
    case nextTab, previousTab, showTab(Int)
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back
    case search, new, edit
    case cycleSort, reverseSort, cycleSpecialistFilter, cycleStatusFilter
    case nextField, previousField, nextChoice, previousChoice, save, clearField
    case nextSection, previousSection, chooseSection, addEntry, removeEntry, toggle
    /// Text editing: the typed character goes in at the cursor.
    case type
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd, wordLeft, wordRight, lineUp, lineDown, newLine
    case deleteBackward, deleteForward, deleteWordBackward
    /// A search: keep the result, or clear it.
    case keepSearch, clearSearch
    /// A question: yes, or any other answer.
    case confirm, dismiss
    case previousPeriod, nextPeriod, switchPeriodKind, fidelityReview
}

/// Where a binding applies. A page lists its contexts most specific first; the first that
/// binds a key wins.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case everywhere = "Everywhere"
    case top = "The tabs (a number key shows one)"
    case lists = "Lists and pages"
    case caseload = "Caseload"
    case searchResult = "Caseload after a search"
    case search = "Searching"
    case client = "Client"
    case reports = "Reports"
    case form = "Forms"
    case choice = "A choice in a form"
    case multipleChoice = "A multiple choice in a form"
    case textEditing = "Typing in a text field"
    case multiLine = "Typing in a text of several lines"
    case repeatingGroup = "A repeating group in a form (past jobs...)"
    case confirm = "A question (discard changes?)"
    case sections = "The sections of a form"
    case help = "Help"
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    /// A few words for the key line; nil keeps the binding off that line.
    public var short: String?
    /// A sentence for the help screen.
    public var help: String
    public var context: KeyContext
    /// How the keys are written on the key line, when not the first key's label.
    public var barKeys: String? = nil
    /// Also every printable character (typing into a field or a search).
    public var typing = false
    /// Also every key no other binding of its context takes (any other answer to a question).
    public var otherKeys = false

    /// Keys as written in help: "↑ / k".
    public var keyLabel: String {
        let extra = typing ? ["characters"] : otherKeys ? ["any other key"] : []
        return (keys.map(\.label) + extra).joined(separator: " / ")
    }

    public func matches(_ key: Key) -> Bool {
        if keys.contains(key) || otherKeys { return true }
        if typing, case .character = key { return true }
        return false
    }
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding(keys: [.character("?"), .function(1)], action: .help, short: "help", help: "Show this help", context: .everywhere),
        KeyBinding(keys: [.control("b")], action: .blank, short: nil, help: "Blank the screen at once (privacy); any key shows it again", context: .everywhere),
        KeyBinding(keys: [.control("l")], action: .redraw, short: nil, help: "Redraw the whole screen", context: .everywhere),
        KeyBinding(keys: [.control("r")], action: .reload, short: nil,
                   help: "Read the data folder again (others' changes; after a save conflict, then save again)", context: .everywhere),
        // Top level
        KeyBinding(keys: [.tab], action: .nextTab, short: nil, help: "Next tab", context: .top),
        KeyBinding(keys: [.backTab], action: .previousTab, short: nil, help: "Previous tab", context: .top),
    ] + Router.tabs.enumerated().map { index, tab in
        KeyBinding(keys: [.character(Character(String(index + 1)))], action: .showTab(index), short: nil, help: tab.tabTitle, context: .top)
    } + [
        KeyBinding(keys: [.character("q")], action: .quit, short: "quit", help: "Quit Fieldbook", context: .top),
        // Lists and pages
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, short: nil, help: "Move up", context: .lists),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, short: nil, help: "Move down", context: .lists),
        KeyBinding(keys: [.pageUp], action: .pageUp, short: nil, help: "Page up", context: .lists),
        KeyBinding(keys: [.pageDown], action: .pageDown, short: nil, help: "Page down", context: .lists),
        KeyBinding(keys: [.home, .character("g")], action: .first, short: nil, help: "First row", context: .lists),
        KeyBinding(keys: [.end, .character("G")], action: .last, short: nil, help: "Last row", context: .lists),
        // Caseload
        KeyBinding(keys: [.escape], action: .clearSearch, short: "clear search", help: "Clear the search", context: .searchResult),
        KeyBinding(keys: [.enter], action: .open, short: "open", help: "Open the selected client", context: .caseload),
        KeyBinding(keys: [.character("/")], action: .search, short: "search", help: "Search names as you type (accents optional); Enter keeps, Esc clears", context: .caseload),
        KeyBinding(keys: [.character("n")], action: .new, short: "new", help: "New client", context: .caseload),
        KeyBinding(keys: [.character("s")], action: .cycleSort, short: "sort", help: "Sort by the next column (name, status, specialist, days, last contact)", context: .caseload),
        KeyBinding(keys: [.character("r")], action: .reverseSort, short: nil, help: "Reverse the sort order", context: .caseload),
        KeyBinding(keys: [.character("f")], action: .cycleSpecialistFilter, short: "specialist", help: "Show the next specialist's caseload (or everyone's)", context: .caseload),
        KeyBinding(keys: [.character("t")], action: .cycleStatusFilter, short: "status", help: "Filter by status: active, all, or one status", context: .caseload),
        // Searching
        KeyBinding(keys: [], action: .type, short: "to search", help: "Type a name or part of one", context: .search, barKeys: "type", typing: true),
        KeyBinding(keys: [.enter], action: .keepSearch, short: "keep", help: "Keep the result and move in it", context: .search),
        KeyBinding(keys: [.escape], action: .clearSearch, short: "clear", help: "Clear the search", context: .search),
        KeyBinding(keys: [.control("u")], action: .clearField, short: nil, help: "Clear what was typed", context: .search),
        // Client
        KeyBinding(keys: [.left, .character("[")], action: .previousPeriod, short: "earlier", help: "The month or quarter before", context: .reports),
        KeyBinding(keys: [.right, .character("]")], action: .nextPeriod, short: "later", help: "The month or quarter after", context: .reports),
        KeyBinding(keys: [.character("p")], action: .switchPeriodKind, short: "month/quarter", help: "Switch between months and quarters", context: .reports),
        KeyBinding(keys: [.character("f")], action: .fidelityReview, short: "fidelity review", help: "Fill in a new fidelity self-review", context: .reports),

        KeyBinding(keys: [.character("n")], action: .new, short: "log contact", help: "Log a contact with this client", context: .client),
        KeyBinding(keys: [.character("e")], action: .edit, short: "edit", help: "Edit this client's details", context: .client),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back to the caseload", context: .client),
        // A question
        KeyBinding(keys: [.character("y"), .character("Y")], action: .confirm, short: "discard", help: "Yes: throw the changes away", context: .confirm),
        KeyBinding(keys: [], action: .dismiss, short: "keep editing", help: "No: keep editing", context: .confirm, barKeys: "any key", otherKeys: true),
        // Typing in a text field
        KeyBinding(keys: [], action: .type, short: nil, help: "Type at the cursor (? too: F1 is help here)", context: .textEditing, typing: true),
        KeyBinding(keys: [.left], action: .cursorLeft, short: nil, help: "Cursor left one character", context: .textEditing),
        KeyBinding(keys: [.right], action: .cursorRight, short: nil, help: "Cursor right one character", context: .textEditing),
        KeyBinding(keys: [.controlLeft], action: .wordLeft, short: nil, help: "Cursor to the start of the word", context: .textEditing),
        KeyBinding(keys: [.controlRight], action: .wordRight, short: nil, help: "Cursor past the end of the word", context: .textEditing),
        KeyBinding(keys: [.home, .control("a")], action: .cursorToStart, short: nil, help: "Cursor to the start (of the line)", context: .textEditing),
        KeyBinding(keys: [.end, .control("e")], action: .cursorToEnd, short: nil, help: "Cursor to the end (of the line)", context: .textEditing),
        KeyBinding(keys: [.backspace], action: .deleteBackward, short: nil, help: "Delete the character before the cursor", context: .textEditing),
        KeyBinding(keys: [.delete], action: .deleteForward, short: nil, help: "Delete the character under the cursor", context: .textEditing),
        KeyBinding(keys: [.control("w")], action: .deleteWordBackward, short: nil, help: "Delete the word before the cursor", context: .textEditing),
        // Several lines
        KeyBinding(keys: [.up], action: .lineUp, short: nil, help: "Cursor up a line (from the first line: previous field)", context: .multiLine),
        KeyBinding(keys: [.down], action: .lineDown, short: nil, help: "Cursor down a line (from the last line: next field)", context: .multiLine),
        KeyBinding(keys: [.enter], action: .newLine, short: "new line", help: "Start a new line (Tab goes to the next field)", context: .multiLine),
        // Choices
        KeyBinding(keys: [.character(" "), .right], action: .nextChoice, short: nil, help: "Next option", context: .choice),
        KeyBinding(keys: [.left], action: .previousChoice, short: nil, help: "Previous option", context: .choice),
        KeyBinding(keys: [], action: .type, short: nil, help: "Type an option's first letter to pick it (y, n, 3...)", context: .choice, typing: true),
        KeyBinding(keys: [], action: .type, short: "pick", help: "Type part of an option to pick it (accents optional); Space ticks or unticks", context: .multipleChoice, barKeys: "type", typing: true),
        KeyBinding(keys: [.character(" ")], action: .toggle, short: "tick", help: "Tick or untick the option shown", context: .multipleChoice, barKeys: "Space"),
        KeyBinding(keys: [.right], action: .nextChoice, short: nil, help: "Next option matching what was typed", context: .multipleChoice),
        KeyBinding(keys: [.left], action: .previousChoice, short: nil, help: "Previous option", context: .multipleChoice),
        KeyBinding(keys: [.backspace], action: .deleteBackward, short: nil, help: "Shorten what was typed to pick", context: .multipleChoice),
        // Repeating groups
        KeyBinding(keys: [.control("n")], action: .addEntry, short: "add entry", help: "Add an entry to this group", context: .repeatingGroup),
        KeyBinding(keys: [.control("d")], action: .removeEntry, short: nil, help: "Remove this entry", context: .repeatingGroup),
        // Forms
        KeyBinding(keys: [.tab, .down], action: .nextField, short: "next", help: "Next field (Enter too; Enter on the last field saves)", context: .form, barKeys: "Tab"),
        KeyBinding(keys: [.backTab, .up], action: .previousField, short: nil, help: "Previous field", context: .form),
        KeyBinding(keys: [.enter], action: .open, short: nil, help: "Next field; on the last one, save", context: .form),
        KeyBinding(keys: [.pageDown], action: .nextSection, short: nil, help: "Next section", context: .form),
        KeyBinding(keys: [.pageUp], action: .previousSection, short: nil, help: "Previous section", context: .form),
        KeyBinding(keys: [.control("g")], action: .chooseSection, short: nil, help: "Go to a section of a long form, from a list", context: .form),
        KeyBinding(keys: [.control("s"), .function(2)], action: .save, short: "save", help: "Save", context: .form),
        KeyBinding(keys: [.control("u")], action: .clearField, short: nil, help: "Clear the field", context: .form),
        KeyBinding(keys: [.escape], action: .back, short: "cancel", help: "Cancel (asks before throwing away changes)", context: .form),
        // Sections
        KeyBinding(keys: [.enter], action: .open, short: "go", help: "Go to the section", context: .sections),
        KeyBinding(keys: [.escape], action: .back, short: "back", help: "Back to the form where you were", context: .sections),
        // Help
        KeyBinding(keys: [.escape, .character("q"), .character("?"), .function(1)], action: .back, short: "close", help: "Close help", context: .help),
    ]

    /// The action for `key` in the first of `contexts` that binds it.
    public static func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        binding(for: key, in: contexts)?.action
    }

    /// The action for `key` and the context it came from.
    public static func binding(for key: Key, in contexts: [KeyContext]) -> (action: Action, context: KeyContext)? {
        for context in contexts {
            let here = bindings.lazy.filter { $0.context == context }
            // A key named in the context wins over "any character" or "any other key" there.
            if let binding = here.first(where: { $0.keys.contains(key) }) ?? here.first(where: { $0.matches(key) }) {
                return (binding.action, context)
            }
        }
        return nil
    }

    /// The key line for a screen: its own bindings first, then the ones that work everywhere.
    public static func keyLine(for contexts: [KeyContext]) -> [(keys: String, text: String)] {
        var items: [(String, String)] = []
        var taken: [KeyBinding] = []
        for context in contexts {
            let here = bindings.filter { $0.context == context }
            for binding in here {
                guard let short = binding.short else { continue }
                if binding.keys.isEmpty {
                    items.append((binding.barKeys ?? "", short))
                    continue
                }
                // A key a more specific context already uses does something else here.
                let free = binding.keys.filter { key in !taken.contains { $0.matches(key) } }
                guard let first = free.first else { continue }
                items.append((free.count == binding.keys.count ? (binding.barKeys ?? first.label) : first.label, short))
            }
            taken += here
        }
        return items
    }
}
