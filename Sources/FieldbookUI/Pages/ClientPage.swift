import FieldbookCore
import Foundation

/// Everything about one person, in sections, scrollable.
public struct ClientPage: Page {
    public let clientID: UUID
    public private(set) var top = 0
    /// Both versions of a record to merge being read, for the merge screen.
    public private(set) var reading: RequestID?
    /// The contact waiting for a yes before it is deleted.
    public private(set) var deleting: ClientContact?
    /// Carried from one visit of the career profile to the next while this page is open.
    public private(set) var hidingSensitive = false
    private var printing: RequestID?

    public init(clientID: UUID) { self.clientID = clientID }

    public func title(in context: PageContext) -> String { context.data.client(clientID)?.name ?? "Client" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { deleting == nil ? [.client, .employerVisit, .lists] : [.deleteQuestion] }

    public func prompt(in context: PageContext) -> Message? {
        deleting.map { Message("Delete the contact of \($0.date) (\($0.kind.label))? y deletes it, any other key keeps it.", kind: .warning) }
    }

    /// The newest contact, the one `c` edits and `X` deletes.
    static func newestContact(of client: Client?) -> ClientContact? {
        client?.contacts.max { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let page = max(1, Self.visibleRows(context.size) - 1)
        switch action {
        case .moveUp: scroll(to: top - 1, context)
        case .moveDown: scroll(to: top + 1, context)
        case .pageUp: scroll(to: top - page, context)
        case .pageDown: scroll(to: top + page, context)
        case .first: scroll(to: 0, context)
        case .last: scroll(to: Int.max / 2, context)
        case .back: context.close()
        case .new: context.push(FormPage(ContactForm(clientID: clientID), in: context))
        case .merge:
            guard let pending = context.figures.toMerge[clientID] else {
                context.message = Message("This client has nothing to merge.")
                return
            }
            reading = context.request(.readConflict(pending))
            context.message = Message("Reading both versions…")
        case .logVisit: context.push(FormPage(EmployerContactForm(client: clientID, in: context), in: context))
        case .editContact, .deleteContact:
            guard let contact = Self.newestContact(of: context.data.client(clientID)) else {
                context.message = Message("No contact logged yet; n logs one.")
                return
            }
            if action == .editContact {
                context.push(FormPage(ContactForm(clientID: clientID, contactID: contact.id), in: context))
            } else {
                deleting = contact
            }
        case .confirm:
            guard let contact = deleting, var client = context.data.client(clientID) else { return }
            deleting = nil
            client.contacts.removeAll { $0.id == contact.id }
            context.request(.saveClient(client))
        case .dismiss:
            deleting = nil
            context.message = Message("Nothing deleted.")
        case .addJob: context.push(FormPage(JobForm(clientID: clientID), in: context))
        case .editJob:
            guard let latest = context.data.client(clientID)?.jobs.max(by: { $0.startDate < $1.startDate }) else {
                context.message = Message("No job to edit yet; a adds one.")
                return
            }
            context.push(FormPage(JobForm(clientID: clientID, jobID: latest.id), in: context))
        case .openProfile:
            context.push(CareerProfilePage(clientID: clientID, hidingSensitive: hidingSensitive, definition: context.profiles.definition))
        case .printProfile, .printProfileWithoutSensitive:
            guard let client = context.data.client(clientID) else { return }
            printing = context.request(.careerProfile(.export(client: client, specialists: context.data.specialists,
                                                              omitSensitive: action == .printProfileWithoutSensitive, today: context.today)))
            context.message = Message("Writing the printable copy…")
        case .edit:
            if let client = context.data.client(clientID) {
                context.push(FormPage(ClientForm(client: client, defaultSpecialist: nil), in: context))
            }
        default: break
        }
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        if request == printing {
            printing = nil
            context.message = Self.exportMessage(result)
            return
        }
        guard request == reading else {
            // The only other request this page makes: deleting a contact.
            switch result {
            case .saved: context.message = Message("Contact deleted.", kind: .success)
            case .failed(let error): context.message = Message("The contact was not deleted: \(error.description)", kind: .error)
            default: break
            }
            return
        }
        reading = nil
        switch result {
        case .failed(.conflict(let conflict)):
            context.message = nil
            context.push(MergePage(conflict: conflict, recordID: clientID))
        case .failed(let error):
            context.message = Message("Cannot merge: \(error.description)", kind: .error)
        default:
            break
        }
    }

    public mutating func refresh(in context: inout PageContext) { scroll(to: top, context) }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        if let profile = page as? CareerProfilePage { hidingSensitive = profile.hidingSensitive }
        scroll(to: top, context)
    }


    /// Where the printable copy went (named by the client's id, never the name).
    static func exportMessage(_ result: StoreResult) -> Message {
        switch result {
        case .careerProfile(.exported(let path)): Message("Printable copy in the data folder: \(path)", kind: .success)
        case .failed(let error): Message("No printable copy: \(error.description)", kind: .error)
        default: Message("No printable copy was written.", kind: .error)
        }
    }

    private mutating func scroll(to row: Int, _ context: PageContext) {
        top = max(0, min(row, maxTop(context)))
    }

    /// Rows for the sections; the last body row is kept for the scroll position.
    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop - 2) }

    func maxTop(_ context: PageContext) -> Int {
        guard let client = context.data.client(clientID) else { return 0 }
        let count = Self.lines(client, context: context, width: context.size.columns - 2).count
        return max(0, count - Self.visibleRows(context.size))
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        guard let client = context.data.client(clientID) else {
            screen.put("This client is no longer in the data folder.", row: top + 1, column: 2, style: .danger)
            return
        }
        let specialist = context.data.specialist(client.specialistID)?.name ?? "not assigned"
        let right = "\(client.status.label) · \(specialist)"
        let rightWidth = TextCells.width(right)
        screen.put(right, row: top, column: max(1, screen.columns - rightWidth - 1), style: .title)
        screen.put(client.displayName, row: top, column: 1, width: max(1, screen.columns - rightWidth - 4), style: .title)

        let width = screen.columns - 2
        let all = Self.lines(client, context: context, width: width)
        let visible = Self.visibleRows(screen.size)
        let first = max(0, min(self.top, max(0, all.count - visible)))
        for (offset, line) in all[first..<min(all.count, first + visible)].enumerated() {
            screen.put(line, row: top + 1 + offset, column: 1, width: width)
        }
        if all.count > visible {
            let text = " lines \(first + 1)-\(min(all.count, first + visible)) of \(all.count) "
            screen.put(text, row: Layout.bodyBottom(screen.size) - 1, column: screen.columns - TextCells.width(text), style: .muted)
        }
    }

    static func lines(_ client: Client, context: PageContext, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let today = context.today
        func section(_ title: String) {
            if !out.isEmpty { out.append([]) }
            let rule = String(repeating: "─", count: max(0, width - TextCells.width(title) - 4))
            out.append([Span("── ", .muted), Span(title, .title), Span(" " + rule, .muted)])
        }
        func field(_ label: String, _ value: String?, _ style: Style = .normal) {
            let text = value.flatMap { $0.isEmpty ? nil : $0 } ?? "—"
            let labelWidth = 20
            let wrapped = TextCells.wrap(text, width: max(10, width - labelWidth - 2))
            for (index, part) in wrapped.enumerated() {
                let head = index == 0 ? TextCells.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append([Span("  " + head, .muted), Span(part, style)])
            }
        }
        func paragraph(_ text: String, indent: Int = 4, style: Style = .normal) {
            for part in TextCells.wrap(text, width: max(10, width - indent)) {
                out.append([Span(String(repeating: " ", count: indent) + part, style)])
            }
        }

        if context.figures.toMerge[client.id] != nil {
            out.append([Span("  ⇄ TO MERGE", .warning), Span(": two versions of this client; m picks which values to keep.")])
        }
        if client.status == .working && client.jobs(heldOn: today).isEmpty {
            out.append([Span("  ⚠ Marked working, but no job is held today: add the job (a) or change the status (e).", .warning)])
        }
        section("Due")
        let due = context.figures.due.items(forClient: client.id)
        if due.isEmpty {
            let why = client.declinedFollowAlong ? "Nothing due (follow-along declined)." : "Nothing due."
            paragraph(why, style: .muted)
        }
        for item in due {
            let late = item.daysOverdue > 0 ? " · \(item.daysOverdue) days late" : item.status == .today ? " · today" : ""
            out.append([Span("  \(item.dueOn)  ", item.status == .overdue ? .danger : .muted), Span(item.kind.label, .title),
                        Span(late, item.status == .overdue ? .danger : .warning)])
            paragraph(item.why, indent: 14, style: .muted)
        }
        var followAlong: [String] = []
        if client.declinedFollowAlong { followAlong.append("declined follow-along") }
        if let days = client.followAlongIntervalDays { followAlong.append("asked for a contact every \(days) days") }
        if !followAlong.isEmpty { paragraph(followAlong.joined(separator: " · ").capitalizedFirst, indent: 2) }

        section("Details")
        field("Preferred name", client.preferredName)
        field("Phone", client.phone)
        field("Email", client.email)
        field("Address", client.address)
        field("Program entry", "\(client.programEntryDate) (\(Caseload.daysInProgram(client, today: today)) days ago)")
        let referral = [client.referralDate?.description, client.referralSource.map { "from \($0)" }].compactMap { $0 }.joined(separator: " ")
        field("Referral", referral)

        section("Team and benefits")
        field("Mental health team", client.mentalHealthTeam)
        field("Clinician", client.clinician)
        field("VR counsellor", client.vocationalRehabCounsellor)
        let benefits = client.benefits.isEmpty ? "none recorded" : client.benefits.map(\.rawValue).joined(separator: ", ")
        field("Benefits", benefits)
        field("Benefits planning", client.benefitsPlanningDone ? "done" : "NOT DONE yet",
              client.benefitsPlanningDone ? .normal : .warning)

        section("Disclosure preference")
        field("Preference", client.disclosure.preference.label,
              client.disclosure.preference == .doNotDisclose ? .warning : .normal)
        field("What may be said", client.disclosure.whatMayBeSaid)

        section("Jobs")
        if client.jobs.isEmpty {
            paragraph("No jobs recorded yet.", style: .muted)
        }
        for job in client.jobs.sorted(by: { $0.startDate > $1.startDate }) {
            let when: String
            if job.startDate > today {
                when = "STARTS \(job.startDate) (in \(today.days(until: job.startDate)) days)"
            } else if let end = job.endDate {
                when = "\(job.startDate) to \(end)"
            } else {
                when = "since \(job.startDate) (current)"
            }
            out.append([Span("  "), Span("\(job.title)", .title), Span(" at \(job.employerName)"), Span(" · \(when)", .muted)])
            var facts: [String] = []
            if let hours = job.hoursPerWeek { facts.append("\(hours.formatted(.number.precision(.fractionLength(0...1)))) h/week") }
            if let wage = job.hourlyWage { facts.append("\(wage.formatted(.number.precision(.fractionLength(2))))/h") }
            facts.append(job.isCompetitive ? "competitive" : "not competitive")
            if let reason = job.endReason { facts.append("ended: \(reason.label)") }
            paragraph(facts.joined(separator: " · "))
            if let note = job.endNote, !note.isEmpty { paragraph(note, style: .muted) }
        }

        section("Contacts with the client (newest first)")
        if client.contacts.isEmpty {
            paragraph("No contacts logged yet. Press n to log one.", style: .muted)
        }
        for contact in client.contacts.sorted(by: { ($0.date, $0.createdAt) > ($1.date, $1.createdAt) }) {
            let kind = contact.kind.reachedThePerson ? contact.kind.label : "\(contact.kind.label) (did not reach)"
            var line: StyledLine = [Span("  \(contact.date)  ", .muted), Span(kind, contact.kind.reachedThePerson ? .normal : .warning)]
            if let place = contact.place, !place.isEmpty { line.append(Span(" · \(place)", .muted)) }
            out.append(line)
            if let note = contact.note, !note.isEmpty { paragraph(note, indent: 14) }
        }

        section("Employer contacts on this person's behalf")
        let log = context.figures.employerLog
        if let first = log.firstEmployerContact(for: client.id) {
            let late = first.made == nil ? (first.daysLeft ?? 0) < 0 : !first.madeInTime
            paragraph(first.text, indent: 2, style: late ? .warning : (first.made == nil ? .normal : .muted))
        }
        let onBehalf = log.contacts(onBehalfOf: client.id)
        if onBehalf.isEmpty {
            paragraph("None logged yet. Press v to log a visit on this person's behalf.", style: .muted)
        }
        for contact in onBehalf {
            let employer = log.summary(of: contact.employerID)?.employer.name ?? "an employer no longer in the folder"
            var line: StyledLine = [Span("  \(contact.date)  ", .muted), Span(employer),
                                    Span(" · \(contact.method.label) · \(contact.purpose.label)", .muted)]
            if contact.jobSeekerPresent { line.append(Span(" · present", .muted)) }
            out.append(line)
            if let outcome = contact.outcome, !outcome.isEmpty { paragraph(outcome, indent: 14) }
        }

        section("Status history")
        if client.statusHistory.isEmpty {
            paragraph("\(client.status.label) since it was recorded; no change since.", style: .muted)
        }
        for change in client.statusHistory.sorted(by: { $0.date > $1.date }) {
            out.append([Span("  \(change.date)  ", .muted), Span(change.from.label, .muted), Span(" → "), Span(change.to.label)])
        }

        section("Career profile")
        let summary = context.profiles.summaries[client.id]
        if let (answered, total) = context.profiles.summaries.progress(of: client.id), answered > 0 {
            let last = summary?.lastTouched.map { " (last answered \(LocalDate(containing: $0)))" } ?? ""
            field("Progress", "\(answered) of \(total) questions answered\(last)")
        } else {
            paragraph("No career profile has been started for this client. Press c to start it.", style: .muted)
        }
        if let summary, !summary.isEmpty {
            field("Job goal", summary.jobGoal)
            field("Hours", summary.hours)
            field("Places", summary.places)
            field("Types of work", summary.workTypes.joined(separator: ", "))
            field("Disclosure", [summary.disclosure, summary.disclosureDetail].compactMap { $0 }.joined(separator: ": "))
            let employers = context.figures.employerLog.businessTypes.employers(fitting: summary)
            let names = employers.prefix(6).map(\.name).joined(separator: ", ")
            let more = employers.count > 6 ? " and \(employers.count - 6) more" : ""
            field("Employers that fit", employers.isEmpty ? "none in the directory yet" : names + more)
        }
        paragraph("c fills it in (resumes where the last meeting stopped); p writes a printable copy.", style: .muted)

        section("Notes")
        paragraph(client.notes.flatMap { $0.isEmpty ? nil : $0 } ?? "—")
        return out
    }
}

extension String {
    /// The text with its first letter capitalized.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
