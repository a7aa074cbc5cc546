import FieldbookCore
import Foundation

/// The Today tab, the screen Fieldbook opens on: what is due, in sections (overdue, today, this
/// week, the next 30 days), for one specialist or everyone; under the title, this week's
/// face-to-face employer contacts against the target and the job starts ahead. A row opens
/// its client, logs what meets it, or is dismissed with a reason. The rows come from
/// `Figures.due` (computed once per data change) and are rebuilt only when it changes.
public struct TodayPage: TabPage {
    public static let tabTitle = "Today"
    /// Days ahead the agenda shows.
    public static let horizonDays = 30
    /// Days ahead counted as "the next 7 days" (from tomorrow: not the calendar week, which on a
    /// Saturday would hold one day).
    public static let weekDays = 7

    /// One of the agenda's sections.
    public enum Section: Int, CaseIterable, Sendable {
        case overdue, today, thisWeek, later

        public var title: String {
            switch self {
            case .overdue: "Overdue"
            case .today: "Today"
            case .thisWeek: "Next \(TodayPage.weekDays) days"
            case .later: "Later, within \(TodayPage.horizonDays) days"
            }
        }

        init(_ item: DueItem, today: LocalDate) {
            switch item.status {
            case .overdue: self = .overdue
            case .today: self = .today
            case .upcoming: self = today.days(until: item.dueOn) <= TodayPage.weekDays ? .thisWeek : .later
            }
        }
    }

    /// A line of the list: a section's title or an item.
    enum Line: Hashable, Sendable {
        case heading(Section, count: Int)
        case item(Int)
    }

    /// nil: everyone's items.
    public private(set) var specialistFilter: UUID?
    /// The items shown, in list order (sections follow from their dates).
    public private(set) var items: [DueItem] = []
    public private(set) var selected = 0
    private var top = 0
    private var lines: [Line] = []
    /// The line of each item (by index in `items`), so moving never searches the lines.
    private var lineOfItem: [Int] = []
    private var version = -1
    /// How many times the rows were built (per data or filter change, never per key).
    private(set) var builds = 0
    /// The reason being typed for dismissing the selected item, while the prompt is open.
    public private(set) var reason: TextBuffer?
    /// The item being dismissed (kept while the save is under way).
    private var dismissing: DueItem?

    /// Opened before the user said who they are: the agenda becomes theirs once they do (unless
    /// another specialist's or everyone's was chosen meanwhile with `f`).
    private var awaitsUser: Bool

    public init(in context: PageContext) {
        specialistFilter = context.userSpecialistID
        awaitsUser = context.userSpecialistID == nil
        rebuild(context)
    }

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        reason == nil ? [.today, .employerVisit, .lists] : [.reason, .textEditing]
    }

    /// The item the cursor is on.
    public var selectedItem: DueItem? { items.indices.contains(selected) ? items[selected] : nil }

    private mutating func rebuild(_ context: PageContext) {
        let last = context.today.adding(days: Self.horizonDays)
        let notActive = Set(context.data.clients.lazy.filter { !$0.status.isActive }.map(\.id))
        items = context.figures.due.items.filter { item in
            item.dueOn <= last && (specialistFilter == nil || item.specialistID == specialistFilter)
                && TodayAgenda.lists(item, clientIsActive: item.clientID.map { !notActive.contains($0) })
        }
        var lines: [Line] = []
        let sections = Dictionary(grouping: items.indices) { Section(items[$0], today: context.today) }
        for section in Section.allCases {
            guard let indices = sections[section], !indices.isEmpty else { continue }
            lines.append(.heading(section, count: indices.count))
            lines += indices.map(Line.item)
        }
        self.lines = lines
        var lineOfItem = Array(repeating: 0, count: items.count)
        for (number, line) in lines.enumerated() { if case .item(let index) = line { lineOfItem[index] = number } }
        self.lineOfItem = lineOfItem
        version = context.dataVersion
        builds += 1
        select(selected, context)
    }

    public mutating func refresh(in context: inout PageContext) {
        if awaitsUser, let user = context.userSpecialistID {
            awaitsUser = false
            specialistFilter = user
            rebuild(context)
            return
        }
        if version != context.dataVersion { rebuild(context) } else { select(selected, context) }
    }

    /// Rows for the list under the two lines of figures.
    static func listRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 2) }

    private mutating func select(_ index: Int, _ context: PageContext) {
        selected = max(0, min(index, items.count - 1))
        let visible = Self.listRows(context.size)
        guard lineOfItem.indices.contains(selected) else {
            top = 0
            return
        }
        let line = lineOfItem[selected]
        // The section's title shows with its first item.
        let wanted = line > 0 && lines[line - 1] != .item(selected - 1) ? line - 1 : line
        if wanted < top { top = wanted }
        if line >= top + visible { top = line - visible + 1 }
        top = max(0, min(top, max(0, lines.count - visible)))
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if reason != nil {
            performInPrompt(action, key: key, in: &context)
            return
        }
        let visible = Self.listRows(context.size)
        switch action {
        case .moveUp: select(selected - 1, context)
        case .moveDown: select(selected + 1, context)
        case .pageUp: select(selected - max(1, visible - 1), context)
        case .pageDown: select(selected + max(1, visible - 1), context)
        case .first: select(0, context)
        case .last: select(items.count - 1, context)
        case .open:
            guard let item = selectedItem else { return }
            if let client = item.clientID {
                context.push(ClientPage(clientID: client))
            } else {
                Self.logVisit(for: item, in: &context)
            }
        case .logDue:
            guard let item = selectedItem else { return }
            if item.kind.isClientContact, let client = item.clientID {
                context.push(FormPage(ContactForm(clientID: client), in: context))
            } else {
                Self.logVisit(for: item, in: &context)
            }
        case .logVisit:
            // A visit with no row in mind (v): the selected employer's, if the row is one.
            context.push(FormPage(EmployerContactForm(employer: selectedItem?.employerID, in: context), in: context))
        case .dismissDue:
            guard selectedItem != nil else { return }
            reason = TextBuffer()
        case .search:
            // Finding a client is the caseload's search: over there, already typing.
            context.showTab(CaseloadPage.self, then: .search)
        case .cycleSpecialistFilter:
            let ids: [UUID?] = [nil] + context.data.specialists.filter(\.isActive).sorted { $0.name < $1.name }.map(\.id)
            let index = ids.firstIndex(of: specialistFilter) ?? 0
            specialistFilter = ids[(index + 1) % ids.count]
            awaitsUser = false
            selected = 0
            top = 0
            rebuild(context)
            let name = specialistFilter.flatMap { context.data.specialist($0)?.name } ?? "everyone"
            context.message = Message("Showing the items of \(name).")
        default:
            break
        }
    }

    /// Where an employer visit is logged from a row (first employer contact, employer next
    /// step). One place, so it can open the visit form of the employer log.
    /// Opens the employer visit form for a row that an employer contact meets: a first
    /// employer contact on a client's behalf (that client on it), or an employer's next step
    /// (that employer on it).
    static func logVisit(for item: DueItem, in context: inout PageContext) {
        // An employer's next step: the visit follows it up, and says which step.
        let step = item.kind == .employerNextStep ? item.why.removingPrefix("next step: ") : nil
        context.push(FormPage(EmployerContactForm(employer: item.employerID, client: item.clientID, followingUp: step, in: context),
                              in: context))
    }

    private mutating func performInPrompt(_ action: Action, key: Key, in context: inout PageContext) {
        switch action {
        case .back:
            reason = nil
        case .save:
            let text = (reason?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                context.message = Message("Type why the item is set aside (it is kept for reports).", kind: .warning)
                return
            }
            guard let item = selectedItem, let request = Self.dismissal(of: item, reason: text, in: context) else {
                reason = nil
                context.message = Message("This item can no longer be dismissed: its record is gone.", kind: .error)
                return
            }
            dismissing = item
            reason = nil
            context.request(request)
        default:
            reason?.edit(action, key: key)
        }
    }

    /// The save that keeps a dismissal of `item`: on its client, or for an employer's next
    /// step on the employer.
    static func dismissal(of item: DueItem, reason: String, in context: PageContext) -> StoreRequest? {
        let dismissal = DueDismissal(of: item, reason: reason, on: context.today,
                                     by: context.userSpecialistID, id: context.environment.newID(), at: context.now)
        if let clientID = item.clientID {
            guard var client = context.data.client(clientID) else { return nil }
            client.dueDismissals.append(dismissal)
            return .saveClient(client)
        }
        guard let employerID = item.employerID, var employer = context.data.employers.first(where: { $0.id == employerID })
        else { return nil }
        employer.dueDismissals.append(dismissal)
        return .saveEmployer(employer)
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard let item = dismissing else { return }
        dismissing = nil
        switch result {
        case .saved:
            context.message = Message("Dismissed: \(item.kind.label.lowercased()) for \(item.clientName ?? item.employerName ?? "—").", kind: .success)
        case .failed(let error):
            context.message = Message("The dismissal was not saved: \(error). Nothing else changed.", kind: .error)
        case .reloaded, .careerProfile, .reportBoard, .synced:
            break
        }
    }

    // MARK: Drawing

    struct Columns {
        static let due = 11, late = 7
        let name: Int
        let why: Int

        init(width: Int) {
            name = min(24, max(12, (width - 40) / 2))
            // Two columns for the marker, two between columns, one spare at the right.
            why = max(8, width - 1 - (2 + name + 2 + 2 + Columns.due + 2 + Columns.late))
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        drawFigures(context, into: &screen, row: top)

        let listTop = top + 2
        let visible = Self.listRows(screen.size)
        if lines.isEmpty {
            let who = specialistFilter == nil ? "anyone" : "this specialist"
            screen.put("Nothing due for \(who) in the next \(Self.horizonDays) days. f shows another specialist's items.",
                       row: listTop + 1, column: 2, width: screen.columns - 3, style: .muted)
        }
        let columns = Columns(width: screen.columns)
        let first = max(0, min(self.top, max(0, lines.count - 1)))
        for (offset, line) in lines[first..<min(lines.count, first + visible)].enumerated() {
            let y = listTop + offset
            switch line {
            case .heading(let section, let count):
                var x = 1
                x += screen.put("\(section.title) (\(count))", row: y, column: x, style: section == .overdue ? .danger : .title)
                if section == lines.lazy.compactMap({ if case .heading(let s, _) = $0 { s } else { nil } }).first {
                    let heads = ["Due", "Late"]
                    let starts = [screen.columns - 1 - Columns.late - 2 - Columns.due, screen.columns - 1 - Columns.late]
                    for (head, start) in zip(heads, starts) where start > x + 1 {
                        screen.put(TextCells.pad(head, to: head == "Due" ? Columns.due : Columns.late, right: true),
                                   row: y, column: start, style: .muted)
                    }
                }
            case .item(let index):
                drawItem(items[index], columns: columns, row: y, context: context, into: &screen)
                if index == selected {
                    screen.put("▸", row: y, column: 0, style: .selected)
                    screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
                }
            }
        }
        if let reason {
            let y = Layout.bodyBottom(screen.size) - 1
            screen.fill(row: y, column: 0, width: screen.columns, style: .normal)
            var x = 1
            x += screen.put("Dismiss because: ", row: y, column: x, style: .title)
            TextField.draw(reason, focused: true, row: y, column: x, width: max(1, screen.columns - x - 2), box: true, into: &screen)
        }
    }

    private func drawItem(_ item: DueItem, columns: Columns, row y: Int, context: PageContext, into screen: inout Screen) {
        var x = 2
        let who = item.clientName ?? item.employerName ?? "—"
        screen.put(TextCells.pad(who, to: columns.name), row: y, column: x, width: columns.name)
        x += columns.name + 2
        screen.put(TextCells.pad(item.why.capitalizedFirst, to: columns.why), row: y, column: x, width: columns.why)
        x += columns.why + 2
        screen.put(TextCells.pad(Self.shortDate(item.dueOn, near: context.today), to: Columns.due, right: true),
                   row: y, column: x, style: .muted)
        x += Columns.due + 2
        if item.daysOverdue > 0 {
            let late = item.daysOverdue < 100 ? "\(item.daysOverdue) days" : "\(item.daysOverdue)d"
            screen.put(TextCells.pad(late, to: Columns.late, right: true), row: y, column: x, style: .danger)
        }
    }

    /// "3 Nov", or "3 Nov 2025" in another year (a two-digit year reads as a day of the month).
    static func shortDate(_ date: LocalDate, near today: LocalDate) -> String {
        let text = "\(date.day) \(LocalDate.monthName(date.month).prefix(3))"
        return date.year == today.year ? text : "\(text) \(date.year)"
    }

    /// Two lines over the list: whose agenda and how much is due, then this week's
    /// face-to-face employer contacts against the target and the job starts ahead.
    private func drawFigures(_ context: PageContext, into screen: inout Screen, row: Int) {
        let figures = context.figures
        let name = specialistFilter.flatMap { context.data.specialist($0)?.name } ?? "Everyone"
        var counts: [Section: Int] = [:]
        for line in lines { if case .heading(let section, let count) = line { counts[section] = count } }
        var spans: StyledLine = [Span(name, .title), Span(" · \(context.today.longDescription)", .muted)]
        if let overdue = counts[.overdue] { spans.append(Span(" · \(overdue) overdue", .danger)) }
        spans.append(Span(" · \(counts[.today] ?? 0) today · \(counts[.thisWeek] ?? 0) in \(Self.weekDays) days", .muted))
        let place = items.isEmpty ? "" : "\(selected + 1)/\(items.count)"
        screen.put(spans, row: row, column: 1, width: screen.columns - TextCells.width(place) - 3)
        screen.put(place, row: row, column: screen.columns - TextCells.width(place) - 1, style: .muted)

        let tally = figures.weekTally(of: specialistFilter)
        let starts = figures.jobStartsAhead.filter { specialistFilter == nil || $0.specialistID == specialistFilter }
        var second: StyledLine = [Span("Employer contacts ", .muted), Span(tally.text, tally.isMet ? .success : .warning)]
        second.append(Span(" · Job starts ahead: ", .muted))
        if let next = starts.first {
            second.append(Span("\(starts.count)"))
            second.append(Span(", next \(Self.shortDate(next.job.startDate, near: context.today)) ", .muted))
            second.append(Span(next.clientName))
        } else {
            second.append(Span("none in \(Figures.jobStartDays) days", .muted))
        }
        screen.put(second, row: row + 1, column: 1, width: screen.columns - 2)
    }

    /// Draws lines from the first body row, as many as fit (pages of plain lines use it too).
    static func draw(_ lines: [StyledLine], into screen: inout Screen) {
        let bottom = Layout.bodyBottom(screen.size)
        for (offset, line) in lines.enumerated() where Layout.bodyTop + 1 + offset < bottom {
            screen.put(line, row: Layout.bodyTop + 1 + offset, column: 1)
        }
    }
}

private extension String {
    func removingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
