import FieldbookCore
import Foundation
import Testing

@Suite struct LocalDateTests {
    @Test(arguments: ["2026-11-22", "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"])
    func validDatesRoundTrip(_ text: String) throws {
        let date = try LocalDate(parsing: text)
        #expect(date.description == text)
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
    }

    @Test func invalidDatesSayWhatIsWrong() {
        #expect(throws: DateParseError.dayOutOfRange(day: 29, month: 2, year: 2026, last: 28)) { try LocalDate(parsing: "2026-02-29") }
        #expect(throws: DateParseError.dayOutOfRange(day: 29, month: 2, year: 1900, last: 28)) { try LocalDate(parsing: "1900-02-29") }
        #expect(throws: DateParseError.monthOutOfRange(13)) { try LocalDate(parsing: "2026-13-01") }
        #expect(throws: DateParseError.notISOFormat("22/11/2026")) { try LocalDate(parsing: "22/11/2026") }
        #expect(throws: DateParseError.notISOFormat("2026-1-5")) { try LocalDate(parsing: "2026-1-5") }
        #expect(throws: DateParseError.notISOFormat("")) { try LocalDate(parsing: "") }
        #expect(throws: DateParseError.notISOFormat("2026-11-2x")) { try LocalDate(parsing: "2026-11-2x") }
        let message = DateParseError.dayOutOfRange(day: 31, month: 11, year: 2026, last: 30).description
        #expect(message == "day 31 is out of range: November 2026 has 30 days")
    }

    @Test func dayNumbersAndWeekdays() throws {
        #expect(try LocalDate(parsing: "1970-01-01").dayNumber == 0)
        #expect(try LocalDate(parsing: "1969-12-31").dayNumber == -1)
        #expect(try LocalDate(parsing: "2026-11-22").weekday == .sunday)
        #expect(try LocalDate(parsing: "2024-02-29").weekday == .thursday)
        #expect(try LocalDate(parsing: "2026-11-22").startOfWeek == LocalDate(parsing: "2026-11-16"))
        #expect(try LocalDate(parsing: "2024-02-28").adding(days: 1) == LocalDate(parsing: "2024-02-29"))
        #expect(try LocalDate(parsing: "2023-02-28").adding(days: 1) == LocalDate(parsing: "2023-03-01"))
        #expect(try LocalDate(parsing: "2026-01-31").adding(months: 1) == LocalDate(parsing: "2026-02-28"))
        #expect(try LocalDate(parsing: "2026-12-15").adding(months: 1) == LocalDate(parsing: "2027-01-15"))
        #expect(try LocalDate(parsing: "2026-11-01").days(until: LocalDate(parsing: "2026-11-22")) == 21)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        let start = (try? LocalDate(parsing: "1900-01-01"))!.dayNumber
        var previous = LocalDate(dayNumber: start - 1)
        for number in start..<(start + 146_097) {
            let date = LocalDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(previous < date)
            previous = date
        }
    }

    @Test func decodingABadDateNamesTheProblem() {
        struct Holder: Decodable { var date: LocalDate }
        let json = Data(#"{"date": "2026-11-31"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Holder.self, from: json)
            Issue.record("a bad date decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("November 2026 has 30 days"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite struct DateExpressionTests {
    let today = (try? LocalDate(parsing: "2026-11-18"))!  // a Wednesday

    func parse(_ text: String, _ lean: DateLean = .past) throws -> String {
        try DateExpression.parse(text, today: today, lean: lean).description
    }

    @Test func wordsAndOffsets() throws {
        #expect(try parse("today") == "2026-11-18")
        #expect(try parse(" Yesterday ") == "2026-11-17")
        #expect(try parse("tomorrow") == "2026-11-19")
        #expect(try parse("+3d") == "2026-11-21")
        #expect(try parse("+3") == "2026-11-21")
        #expect(try parse("-2w") == "2026-11-04")
        #expect(try parse("+1m") == "2026-12-18")
        #expect(try parse("2026-11-30") == "2026-11-30")
    }

    @Test func weekdaysLeanAsTheFieldAsks() throws {
        #expect(try parse("mon", .past) == "2026-11-16")
        #expect(try parse("mon", .future) == "2026-11-23")
        #expect(try parse("wednesday", .past) == "2026-11-18")
        #expect(try parse("wed", .future) == "2026-11-18")
        #expect(try parse("fri", .past) == "2026-11-13")
    }

    @Test(arguments: ["", "soon", "+d", "+3x", "mo", "2026-02-30", "++3d"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(throws: DateParseError.self) { try DateExpression.parse(text, today: today) }
    }
}

@Suite struct TimestampTests {
    @Test func formatsWithTheOffsetAndParsesBack() throws {
        let instant = Date(timeIntervalSince1970: 1_763_803_800)   // 2025-11-22T09:30:00Z
        #expect(Timestamp.format(instant, timeZone: TimeZone(identifier: "UTC")!) == "2025-11-22T09:30:00Z")
        let paris = Timestamp.format(instant, timeZone: TimeZone(identifier: "Europe/Paris")!)
        #expect(paris == "2025-11-22T10:30:00+01:00")
        let denver = Timestamp.format(instant, timeZone: TimeZone(identifier: "America/Denver")!)
        #expect(denver == "2025-11-22T02:30:00-07:00")
        for text in [paris, denver, "2025-11-22T09:30:00Z", "2025-11-22T09:30:00.000Z", "2025-11-22T11:00:00+0130"] {
            #expect(Timestamp.parse(text) == instant, "\(text)")
        }
    }

    @Test(arguments: ["", "2025-11-22", "2025-11-22 09:30:00Z", "2025-11-22T09:30:00", "2025-11-22T25:30:00Z",
                      "2025-11-31T09:30:00Z", "2025-11-22T09:30:00+1", "2025-11-22T09:30:00Zjunk"])
    func rejectsWhatIsNotATimestamp(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
