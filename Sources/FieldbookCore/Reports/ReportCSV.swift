import CSV
import Foundation

/// CSV for spreadsheets: RFC 4180 quoting by CSV.swift, and every cell that a spreadsheet
/// would read as a formula (starting with `=`, `+`, `-` or `@`) guarded with a leading `'`.
public enum ReportCSV {
    /// A cell as written: guarded when it starts like a formula.
    public static func guarded(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// The table with a header row of its CSV column names, lines ending in CRLF.
    public static func text(_ table: ReportTable) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: table.columns.map(guarded))
        for row in table.rows {
            try writer.write(row: row.map(guarded))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
