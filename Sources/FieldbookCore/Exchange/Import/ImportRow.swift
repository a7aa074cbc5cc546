import Foundation

/// One spreadsheet row being read: its cells by column name, and what was wrong with them.
/// Each reader returns nil for an empty cell and notes a problem for a cell it cannot read.
struct ImportRow {
    let line: Int
    private let cells: [String: String]
    private(set) var problems: [String] = []
    /// How the sheet writes dates other than YYYY-MM-DD (nil: it does not).
    let dateOrder: SheetDateOrder?
    /// A date cell could not be read (the general hint is said once for the whole sheet).
    private(set) var unreadDate = false

    init(line: Int, columns: [String?], cells: [String], dateOrder: SheetDateOrder? = nil) {
        self.line = line
        self.dateOrder = dateOrder
        var byName: [String: String] = [:]
        for (index, column) in columns.enumerated() {
            guard let column, index < cells.count else { continue }
            byName[column] = CellText.unguarded(cells[index])
        }
        self.cells = byName
    }

    mutating func problem(_ text: String) { problems.append(text) }

    /// Whether the sheet has this column (an empty cell then clears the field).
    func has(_ column: String) -> Bool { cells[column] != nil }

    /// The cell as written, nil when empty or only spaces.
    func text(_ column: String) -> String? {
        guard let cell = cells[column], !cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return cell
    }

    /// The cell without surrounding spaces, nil when empty.
    func word(_ column: String) -> String? {
        text(column)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func date(_ column: String) -> LocalDate? {
        guard let cell = word(column) else { return nil }
        switch SheetDate.read(cell, order: dateOrder) {
        case .date(let date): return date
        case .problem(let why):
            problem("\(column) \"\(cell)\" \(why)")
            unreadDate = true
            return nil
        }
    }

    /// A date the row cannot do without: a problem too when the cell is empty.
    mutating func requiredDate(_ column: String) -> LocalDate? {
        let value = date(column)
        if value == nil && word(column) == nil { problem("\(column) is empty") }
        return value
    }

    mutating func yesNo(_ column: String) -> Bool? {
        guard let cell = word(column) else { return nil }
        switch cell.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default:
            problem("\(column) \"\(cell)\" is not yes or no")
            return nil
        }
    }

    mutating func double(_ column: String) -> Double? {
        guard let cell = word(column) else { return nil }
        if let value = Double(cell), value.isFinite, value >= 0 { return value }
        problem("\(column) \"\(cell)\" is not a number (e.g. 32.5)")
        return nil
    }

    mutating func whole(_ column: String) -> Int? {
        guard let cell = word(column) else { return nil }
        if let value = Int(cell), value > 0 { return value }
        problem("\(column) \"\(cell)\" is not a whole number above 0")
        return nil
    }

    mutating func decimal(_ column: String) -> Decimal? {
        guard let cell = word(column) else { return nil }
        let plain = cell.hasPrefix("$") ? String(cell.dropFirst()) : cell
        if plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Decimal(string: plain) { return value }
        problem("\(column) \"\(cell)\" is not an amount (e.g. 15.75)")
        return nil
    }

    mutating func uuid(_ column: String) -> UUID? {
        guard let cell = word(column) else { return nil }
        if let id = UUID(uuidString: cell) { return id }
        problem("\(column) \"\(cell)\" is not a Fieldbook id")
        return nil
    }

    mutating func timestamp(_ column: String) -> Date? {
        guard let cell = word(column) else { return nil }
        if let date = Timestamp.parse(cell) { return date }
        problem("\(column) \"\(cell)\" is not a timestamp (e.g. 2026-11-22T09:30:00+01:00)")
        return nil
    }

    /// One of an enumeration's known values (case and spaces forgiven), or an alias.
    mutating func value<T: OpenEnumeration>(_ column: String, _ type: T.Type, aliases: [String: T] = [:]) -> T? {
        guard let cell = word(column) else { return nil }
        let key = cell.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let alias = aliases[key] { return alias }
        if let known = T.allCases.first(where: { $0.rawValue.lowercased() == key }) { return known }
        problem("\(column) \"\(cell)\" is not one of: " + T.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    func items(_ column: String) -> [String] { text(column).map(CellText.items) ?? [] }

    mutating func statusHistory(_ column: String) -> [StatusChange] {
        var changes: [StatusChange] = []
        for item in items(column) {
            let parts = item.split(separator: " ", maxSplits: 1)
            let states = parts.count == 2 ? parts[1].split(separator: ">") : []
            guard parts.count == 2, states.count == 2, let date = try? LocalDate(parsing: String(parts[0])) else {
                problem("\(column) \"\(item)\" is not like \"2026-01-05 engaging>job-search\"")
                continue
            }
            changes.append(StatusChange(date: date, from: ClientStatus(rawValue: String(states[0])),
                                        to: ClientStatus(rawValue: String(states[1]))))
        }
        return changes
    }
}
