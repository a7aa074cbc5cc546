import FieldbookCore
import Foundation

/// The last 12 weeks of face-to-face employer contacts per specialist, as small bar charts
/// against the target. Each week is a bar two rows high: the lower row fills at the target,
/// the upper row at twice the target; the count is written under the bar with ✗ for a finished
/// week that missed the target, so the chart reads without colour.
public struct TallyHistoryPage: Page {
    public static let weeks = 12

    struct Chart: Hashable, Sendable {
        var name: String
        var weeklyTarget: Int
        var tallies: [ContactTally]
    }

    public private(set) var top = 0
    private(set) var charts: [Chart] = []
    private var version = -1

    public init(in context: PageContext) { rebuild(context) }

    private mutating func rebuild(_ context: PageContext) {
        let tallies = context.figures.tallies
        let current = ISOWeek(containing: context.today)
        let period = DateRange(from: current.adding(weeks: -(Self.weeks - 1)).days.from, to: current.days.to)
        // The user first, then the rest of the team by name (the tallies order it).
        var ids = tallies.team(in: period)
        if let user = context.userSpecialistID, let index = ids.firstIndex(of: user) { ids.insert(ids.remove(at: index), at: 0) }
        charts = ids.map { id in
            Chart(name: context.data.specialist(id)?.name ?? "unknown specialist", weeklyTarget: tallies.weeklyTargets[id] ?? 0,
                  tallies: tallies.history(of: id, weeks: Self.weeks))
        }
        version = context.dataVersion
    }

    public func title(in context: PageContext) -> String { "Weekly employer contacts" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.history, .lists] }

    public mutating func refresh(in context: inout PageContext) {
        if version != context.dataVersion { rebuild(context) }
        scroll(to: top, context)
    }

    static let rowsPerChart = 5
    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 3) }

    private mutating func scroll(to row: Int, _ context: PageContext) {
        let total = charts.count * Self.rowsPerChart
        top = max(0, min(row, total - Self.visibleRows(context.size)))
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if version != context.dataVersion { rebuild(context) }
        switch action {
        case .moveUp: scroll(to: top - 1, context)
        case .moveDown: scroll(to: top + 1, context)
        case .pageUp: scroll(to: top - Self.visibleRows(context.size), context)
        case .pageDown: scroll(to: top + Self.visibleRows(context.size), context)
        case .first: scroll(to: 0, context)
        case .last: scroll(to: Int.max / 2, context)
        case .back: context.close()
        default: break
        }
    }

    /// The glyph of a bar row: `eighths` of the row filled (0 to 8).
    static func block(_ eighths: Int) -> String {
        let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return blocks[max(0, min(8, eighths))]
    }

    /// A chart's lines: name and target, the upper and lower bar rows, the counts, a blank.
    static func lines(_ chart: Chart) -> [StyledLine] {
        let finished = chart.tallies.filter(\.isFinished)
        let met = finished.filter(\.isMet).count
        var head: StyledLine = [Span(chart.name, .title), Span(" · target \(chart.weeklyTarget) a week", .muted)]
        head.append(Span(" · met \(met) of \(finished.count) finished weeks", met == finished.count ? .muted : .warning))
        var upper: StyledLine = [Span(TextCells.pad("\(chart.weeklyTarget * 2)", to: 4, right: true) + " ", .muted)]
        var lower: StyledLine = [Span(TextCells.pad("\(chart.weeklyTarget)", to: 4, right: true) + " ", .muted)]
        var counts: StyledLine = [Span("     ")]
        for tally in chart.tallies {
            // The target is one full row; a target of 0 shows any contact as a full row.
            let target = max(1, tally.target)
            let eighths = tally.target == 0 ? (tally.done > 0 ? 16 : 0) : min(16, (tally.done * 8 + target / 2) / target)
            let style: Style = tally.isMissed ? .warning : tally.isMet ? .success : .normal
            lower.append(Span(String(repeating: block(min(8, eighths)), count: 3) + " ", style))
            upper.append(Span(String(repeating: block(max(0, eighths - 8)), count: 3) + " ", style))
            let mark = tally.isMissed ? "✗" : tally.isFinished ? " " : "…"
            counts.append(Span(TextCells.pad("\(tally.done)\(mark)", to: 3, right: true) + " ", tally.isMissed ? .warning : .normal))
        }
        return [head, upper, lower, counts, []]
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let row = Layout.bodyTop
        screen.put([Span("Face-to-face employer contacts, last \(Self.weeks) weeks", .title)], row: row, column: 1)
        screen.put("✗ missed · … this week so far", row: row, column: max(1, screen.columns - 31), style: .muted)
        guard let first = charts.first?.tallies else {
            screen.put("No specialists in this data folder yet.", row: row + 2, column: 2, style: .muted)
            return
        }
        let weeks = "week " + first.map { tally in
            let week = ISOWeek(containing: tally.period.from).week
            return (week < 10 ? "W0\(week)" : "W\(week)") + " "
        }.joined()
        screen.put(weeks, row: row + 1, column: 1, style: .muted)
        let all = charts.flatMap(Self.lines)
        let visible = Self.visibleRows(screen.size)
        let start = max(0, min(top, max(0, all.count - visible)))
        for (offset, line) in all[start..<min(all.count, start + visible)].enumerated() {
            screen.put(line, row: row + 2 + offset, column: 1)
        }
    }
}
