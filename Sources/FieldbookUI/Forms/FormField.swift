import FieldbookCore

/// One field of a form: what is typed, where the cursor is, and how to check it.
public struct FormField: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        public var label: String
        public var value: String
    }

    public enum Kind: Hashable, Sendable {
        case text(required: Bool)
        /// A calendar date; accepts `today`, `+3d`, `mon`... A date that leans to the past
        /// (something that happened) may not be after today.
        case date(required: Bool, lean: DateLean)
        case choice([Option])
        /// A list of benefits, typed as names separated by commas or spaces.
        case benefits
    }

    public var key: String
    public var label: String
    public var kind: Kind
    /// What is typed, for text-like fields; a prefilled value starts selected.
    public var buffer: TextBuffer
    public var text: String { buffer.text }
    /// Selected option, for choice fields.
    public var choice: Int

    public init(key: String, label: String, kind: Kind, text: String = "", choice: Int = 0) {
        self.key = key
        self.label = label
        self.kind = kind
        buffer = TextBuffer(text, selected: true)
        self.choice = choice
    }

    public var isChoice: Bool {
        if case .choice = kind { return true }
        return false
    }

    public var options: [Option] {
        if case .choice(let options) = kind { return options }
        return []
    }

    public var selectedValue: String? {
        let options = self.options
        return options.indices.contains(choice) ? options[choice].value : nil
    }

    /// The value shown and compared for "has this form changed".
    public var value: String { isChoice ? (selectedValue ?? "") : text }

    public var isRequired: Bool {
        switch kind {
        case .text(let required), .date(let required, _): required
        case .choice, .benefits: false
        }
    }

    /// Checks the field as typed; `hint` explains a valid value (e.g. which day "mon" is).
    public func check(today: LocalDate) -> FieldCheck {
        let trimmed = text.trimmingWhitespace()
        switch kind {
        case .text(let required):
            if required && trimmed.isEmpty { return .invalid("required") }
            return .valid(hint: nil)
        case .date(let required, let lean):
            if trimmed.isEmpty { return required ? .invalid("required") : .valid(hint: nil) }
            do {
                let date = try DateExpression.parse(trimmed, today: today, lean: lean)
                if lean == .past && date > today {
                    return .invalid("\(date.longDescription) is in the future")
                }
                return .valid(hint: "→ \(date.longDescription)")
            } catch {
                return .invalid(error.description)
            }
        case .choice:
            return .valid(hint: nil)
        case .benefits:
            switch FormField.parseBenefits(trimmed) {
            case .success: return .valid(hint: nil)
            case .failure(let message): return .invalid(message.text)
            }
        }
    }

    public func date(today: LocalDate) -> LocalDate? {
        guard case .date(_, let lean) = kind else { return nil }
        return try? DateExpression.parse(text.trimmingWhitespace(), today: today, lean: lean)
    }

    struct Message: Error { var text: String }

    static func parseBenefits(_ text: String) -> Result<[Benefit], Message> {
        var result: [Benefit] = []
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            guard let benefit = Benefit.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) else {
                let known = Benefit.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(Message(text: "\"\(word)\" is not a benefit; use \(known)"))
            }
            if !result.contains(benefit) { result.append(benefit) }
        }
        return .success(result)
    }

    // MARK: Editing

    mutating func insert(_ character: Character) {
        guard !isChoice else { return }
        buffer.insert(String(character))
    }

    mutating func clear() {
        if isChoice { choice = 0 } else { buffer.clear() }
    }

    mutating func cycleChoice(by offset: Int) {
        let count = options.count
        guard count > 0 else { return }
        choice = ((choice + offset) % count + count) % count
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
