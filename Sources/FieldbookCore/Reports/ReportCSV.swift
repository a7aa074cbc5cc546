import Foundation

/// CSV for spreadsheets: RFC 4180 quoting (`CSVTable.text`), numbers as data (a share as 0.36,
/// never "36 %"), and every text cell that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-` or `@`) guarded with a leading `'` (`CellText.guarded`, as export does).
public enum ReportCSV {
    /// A cell as written: its data, guarded when it is text that starts like a formula.
    public static func written(_ cell: ReportCell) -> String {
        cell.isNumber ? cell.data : CellText.guarded(cell.data)
    }

    /// The table with a header row of its CSV column names, lines ending in CRLF.
    public static func text(_ table: ReportTable) throws -> String {
        CSVTable.text([table.columns.map(CellText.guarded)] + table.rows.map { $0.map(written) }, newline: "\r\n")
    }
}
