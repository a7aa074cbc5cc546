/// A Monday-to-Sunday week named the ISO 8601 way, `2026-W47`: week 1 of a year is the week
/// holding the year's first Thursday, so a week that straddles New Year belongs to the year
/// that has most of its days.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// The week of `year` numbered `week`, or an error when the year has no such week.
    public init(year: Int, week: Int) throws(WeekParseError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        let last = ISOWeek.weeks(in: year)
        guard (1...last).contains(week) else { throw .weekOutOfRange(week: week, year: year, last: last) }
        self.year = year
        self.week = week
    }

    /// The week that holds `date`.
    public init(containing date: LocalDate) {
        let thursday = date.startOfWeek.adding(days: 3)
        let januaryFirst = LocalDate(dayNumber: thursday.dayNumber - thursday.dayOfYear + 1)
        year = thursday.year
        week = januaryFirst.days(until: thursday) / 7 + 1
    }

    /// Reads `2026-W47` (also `2026-w47`, `2026W47` and `2026-W7`).
    public init(parsing input: String) throws(WeekParseError) {
        let text = input.trimmingWhitespace().uppercased()
        let parts = text.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notAWeek(input) }
        let yearText = parts[0].hasSuffix("-") ? parts[0].dropLast() : parts[0]
        guard yearText.count == 4, (1...2).contains(parts[1].count),
              yearText.allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(yearText), let week = Int(parts[1])
        else { throw .notAWeek(input) }
        try self.init(year: year, week: week)
    }

    /// 53 for years whose 1 January is a Thursday, or a Wednesday in a leap year; else 52.
    public static func weeks(in year: Int) -> Int {
        guard let december28 = try? LocalDate(year: year, month: 12, day: 28) else { return 52 }
        return ISOWeek(containing: december28).week
    }

    public var monday: LocalDate {
        let january4 = (try? LocalDate(year: year, month: 1, day: 4)) ?? LocalDate(dayNumber: 0)
        return january4.startOfWeek.adding(days: 7 * (week - 1))
    }

    public var sunday: LocalDate { monday.adding(days: 6) }

    public var days: DateRange { DateRange(from: monday, to: sunday) }

    public func adding(weeks: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * weeks)) }

    public var description: String { String(format4: year) + "-W" + String(pad2: week) }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

/// Days from `from` to `to`, both included.
public struct DateRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let from: LocalDate
    public let to: LocalDate

    public init(from: LocalDate, to: LocalDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }

    public var dayCount: Int { from.days(until: to) + 1 }

    /// Monday to Friday days from `start` (or the first day, if later) to the last day.
    public func workingDays(from start: LocalDate) -> Int {
        let first = max(start, from)
        guard first <= to else { return 0 }
        return (first.dayNumber...to.dayNumber).reduce(0) {
            $0 + (LocalDate(dayNumber: $1).weekday.offsetFromMonday < 5 ? 1 : 0)
        }
    }

    public var description: String { "\(from) to \(to)" }
}

extension LocalDate {
    /// 1 for 1 January.
    public var dayOfYear: Int {
        let januaryFirst = (try? LocalDate(year: year, month: 1, day: 1)) ?? self
        return januaryFirst.days(until: self) + 1
    }
}

public enum WeekParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAWeek(String)
    case yearOutOfRange(Int)
    case weekOutOfRange(week: Int, year: Int, last: Int)

    public var description: String {
        switch self {
        case .notAWeek(let text):
            "\"\(text)\" is not a week: write it as YYYY-Www, e.g. 2026-W47"
        case .yearOutOfRange(let year):
            "year \(year) is out of range (1-9999)"
        case .weekOutOfRange(let week, let year, let last):
            "week \(week) is out of range: \(year) has weeks 1 to \(last)"
        }
    }
}
