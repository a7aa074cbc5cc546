import Foundation

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding(keys: [.character("?"), .function(1)], action: .help, short: "help", help: "Show this help", context: .everywhere),
        KeyBinding(keys: [.control("b")], action: .blank, short: nil, help: "Blank the screen at once (privacy); any key shows it again", context: .everywhere),
        KeyBinding(keys: [.control("p")], action: .showMessage, short: nil, help: "Show the last message in full", context: .everywhere),
        KeyBinding(keys: [.control("l")], action: .redraw, short: nil, help: "Redraw the whole screen", context: .everywhere),
        KeyBinding(keys: [.function(5)], action: .sync, short: nil,
                   help: "Sync with the team's hub: send this copy's saves, take the others' (fieldbook sync)", context: .everywhere),
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
        KeyBinding(keys: [.character("u")], action: .undo, short: nil,
                   help: "Undo the last change saved (asks first, saying what it was): a status, a dismissal, a contact, a job, details, a visit",
                   context: .lists),
        // Caseload
        KeyBinding(keys: [.escape], action: .clearSearch, short: "clear search", help: "Clear the search", context: .searchResult),
        KeyBinding(keys: [.enter], action: .open, short: "open", help: "Open the selected client", context: .caseload),
        KeyBinding(keys: [.character("/")], action: .search, short: "search",
                   help: "Search as you type: names, phone, email, employer or job title (accents optional); Enter keeps, Esc clears", context: .caseload),
        KeyBinding(keys: [.character("n")], action: .new, short: "new", help: "New client", context: .caseload),
        KeyBinding(keys: [.character("s")], action: .cycleSort, short: "sort", help: "Sort by the next column (name, status, specialist, days, last contact, next due)", context: .caseload),
        KeyBinding(keys: [.character("r")], action: .reverseSort, short: nil, help: "Reverse the sort order", context: .caseload),
        KeyBinding(keys: [.character("f")], action: .cycleSpecialistFilter, short: "specialist", help: "Show the next specialist's caseload (or everyone's)", context: .caseload),
        KeyBinding(keys: [.character("T")], action: .showTeam, short: nil, help: "The team: add, rename or deactivate specialists", context: .caseload),
        KeyBinding(keys: [.character("t")], action: .cycleStatusFilter, short: "status", help: "Filter by status: active, all, or one status", context: .caseload),
        // Searching
        KeyBinding(keys: [], action: .type, short: "to search", help: "Type words of a name, a phone number, an employer or a job title", context: .search, barKeys: "type", typing: true),
        KeyBinding(keys: [.enter], action: .keepSearch, short: "keep", help: "Keep the result and move in it", context: .search),
        KeyBinding(keys: [.tab], action: .searchEveryone, short: "everyone",
                   help: "Search every specialist's clients, closed ones too (Tab again: the list's own filters)", context: .search),
        KeyBinding(keys: [.escape], action: .clearSearch, short: "clear", help: "Clear the search", context: .search),
        KeyBinding(keys: [.control("u")], action: .clearField, short: nil, help: "Clear what was typed", context: .search),
        // Today
        KeyBinding(keys: [.enter], action: .open, short: "open", help: "Open the client of the selected item; on an employer's next step, log the visit that follows it up",
                   context: .today),
        KeyBinding(keys: [.character("l")], action: .logDue, short: "log", help: "Log what meets the item: a face-to-face contact with the client, or an employer visit", context: .today),
        KeyBinding(keys: [.character("d")], action: .dismissDue, short: "dismiss", help: "Set the item aside with a reason (kept for reports)", context: .today),
        KeyBinding(keys: [.character("f")], action: .cycleSpecialistFilter, short: "specialist", help: "Show the next specialist's agenda (or everyone's)", context: .today),
        KeyBinding(keys: [.character("/")], action: .search, short: nil, help: "Find a client: the caseload's search (names, phone, employer, job title)", context: .today),
        // Deleting
        KeyBinding(keys: [.character("y"), .character("Y")], action: .confirm, short: "delete", help: "Yes: delete it", context: .deleteQuestion),
        KeyBinding(keys: [], action: .dismiss, short: "keep", help: "No: keep it", context: .deleteQuestion, barKeys: "any key", otherKeys: true),
        // Undoing
        KeyBinding(keys: [.character("y"), .character("Y")], action: .confirm, short: "undo", help: "Yes: take the change back", context: .undoQuestion),
        KeyBinding(keys: [], action: .dismiss, short: "keep it", help: "No: keep the change", context: .undoQuestion, barKeys: "any key", otherKeys: true),
        // A reason
        KeyBinding(keys: [], action: .type, short: "reason", help: "Type why the item is set aside", context: .reason, barKeys: "type", typing: true),
        KeyBinding(keys: [.enter], action: .save, short: "dismiss", help: "Dismiss the item with this reason", context: .reason),
        KeyBinding(keys: [.escape], action: .back, short: "cancel", help: "Keep the item", context: .reason),
        // Printing
        KeyBinding(keys: [], action: .type, short: "folder", help: "Type the folder the printable pages go to (~ is your home folder)",
                   context: .printFolder, barKeys: "type", typing: true),
        KeyBinding(keys: [.enter], action: .save, short: "write", help: "Write the pages into that folder", context: .printFolder),
        KeyBinding(keys: [.escape], action: .back, short: "cancel", help: "Print nothing", context: .printFolder),
        // Client
        KeyBinding(keys: [.character("n")], action: .new, short: "log contact", help: "Log a contact with this client", context: .client),
        KeyBinding(keys: [.character("e")], action: .edit, short: "edit", help: "Edit this client's details", context: .client),
        KeyBinding(keys: [.character("a")], action: .addJob, short: nil, help: "Add a job (employer from the directory or new)", context: .client),
        KeyBinding(keys: [.character("C")], action: .editContact, short: nil, help: "Edit the newest contact", context: .client),
        KeyBinding(keys: [.character("X")], action: .deleteContact, short: nil, help: "Delete the newest contact (asks first)", context: .client),
        KeyBinding(keys: [.character("E")], action: .editJob, short: nil, help: "Edit the latest job, or record its end with a reason", context: .client),
        KeyBinding(keys: [.character("c")], action: .openProfile, short: "career profile",
                   help: "Fill in the career profile, where the last meeting stopped", context: .client),
        KeyBinding(keys: [.character("p")], action: .printProfile, short: nil,
                   help: "Print: the career profile and a one-page summary for the team, as pages for a browser, into a folder you name", context: .client),
        KeyBinding(keys: [.character("P")], action: .printProfileWithoutSensitive, short: nil,
                   help: "The same, leaving out sensitive sections and questions", context: .client),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back to the caseload", context: .client),
        KeyBinding(keys: [.character("m")], action: .merge, short: nil,
                   help: "Merge the two versions of this client, when it shows TO MERGE", context: .client),
        // Merging two versions
        KeyBinding(keys: [.character("t"), .left], action: .pickTheirs, short: "theirs",
                   help: "Keep their value (the version on disk) for this field", context: .merge),
        KeyBinding(keys: [.character("m"), .right], action: .pickMine, short: "mine",
                   help: "Keep your value (this copy's) for this field", context: .merge),
        KeyBinding(keys: [.control("s"), .function(2)], action: .save, short: "save",
                   help: "Save the record with the values picked", context: .merge),
        KeyBinding(keys: [.escape], action: .back, short: "later",
                   help: "Back; the record stays to merge and both versions stay on disk", context: .merge),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back",
                   help: "Back; merge the file in a text editor, then Ctrl-R reads it again", context: .mergeByHand),
        // Team
        KeyBinding(keys: [.character("n")], action: .new, short: "new", help: "Add a specialist", context: .specialists),
        KeyBinding(keys: [.character("e")], action: .edit, short: "rename", help: "Rename the selected specialist (or change email, phone)", context: .specialists),
        KeyBinding(keys: [.character("d")], action: .toggle, short: "deactivate", help: "Deactivate the selected specialist (asks who takes over their clients), or make them active again", context: .specialists),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back to the caseload", context: .specialists),
        // Employers
        KeyBinding(keys: [.enter], action: .open, short: "open", help: "Open the selected employer", context: .employers),
        KeyBinding(keys: [.character("v")], action: .logVisit, short: "log visit", help: "Log a visit to an employer (the selected one is offered)", context: .employers),
        KeyBinding(keys: [.character("/")], action: .search, short: "search", help: "Search employers by name as you type (accents optional)", context: .employers),
        KeyBinding(keys: [.character("n")], action: .new, short: "new", help: "Add an employer", context: .employers),
        KeyBinding(keys: [.character("e")], action: .edit, short: "edit", help: "Edit the selected employer", context: .employers),
        KeyBinding(keys: [.character("s")], action: .cycleSort, short: "sort", help: "Sort by name, last visit, or visits in the last 90 days", context: .employers),
        KeyBinding(keys: [.character("w")], action: .showHistory, short: "weeks", help: "Face-to-face contacts of the last 12 weeks, per specialist", context: .employers),
        // An employer
        KeyBinding(keys: [.character("v")], action: .logVisit, short: "log visit", help: "Log a visit to this employer", context: .employer),
        KeyBinding(keys: [.character("e")], action: .edit, short: "edit", help: "Edit this employer's details and people", context: .employer),
        KeyBinding(keys: [.enter], action: .open, short: "edit contact", help: "Edit the selected contact", context: .employer),
        KeyBinding(keys: [.character("d")], action: .delete, short: "delete", help: "Delete the selected contact (asks first)", context: .employer),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back", context: .employer),
        // Client and Today
        KeyBinding(keys: [.character("v")], action: .logVisit, short: "log visit", help: "Log a visit to an employer (on this client's behalf, from a client)", context: .employerVisit),
        // Reports
        KeyBinding(keys: [.left, .character("[")], action: .previousPeriod, short: "earlier", help: "The month or quarter before", context: .reports),
        KeyBinding(keys: [.right, .character("]")], action: .nextPeriod, short: "later", help: "The month or quarter after", context: .reports),
        KeyBinding(keys: [.character("p")], action: .switchPeriodKind, short: "month/quarter", help: "Switch between months and quarters", context: .reports),
        KeyBinding(keys: [.character("f")], action: .fidelityReview, short: "fidelity", help: "Fill in a new fidelity self-review", context: .reports),
        KeyBinding(keys: [.character("w")], action: .showHistory, short: "weeks", help: "Face-to-face contacts of the last 12 weeks, per specialist", context: .reports),
        // Weekly history
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back", context: .history),

        // Completion
        KeyBinding(keys: [.down], action: .nextChoice, short: "next match", help: "Offer the next match", context: .completion, barKeys: "↓↑"),
        KeyBinding(keys: [.up], action: .previousChoice, short: nil, help: "Offer the previous match", context: .completion),
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
        KeyBinding(keys: [.enter, .control("j")], action: .newLine, short: "new line",
                   help: "Start a new line (Tab goes to the next field; in the career profile Enter keeps the answer and Ctrl-J starts a new line)",
                   context: .multiLine),
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
        // Career profile
        KeyBinding(keys: [.enter], action: .keepAnswer, short: "keep",
                   help: "Keep the answer (on disk at once) and go to the next question, a long answer too (in a group: the next field)",
                   context: .careerProfile),
        KeyBinding(keys: [.control("s"), .function(2)], action: .keepAnswer, short: nil,
                   help: "Keep the answer and go on, from anywhere in a long answer or a group", context: .careerProfile),
        KeyBinding(keys: [.pageDown], action: .skipQuestion, short: "skip", help: "Skip to the next question, keeping nothing", context: .careerProfile),
        KeyBinding(keys: [.pageUp], action: .previousQuestion, short: "back", help: "Back to the previous question", context: .careerProfile),
        KeyBinding(keys: [.control("f")], action: .nextUnanswered, short: "unanswered", help: "Jump to the next unanswered question", context: .careerProfile),
        KeyBinding(keys: [.control("g")], action: .chooseSection, short: "sections",
                   help: "The sections with their progress; jump to any of them", context: .careerProfile),
        KeyBinding(keys: [.control("v")], action: .review, short: "review", help: "Review this section's answers on one screen", context: .careerProfile),
        KeyBinding(keys: [.control("o")], action: .cycleSource, short: "source",
                   help: "Who the answer comes from: client, treatment team, family, records", context: .careerProfile),
        KeyBinding(keys: [.control("x")], action: .toggleSensitive, short: "hide sensitive",
                   help: "Hide sensitive sections and questions (or show them again) while someone else is beside you", context: .careerProfile),
        KeyBinding(keys: [.tab], action: .nextField, short: nil, help: "In a group: next question of the entry; elsewhere: keep and go on", context: .careerProfile),
        KeyBinding(keys: [.backTab], action: .previousField, short: nil, help: "In a group: previous question of the entry; elsewhere: back", context: .careerProfile),
        KeyBinding(keys: [.control("u")], action: .clearField, short: nil, help: "Clear the answer (keeping it then takes the answer back)", context: .careerProfile),
        KeyBinding(keys: [.escape], action: .back, short: "leave", help: "Back to the client (every kept answer is already on disk)", context: .careerProfile),
        KeyBinding(keys: [.enter], action: .open, short: "go", help: "Go to the section's first unanswered question", context: .profileSections),
        KeyBinding(keys: [.character("v"), .control("v")], action: .review, short: "review", help: "Review the section's answers", context: .profileSections),
        KeyBinding(keys: [.control("x")], action: .toggleSensitive, short: "hide sensitive", help: "Hide or show sensitive sections", context: .profileSections),
        KeyBinding(keys: [.escape], action: .back, short: "back", help: "Back to the question where you were", context: .profileSections),
        KeyBinding(keys: [.right, .character("l")], action: .nextSection, short: "next section", help: "Review the next section", context: .profileReview),
        KeyBinding(keys: [.left, .character("h")], action: .previousSection, short: nil, help: "Review the previous section", context: .profileReview),
        KeyBinding(keys: [.character("p")], action: .printProfile, short: nil,
                   help: "Print the whole career profile, as a page for a browser, into a folder you name", context: .profileReview),
        KeyBinding(keys: [.control("x")], action: .toggleSensitive, short: "hide sensitive", help: "Hide or show sensitive sections", context: .profileReview),
        KeyBinding(keys: [.enter], action: .open, short: "change", help: "Go to the question selected (↑ ↓ select one) to change its answer", context: .profileReview),
        KeyBinding(keys: [.escape, .character("q")], action: .back, short: "back", help: "Back to the questions", context: .profileReview),
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
            let here = bindingsByContext[context] ?? []
            // A key named in the context wins over "any character" or "any other key" there.
            if let binding = here.first(where: { $0.keys.contains(key) }) ?? here.first(where: { $0.matches(key) }) {
                return (binding.action, context)
            }
        }
        return nil
    }

    /// Each context's bindings in the table's order, so a key is looked up without going
    /// through the whole table.
    static let bindingsByContext: [KeyContext: [KeyBinding]] = Dictionary(grouping: bindings, by: \.context)
}
