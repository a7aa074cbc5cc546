import Foundation

/// What a key does. One table of bindings drives dispatch, the key line at the bottom of the
/// screen and the help screen, so they cannot disagree.
public enum Action: Hashable, Sendable {
    case quit, help, redraw, reload, blank, sync
    /// Show the last message in full.
    case showMessage
    case nextTab, previousTab, showTab(Int)
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back
    /// Take the last change saved back (asks first).
    case undo
        /// The team: the program's specialists.
    case showTeam
    case search, new, edit, delete
    /// A search looks through every specialist's clients, closed ones too (or the list's filters again).
    case searchEveryone
    /// Log a visit to an employer; show the weekly face-to-face history.
    case logVisit, showHistory
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
    /// Two versions of a record: open the merge, keep this copy's value, keep the other one.
    case merge, pickMine, pickTheirs
    /// A due item: log what meets it, or set it aside with a reason.
    case logDue, dismissDue
    /// A client's jobs: add one, edit the latest.
    case addJob, editJob
    /// A client's newest contact: edit it, or delete it (after asking).
    case editContact, deleteContact
    /// The career profile: open it, print it, and move through it question by question.
    case openProfile, printProfile, printProfileWithoutSensitive
    case keepAnswer, skipQuestion, previousQuestion, nextUnanswered, review, cycleSource, toggleSensitive
    /// Reports: the period before or after, months or quarters, a new fidelity self-review.
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
    case specialists = "The team (T on the caseload)"
    case employers = "Employers"
    case employer = "An employer"
    case employerVisit = "Client and Today"
    case reports = "Reports"
    case history = "Weekly employer contacts"
    case deleteQuestion = "A question (delete?)"
    case undoQuestion = "A question (undo?)"
    case completion = "A name with completion in a form"
    case today = "Today"
    case reason = "Typing a reason (dismissing a due item)"
    case printFolder = "Naming the folder for printable pages"
    case form = "Forms"
    case choice = "A choice in a form"
    case multipleChoice = "A multiple choice in a form"
    case textEditing = "Typing in a text field"
    case multiLine = "Typing in a text of several lines"
    case repeatingGroup = "A repeating group in a form (past jobs...)"
    case confirm = "A question (discard changes?)"
    case sections = "The sections of a form"
    case merge = "Merging two versions of a record"
    case mergeByHand = "A record to merge by hand (conflict markers)"
    case careerProfile = "Filling in a career profile"
    case profileSections = "The sections of a career profile"
    case profileReview = "Reviewing a career profile section"
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
