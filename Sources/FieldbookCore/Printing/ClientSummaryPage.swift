import Foundation

/// One page about one client for the treatment team's meeting: status, the job held, what is
/// due next (the due list's own items), the employers contacted on the person's behalf, and
/// the career profile's key answers. Long lists and long answers are cut to keep it one page.
public enum ClientSummaryPage {
    public struct Options: Sendable {
        public var paper: Paper
        public var asOf: LocalDate
        public var printedOn: LocalDate

        public init(paper: Paper = .letter, asOf: LocalDate, printedOn: LocalDate) {
            self.paper = paper
            self.asOf = asOf
            self.printedOn = printedOn
        }
    }

    /// Questions of the shipped career profile worth a line on the summary (strengths and the
    /// supports the team plans), printed when the folder's questionnaire has them and they are
    /// answered; the preferences come from the profile summary's roles.
    static let keyQuestions = ["good-at", "praised-for", "team-strengths", "supports-needed", "who-supports"]
    /// At most this many employers, due items and earlier jobs are listed; the rest are counted.
    static let listedEmployers = 8, listedDueItems = 3, listedEarlierJobs = 3
    /// An answer longer than this is cut (with "…") on the summary.
    static let answerCharacters = 240

    public static func render(
        _ client: Client, in snapshot: DataSnapshot, profile: CareerProfile?, definition: QuestionnaireDefinition?,
        options: Options
    ) -> String {
        let asOf = options.asOf
        var page = HTMLPage(title: "Client summary: \(client.name)", paper: options.paper)
        page.element("h1", "Client summary: \(client.displayName)")
        page.element("p", PrintedLine.text(printedOn: options.printedOn, asOf: asOf), class: "meta")

        var facts = ["Status: " + client.status(on: asOf).label]
        if let specialist = snapshot.specialist(client.specialistID) { facts.append("Specialist: " + specialist.name) }
        facts.append("In the program since \(client.programEntryDate) (\(Caseload.daysInProgram(client, today: asOf)) days)")
        page.element("p", facts.joined(separator: " · "))
        let team = [client.mentalHealthTeam.map { "Team: " + $0 }, client.clinician.map { "Clinician: " + $0 },
                    client.vocationalRehabCounsellor.map { "VR counselor: " + $0 }].compactMap { $0 }
        if !team.isEmpty { page.element("p", team.joined(separator: " · ")) }
        page.labelled("Disclosure", client.disclosure.summary)

        page.element("h2", "Work")
        let held = client.jobs(heldOn: asOf).sorted { $0.startDate > $1.startDate }
        if held.isEmpty {
            page.element("p", "No job held on \(asOf).", class: "none")
        } else {
            let rows = held.map { job in
                [job.employerText, job.title, job.startDate.description, job.hoursPerWeek.map(hoursText) ?? "—"]
            }
            page.table(header: ["Employer", "Job", "Started", "Hours a week"], rows: rows, unbroken: [2])
        }
        let earlier = client.jobs.filter { $0.startDate <= asOf && !$0.isHeld(on: asOf) }.sorted { $0.startDate > $1.startDate }
        if !earlier.isEmpty {
            var lines = earlier.prefix(listedEarlierJobs).map { job in
                "\(job.title) at \(job.employerText), \(job.startDate) to \(job.endDate?.description ?? "?")"
                    + (job.endReason.map { " (\($0.label.lowercased()))" } ?? "")
            }
            if earlier.count > listedEarlierJobs { lines.append("and \(earlier.count - listedEarlierJobs) more") }
            page.labelled("Earlier jobs", lines.joined(separator: "; "))
        }

        page.element("h2", "Next due")
        let due = DueList(snapshot: snapshot, asOf: asOf).items(forClient: client.id)
        if due.isEmpty {
            page.element("p", "Nothing due.", class: "none")
        } else {
            var rows = due.prefix(listedDueItems).map { item in
                [item.dueOn.description, statusText(item, asOf: asOf), item.kind.label, item.why]
            }
            if due.count > listedDueItems { rows.append(["", "", "and \(due.count - listedDueItems) more", ""]) }
            page.table(header: ["Due", "When", "What", "Why"], rows: rows, unbroken: [0])
        }
        if let last = client.contacts.filter({ $0.kind.reachedThePerson && $0.date <= asOf }).max(by: { $0.date < $1.date }) {
            page.labelled("Last contact", "\(last.date), \(last.kind.label.lowercased())")
        }

        page.element("h2", "Employers contacted on the person's behalf")
        let contacts = JobSeekerContacts(snapshot, today: asOf).contacts(onBehalfOf: client.id).filter { $0.date <= asOf }
        if contacts.isEmpty {
            page.element("p", "None yet.", class: "none")
        } else {
            let names = Dictionary(snapshot.employers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            // Newest first: each employer's first contact in the list is its latest.
            var order: [UUID] = []
            var byEmployer: [UUID: [EmployerContact]] = [:]
            for contact in contacts {
                if byEmployer[contact.employerID] == nil { order.append(contact.employerID) }
                byEmployer[contact.employerID, default: []].append(contact)
            }
            var rows = order.prefix(listedEmployers).map { id -> [String] in
                let visits = byEmployer[id] ?? []
                let latest = visits[0]
                let faceToFace = visits.filter(\.isFaceToFace).count
                return [names[id] ?? "(employer not in the directory)", "\(visits.count) (\(faceToFace) face to face)",
                        latest.date.description, clipped(latest.outcome ?? latest.nextStep ?? "")]
            }
            if order.count > listedEmployers { rows.append(["and \(order.count - listedEmployers) more employers", "", "", ""]) }
            page.table(header: ["Employer", "Contacts", "Latest", "Outcome"], rows: rows, unbroken: [2])
        }

        page.element("h2", "From the career profile")
        let lines = profileLines(profile, definition: definition, asOf: asOf)
        if lines.isEmpty {
            page.element("p", "No answers yet.", class: "none")
        } else {
            for (label, value) in lines { page.labelled(label, clipped(value), class: "clip") }
        }
        return page.document
    }

    /// The preferences (through the summary roles), strengths and supports, as label and answer.
    static func profileLines(_ profile: CareerProfile?, definition: QuestionnaireDefinition?, asOf: LocalDate) -> [(String, String)] {
        guard let profile, let definition else { return [] }
        let moment = asOf.lastMoment()
        let summary = ProfileSummary(profile, definition: definition, asOf: moment)
        var lines: [(String, String)] = []
        if let goal = summary.jobGoal { lines.append(("Job goal", goal)) }
        if !summary.workTypes.isEmpty { lines.append(("Types of work", summary.workTypes.joined(separator: "; "))) }
        if let hours = summary.hours { lines.append(("Hours", hours)) }
        if let places = summary.places { lines.append(("Places", places)) }
        let answers = profile.answers(asOf: moment)
        for id in keyQuestions {
            guard let question = definition.question(id), !definition.isSensitive(id), definition.isShown(question, given: answers),
                  let entry = answers[id], let text = ProfileText.plain(entry.value, of: question)
            else { continue }
            lines.append((question.prompt, text))
        }
        return lines
    }

    static func statusText(_ item: DueItem, asOf: LocalDate) -> String {
        switch item.status {
        case .overdue: "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
        case .today: "today"
        case .upcoming: "in \(asOf.days(until: item.dueOn)) day\(asOf.days(until: item.dueOn) == 1 ? "" : "s")"
        }
    }

    static func hoursText(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }

    /// `text` on one short run: line breaks as spaces, cut at `answerCharacters` with "…".
    static func clipped(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > answerCharacters else { return flat }
        return String(flat.prefix(answerCharacters - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
