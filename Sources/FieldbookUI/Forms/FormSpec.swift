import FieldbookCore

/// Names a field of a form. Each form declares its own as constants, so a misspelt field is a
/// compile error: `extension FieldID { static let place: FieldID = "place" }`.
public struct FieldID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }
    public var description: String { name }
}

/// One option of a choice.
public struct ChoiceOption: Hashable, Sendable {
    public var label: String
    public var value: String
    /// A few words shown beside the label where there is room (a client's disclosure preference).
    public var detail: String?
    public init(_ label: String, value: String, detail: String? = nil) {
        self.label = label
        self.value = value
        self.detail = detail
    }
}

/// What a field holds and how it is typed.
public enum FieldKind: Hashable, Sendable {
    /// One line of text.
    case text
    /// Several lines, wrapped to the width; Enter starts a new line.
    case multiLine
    /// A calendar date: `2026-11-30`, `today`, `+3d`, `mon`... A date leaning to the past
    /// (something that happened) may not be after today.
    case date(lean: DateLean)
    /// A number, within `range` when one is given.
    case number(range: ClosedRange<Double>?)
    /// One of the options.
    case choice([ChoiceOption])
    /// Any number of the options, picked by typing part of one.
    case multipleChoice([ChoiceOption])
    case yesNo
    /// A point on a scale, 1 to 5 unless told.
    case scale(ClosedRange<Int>)
    /// A name typed with completion: the form's purpose offers matches for what is typed
    /// (`FormPurpose.suggestions`); Enter or Tab takes the offered one. Without `multiple`, a
    /// typed name nothing was taken for stays as typed (a new employer); with it, each taken
    /// match is added to a list. `known` names the values the field opens with.
    case completion(known: [ChoiceOption], multiple: Bool)

    var options: [ChoiceOption] {
        switch self {
        case .choice(let options), .multipleChoice(let options): options
        case .yesNo: [ChoiceOption("No", value: "no"), ChoiceOption("Yes", value: "yes")]
        case .scale(let range): range.map { ChoiceOption("\($0)", value: "\($0)") }
        case .completion(let known, _): known
        default: []
        }
    }

    var isCompletion: Bool {
        if case .completion = self { return true }
        return false
    }

    var isMultipleCompletion: Bool {
        if case .completion(_, true) = self { return true }
        return false
    }

    var isTyped: Bool {
        switch self {
        case .text, .multiLine, .date, .number, .completion: true
        default: false
        }
    }
}

/// When a field is shown: always, or only when another answer has a value.
public enum Condition: Hashable, Sendable {
    /// The field has any answer (text typed, an option picked).
    case answered(FieldID)
    /// The field's answer is this value (an option's value, or the text).
    case equals(FieldID, String)
    /// The answer is yes.
    case yes(FieldID)
    /// A name typed in a completion field that matches nothing known (or was taken as new).
    case newName(FieldID)
}

/// A question of a form.
public struct FormField: Hashable, Sendable {
    public var id: FieldID
    public var label: String
    public var kind: FieldKind
    public var required: Bool
    /// A sentence under the fields when this one has the focus.
    public var help: String?
    public var shownWhen: Condition?
    /// What the field holds when the form opens.
    public var initial: String
    /// A date field that also takes a year or a month alone (`2012`, `2012-06`): the career
    /// profile's date questions.
    public var allowsApproximateDate = false

    public init(_ id: FieldID, _ label: String, _ kind: FieldKind = .text, required: Bool = false, help: String? = nil,
                shownWhen: Condition? = nil, initial: String = "") {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
        self.help = help
        self.shownWhen = shownWhen
        self.initial = initial
    }
}

/// A form is a list of items: headings, fields, and groups that repeat (past jobs...).
public enum FormItem: Hashable, Sendable {
    case section(String)
    case field(FormField)
    /// Fields asked once per entry; `entryTitle` names one entry ("Past job").
    /// `initial` holds one dictionary of values per entry at open.
    case group(id: FieldID, entryTitle: String, fields: [FormField], initial: [[FieldID: String]])

    public static func field(_ id: FieldID, _ label: String, _ kind: FieldKind = .text, required: Bool = false,
                             help: String? = nil, shownWhen: Condition? = nil, initial: String = "") -> FormItem {
        .field(FormField(id, label, kind, required: required, help: help, shownWhen: shownWhen, initial: initial))
    }

    public static func group(_ id: FieldID, entry: String, _ fields: [FormField], initial: [[FieldID: String]] = []) -> FormItem {
        .group(id: id, entryTitle: entry, fields: fields, initial: initial)
    }
}

/// Where a field's answer lives: a field of the form, or a field of one entry of a group.
public struct FieldPath: Hashable, Sendable {
    public var group: FieldID?
    public var entry: Int
    public var field: FieldID

    public init(_ field: FieldID) {
        self.field = field
        group = nil
        entry = 0
    }

    public init(_ field: FieldID, in group: FieldID, entry: Int) {
        self.field = field
        self.group = group
        self.entry = entry
    }
}
