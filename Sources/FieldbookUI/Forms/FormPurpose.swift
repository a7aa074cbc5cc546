import FieldbookCore
import Foundation

/// What a form is for: its fields, how its answers become a save, and what shows after.
/// `FormPage` does the rest (keys, checking as you type, asking before throwing changes away,
/// keeping what was typed when a save fails).
public protocol FormPurpose: Sendable {
    /// The breadcrumb.
    func title(in context: PageContext) -> String
    /// The title line, and a few words at its right.
    func heading(in context: PageContext) -> (title: String, aside: String?)
    func makeForm(in context: PageContext) -> FormState
    /// The store work that saves the answers, or nil when they cannot be saved.
    func request(for form: FormState, in context: PageContext) -> StoreRequest?
    /// After the save: what to say, and the page to show in the form's place (nil: the one below).
    func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?)
    func finishWithoutSaving(_ form: FormState, in context: inout PageContext) -> Bool
    func afterSave(_ record: SavedRecord, in context: inout PageContext)
    /// Why Esc may not leave this form (nil: it may, asking first when something was typed).
    func refusalToLeave(in context: PageContext) -> Message?
    /// The matches offered for what is typed in a completion field, best first (an option with
    /// an empty value keeps the text as typed: a new name).
    func suggestions(for path: FieldPath, typed: String, in form: FormState, context: PageContext) -> [ChoiceOption]
}

extension FormPurpose {
    /// Answers that need no store work (choosing among records that exist): true when done
    /// here, and the form closes. Asked before `request`.
    public func finishWithoutSaving(_ form: FormState, in context: inout PageContext) -> Bool { false }
    /// After a save, before the form closes: anything beyond a message and the next page.
    public func afterSave(_ record: SavedRecord, in context: inout PageContext) {}
    public func refusalToLeave(in context: PageContext) -> Message? { nil }

    public func heading(in context: PageContext) -> (title: String, aside: String?) { (title(in: context), nil) }
    public func suggestions(for path: FieldPath, typed: String, in form: FormState, context: PageContext) -> [ChoiceOption] { [] }
}
