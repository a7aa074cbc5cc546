import FieldbookCore
import Foundation

/// Today: what this week looks like so far, from the records.
enum TodayView {
    static func draw(_ state: AppState, into screen: inout Screen) {
        var lines: [StyledLine] = []
        let today = state.today
        let week = today.startOfWeek
        let specialists = state.userSpecialist.map { [$0] } ?? state.data.specialists.filter(\.isActive).sorted { $0.name < $1.name }

        lines.append([Span("Face-to-face employer contacts this week", .title),
                      Span(" (\(week.longDescription) to \(week.adding(days: 6).longDescription))", .muted)])
        for specialist in specialists {
            let count = EmployerContactTarget.faceToFaceCount(for: specialist.id, weekOf: today, in: state.data.employerContacts)
            let target = EmployerContactTarget.weeklyTarget(for: specialist.id, clients: state.data.clients, settings: state.data.settings)
            let status = count >= target ? Span("target met", .success) : Span("\(target - count) to go", .warning)
            lines.append([Span("  " + TextCells.pad(specialist.name, to: 24)), Span("\(count) of \(target)  "), status])
        }
        if specialists.isEmpty { lines.append([Span("  No specialists in this data folder yet.", .muted)]) }

        let mine = state.data.clients.filter { state.userSpecialistID == nil || $0.specialistID == state.userSpecialistID }
        lines.append([])
        lines.append([Span("Job starts in the next 14 days", .title)])
        let starts = mine.flatMap { client in client.jobs.map { (client, $0) } }
            .filter { $0.1.startDate >= today && $0.1.startDate <= today.adding(days: 14) }
            .sorted { $0.1.startDate < $1.1.startDate }
        if starts.isEmpty { lines.append([Span("  None.", .muted)]) }
        for (client, job) in starts {
            lines.append([Span("  \(job.startDate.longDescription)  ", .muted), Span(client.name), Span(" · \(job.title) at \(job.employerName)", .muted)])
        }

        lines.append([])
        lines.append([Span("Contacts with clients logged today", .title)])
        let todays = mine.flatMap { client in client.contacts.filter { $0.date == today }.map { (client, $0) } }
        if todays.isEmpty { lines.append([Span("  None yet.", .muted)]) }
        for (client, contact) in todays {
            lines.append([Span("  \(contact.kind.label)  ", .muted), Span(client.name)])
        }
        draw(lines, into: &screen)
    }

    static func draw(_ lines: [StyledLine], into screen: inout Screen) {
        let bottom = Layout.bodyBottom(screen.size)
        for (offset, line) in lines.enumerated() where Layout.bodyTop + 1 + offset < bottom {
            screen.put(line, row: Layout.bodyTop + 1 + offset, column: 1)
        }
    }
}

/// Employers: every business in the folder with its recent contacts.
enum EmployersView {
    static func draw(_ state: AppState, into screen: inout Screen) {
        let employers = state.data.employers.sorted { NameSearch.fold($0.name) < NameSearch.fold($1.name) }
        let top = Layout.bodyTop
        let since = state.today.adding(days: -90)
        var counts: [UUID: (count: Int, last: LocalDate?)] = [:]
        for contact in state.data.employerContacts {
            var entry = counts[contact.employerID] ?? (0, nil)
            if contact.date >= since { entry.count += 1 }
            entry.last = max(entry.last ?? contact.date, contact.date)
            counts[contact.employerID] = entry
        }
        var info: StyledLine = [Span("\(employers.count) employers · \(state.data.employerContacts.count) contacts in the log", .title)]
        let unreadable = state.data.problems.filter { $0.kind == .employer || $0.kind == .employerContacts }
        if !unreadable.isEmpty {
            info.append(Span(" · ⚠ \(unreadable.count) UNREADABLE file\(unreadable.count == 1 ? "" : "s"): \(unreadable[0].path)", .danger))
        }
        screen.put(info, row: top, column: 1)
        let nameWidth = max(20, screen.columns - 1 - 22 - 12 - 12 - 6)
        let widths = [nameWidth, 22, 12, 12]
        let titles = ["Employer", "Type of business", "Last 90 days", "Last contact"]
        var x = 1
        for (index, title) in titles.enumerated() {
            screen.put(TextCells.pad(title, to: widths[index], right: index == 2), row: top + 1, column: x, style: Style(.title, bold: true, underline: true))
            x += widths[index] + 2
        }
        if employers.isEmpty {
            screen.put("No employers yet.", row: top + 3, column: 2, style: .muted)
            return
        }
        let visible = Layout.listRows(screen.size)
        let first = max(0, min(state.employers.top, employers.count - 1))
        for (offset, employer) in employers[first..<min(employers.count, first + visible)].enumerated() {
            let y = top + 2 + offset
            let info = counts[employer.id]
            let cells = [employer.name, employer.businessType ?? "—", "\(info?.count ?? 0)", info?.last?.description ?? "never"]
            var x = 1
            for (index, text) in cells.enumerated() {
                screen.put(TextCells.pad(text, to: widths[index], right: index == 2), row: y, column: x)
                x += widths[index] + 2
            }
            if first + offset == state.employers.selected {
                screen.put("▸", row: y, column: 0)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
    }
}

/// Reports: each specialist's caseload and this week's employer contacts against the targets.
enum ReportsView {
    static func draw(_ state: AppState, into screen: inout Screen) {
        let data = state.data
        let limit = data.settings.caseloadLimit
        var lines: [StyledLine] = [[Span("Caseloads and employer contacts", .title), Span(" as of \(state.today.longDescription)", .muted)], []]
        let header = TextCells.pad("Specialist", to: 24) + TextCells.pad("Active", to: 10, right: true)
            + TextCells.pad("Working", to: 10, right: true) + TextCells.pad("Job search", to: 12, right: true)
            + TextCells.pad("F2F this week", to: 16, right: true)
        lines.append([Span(header, Style(.title, bold: true, underline: true))])
        var flagged = false
        for specialist in data.specialists.sorted(by: { $0.name < $1.name }) {
            let active = Caseload.activeCount(of: specialist.id, in: data.clients)
            let working = data.clients.filter { $0.specialistID == specialist.id && !$0.jobs(heldOn: state.today).isEmpty }.count
            let seekers = EmployerContactTarget.jobSeekers(of: specialist.id, in: data.clients)
            let f2f = EmployerContactTarget.faceToFaceCount(for: specialist.id, weekOf: state.today, in: data.employerContacts)
            let target = EmployerContactTarget.weeklyTarget(for: specialist.id, clients: data.clients, settings: data.settings)
            let over = active > limit, below = f2f < target
            flagged = flagged || over || below
            lines.append([
                Span(TextCells.pad(specialist.name + (specialist.isActive ? "" : " (left)"), to: 24)),
                Span(TextCells.pad("\(active)/\(limit)" + (over ? " ⚠" : "  "), to: 10, right: true), over ? .warning : .normal),
                Span(TextCells.pad("\(working)", to: 8, right: true)),
                Span(TextCells.pad("\(seekers)", to: 12, right: true)),
                Span(TextCells.pad("\(f2f)/\(target)" + (below ? " ⚠" : "  "), to: 18, right: true), below ? .warning : .normal),
            ])
        }
        if flagged {
            lines.append([])
            lines.append([Span("⚠ over the caseload limit, or below the weekly face-to-face target", .warning)])
        }
        if data.specialists.isEmpty { lines.append([Span("No specialists in this data folder yet.", .muted)]) }
        if !data.problems.isEmpty {
            lines.append([])
            lines.append([Span("⚠ \(data.problems.count) file(s) could not be read, so these figures may be incomplete.", .danger)])
        }
        TodayView.draw(lines, into: &screen)
    }
}
