import Foundation

/// The days a report covers: a calendar month, a quarter, or any range of days.
public struct ReportPeriod: Hashable, Sendable, Encodable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Encodable {
        case month
        case quarter
        case days
    }

    public let kind: Kind
    public let range: DateRange

    public var from: LocalDate { range.from }
    public var to: LocalDate { range.to }

    public init(from: LocalDate, to: LocalDate) {
        kind = .days
        range = DateRange(from: from, to: to)
    }

    public static func month(containing day: LocalDate) -> ReportPeriod {
        let first = LocalDate(dayNumber: day.dayNumber - day.day + 1)
        return ReportPeriod(kind: .month, first: first, last: first.adding(months: 1).adding(days: -1))
    }

    public static func quarter(containing day: LocalDate) -> ReportPeriod {
        let firstMonth = (day.month - 1) / 3 * 3 + 1
        let first = month(containing: day).from.adding(months: firstMonth - day.month)
        return ReportPeriod(kind: .quarter, first: first, last: first.adding(months: 3).adding(days: -1))
    }

    private init(kind: Kind, first: LocalDate, last: LocalDate) {
        self.kind = kind
        range = DateRange(from: first, to: last)
    }

    /// `2026Q3` (or `2026-Q3`).
    public init(quarter text: String) throws(ReportPeriodError) {
        let cleaned = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = cleaned.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q),
              let first = try? LocalDate(year: year, month: (q - 1) * 3 + 1, day: 1)
        else { throw .badQuarter(text) }
        self = .quarter(containing: first)
    }

    /// `2026-11`.
    public init(month text: String) throws(ReportPeriodError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              let first = try? LocalDate(year: year, month: month, day: 1)
        else { throw .badMonth(text) }
        self = .month(containing: first)
    }

    /// The period of the same kind just before (-1) or after (+1); a range of days moves by its length.
    public func moved(by steps: Int) -> ReportPeriod {
        switch kind {
        case .month: return .month(containing: from.adding(months: steps))
        case .quarter: return .quarter(containing: from.adding(months: 3 * steps))
        case .days:
            let length = range.dayCount
            return ReportPeriod(from: from.adding(days: length * steps), to: to.adding(days: length * steps))
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, from, to, label }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(description, forKey: .label)
    }

    /// `2026Q3`, `2026-11`, or `2026-11-02 to 2026-11-15`.
    public var description: String {
        switch kind {
        case .month: return DataLayout.monthKey(from)
        case .quarter: return "\(from.year)Q\((from.month - 1) / 3 + 1)"
        case .days: return "\(from) to \(to)"
        }
    }

    /// For people: "November 2026", "2026 Q3 (July to September)", "2 Nov 2026 to 15 Nov 2026".
    public var longDescription: String {
        switch kind {
        case .month: return "\(LocalDate.monthName(from.month)) \(from.year)"
        case .quarter: return "\(from.year) Q\((from.month - 1) / 3 + 1) (\(LocalDate.monthName(from.month)) to \(LocalDate.monthName(to.month)))"
        case .days: return "\(from.longDescription) to \(to.longDescription)"
        }
    }
}

public enum ReportPeriodError: Error, Equatable, Sendable, CustomStringConvertible {
    case badQuarter(String)
    case badMonth(String)

    public var description: String {
        switch self {
        case .badQuarter(let text): "\"\(text)\" is not a quarter; write it like 2026Q3"
        case .badMonth(let text): "\"\(text)\" is not a month; write it like 2026-11"
        }
    }
}
