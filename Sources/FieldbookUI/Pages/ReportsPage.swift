import FieldbookCore
import Foundation

/// The Reports tab: each specialist's caseload and this week's employer contacts against the
/// targets.
public struct ReportsPage: TabPage {
    public static let tabTitle = "Reports"

    /// Column widths after the name; headers and rows use the same ones.
    static let nameWidth = 24
    static let columns: [(title: String, width: Int)] = [("Active", 10), ("Working", 10), ("Job search", 12), ("F2F this week", 16)]

    public init(in context: PageContext) {}

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.weeklyTally] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if action == .showHistory { context.push(TallyHistoryPage(in: context)) }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let data = context.data, figures = context.figures
        let limit = data.settings.caseloadLimit
        var lines: [StyledLine] = [[Span("Caseloads and employer contacts", .title), Span(" as of \(context.today.longDescription)", .muted)], []]
        let header = TextCells.pad("Specialist", to: Self.nameWidth)
            + Self.columns.map { TextCells.pad($0.title, to: $0.width - 2, right: true) + "  " }.joined()
        lines.append([Span(header, Style(.title, bold: true, underline: true))])
        var flagged = false
        for specialist in data.specialists.sorted(by: { $0.name < $1.name }) {
            let active = figures.activeClients(of: specialist.id)
            // Mid-week the count is still growing: only a finished week can miss (see the weekly history, w).
            let tally = figures.weekTally(of: specialist.id)
            let over = active > limit
            flagged = flagged || over
            // Figures end where their heading ends; a flag goes in the two columns after.
            let cells: [(text: String, flag: Bool)] = [
                ("\(active)/\(limit)", over),
                ("\(figures.workingClients(of: specialist.id))", false),
                ("\(figures.jobSeekers(of: specialist.id))", false),
                ("\(tally.done)/\(tally.target)", false),
            ]
            lines.append([Span(TextCells.pad(specialist.name + (specialist.isActive ? "" : " (left)"), to: Self.nameWidth))]
                + zip(cells, Self.columns).map { cell, column in
                    Span(TextCells.pad(cell.text, to: column.width - 2, right: true) + (cell.flag ? " ⚠" : "  "),
                         cell.flag ? .warning : .normal)
                })
        }
        if flagged {
            lines.append([])
            lines.append([Span("⚠ over the caseload limit", .warning)])
        }
        if data.specialists.isEmpty { lines.append([Span("No specialists in this data folder yet.", .muted)]) }
        let week = figures.weekTally(of: nil)
        lines.append([])
        lines.append([Span("This week so far: team \(week.text)", .muted), Span(" · w shows the last 12 weeks", .muted)])
        if !data.problems.isEmpty {
            lines.append([])
            lines.append([Span("⚠ \(data.problems.count) file(s) could not be read, so these figures may be incomplete.", .danger)])
        }
        TodayPage.draw(lines, into: &screen)
    }
}
