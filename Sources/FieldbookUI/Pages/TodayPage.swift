import FieldbookCore
import Foundation

/// The Today tab: what this week looks like so far, from the records.
public struct TodayPage: TabPage {
    public static let tabTitle = "Today"

    public init(in context: PageContext) {}

    public func title(in context: PageContext) -> String { Self.tabTitle }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.employerVisit] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if action == .logVisit { context.push(FormPage(EmployerContactForm(in: context), in: context)) }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        var lines: [StyledLine] = []
        let today = context.today, figures = context.figures
        let week = today.startOfWeek
        let specialists = context.userSpecialist.map { [$0] } ?? context.data.specialists.filter(\.isActive).sorted { $0.name < $1.name }

        lines.append([Span("Face-to-face employer contacts this week", .title),
                      Span(" (\(week.longDescription) to \(week.adding(days: 6).longDescription))", .muted)])
        for specialist in specialists {
            let count = figures.faceToFaceThisWeek(of: specialist.id)
            let target = figures.weeklyTarget(of: specialist.id)
            let status = count >= target ? Span("target met", .success) : Span("\(target - count) to go", .warning)
            lines.append([Span("  " + TextCells.pad(specialist.name, to: 24)), Span("\(count) of \(target)  "), status])
        }
        if specialists.isEmpty { lines.append([Span("  No specialists in this data folder yet.", .muted)]) }

        let user = context.userSpecialistID
        lines.append([])
        lines.append([Span("Job starts in the next \(Figures.jobStartDays) days", .title)])
        let starts = figures.jobStartsAhead.filter { user == nil || $0.specialistID == user }
        if starts.isEmpty { lines.append([Span("  None.", .muted)]) }
        for start in starts {
            lines.append([Span("  \(start.job.startDate.longDescription)  ", .muted), Span(start.clientName),
                          Span(" · \(start.job.title) at \(start.job.employerName)", .muted)])
        }

        lines.append([])
        lines.append([Span("Contacts with clients logged today", .title)])
        let mine = context.data.clients.filter { user == nil || $0.specialistID == user }
        let todays = mine.flatMap { client in client.contacts.filter { $0.date == today }.map { (client, $0) } }
        if todays.isEmpty { lines.append([Span("  None yet.", .muted)]) }
        for (client, contact) in todays {
            lines.append([Span("  \(contact.kind.label)  ", .muted), Span(client.name)])
        }
        Self.draw(lines, into: &screen)
    }

    /// Draws lines from the first body row, as many as fit.
    static func draw(_ lines: [StyledLine], into screen: inout Screen) {
        let bottom = Layout.bodyBottom(screen.size)
        for (offset, line) in lines.enumerated() where Layout.bodyTop + 1 + offset < bottom {
            screen.put(line, row: Layout.bodyTop + 1 + offset, column: 1)
        }
    }
}
