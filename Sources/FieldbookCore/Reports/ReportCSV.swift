import CSV
import Foundation

/// CSV for spreadsheets: RFC 4180 quoting by CSV.swift, numbers as data (a share as 0.36,
/// never "36 %"), and every text cell that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-` or `@`) guarded with a leading `'` (`CellText.guarded`, as export does).
public enum ReportCSV {
    /// A cell as written: its data, guarded when it is text that starts like a formula.
    public static func written(_ cell: ReportCell) -> String {
        cell.isNumber ? cell.data : CellText.guarded(cell.data)
    }

    /// The table with a header row of its CSV column names, lines ending in CRLF.
    public static func text(_ table: ReportTable) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.columns.map(CellText.guarded))
        for row in table.rows {
            try writer.write(row: row.map(written))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
