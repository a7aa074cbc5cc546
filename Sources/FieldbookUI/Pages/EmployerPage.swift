import FieldbookCore
import Foundation

/// One employer: details, people, the job seekers presented there and the jobs clients hold
/// there, then the contact history newest first. A contact is selected with ↑ ↓; Enter edits
/// it, d deletes it after a question.
public struct EmployerPage: Page {
    public let employerID: UUID
    /// The selected contact, an index into the summary's contacts (newest first).
    public private(set) var selected = 0
    public private(set) var top = 0
    public private(set) var confirmingDelete: EmployerContact?
    private var deleting: RequestID?

    public init(employerID: UUID) { self.employerID = employerID }

    public func title(in context: PageContext) -> String {
        context.figures.directory.summary(of: employerID)?.employer.name ?? "Employer"
    }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        confirmingDelete != nil ? [.deleteQuestion] : [.employer, .lists]
    }

    public func prompt(in context: PageContext) -> Message? {
        guard let contact = confirmingDelete else { return nil }
        return Message("Delete the \(contact.method.label.lowercased()) contact of \(contact.date)? y deletes, any other key keeps it.", kind: .warning)
    }

    private func summary(_ context: PageContext) -> EmployerSummary? { context.figures.directory.summary(of: employerID) }

    private func selectedContact(_ context: PageContext) -> EmployerContact? {
        guard let contacts = summary(context)?.contacts, contacts.indices.contains(selected) else { return nil }
        return contacts[selected]
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let count = summary(context)?.contacts.count ?? 0
        let page = max(1, Self.visibleRows(context.size) / 3)
        switch action {
        case .moveUp: select(selected - 1, count, context)
        case .moveDown: select(selected + 1, count, context)
        case .pageUp: select(selected - page, count, context)
        case .pageDown: select(selected + page, count, context)
        case .first: select(0, count, context); top = 0
        case .last: select(count - 1, count, context)
        case .back: context.close()
        case .logVisit:
            context.push(FormPage(EmployerContactForm(employer: employerID, in: context), in: context))
        case .edit:
            if let employer = summary(context)?.employer {
                context.push(FormPage(EmployerForm(employer: employer, in: context), in: context))
            }
        case .open:
            if let contact = selectedContact(context) {
                context.push(FormPage(EmployerContactForm(editing: contact, in: context), in: context))
            } else {
                context.message = Message("No contact logged here yet. v logs a visit.")
            }
        case .delete:
            if let contact = selectedContact(context) { confirmingDelete = contact }
        case .confirm:
            if let contact = confirmingDelete {
                deleting = context.request(.deleteEmployerContact(contact))
                context.message = Message("Deleting…")
            }
            confirmingDelete = nil
        case .dismiss:
            confirmingDelete = nil
            context.message = Message("Kept.")
        default: break
        }
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard request == deleting else { return }
        deleting = nil
        switch result {
        case .saved: context.message = Message("Contact deleted.", kind: .success)
        case .failed(let error): context.message = Message("Not deleted: \(error.description)", kind: .error)
        case .reloaded, .careerProfile, .reportBoard, .synced: break
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        select(selected, summary(context)?.contacts.count ?? 0, context)
    }

    private mutating func select(_ index: Int, _ count: Int, _ context: PageContext) {
        selected = max(0, min(index, count - 1))
        // Keep the selected contact's lines on screen.
        let (lines, starts) = Self.lines(summary(context), context: context, width: context.size.columns - 2, selected: selected)
        let visible = Self.visibleRows(context.size)
        if let start = starts[safe: selected] {
            let end = (starts[safe: selected + 1] ?? lines.count) - 1
            if start < top { top = start }
            if end >= top + visible { top = max(start - 1, end - visible + 1) }
            if start < top { top = start }
        }
        top = max(0, min(top, max(0, lines.count - visible)))
    }

    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 2) }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let row = Layout.bodyTop
        guard let summary = summary(context) else {
            screen.put("This employer is no longer in the data folder.", row: row + 1, column: 2, style: .danger)
            return
        }
        let employer = summary.employer
        let visits = summary.visitsInLast90Days == 1 ? "1 visit" : "\(summary.visitsInLast90Days) visits"
        let right = "\(visits) in 90 days · last \(summary.lastVisit?.description ?? "never")"
        let rightWidth = TextCells.width(right)
        screen.put(right, row: row, column: max(1, screen.columns - rightWidth - 1), style: .muted)
        screen.put(employer.name, row: row, column: 1, width: max(1, screen.columns - rightWidth - 4), style: .title)

        let width = screen.columns - 2
        let (all, _) = Self.lines(summary, context: context, width: width, selected: selected)
        let visible = Self.visibleRows(screen.size)
        let first = max(0, min(top, max(0, all.count - visible)))
        for (offset, line) in all[first..<min(all.count, first + visible)].enumerated() {
            screen.put(line, row: row + 1 + offset, column: 1, width: width)
        }
        if all.count > visible {
            let text = " lines \(first + 1)-\(min(all.count, first + visible)) of \(all.count) "
            screen.put(text, row: Layout.bodyBottom(screen.size) - 1, column: screen.columns - TextCells.width(text), style: .muted)
        }
    }

    /// The page's lines, and where each contact's lines start.
    static func lines(_ summary: EmployerSummary?, context: PageContext, width: Int, selected: Int) -> ([StyledLine], [Int]) {
        guard let summary else { return ([], []) }
        var out: [StyledLine] = []
        var starts: [Int] = []
        let employer = summary.employer, data = context.data
        func section(_ title: String) {
            if !out.isEmpty { out.append([]) }
            let rule = String(repeating: "─", count: max(0, width - TextCells.width(title) - 4))
            out.append([Span("── ", .muted), Span(title, .title), Span(" " + rule, .muted)])
        }
        func field(_ label: String, _ value: String?, _ style: Style = .normal, indent: Int = 2) {
            let text = value.flatMap { $0.isEmpty ? nil : $0 } ?? "—"
            let labelWidth = 18
            let wrapped = PageText.wrap(text, width: max(10, width - labelWidth - indent))
            for (index, part) in wrapped.lines.enumerated() {
                let head = index == 0 ? TextCells.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append([Span(String(repeating: " ", count: indent) + head, .muted), Span(part, style)])
            }
            if let cut = wrapped.cut { out.append([Span(String(repeating: " ", count: indent + labelWidth)), Span(cut, .warning)]) }
        }
        func clientName(_ id: UUID) -> String { data.client(id)?.name ?? "a client no longer in the folder" }

        section("Details")
        field("Type of business", employer.businessType)
        field("Address", employer.address)
        field("Phone", employer.phone)
        field("Website", employer.website)
        field("Hiring needs", employer.hiringNeeds)
        field("Notes", employer.notes)
        if let step = summary.openNextStep {
            let when = step.date.map { " by \($0)" } ?? ""
            field("Open next step", step.text + when + (step.isOverdue ? " (OVERDUE)" : ""), step.isOverdue ? .warning : .normal)
        }

        section("People met")
        if employer.people.isEmpty { out.append([Span("    Nobody recorded yet.", .muted)]) }
        for person in employer.people {
            var line: StyledLine = [Span("  " + person.name)]
            if let title = person.title, !title.isEmpty { line.append(Span(", " + title, .muted)) }
            if person.hires { line.append(Span(" · hires", .success)) }
            let reach = [person.phone, person.email].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !reach.isEmpty { line.append(Span(" · " + reach, .muted)) }
            out.append(line)
        }

        section("Job seekers presented here")
        if summary.jobSeekersPresented.isEmpty { out.append([Span("    None yet.", .muted)]) }
        for presented in summary.jobSeekersPresented {
            let disclosure = data.client(presented.clientID)?.disclosure.summary
            var line: StyledLine = [Span("  " + clientName(presented.clientID)),
                                    Span(" · \(presented.contacts == 1 ? "1 contact" : "\(presented.contacts) contacts"), last \(presented.lastDate)", .muted)]
            if let disclosure { line.append(Span(" · " + disclosure, .muted)) }
            out.append(line)
        }
        if !summary.jobsHeld.isEmpty {
            section("Jobs clients hold here")
            for held in summary.jobsHeld {
                out.append([Span("  " + clientName(held.clientID)), Span(" · \(held.job.title) since \(held.job.startDate)", .muted)])
            }
        }

        section("Contacts (newest first)")
        if summary.contacts.isEmpty { out.append([Span("    No contacts logged yet. Press v to log a visit.", .muted)]) }
        for (index, contact) in summary.contacts.enumerated() {
            starts.append(out.count)
            let isSelected = index == selected
            let who = context.figures.directory.personName(of: contact)
            let specialist = data.specialist(contact.specialistID)?.name ?? "unknown specialist"
            var head: StyledLine = [Span(isSelected ? "▸ " : "  ", .title), Span("\(contact.date)  ", .muted),
                                    Span(contact.method.label, contact.isFaceToFace ? Style(.normal, bold: true) : .normal),
                                    Span(" · \(contact.purpose.label)")]
            if let who, !who.isEmpty { head.append(Span(" · met \(who)", .muted)) }
            head.append(Span(" · \(specialist)", .muted))
            out.append(isSelected ? head.map { Span($0.text, .selected) } : head)
            if !contact.jobSeekerIDs.isEmpty {
                let names = contact.jobSeekerIDs.map(clientName).joined(separator: ", ")
                field("For", names + (contact.jobSeekerPresent ? " (present)" : ""), indent: 4)
            }
            if let learned = contact.hiringNeeds, !learned.isEmpty { field("Learned", learned, indent: 4) }
            if let outcome = contact.outcome, !outcome.isEmpty { field("Outcome", outcome, indent: 4) }
            if let step = contact.nextStep, !step.isEmpty {
                let open = summary.openNextStep?.contactID == contact.id
                field(open ? "Next step (open)" : "Next step", step + (contact.nextStepDate.map { " by \($0)" } ?? ""),
                      open && summary.openNextStep?.isOverdue == true ? .warning : .normal, indent: 4)
            }
        }
        return (out, starts)
    }
}

fileprivate extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
