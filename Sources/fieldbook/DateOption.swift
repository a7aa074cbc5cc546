import ArgumentParser
import FieldbookCore
import Foundation

/// How every date option of the command line reads its value: a day is what the app's date
/// fields take (`2026-11-30`, `today`, `yesterday`, `tomorrow`, `+3d`, `-2w`, `+1m`, `mon`:
/// DateExpression, leaning to the past); a named period (`--week`, `--quarter`, `--month`)
/// takes its own form (`2026-W47`, `2026Q3`, `2026-11`) or any of those days, meaning the
/// period that holds it (`--quarter -3m` is last quarter). A value that is none of these is
/// an error naming the option, with exit status 2.
enum DateOption {
    /// The day `text` names (`today` when nil).
    static func day(_ text: String?, _ option: String, today: LocalDate) throws -> LocalDate {
        guard let text else { return today }
        do {
            return try DateExpression.parse(text, today: today)
        } catch {
            return try refuse(option, error.description)
        }
    }

    /// `2026-W47`, or the week holding the day `text` names.
    static func week(_ text: String, _ option: String, today: LocalDate) throws -> ISOWeek {
        do {
            return try ISOWeek(parsing: text)
        } catch let error {
            guard case .notAWeek = error else { return try refuse(option, error.description) }
            return try ISOWeek(containing: periodDay(text, option, today: today, or: error.description, example: "-1w, 2026-11-18"))
        }
    }

    /// `2026Q3`, or the quarter holding the day `text` names.
    static func quarter(_ text: String, _ option: String, today: LocalDate) throws -> ReportPeriod {
        do {
            return try ReportPeriod(quarter: text)
        } catch {
            return .quarter(containing: try periodDay(text, option, today: today, or: error.description, example: "-3m, 2026-08-15"))
        }
    }

    /// `2026-11`, or the month holding the day `text` names.
    static func month(_ text: String, _ option: String, today: LocalDate) throws -> ReportPeriod {
        do {
            return try ReportPeriod(month: text)
        } catch {
            return .month(containing: try periodDay(text, option, today: today, or: error.description, example: "-1m, 2026-11-05"))
        }
    }

    /// The day a period option names when it is not in the period's own form. A date out of
    /// range (`2026-11-31`) says so; anything else gets the period's own message, with the
    /// days it also takes.
    private static func periodDay(_ text: String, _ option: String, today: LocalDate, or periodMessage: String,
                                  example: String) throws -> LocalDate {
        do {
            return try DateExpression.parse(text, today: today)
        } catch {
            switch error {
            case .unrecognised, .notISOFormat:
                return try refuse(option, periodMessage + ", or a day in it (today, \(example))")
            case .yearOutOfRange, .monthOutOfRange, .dayOutOfRange:
                return try refuse(option, error.description)
            }
        }
    }

    private static func refuse<T>(_ option: String, _ message: String) throws -> T {
        printError("\(option): \(message)")
        throw ExitCode(2)
    }
}
