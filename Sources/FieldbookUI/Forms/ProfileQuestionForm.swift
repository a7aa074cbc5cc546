import FieldbookCore
import Foundation

/// One career profile question as a form of the form engine: its input fits the question's
/// type (a group or repeating group becomes a group of fields), opened with the answer in force,
/// and turned back into an answer value.
enum ProfileQuestionForm {
    static let answerField: FieldID = "answer"

    static func make(_ question: Question, answer: AnswerValue?) -> FormState {
        if question.type.hasSubQuestions {
            var initial: [[FieldID: String]] = []
            if case .entries(let entries)? = answer {
                initial = entries.map { entry in
                    var values: [FieldID: String] = [:]
                    for sub in question.questions { values[FieldID(sub.id)] = text(of: entry.answers[sub.id]) }
                    return values
                }
            }
            if question.type == .group && initial.isEmpty { initial = [[:]] }
            let fields = question.questions.map { sub in
                field(FormField(FieldID(sub.id), sub.prompt, kind(of: sub), help: sub.help, shownWhen: condition(of: sub, in: question)))
            }
            let title = question.type == .group ? question.prompt : entryTitle(question)
            return FormState([.group(FieldID(question.id), entry: title, fields, initial: initial)])
        }
        return FormState([.field(field(FormField(answerField, question.prompt, kind(of: question), help: question.help,
                                                 initial: text(of: answer))))])
    }

    /// A profile question's field: its dates may be a month or a year alone.
    private static func field(_ field: FormField) -> FormField {
        var field = field
        field.allowsApproximateDate = true
        return field
    }

    /// "Past job" for "Past jobs": the entry's name, from the question's id.
    private static func entryTitle(_ question: Question) -> String {
        let words = question.id.split(separator: "-").map(String.init)
        var name = words.joined(separator: " ")
        if name.hasSuffix("s") { name.removeLast() }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// A sub-question's condition on an earlier sub-question of the same entry (others always show).
    private static func condition(of sub: Question, in group: Question) -> FieldbookUI.Condition? {
        guard let condition = sub.showIf, let target = group.subQuestion(condition.question),
              let value = condition.oneOf.first, condition.oneOf.count == 1 else { return nil }
        return target.type == .yesNo && value == "yes" ? .yes(FieldID(target.id)) : .equals(FieldID(target.id), value)
    }

    static func kind(of question: Question) -> FieldKind {
        switch question.type {
        case .shortText: .text
        case .longText: .multiLine
        case .singleChoice: .choice(question.options.map { ChoiceOption($0.label, value: $0.id) })
        case .multipleChoice: .multipleChoice(question.options.map { ChoiceOption($0.label, value: $0.id) })
        case .yesNo: .yesNo
        // "When did you..." asks about the past; "When will..." may be ahead.
        case .date: .date(lean: question.prompt.contains(" did ") || question.prompt.contains(" was ") ? .past : .future)
        case .number: .number(range: nil)
        case .scale: .scale(1...5)
        case .group, .repeating: .text
        }
    }

    /// An answer as the field's text: option ids, `yes`/`no`, a date, a number.
    static func text(of value: AnswerValue?) -> String {
        switch value {
        case .text(let text)?: text
        case .choice(let id)?: id
        case .choices(let ids)?: ids.joined(separator: ", ")
        case .yesNo(let yes)?: yes ? "yes" : "no"
        case .date(let date)?: date.description
        case .approximateDate(let date)?: date.description
        case .number(let number)?: "\(number)"
        case .scale(let n)?: String(n)
        case .entries?, .cleared?, nil: ""
        }
    }

    /// The value the form holds now, nil when nothing is answered. `previous` keeps the ids of
    /// group entries that were there when the question opened.
    static func value(of form: FormState, for question: Question, previous: AnswerValue?, today: LocalDate,
                      newID: () -> UUID) -> AnswerValue? {
        guard question.type.hasSubQuestions else {
            guard let input = form.input(answerField) else { return nil }
            return value(of: input, today: today)
        }
        var oldIDs: [UUID] = []
        if case .entries(let entries)? = previous { oldIDs = entries.map(\.id) }
        let group = FieldID(question.id)
        var entries: [GroupEntry] = []
        for index in 0..<form.entries(of: group) {
            var answers: [String: AnswerValue] = [:]
            for sub in question.questions {
                let path = FieldPath(FieldID(sub.id), in: group, entry: index)
                guard form.text(path) != nil, let input = form.input(path), let value = value(of: input, today: today) else { continue }
                answers[sub.id] = value
            }
            if answers.isEmpty { continue }
            // Entries keep their ids in order (an entry removed in the middle hands its id on; its content is what counts).
            entries.append(GroupEntry(id: index < oldIDs.count ? oldIDs[index] : newID(), answers: answers))
        }
        return entries.isEmpty ? nil : .entries(entries)
    }

    static func value(of input: FieldInput, today: LocalDate) -> AnswerValue? {
        let trimmed = input.value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        switch input.field.kind {
        case .text, .multiLine, .completion: return .text(input.buffer.text)
        case .choice: return .choice(trimmed)
        case .multipleChoice: return .choices(input.ticked.sorted().map { input.options[$0].value })
        case .yesNo: return .yesNo(trimmed == "yes")
        case .scale: return Int(trimmed).map { .scale($0) }
        case .date:
            if let date = input.date(today: today) { return .date(date) }
            return ApproximateDate(parsing: trimmed).map { .approximateDate($0) }
        case .number: return Decimal(string: trimmed.replacingOccurrences(of: ",", with: ".")).map { .number($0) }
        }
    }
}
