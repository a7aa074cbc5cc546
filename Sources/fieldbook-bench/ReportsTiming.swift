import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

/// The Reports tab: the board of every report of a period, worked out from the records alone
/// (as the tab did on the key loop before) and from the figures the app already holds (as the
/// tab's request does now, off the key loop); and the keys of the tab on the key loop.
@MainActor
enum ReportsTiming {
    static func measure(_ scale: String, data: DataSnapshot, profiles: ProfileOverview, today: LocalDate, runs: Int) {
        let figures = Figures(data: data, today: today)
        for period in [ReportPeriod.quarter(containing: today), .month(containing: today)] {
            var scratch = Timings(), fast = Timings()
            for _ in 0..<max(3, min(runs, 5)) {
                scratch.time { _ = ReportBoard(data: data, period: period, today: today) }
                fast.time { _ = ReportBoard(data: data, figures: figures, period: period) }
            }
            let what = period.kind == .quarter ? "a quarter" : "a month"
            Report.line(scale, "Reports board of \(what), from the records", target: "info", scratch, verdict: .info,
                        note: "how the tab built it on the key loop before")
            Report.line(scale, "Reports board of \(what), from the figures", target: "info", fast, verdict: .info,
                        note: "built off the key loop now")
        }

        // The key that shows the tab (after a change: nothing worked out yet), then the period
        // keys while its board is being worked out: update, view and the diff draw.
        let size = Size(rows: 30, columns: 100)
        guard let terminal = TerminalSession.headless(size: size) else { return }
        defer { terminal.stop() }
        let base = Date(timeIntervalSince1970: Double(today.dayNumber) * 86_400 + 10 * 3_600)
        var show = Timings(), periods = Timings()
        for _ in 0..<max(3, runs) {
            var state = AppState(data: data, today: today, size: size, profiles: profiles)
            let environment = Environment(now: base, today: today, newID: { UUID() })
            App.update(&state, .tick(base), environment)
            terminal.draw(App.view(state, size: size))
            func timed(_ key: Key, into timings: inout Timings) {
                timings.time {
                    App.update(&state, .tick(base), environment)
                    App.update(&state, .key(key), environment)
                    terminal.draw(App.view(state, size: size))
                }
            }
            timed(.character("4"), into: &show)
            for key in [Key.left, .left, .right, .character("p"), .character("p"), .right] { timed(key, into: &periods) }
        }
        Report.line(scale, "key showing the Reports tab", target: "p99 < 8 ms", show,
                    verdict: Report.verdict(show.p99Milliseconds < 8), note: "its board asked for, not waited for")
        Report.line(scale, "period keys while the board is worked out", target: "p99 < 8 ms", periods,
                    verdict: Report.verdict(periods.p99Milliseconds < 8))
    }
}
