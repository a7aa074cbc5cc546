import FieldbookCore
import Foundation

/// The newest activity in the sample; `--demo` moves it to yesterday.
let anchor = try! LocalDate(year: 2026, month: 11, day: 20)
func stamp(_ date: LocalDate, hour: Int = 10) -> Date {
    Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + Double(hour) * 3600)
}
/// The demo opens the day after the anchor: Maria's morning.
let morning = anchor.adding(days: 1)
