import Foundation

/// A supervisor's report: figures for a period, computed once from the records by a pure
/// function, and shown as text, JSON or CSV (docs/reports.md).
public protocol Report: Encodable, Sendable {
    /// The name on the command line: `employment-rate`.
    static var name: String { get }
    var title: String { get }
    var period: ReportPeriod { get }
    /// Short lines for people, before the tables.
    var summary: [String] { get }
    /// The report's tables; the first is what `--csv` writes.
    var tables: [ReportTable] { get }
}

/// A table of a report: the same rows for the screen, the command line's text and CSV.
public struct ReportTable: Hashable, Sendable {
    public var title: String
    /// Column names in CSV (snake_case).
    public var columns: [String]
    /// Column headings for people.
    public var headings: [String]
    public var rows: [[ReportCell]]

    public init(title: String, columns: [(csv: String, heading: String)], rows: [[ReportCell]]) {
        self.title = title
        self.columns = columns.map(\.csv)
        headings = columns.map(\.heading)
        self.rows = rows
    }

    /// The rows as people read them ("36 %").
    public var textRows: [[String]] { rows.map { $0.map(\.text) } }
    /// The rows as data for spreadsheets (0.36).
    public var dataRows: [[String]] { rows.map { $0.map(\.data) } }
}

/// One cell of a report table: the text people read, and the value a spreadsheet gets. They
/// differ for shares ("36 %" on screen, 0.36 in CSV) and rounded decimals.
public struct ReportCell: Hashable, Sendable, ExpressibleByStringInterpolation {
    public var text: String
    public var data: String
    /// A number: written as it is, never guarded as a formula.
    public var isNumber: Bool

    public init(_ text: String) {
        self.text = text
        data = text
        isNumber = false
    }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    public init(text: String, data: String, isNumber: Bool) {
        self.text = text
        self.data = data
        self.isNumber = isNumber
    }

    public static func count(_ value: Int) -> ReportCell { ReportCell(text: "\(value)", data: "\(value)", isNumber: true) }

    public static func count(_ value: Int?) -> ReportCell { value.map { count($0) } ?? "" }

    /// A share of a whole: "36 %" for people, 0.3636 (0 to 1, four decimals) for data, empty
    /// (and "-" on screen) when nothing was counted.
    public static func share(_ part: Int, of whole: Int) -> ReportCell {
        ReportCell(text: percentText(part, of: whole), data: FieldbookCore.share(part, of: whole).map { decimalText($0, places: 4) } ?? "", isNumber: true)
    }

    /// A decimal shown with `shown` places, given to spreadsheets with two.
    public static func decimal(_ value: Double, shown: Int = 1) -> ReportCell {
        ReportCell(text: String(format: "%.\(shown)f", value), data: decimalText(value, places: 2), isNumber: true)
    }

    /// `value` rounded to `places` decimals, without trailing zeros: 0.5, 0.3636, 2.
    static func decimalText(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// What every report is computed from: the records, the period, the day it is computed on,
/// which specialists' clients count, and how people are named.
public struct ReportInput: Sendable {
    public let data: DataSnapshot
    public let period: ReportPeriod
    public let today: LocalDate
    /// nil: the whole program.
    public let specialists: Set<UUID>?
    public let naming: ReportNaming
    private let specialistNames: [UUID: String]
    private let employerNames: [UUID: String]
    private let givenFigures: Figures?

    /// `figures`: the figures of `data` when they are at hand, so the reports that read their
    /// tallies and contacts do not work them out again (used only when made for `today`).
    public init(data: DataSnapshot, period: ReportPeriod, today: LocalDate, specialists: Set<UUID>? = nil,
                naming: ReportNaming = .identified, figures: Figures? = nil) {
        self.data = data
        self.period = period
        self.today = today
        self.specialists = specialists
        self.naming = naming
        specialistNames = Dictionary(data.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        employerNames = Dictionary(data.employers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        givenFigures = figures.flatMap { $0.today == today ? $0 : nil }
    }

    /// The same records and naming over another period (the board's earlier quarters).
    public func over(_ period: ReportPeriod) -> ReportInput {
        ReportInput(data: data, period: period, today: today, specialists: specialists, naming: naming, figures: givenFigures)
    }

    /// The contact tallies of the records on `today`: the figures' when given, else built here.
    public var tallies: ContactTallies { givenFigures?.tallies ?? ContactTallies(data, today: today) }

    /// The contacts on clients' behalf on `today`: the figures' when given, else built here.
    public var jobSeekerContacts: JobSeekerContacts { givenFigures?.jobSeekerContacts ?? JobSeekerContacts(data, today: today) }

    /// The clients the report counts: every client, or the chosen specialists' (by the
    /// client's current specialist).
    public var clients: [Client] {
        guard let specialists else { return data.clients }
        return data.clients.filter { $0.specialistID.map(specialists.contains) ?? false }
    }

    public func counts(specialist id: UUID?) -> Bool {
        guard let specialists else { return true }
        return id.map(specialists.contains) ?? false
    }

    public func specialistName(_ id: UUID?) -> String {
        guard let id else { return ReportInput.noSpecialist }
        return specialistNames[id] ?? id.uuidString.lowercased()
    }

    public static let noSpecialist = "(no specialist)"

    public func clientName(_ client: Client) -> String { naming.client(client.id, name: client.name) }

    public func employerName(_ id: UUID?, fallback: String) -> String {
        naming.employer(id, name: id.flatMap { employerNames[$0] } ?? fallback)
    }

    /// Free text as it is, or nil in a deidentified report.
    public func freeText(_ text: String?) -> String? { naming.isDeidentified ? nil : text }

    /// The day "now" stands for in the period: its last day, or today while it runs.
    public var asOf: LocalDate { min(period.to, today) }

    /// The part of the period that has happened: up to today while it runs. What is planned
    /// (a job starting next week) is not an outcome yet.
    public var observed: DateRange { DateRange(from: period.from, to: asOf) }

    /// Specialists in a stable order (by name), the given ids only.
    public func ordered(_ ids: some Sequence<UUID?>) -> [UUID?] {
        Array(Set(ids)).sorted { a, b in
            let na = specialistName(a), nb = specialistName(b)
            if a == nil || b == nil { return b == nil && a != nil }
            return na != nb ? na < nb : a!.uuidString < b!.uuidString
        }
    }
}

/// A share as a percentage for people: "41 %", or "-" when nothing was counted.
public func percentText(_ part: Int, of whole: Int) -> String {
    whole == 0 ? "-" : "\(Int((Double(part) / Double(whole) * 100).rounded())) %"
}

/// A share from 0 to 1, nil when nothing was counted.
public func share(_ part: Int, of whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
}
