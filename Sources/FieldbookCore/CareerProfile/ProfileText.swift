import Foundation

/// Answers in words, for summaries and printed copies.
enum ProfileText {
    /// The value as a person reads it (option labels, "Yes", "3 of 5"), not escaped.
    static func plain(_ value: AnswerValue, of question: Question) -> String? {
        switch value {
        case .text(let text):
            let trimmed = text.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        case .choice(let id):
            return question.option(id)?.label ?? id
        case .choices(let ids):
            return ids.isEmpty ? nil : ids.map { question.option($0)?.label ?? $0 }.joined(separator: ", ")
        case .yesNo(let yes):
            return yes ? "Yes" : "No"
        case .date(let date):
            return date.description
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

/// Text that is about to reach a terminal, with control characters made visible.
enum TerminalText {
    /// Control characters (C0, DEL, C1) shown as `^X` or `<U+0085>`; line breaks and tabs kept
    /// when `keepingLines` is set. (Internal until FieldbookCore has a shared escaping helper.)
    static func escape(_ text: String, keepingLines: Bool = false) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLines, 0x09 where keepingLines:
                result.unicodeScalars.append(scalar)
            case 0x00..<0x20:
                result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                result += "^?"
            case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                result += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
