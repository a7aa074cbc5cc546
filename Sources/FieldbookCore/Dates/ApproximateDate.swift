/// A date known only to the year or the month: "when did you last go to school?" — `2012`, or
/// `2012-06`. Written as that text; it stands for every day of its year or month.
public struct ApproximateDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    /// nil: the year alone.
    public let month: Int?

    public init(year: Int, month: Int? = nil) throws(DateParseError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        if let month, !(1...12).contains(month) { throw .monthOutOfRange(month) }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY` or `YYYY-MM` (a month of one digit too: `2012-6`); nil for anything else,
    /// a whole date included.
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              let year = Int(parts[0]) else { return nil }
        var month: Int?
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            month = Int(parts[1])
        }
        guard let date = try? ApproximateDate(year: year, month: month) else { return nil }
        self = date
    }

    /// The first day it may stand for.
    public var firstDay: LocalDate { (try? LocalDate(year: year, month: month ?? 1, day: 1)) ?? LocalDate(dayNumber: 0) }

    /// The last day it may stand for.
    public var lastDay: LocalDate {
        let last = month ?? 12
        return (try? LocalDate(year: year, month: last, day: LocalDate.daysIn(month: last, year: year))) ?? firstDay
    }

    /// Whether `date` falls within it.
    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    /// As stored: `2012`, `2012-06`.
    public var description: String {
        month.map { "\(year)-" + ($0 < 10 ? "0" : "") + "\($0)" } ?? "\(year)"
    }

    /// For people: "2012", "June 2012".
    public var longDescription: String {
        month.map { "\(LocalDate.monthName($0)) \(year)" } ?? "\(year)"
    }

    /// Earlier first; a year before its own months (2012 < 2012-01).
    public static func < (lhs: ApproximateDate, rhs: ApproximateDate) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }

    /// The same precision, moved with a date shifted by `days` (the demo's dates move with today).
    /// Its middle day moves, so a shift of a few days never changes a year given alone.
    public func shifted(byDays days: Int) -> ApproximateDate {
        let middle = (try? LocalDate(year: year, month: month ?? 7, day: month == nil ? 1 : 15)) ?? firstDay
        let moved = middle.adding(days: days)
        return (try? ApproximateDate(year: moved.year, month: month == nil ? nil : moved.month)) ?? self
    }
}

extension ApproximateDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ApproximateDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not YYYY or YYYY-MM")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
