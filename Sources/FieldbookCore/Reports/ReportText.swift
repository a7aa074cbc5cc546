import Foundation

/// A report as text for a terminal: title, period, summary lines and aligned tables. Every
/// value is escaped (`TerminalText.escaped`); columns are measured in display columns by the
/// caller's `width` (CJK takes two), and a cell longer than `cellColumns` is cut by the caller's
/// `cut` (a 10,000-character name takes one cell of a line, not the line).
public enum ReportText {
    /// The widest a table cell is shown.
    public static let cellColumns = 40

    public static func render(_ report: any Report, width: (String) -> Int,
                              cut: (String, Int) -> String = { text, _ in text }) -> String {
        var out = TerminalText.escaped(report.title) + ", " + report.period.longDescription + "\n"
        for line in report.summary { out += TerminalText.escaped(line) + "\n" }
        for table in report.tables {
            out += "\n" + TerminalText.escaped(table.title) + "\n"
            if table.rows.isEmpty {
                out += "  (none)\n"
                continue
            }
            let rows = ([table.headings] + table.textRows).map { $0.map { cut(TerminalText.escaped($0), cellColumns) } }
            let widths = table.headings.indices.map { column in rows.map { width($0[column]) }.max() ?? 0 }
            for row in rows {
                let cells = row.indices.map { column in
                    column == row.count - 1 ? row[column] : row[column] + String(repeating: " ", count: max(0, widths[column] - width(row[column])))
                }
                out += "  " + cells.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
            }
        }
        return out
    }
}
