import FieldbookCore
import Foundation

/// The client page's text: everything about one person in sections (what is due, details, team
/// and benefits, disclosure, jobs, contacts, employer contacts, status history, career profile,
/// notes), as lines for `ScrolledText`.
extension ClientPage {
    /// The most lines one text (a field, a note) takes on the page (`PageText`).
    static let linesPerText = PageText.linesPerText

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
            let wrapped = PageText.wrap(text, width: max(10, width - labelWidth - 2))
            for (index, part) in wrapped.lines.enumerated() {
                let head = index == 0 ? TextCells.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append([Span("  " + head, .muted), Span(part, style)])
            }
            if let cut = wrapped.cut { out.append([Span(String(repeating: " ", count: labelWidth + 2)), Span(cut, .warning)]) }
        }
        func paragraph(_ text: String, indent: Int = 4, style: Style = .normal) {
            let wrapped = PageText.wrap(text, width: max(10, width - indent))
            for part in wrapped.lines {
                out.append([Span(String(repeating: " ", count: indent) + part, style)])
            }
            if let cut = wrapped.cut { out.append([Span(String(repeating: " ", count: indent)), Span(cut, .warning)]) }
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
            let why = client.declinedFollowAlong ? "Nothing due (follow-along declined)."
                : FollowAlong.steppedDown(client, on: today) ? "Nothing due (follow-along stepped down)." : "Nothing due."
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
        if let stepDown = client.followAlongStepDown {
            followAlong.append("follow-along \(stepDown.date <= today ? "passed" : "passes") to \(stepDown.to) on \(stepDown.date)")
        }
        if !followAlong.isEmpty { paragraph(followAlong.joined(separator: " · ").capitalizedFirst, indent: 2) }

        section("Details")
        field("Preferred name", client.preferredName)
        field("Phone", client.phone)
        field("Email", client.email)
        field("Address", client.address)
        field("Program entry", "\(client.programEntryDate) (\(Caseload.daysInProgram(client, today: today)) days ago)")
        if let begin = client.recordsBegin {
            field("Records begin", "\(begin): Fieldbook's history starts then; what fell due before shows due that day")
        }
        let referral = [client.referralDate?.description, client.referralSource.map { "from \($0)" }].compactMap { $0 }.joined(separator: " ")
        field("Referral", referral)

        section("Team and benefits")
        field("Mental health team", client.mentalHealthTeam)
        field("Clinician", client.clinician)
        field("VR counselor", client.vocationalRehabCounsellor)
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
            out.append([Span("  "), Span("\(job.title)", .title), Span(" at \(job.employerText)"), Span(" · \(when)", .muted)])
            var facts: [String] = []
            if let hours = job.hoursPerWeek { facts.append("\(hours.formatted(.number.precision(.fractionLength(0...1)))) h/week") }
            if let wage = job.hourlyWage { facts.append("\(wage.formatted(.number.precision(.fractionLength(2))))/h") }
            facts.append(job.isCompetitive ? "competitive" : "not competitive")
            if let reason = job.endReason { facts.append("ended: \(reason.label)") }
            if let known = FollowAlong.lossKnown(job), let end = job.endDate, known > end { facts.append("learned of the end \(known)") }
            paragraph(facts.joined(separator: " · "))
            if let supports = job.supports, !supports.isEmpty {
                let parts = [supports.employerContact.map { "employer contact \($0)" }, supports.wanted.map { "wants: \($0)" },
                             supports.notWanted.map { "not: \($0)" }].compactMap { $0 }
                paragraph("Supports · " + parts.joined(separator: " · "))
            }
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
        let onBehalf = context.figures.jobSeekerContacts
        if let first = onBehalf.firstEmployerContact(for: client.id) {
            paragraph(first.text, indent: 2, style: first.isLate ? .warning : (first.made == nil ? .normal : .muted))
        }
        let contacts = onBehalf.contacts(onBehalfOf: client.id)
        if contacts.isEmpty {
            paragraph("None logged yet. Press v to log a visit on this person's behalf.", style: .muted)
        }
        for contact in contacts {
            let employer = context.figures.directory.summary(of: contact.employerID)?.employer.name ?? "an employer no longer in the folder"
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
        if context.profiles.isLoading {
            paragraph(ProfileOverview.loadingText, style: .muted)
        } else if let (answered, total) = context.profiles.summaries.progress(of: client.id), answered > 0 {
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
            let employers = context.figures.directory.businessTypes.employers(fitting: summary)
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

/// The client page's lines and what they were made from.
struct ClientPageText: Sendable {
    /// What the lines depend on.
    struct Made: Equatable, Sendable {
        var dataVersion: Int
        var profilesVersion: Int
        var today: LocalDate
        var width: Int

        init(_ context: PageContext) {
            dataVersion = context.dataVersion
            profilesVersion = context.profilesVersion
            today = context.today
            width = context.size.columns - 2
        }
    }

    /// nil before the lines are first made.
    var made: Made?
    var lines: [StyledLine] = []
}
