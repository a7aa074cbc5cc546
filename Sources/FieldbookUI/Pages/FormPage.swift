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
    }

    public func title(in context: PageContext) -> String { purpose.title(in: context) }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if confirmingDiscard { return [.confirm] }
        if saving != nil { return [] }
        guard form.fields.indices.contains(form.focus) else { return [.form] }
        return form.fields[form.focus].isChoice ? [.choice, .form] : [.textEditing, .form]
    }

    public func prompt(in context: PageContext) -> Message? {
        confirmingDiscard ? Message("Discard the changes to this form? y discards, any other key keeps editing.", kind: .warning) : nil
    }

    public mutating func refresh(in context: inout PageContext) {
        form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(context.size))
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        switch action {
        case .confirm:
            context.close()
            context.message = Message("Changes discarded.")
        case .dismiss:
            confirmingDiscard = false
        case .type, .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .wordLeft, .wordRight,
             .deleteBackward, .deleteForward, .deleteWordBackward:
            form.fields[form.focus].buffer.edit(action, key: key)
        case .open:
            if form.focus == form.fields.count - 1 { save(&context); return }
            moveFocus(by: 1, context)
        case .nextField: moveFocus(by: 1, context)
        case .previousField: moveFocus(by: -1, context)
        case .nextChoice: form.fields[form.focus].cycleChoice(by: 1)
        case .previousChoice: form.fields[form.focus].cycleChoice(by: -1)
        case .clearField: form.fields[form.focus].clear()
        case .save: save(&context)
        case .back:
            if form.hasChanges { confirmingDiscard = true } else { context.close() }
        default:
            break
        }
    }

    private mutating func moveFocus(by offset: Int, _ context: PageContext) {
        form.moveFocus(by: offset)
        form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(context.size))
    }

    private mutating func save(_ context: inout PageContext) {
        let problems = form.problems(today: context.today)
        if let first = problems.first {
            form.focus = first.index
            form.keepFocusVisible(visibleRows: FormView.visibleFieldRows(context.size))
            let count = problems.count
            let labels = problems.map { form.fields[$0.index].label }.joined(separator: ", ")
            context.message = Message("Cannot save yet: \(count) field\(count == 1 ? " needs" : "s need") fixing: \(labels).", kind: .error)
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
        case .saved(let client):
            let (message, next) = purpose.saved(client, in: context)
            context.message = message
            if let next { context.replace(with: next) } else { context.close() }
        case .failed(let error):
            if case .conflict = error {
                // The full story (and where this version was kept) is in `fieldbook check`.
                context.message = Message("Not saved: someone else changed this record. Ctrl-R loads it; save again.", kind: .error)
            } else {
                context.message = Message("Not saved: \(error.description)", kind: .error)
            }
        case .reloaded:
            break
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        FormView.draw(form, heading: purpose.heading(in: context), context: context, into: &screen)
    }
}
