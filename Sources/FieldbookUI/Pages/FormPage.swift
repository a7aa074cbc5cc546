import FieldbookCore
import Foundation

/// A form on screen: keys, checking as you type, the question before throwing changes away,
/// and the save. What was typed stays until the save succeeds, whatever happens meanwhile.
public struct FormPage: Page {
    public let purpose: any FormPurpose
    public private(set) var form: FormState
    public private(set) var confirmingDiscard = false
    /// The save under way, if any: its answer comes back with this id.
    public private(set) var saving: RequestID?

    public init(_ purpose: any FormPurpose, in context: PageContext) {
        self.purpose = purpose
        form = purpose.makeForm(in: context)
        offerSuggestions(context)
    }

    /// A completion field with the focus gets the matches for what is typed in it.
    private mutating func offerSuggestions(_ context: PageContext) {
        guard let path = form.focusedPath, let input = form.focused, input.field.kind.isCompletion else { return }
        let found = purpose.suggestions(for: path, typed: input.buffer.text, in: form, context: context)
        form.updateFocused { input in
            input.suggestions = found
            input.offered = min(input.offered, max(0, found.count - 1))
        }
    }

    public func title(in context: PageContext) -> String { purpose.title(in: context) }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if confirmingDiscard { return [.confirm] }
        if saving != nil { return [] }
        let group: [KeyContext] = form.focusedPath?.group != nil ? [.repeatingGroup] : []
        switch form.focus {
        case .addEntry?: return [.repeatingGroup, .form]
        case nil: return [.form]
        case .field?: break
        }
        switch form.focused?.field.kind {
        case .completion?: return [.completion, .textEditing] + group + [.form]
        case .choice?, .yesNo?, .scale?: return [.choice] + group + [.form]
        case .multipleChoice?: return [.multipleChoice] + group + [.form]
        case .multiLine?: return [.multiLine, .textEditing] + group + [.form]
        default: return [.textEditing] + group + [.form]
        }
    }

    public func prompt(in context: PageContext) -> Message? {
        confirmingDiscard ? Message("Discard the changes to this form? y discards, any other key keeps editing.", kind: .warning) : nil
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        if let sections = page as? SectionsPage, let chosen = sections.chosen {
            form.moveToSection(at: chosen)
            form.top = FormView.keepFocusVisible(form, size: context.size)
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        form.top = FormView.keepFocusVisible(form, size: context.size)
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let focus = form.focus
        edit(action, key: key, &context)
        if form.focus != focus || (action != .nextChoice && action != .previousChoice) { offerSuggestions(context) }
        form.top = FormView.keepFocusVisible(form, size: context.size)
    }

    private mutating func edit(_ action: Action, key: Key, _ context: inout PageContext) {
        let kind = form.focused?.field.kind
        let width = FormView.multiLineWidth(context.size)
        switch action {
        case .confirm:
            context.close()
            context.message = Message("Changes discarded.")
        case .dismiss:
            confirmingDiscard = false
        case .type where isPicked(kind):
            if case .character(let c) = key { form.updateFocused { $0.pick(startingWith: c) } }
        case .type where isMultiple(kind), .deleteBackward where isMultiple(kind):
            form.updateFocused { input in
                input.fragment.edit(action, key: key)
                input.offered = 0
            }
        case .toggle:
            form.updateFocused { $0.toggleOffered() }
        case .deleteBackward where kind?.isMultipleCompletion == true && form.focused?.buffer.text.isEmpty == true:
            // Backspace in an empty list field takes the last name off the list.
            form.updateFocused { input in
                if !input.taken.isEmpty { input.taken.removeLast() }
            }
        case .type where kind?.isCompletion == true, .deleteBackward where kind?.isCompletion == true,
             .deleteForward where kind?.isCompletion == true, .deleteWordBackward where kind?.isCompletion == true:
            form.updateFocused { input in
                input.buffer.edit(action, key: key)
                input.typedChanged()
            }
        case .open where form.focused?.wouldTake == true:
            let multiple = kind?.isMultipleCompletion == true
            form.updateFocused { $0.takeOffered() }
            // A list takes a name and waits for the next; a single name moves on.
            if !multiple {
                if form.isOnLastField { save(&context); return }
                form.moveFocus(by: 1)
            }
        case .nextChoice where kind?.isCompletion == true && form.focused?.suggestions.isEmpty == true:
            form.moveFocus(by: 1)
        case .previousChoice where kind?.isCompletion == true && form.focused?.suggestions.isEmpty == true:
            form.moveFocus(by: -1)
        case .nextField where form.focused?.wouldTake == true:
            form.updateFocused { $0.takeOffered() }
            form.moveFocus(by: 1)
        case .cursorToStart where kind == .multiLine:
            form.updateFocused { $0.buffer.moveToLineStart(width: width) }
        case .cursorToEnd where kind == .multiLine:
            form.updateFocused { $0.buffer.moveToLineEnd(width: width) }
        case .newLine:
            form.updateFocused { $0.buffer.insert("\n") }
        case .lineUp, .lineDown:
            var moved = false
            form.updateFocused { moved = $0.buffer.moveLine(by: action == .lineUp ? -1 : 1, width: width) }
            if !moved { form.moveFocus(by: action == .lineUp ? -1 : 1) }
        case .type, .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .wordLeft, .wordRight,
             .deleteBackward, .deleteForward, .deleteWordBackward:
            form.updateFocused { $0.buffer.edit(action, key: key) }
        case .open:
            if case .addEntry? = form.focus { form.addEntry(); return }
            if form.isOnLastField { save(&context); return }
            form.moveFocus(by: 1)
        case .nextField: form.moveFocus(by: 1)
        case .previousField: form.moveFocus(by: -1)
        case .nextSection: form.moveToSection(by: 1)
        case .previousSection: form.moveToSection(by: -1)
        case .chooseSection:
            let titles = form.sectionTitles
            if !titles.isEmpty { context.push(SectionsPage(titles: titles, current: form.currentSection)) }
        case .nextChoice: form.updateFocused { $0.cycle(by: 1) }
        case .previousChoice: form.updateFocused { $0.cycle(by: -1) }
        case .addEntry: form.addEntry()
        case .removeEntry: form.removeEntry()
        case .clearField: form.updateFocused { $0.clear() }
        case .save: save(&context)
        case .back:
            if let refusal = purpose.refusalToLeave(in: context) {
                context.message = refusal
            } else if form.hasChanges {
                confirmingDiscard = true
            } else {
                context.close()
            }
        default:
            break
        }
    }

    private func isPicked(_ kind: FieldKind?) -> Bool {
        switch kind {
        case .choice?, .yesNo?, .scale?: true
        default: false
        }
    }

    private func isMultiple(_ kind: FieldKind?) -> Bool {
        if case .multipleChoice? = kind { return true }
        return false
    }

    private mutating func save(_ context: inout PageContext) {
        let problems = form.problems(today: context.today)
        if let first = problems.first {
            form.focus = first.focus
            let count = problems.count
            let labels = problems.map(\.label).joined(separator: ", ")
            context.message = Message("Cannot save yet: \(count) field\(count == 1 ? " needs" : "s need") fixing: \(labels).", kind: .error)
            return
        }
        if purpose.finishWithoutSaving(form, in: &context) {
            context.close()
            return
        }
        guard let work = purpose.request(for: form, in: context) else {
            context.message = Message("This record is no longer in the data folder.", kind: .error)
            return
        }
        saving = context.request(work)
        context.message = Message("Saving…")
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard request == saving else { return }
        saving = nil
        switch result {
        case .saved(let record, let merged):
            purpose.afterSave(record, in: &context)
            var (message, next) = purpose.saved(record, in: context)
            if !merged.isEmpty {
                let fields = merged.count == 1 ? "1 field" : "\(merged.count) fields"
                message = Message(message.text + " Merged with a change made elsewhere (\(fields)).", kind: message.kind)
            }
            context.message = message
            if let next { context.replace(with: next) } else { context.close() }
        case .failed(let error):
            if case .conflict(let conflict) = error {
                // This version is kept on disk; the merge screen settles each field in conflict.
                let fields = conflict.fields.count == 1 ? "1 field" : "\(conflict.fields.count) fields"
                context.message = Message("Not saved yet: \(fields) also changed elsewhere. Pick which to keep.", kind: .warning)
                context.replace(with: MergePage(conflict: conflict, recordID: conflict.recordID))
            } else {
                context.message = Message("Not saved: \(error.causeFirst)", kind: .error)
            }
        case .reloaded, .careerProfile, .reportBoard, .synced:
            break
        }
    }

    public var hasUnsavedChanges: Bool { form.hasChanges && saving == nil }

    /// A paste goes into the focused typed field as text: control characters are dropped,
    /// line breaks and tabs become spaces (a new line in a text of several lines), so nothing
    /// in it acts as a key.
    public mutating func paste(_ text: String, in context: inout PageContext) -> Bool {
        guard !confirmingDiscard, saving == nil, let kind = form.focused?.field.kind, kind.isTyped else { return false }
        let multiLine = kind == .multiLine
        var clean = ""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            if character == "\n" || character == "\r" {
                clean.append(multiLine ? "\n" : " ")
            } else if character == "\t" {
                clean.append(" ")
            } else if !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                clean.append(character)
            }
        }
        form.updateFocused { $0.buffer.insert(clean) }
        form.top = FormView.keepFocusVisible(form, size: context.size)
        return true
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        FormView.draw(form, heading: purpose.heading(in: context), context: context, into: &screen)
    }
}
