import FieldbookCore
import Foundation

/// What has been typed or picked in one field. Typed text is kept as typed, right or wrong,
/// until the form is saved or thrown away.
public struct FieldInput: Hashable, Sendable {
    public var field: FormField
    /// Text-like fields: the text and its cursor.
    public var buffer: TextBuffer
    /// Choice, yes/no, scale: the option picked, if any.
    public var picked: Int?
    /// Multiple choice: the options ticked.
    public var ticked: Set<Int> = []
    /// Multiple choice: what was typed to find an option, and which match is offered.
    public var fragment = TextBuffer()
    public var offered = 0
    /// Completion: the matches offered for what is typed (set by the form's purpose as it is
    /// typed), and what was taken: one option, or several for a list.
    public var suggestions: [ChoiceOption] = []
    public var taken: [ChoiceOption] = []
    /// Completion: the user moved through the matches (so Enter takes one even with nothing typed).
    public var browsed = false

    public init(_ field: FormField) {
        self.field = field
        buffer = TextBuffer(field.kind.isTyped ? field.initial : "", selected: true)
        let options = field.kind.options
        switch field.kind {
        case .multipleChoice:
            let values = field.initial.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            ticked = Set(options.indices.filter { values.contains(options[$0].value) })
        case .choice, .yesNo, .scale:
            picked = options.firstIndex { $0.value == field.initial }
        case .completion(let known, let multiple):
            let values = multiple ? field.initial.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : [field.initial]
            taken = values.compactMap { value in known.first { $0.value == value && !value.isEmpty } }
            if multiple {
                buffer = TextBuffer()
            } else if let one = taken.first {
                buffer = TextBuffer(one.label, selected: true)
            }
        default:
            break
        }
    }

    public var options: [ChoiceOption] { field.kind.options }

    /// The answer as one string: the text, the option's value, or ticked values joined by ", ".
    public var value: String {
        switch field.kind {
        case .text, .multiLine, .date, .number: return buffer.text
        case .choice, .yesNo, .scale: return picked.map { options[$0].value } ?? ""
        case .multipleChoice: return ticked.sorted().map { options[$0].value }.joined(separator: ", ")
        case .completion(_, let multiple):
            if multiple { return taken.map(\.value).joined(separator: ", ") }
            return taken.first?.value ?? buffer.text
        }
    }

    /// The answer as shown: option labels rather than values.
    public var shown: String {
        switch field.kind {
        case .choice, .yesNo, .scale: return picked.map { options[$0].label } ?? ""
        case .multipleChoice: return ticked.sorted().map { options[$0].label }.joined(separator: ", ")
        case .completion(_, true): return taken.map(\.label).joined(separator: ", ")
        default: return buffer.text
        }
    }

    public var isAnswered: Bool { !value.trimmingWhitespace().isEmpty }

    /// Options matching what was typed to pick (accents and case do not matter).
    public var matches: [Int] {
        let query = fragment.text
        return options.indices.filter { NameSearch.matches(query, in: [options[$0].label]) }
    }

    // MARK: Checking

    public func check(today: LocalDate) -> FieldCheck {
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty {
            if case .multipleChoice = field.kind, !fragment.text.isEmpty, matches.isEmpty {
                return .invalid("no option matches \"\(fragment.text)\"")
            }
            return field.required ? .invalid("required") : .valid(hint: nil)
        }
        switch field.kind {
        case .date(let lean):
            do {
                let date = try DateExpression.parse(trimmed, today: today, lean: lean)
                if lean == .past && date > today {
                    return .invalid("\(date.longDescription) is in the future")
                }
                return .valid(hint: "→ \(date.longDescription)")
            } catch {
                guard field.allowsApproximateDate else { return .invalid(error.description) }
                guard let approximate = ApproximateDate(parsing: trimmed) else {
                    return .invalid(error.description + "; a month or a year alone is fine too (2012-06, 2012)")
                }
                if lean == .past && approximate.firstDay > today {
                    return .invalid("\(approximate.longDescription) is in the future")
                }
                return .valid(hint: "→ \(approximate.longDescription) (approximate)")
            }
        case .number(let range):
            guard let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")) else {
                return .invalid("\"\(trimmed)\" is not a number")
            }
            if let range, !range.contains(number) {
                return .invalid("from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
            }
            return .valid(hint: nil)
        case .multipleChoice:
            if !fragment.text.isEmpty && matches.isEmpty { return .invalid("no option matches \"\(fragment.text)\"") }
            return .valid(hint: nil)
        case .completion(_, let multiple):
            if multiple || !taken.isEmpty { return .valid(hint: multiple ? nil : "✓") }
            // A typed name: new, unless Enter would take a match for it.
            return .valid(hint: offeredSuggestion.map { $0.value.isEmpty } ?? true ? "+ new" : nil)
        default:
            return .valid(hint: nil)
        }
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }

    public func date(today: LocalDate) -> LocalDate? {
        guard case .date(let lean) = field.kind else { return nil }
        return try? DateExpression.parse(buffer.text.trimmingWhitespace(), today: today, lean: lean)
    }

    public var number: Double? {
        Double(buffer.text.trimmingWhitespace().replacingOccurrences(of: ",", with: "."))
    }

    // MARK: Editing

    /// Completion: the match Enter or Tab would take now, if any. Nothing is taken while the
    /// field is empty unless the user moved through the matches.
    public var offeredSuggestion: ChoiceOption? {
        guard !suggestions.isEmpty else { return nil }
        if !field.kind.isMultipleCompletion, !taken.isEmpty { return nil }
        if buffer.text.trimmingWhitespace().isEmpty && !browsed { return nil }
        return suggestions[min(offered, suggestions.count - 1)]
    }

    /// Completion: whether Enter or Tab would take a match now.
    public var wouldTake: Bool { offeredSuggestion != nil }

    /// Completion: takes the offered match. A match with an empty value keeps the text as typed
    /// (a new name).
    mutating func takeOffered() {
        guard let option = offeredSuggestion else { return }
        if field.kind.isMultipleCompletion {
            if !option.value.isEmpty && !taken.contains(where: { $0.value == option.value }) { taken.append(option) }
            buffer.clear()
        } else if option.value.isEmpty {
            taken = []
            buffer.moveToEnd()
        } else {
            taken = [option]
            buffer.set(option.label)
        }
        suggestions = []
        offered = 0
        browsed = false
    }

    /// Completion: what was typed changed; the taken option (of a single field) no longer holds.
    mutating func typedChanged() {
        if !field.kind.isMultipleCompletion { taken = [] }
        offered = 0
        browsed = false
    }

    mutating func cycle(by offset: Int) {
        if case .completion = field.kind {
            guard !suggestions.isEmpty else { return }
            offered = browsed || !buffer.text.isEmpty ? ((offered + offset) % suggestions.count + suggestions.count) % suggestions.count : 0
            browsed = true
            return
        }
        if case .multipleChoice = field.kind {
            let count = max(1, matches.count)
            offered = ((offered + offset) % count + count) % count
            return
        }
        let count = options.count
        guard count > 0 else { return }
        picked = picked.map { (($0 + offset) % count + count) % count } ?? (offset > 0 ? 0 : count - 1)
    }

    /// Picks the next option whose label starts with what was typed (y for yes, 3 on a scale):
    /// after the one picked, round to the first again, so typing the letter again moves on
    /// among the options that start with it.
    mutating func pick(startingWith character: Character) {
        let typed = NameSearch.fold(String(character))
        let count = options.count
        guard count > 0 else { return }
        let start = picked.map { $0 + 1 } ?? 0
        for step in 0..<count {
            let index = (start + step) % count
            if NameSearch.fold(options[index].label).hasPrefix(typed) {
                picked = index
                return
            }
        }
    }

    /// Ticks or unticks the option offered for the fragment typed, then clears the fragment.
    mutating func toggleOffered() {
        let matches = self.matches
        guard !matches.isEmpty else { return }
        let index = matches[min(offered, matches.count - 1)]
        if ticked.contains(index) { ticked.remove(index) } else { ticked.insert(index) }
        fragment.clear()
        offered = 0
    }

    mutating func clear() {
        buffer.clear()
        taken = []
        suggestions = []
        browsed = false
        picked = nil
        ticked = []
        fragment.clear()
        offered = 0
    }
}

public enum FieldCheck: Hashable, Sendable {
    case valid(hint: String?)
    case invalid(String)

    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }
}
