import Foundation

/// How values are written in spreadsheet cells, both ways: dates `YYYY-MM-DD`, `yes`/`no`,
/// lists separated by `;`, and the guard against formula injection.
public enum CellText {
    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, or a tab or a
    /// carriage return, which spreadsheets skip before one) gets a leading `'`. A cell already starting with `'` before one of those gets one more, so `unguarded`
    /// gives back exactly what was guarded.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// Removes the `'` that `guarded` put before a formula character.
    public static func unguarded(_ text: String) -> String {
        text.hasPrefix("'") && needsGuard(String(text.dropFirst())) ? String(text.dropFirst()) : text
    }

    private static func needsGuard(_ text: String) -> Bool {
        // Scalars, not characters: a CR before a newline is one character with it.
        guard let first = text.unicodeScalars.drop(while: { $0 == "'" }).first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    public static func list(_ values: [String]) -> String { values.joined(separator: "; ") }

    /// Items of a `;` list, trimmed, empty ones left out.
    public static func items(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A number as export writes it: no exponent, no trailing `.0`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `2026-01-05 engaging>job-search; 2026-03-01 job-search>working`
    public static func statusHistory(_ changes: [StatusChange]) -> String {
        list(changes.map { "\($0.date) \($0.from.rawValue)>\($0.to.rawValue)" })
    }
}
