import FieldbookCore
import Foundation

/// The Reports tab: the supervisor's reports for a month or quarter (the same figures as
/// `fieldbook report`), bar charts of the weekly employer contacts and the quarterly
/// employment rate, and the latest fidelity self-review. Left and right change the period,
/// `p` switches months and quarters, `f` fills in a new fidelity review, `w` shows the
/// face-to-face employer contacts of the last 12 weeks.
public struct ReportsPage: TabPage {
    public static let tabTitle = "Reports"

    var period: ReportPeriod
    /// Worked out off the key loop (a `.reportBoard` request) when the data, the day or the
    /// period changes, never while drawing; while the tab is hidden the work waits until it is
    /// shown again. Until the board of the current key comes, the tab says it is building and
    /// shows the board it has when that is of the same period.
    var board: ReportBoard?
    /// The key `board` was worked out for.
    var builtFor: ReportBoardKey?
    /// The latest key asked for.
    var asked: ReportBoardKey?
    var top = 0
    /// The last lines were asked for (End): a board that arrives later opens at its end too.
    var showsEnd = false

    public init(in context: PageContext) {
        period = .quarter(containing: context.today)
    }

    /// The board this page needs now.
    func key(in context: PageContext) -> ReportBoardKey {
        ReportBoardKey(dataVersion: context.dataVersion, today: context.today, period: period)
    }

    /// True while the board of the current key is being worked out.
    func isBuilding(in context: PageContext) -> Bool { builtFor != key(in: context) }

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.reports, .lists] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.bodyBottom(context.size) - Layout.bodyTop - 1
        let count = lines(in: context).count
        switch action {
        case .previousPeriod: setPeriod(period.moved(by: -1), in: &context)
        case .nextPeriod:
            // A period that has not started has nothing to report yet.
            let next = period.moved(by: 1)
            if next.from <= context.today {
                setPeriod(next, in: &context)
            } else {
                context.message = Message("No later period yet: \(period.longDescription) is running.")
            }
        case .switchPeriodKind:
            setPeriod(period.kind == .quarter ? .month(containing: min(period.to, context.today)) : .quarter(containing: period.from), in: &context)
        case .fidelityReview: context.push(FormPage(FidelityReviewForm(), in: context))
        case .showHistory: context.push(TallyHistoryPage(in: context))
        case .moveDown: top = min(max(0, count - visible), top + 1)
        case .moveUp: top = max(0, top - 1)
        case .pageDown: top = min(max(0, count - visible), top + visible)
        case .pageUp: top = max(0, top - visible)
        case .first: top = 0
        case .last: top = max(0, count - visible)
        default: break
        }
        switch action {
        case .last: showsEnd = true
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .previousPeriod, .nextPeriod, .switchPeriodKind: showsEnd = false
        default: break
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        guard context.isShown else { return }
        let key = key(in: context)
        guard builtFor != key, asked != key else { return }
        asked = key
        context.request(.reportBoard(ReportBoardRequest(key: key, data: context.data, figures: context.figures)))
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) { refresh(in: &context) }

    /// A board for an older data version, day or period than the one shown now is dropped (and
    /// asked for again if that period is shown again).
    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard case .reportBoard(let key, let built) = result else { return }
        if key == asked { asked = nil }
        guard let built, key == self.key(in: context) else {
            refresh(in: &context)
            return
        }
        board = built
        builtFor = key
        let count = lines(in: context).count
        top = showsEnd ? max(0, count - (Layout.bodyBottom(context.size) - Layout.bodyTop - 1)) : min(top, max(0, count - 1))
    }

    private mutating func setPeriod(_ new: ReportPeriod, in context: inout PageContext) {
        period = new
        top = 0
        refresh(in: &context)
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let all = lines(in: context)
        let visible = Layout.bodyBottom(context.size) - Layout.bodyTop - 1
        var shown = Array(all.dropFirst(top).prefix(visible))
        if top + visible < all.count, !shown.isEmpty {
            shown[shown.count - 1] = [Span("↓ more (\(all.count - top - visible) lines): j or PgDn", .muted)]
        }
        TodayPage.draw(shown, into: &screen)
    }

    /// The body, line by line, from the board's figures; while the board of the period is
    /// being worked out, a line saying so, then the board at hand when it is of the same period.
    func lines(in context: PageContext) -> [StyledLine] {
        let width = context.size.columns - 2
        var out: [StyledLine] = [[Span("Reports · " + period.longDescription, .title),
                                  Span(period.to > context.today ? "  (to date)" : "", .muted)], []]
        if isBuilding(in: context) {
            out.append([Span("building reports…", .muted),
                        Span(board?.period == period ? " (showing the figures from before the last change)" : "", .muted)])
            out.append([])
        }
        if let board, board.period == period { out += boardLines(board, width: width) }
        return out.map { line in line.map { Span(TextCells.truncate($0.text, to: max(1, width)), $0.style) } }
    }

    private func boardLines(_ b: ReportBoard, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let rate = b.employmentRate
        out.append([Span("Employment rate  ", .title), Span("\(rate.worked) of \(rate.served) served worked: \(percentText(rate.worked, of: rate.served))"),
                    Span("  benchmarks 31/41/50 %", .muted)])
        let variant = b.employmentRateUnemployedAtEntry
        out.append([Span("  IPS Grow (UK), out of work at entry: \(variant.worked) of \(variant.served): \(percentText(variant.worked, of: variant.served))"),
                    Span("  benchmark 40 %", .muted)])
        for figure in rate.bySpecialist {
            out.append([Span("  " + Self.name(figure.specialist) + "  \(figure.worked)/\(figure.served)  " + percentText(figure.worked, of: figure.served))])
        }
        out.append([Span("Quarterly employment rate", .title)])
        out += bars(b.quarterlyRates, width: width)

        let contacts = b.employerContacts
        out.append([])
        out.append([Span("Face-to-face employer contacts  ", .title), Span("\(contacts.faceToFace), \(percentText(contacts.repeatVisits, of: contacts.faceToFace)) repeat visits")])
        for figure in contacts.bySpecialist {
            let below = figure.faceToFace < figure.target
            out.append([Span("  " + Self.name(figure.specialist) + "  \(figure.faceToFace)/\(figure.target)"
                             + String(format: "  %.1f a week", figure.perWeek) + "  weeks met \(figure.weeksMet)/\(figure.wholeWeeks)",
                             below ? .warning : .normal), Span(below ? " ⚠ below target" : "", .warning)])
        }
        out.append([Span("Team, week by week (against the target)", .title)])
        out += bars(b.weeklyContacts, width: width)

        out.append([])
        let caseload = b.caseload
        out.append([Span("Caseload  ", .title), Span("as of \(caseload.asOf.longDescription): \(caseload.active) active, "
                                                        + "\(percentText(caseload.working, of: caseload.active)) working, "
                                                        + "\(percentText(caseload.inEducation, of: caseload.active)) in education")])
        for figure in caseload.bySpecialist {
            let over = figure.active > figure.limit
            out.append([Span("  " + Self.name(figure.specialist) + "  \(figure.active)/\(figure.limit) active  "
                             + "\(percentText(figure.working, of: figure.active)) working  \(percentText(figure.inEducation, of: figure.active)) education",
                             over ? .warning : .normal), Span(over ? " ⚠ over limit" : "", .warning)])
        }
        out.append([])
        out.append([Span("Jobs  ", .title), Span("\(b.jobStarts.count) started, \(b.jobEndings.count) ended"
            + (b.jobEndings.byReason.isEmpty ? "" : " (" + b.jobEndings.byReason.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ")"))])
        out.append([Span("  still employed at 90 days: \(b.stillEmployed.stillEmployed) of \(b.stillEmployed.starts) (\(percentText(b.stillEmployed.stillEmployed, of: b.stillEmployed.starts)))")])
        out.append([Span("  left the caseload: \(b.leftCaseload.count)")])
        let rapid = b.rapidSearch
        out.append([Span("Rapid job search  ", .title), Span("\(rapid.entered) entered, \(rapid.withContact) with a face-to-face employer contact")])
        out.append([Span("  median " + (rapid.medianDays.map { String(format: "%.0f days", $0) } ?? "-") + " from entry, "
            + "\(rapid.withinTarget) within \(rapid.targetDays) days")])
        let follow = b.followAlong.total
        out.append([Span("Follow-along  ", .title), Span("\(follow.metOnTime) on time, \(follow.metLate) late, \(follow.open) open"),
                    Span(follow.overdue > 0 ? " (\(follow.overdue) overdue)" : "", follow.overdue > 0 ? .warning : .normal),
                    Span(", \(follow.dismissed) dismissed")])
        out.append([])
        out += fidelityLines(b)
        return out
    }

    /// A specialist's name in the column the per-specialist lines share.
    static func name(_ specialist: String) -> String { TextCells.pad(TextCells.truncate(specialist, to: 20), to: 20) }

    private func fidelityLines(_ b: ReportBoard) -> [StyledLine] {
        guard let review = b.latestReview else {
            return [[Span("Fidelity self-review  ", .title), Span("none yet; f fills one in", .muted)]]
        }
        var out: [StyledLine] = [[Span("Fidelity self-review  ", .title), Span("\(review.date): " + FidelityReviewText.standing(review))]]
        if let previous = b.previousReview {
            out.append([Span("  \(FidelityReviewText.change(review.total, previous.total)) since \(previous.date) (\(previous.total) of 125)", .muted)])
        }
        for group in FidelityScale.Group.allCases {
            let changes = FidelityScale.items.filter { $0.group == group }.compactMap { item -> String? in
                guard let previous = b.previousReview else { return nil }
                if previous.score(of: item.number) == nil, review.score(of: item.number) != nil { return "\(item.number) new" }
                let change = FidelityReviewText.change(review.score(of: item.number), previous.score(of: item.number))
                return change.isEmpty || change == "=" ? nil : "\(item.number) \(change)"
            }
            out.append([Span("  \(group.title): \(review.total(of: group))"), Span(changes.isEmpty ? "" : "  changed: " + changes.joined(separator: ", "), .muted)])
        }
        return out
    }

    /// One bar per value, scaled to the longest (or to `of` when it is the larger), with the figure after it.
    private func bars(_ values: [ReportBoard.Bar], width: Int) -> [StyledLine] {
        guard !values.isEmpty else { return [[Span("  (nothing in this period)", .muted)]] }
        let labelWidth = values.map { TextCells.width($0.label) }.max() ?? 0
        let textWidth = values.map { TextCells.width($0.text) }.max() ?? 0
        let room = max(4, min(40, width - labelWidth - textWidth - 6))
        let scale = max(1, values.map { max($0.value, $0.of) }.max() ?? 1)
        return values.map { bar in
            let length = Int((Double(bar.value) / Double(scale) * Double(room)).rounded())
            let mark = bar.of > 0 && bar.of <= scale ? Int((Double(bar.of) / Double(scale) * Double(room)).rounded()) : -1
            var cells = Array(repeating: " ", count: room)
            for index in 0..<min(length, room) { cells[index] = "█" }
            if mark > 0 && mark < room && mark >= length && values.contains(where: { $0.of != 100 }) { cells[mark] = "│" }
            return [Span("  " + TextCells.pad(bar.label, to: labelWidth) + " "), Span(cells.joined(), .success), Span(" " + bar.text)]
        }
    }
}
