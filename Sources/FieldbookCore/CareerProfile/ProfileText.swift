import Foundation

/// Answers in words, for summaries and printed copies.
public enum ProfileText {
    /// Between the chosen options of a multiple-choice answer.
    public static let choicesSeparator = "; "

    /// The value as a person reads it (option labels, "Yes", "3 of 5"), not escaped.
    public static func plain(_ value: AnswerValue, of question: Question) -> String? {
        switch value {
        case .text(let text):
            let trimmed = text.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        case .choice(let id):
            return question.option(id)?.label ?? id
        case .choices(let ids):
            // Option labels may hold commas ("Warehouse, stocking and delivery"): choices are
            // set apart by semicolons.
            return ids.isEmpty ? nil : ids.map { question.option($0)?.label ?? $0 }.joined(separator: choicesSeparator)
        case .yesNo(let yes):
            return yes ? "Yes" : "No"
        case .date(let date):
            return date.description
        case .approximateDate(let date):
            // "June 2012": a month or a year, never read as a day.
            return date.longDescription
        case .number(let number):
            return "\(number)"
        case .scale(let n):
            return "\(n) of 5"
        case .entries(let entries):
            return entries.isEmpty ? nil : "\(entries.count) entr\(entries.count == 1 ? "y" : "ies")"
        case .cleared:
            return nil
        }
    }
}
