/// What a person may type in a date field: `2026-11-30`, `today`, `yesterday`, `tomorrow`,
/// `+3d`, `-2w`, `+1m`, or a weekday name (`mon`, `monday`).
///
/// A weekday alone is ambiguous, so each field says which way it leans: a contact that
/// happened leans to the past ("mon" is the latest Monday, today included), a next step
/// leans to the future (the next Monday, today included).
public enum DateLean: Sendable {
    case past
    case future
}

public enum DateExpression {
    public static func parse(
        _ input: String, today: LocalDate, lean: DateLean = .past
    ) throws(DateParseError) -> LocalDate {
        let text = input.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { throw .unrecognised(input) }
        switch text {
        case "today", "t": return today
        case "yesterday", "y": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if let first = text.first, first == "+" || first == "-" {
            return try relative(text, original: input, today: today)
        }
        if let weekday = Weekday.allCases.first(where: { day in
            text.count >= 3 && day.name.lowercased().hasPrefix(text)
        }) {
            let diff = (weekday.offsetFromMonday - today.weekday.offsetFromMonday + 7) % 7
            switch lean {
            case .future: return today.adding(days: diff)
            case .past: return today.adding(days: diff == 0 ? 0 : diff - 7)
            }
        }
        if text.first?.isNumber == true {
            return try LocalDate(parsing: text)
        }
        throw .unrecognised(input)
    }

    private static func relative(
        _ text: String, original: String, today: LocalDate
    ) throws(DateParseError) -> LocalDate {
        let sign = text.first == "-" ? -1 : 1
        var body = text.dropFirst()
        var unit: Character = "d"
        if let last = body.last, last.isLetter {
            unit = last
            body = body.dropLast()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }),
              let amount = Int(body), amount <= 36_500
        else { throw .unrecognised(original) }
        switch unit {
        case "d": return today.adding(days: sign * amount)
        case "w": return today.adding(days: sign * amount * 7)
        case "m": return today.adding(months: sign * amount)
        default: throw .unrecognised(original)
        }
    }
}

extension StringProtocol {
    /// The text without leading or trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
