/// A day on the calendar, with no time and no time zone: a program entry date, a job start,
/// the day of a contact. Stored as `"YYYY-MM-DD"`.
///
/// Arithmetic uses the proleptic Gregorian calendar through a day number (days since
/// 1970-01-01), so no clock, time zone or daylight-saving change can move a date.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one word (`year << 9 | month << 5 | day`), 8 bytes instead of
    /// three `Int`s: a date is in every contact, job and due item. Ordered as the day is.
    private let packed: Int64

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int(packed >> 5 & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// Builds a date, or throws when the parts do not name a real day.
    public init(year: Int, month: Int, day: Int) throws(DateParseError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        let last = LocalDate.daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw .dayOutOfRange(day: day, month: month, year: year, last: last)
        }
        self.init(unchecked: year, month, day)
    }

    /// `month` is 1-12 and `day` 1-31 on every path here; `year` may be any year arithmetic reaches.
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = Int64(year) &<< 9 | Int64(month) << 5 | Int64(day)
    }

    /// Parses exactly `YYYY-MM-DD`; the error says what was wrong.
    public init(parsing text: String) throws(DateParseError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
            throw .notISOFormat(text)
        }
        guard let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { throw .notISOFormat(text) }
        try self.init(year: y, month: m, day: d)
    }

    /// Reads exactly `YYYY-MM-DD` from UTF-8 bytes (a file being loaded), without making a string.
    init(isoBytes text: UnsafeBufferPointer<UInt8>) throws(DateParseError) {
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = text[index] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10)
        else { throw .notISOFormat(String(decoding: text, as: UTF8.self)) }
        try self.init(year: year, month: month, day: day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(unchecked: y, m, d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Same day of the month `months` later, clamped to the month's last day.
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return LocalDate(unchecked: y, m, min(day, LocalDate.daysIn(month: m, year: y)))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// The Monday that starts this date's week (weeks run Monday to Sunday).
    public var startOfWeek: LocalDate { adding(days: -weekday.offsetFromMonday) }

    public var description: String {
        String(format4: year) + "-" + String(pad2: month) + "-" + String(pad2: day)
    }

    /// `description` appended as UTF-8, without making a string.
    func appendText(into out: inout [UInt8]) {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            out.append(contentsOf: description.utf8)
            return
        }
        out.append(UInt8(48 + year / 1000))
        out.append(UInt8(48 + year / 100 % 10))
        out.append(UInt8(48 + year / 10 % 10))
        out.append(UInt8(48 + year % 10))
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(month, into: &out)
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(day, into: &out)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.packed < rhs.packed
    }
}

extension LocalDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum Weekday: Int, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public var offsetFromMonday: Int { rawValue }
    public var shortName: String { String(name.prefix(3)) }
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}

public enum DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notISOFormat(String)
    case yearOutOfRange(Int)
    case monthOutOfRange(Int)
    case dayOutOfRange(day: Int, month: Int, year: Int, last: Int)
    case unrecognised(String)

    public var description: String {
        switch self {
        case .notISOFormat(let text):
            "\"\(text)\" is not a date in the form YYYY-MM-DD"
        case .yearOutOfRange(let y):
            "year \(y) is out of range (1-9999)"
        case .monthOutOfRange(let m):
            "month \(m) is out of range (01-12)"
        case .dayOutOfRange(let d, let m, let y, let last):
            "day \(d) is out of range: \(LocalDate.monthName(m)) \(y) has \(last) days"
        case .unrecognised(let text):
            "\"\(text)\" is not a date: use YYYY-MM-DD, today, yesterday, tomorrow, +3d, -2w or a weekday"
        }
    }
}

extension LocalDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    public static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : "month \(month)"
    }

    /// "Mon 30 Nov 2026": for people, not for files.
    public var longDescription: String {
        "\(weekday.shortName) \(day) \(LocalDate.monthName(month).prefix(3)) \(year)"
    }
}

extension String {
    init(pad2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = "\(value)"
        self = digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}

import Foundation

extension LocalDate {
    /// The calendar date of `instant` in `timeZone`: the one place a clock becomes a date.
    public init(containing instant: Date, in timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(unchecked: parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

/// `String(pad2:)` appended as UTF-8.
@inline(__always)
func appendTwoDigits(_ value: Int, into out: inout [UInt8]) {
    guard (0...99).contains(value) else {
        out.append(contentsOf: String(pad2: value).utf8)
        return
    }
    out.append(UInt8(48 + value / 10))
    out.append(UInt8(48 + value % 10))
}
