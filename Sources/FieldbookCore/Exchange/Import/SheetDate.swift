import Foundation

/// How a sheet writes its dates when they are not `YYYY-MM-DD`: day first (`31/03/2026`),
/// month first (`03/31/2026`) or year first (`2026/03/31`), with `/`, `.` or `-` between.
public enum SheetDateOrder: String, CaseIterable, Sendable {
    case dmy, mdy, ymd

    var words: String {
        switch self {
        case .dmy: "day first"
        case .mdy: "month first"
        case .ymd: "year first"
        }
    }
}

/// A date cell of a sheet: `YYYY-MM-DD` always; another order only when the import says which
/// (`--dates`), so that `03/04/2026` is never read the wrong way round.
enum SheetDate {
    enum Reading: Equatable {
        case date(LocalDate)
        /// Why the cell is not a date, for the row's problems (the general hint is given once).
        case problem(String)
    }

    static func read(_ cell: String, order: SheetDateOrder?) -> Reading {
        if let date = try? LocalDate(parsing: cell) { return .date(date) }
        let parts = cell.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return .problem("is not a date") }
        let numbers = parts.map { Int($0)! }
        let fourDigitYear: (SheetDateOrder) -> Bool = { order in
            parts[order == .ymd ? 0 : 2].count == 4
        }
        func reading(_ order: SheetDateOrder) -> LocalDate? {
            guard fourDigitYear(order) else { return nil }
            let (year, month, day) = switch order {
            case .dmy: (numbers[2], numbers[1], numbers[0])
            case .mdy: (numbers[2], numbers[0], numbers[1])
            case .ymd: (numbers[0], numbers[1], numbers[2])
            }
            return try? LocalDate(parsing: "\(year)-\(String(pad2: month))-\(String(pad2: day))")
        }
        if let order {
            if let date = reading(order) { return .date(date) }
            return .problem("is not a date written \(order.words) (--dates \(order.rawValue))")
        }
        let readings = SheetDateOrder.allCases.compactMap { order in reading(order).map { (order, $0) } }
        var distinct: [(SheetDateOrder, LocalDate)] = []
        for candidate in readings where !distinct.contains(where: { $0.1 == candidate.1 }) { distinct.append(candidate) }
        switch distinct.count {
        case 0:
            return .problem("is not a date")
        case 1:
            let (order, date) = distinct[0]
            return .problem("is not a date: write it \(date) (or import with --dates \(order.rawValue))")
        default:
            let both = distinct.map { "\($0.1) (\($0.0.words), --dates \($0.0.rawValue))" }.joined(separator: " or ")
            return .problem("reads two ways: \(both)")
        }
    }

    /// Said once after the rows whose dates could not be read.
    static let hint = "Dates are read as YYYY-MM-DD (e.g. 2026-03-14): in the spreadsheet, format the date columns "
        + "as YYYY-MM-DD before saving, or say how the sheet writes them with --dates dmy (31/03/2026), "
        + "--dates mdy (03/31/2026) or --dates ymd (2026/03/31)."
}
