import FieldbookCore
import Foundation

extension FieldID {
    static let supportContact: FieldID = "supportContact", supportWanted: FieldID = "supportWanted"
    static let supportNotWanted: FieldID = "supportNotWanted"
}

/// The short follow-up offered once a job is added: a job start is a moment to revisit the
/// client's status, their disclosure preference, and the supports agreed for work (who at the
/// employer the specialist may deal with, what the worker wants the specialist to do and not
/// do). The status and disclosure are the client's; the supports are kept on the job.
public struct JobStartForm: FormPurpose {
    public var clientID: UUID
    public var jobID: UUID

    public init(clientID: UUID, jobID: UUID) {
        self.clientID = clientID
        self.jobID = jobID
    }

    public func title(in context: PageContext) -> String { "Job start" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        let client = context.data.client(clientID)
        let job = client?.jobs.first { $0.id == jobID }
        let what = job.map { "\($0.title) at \($0.employerText)" } ?? "a new job"
        return ("Job start of \(client?.name ?? "the client"): \(what)", "Esc skips")
    }

    /// The status a job start suggests: working once the start has come; until then the
    /// status as it is.
    static func suggestedStatus(_ client: Client, job: Job?, today: LocalDate) -> ClientStatus {
        guard let job, job.startDate <= today, client.status != .closed else { return client.status }
        return .working
    }

    public func makeForm(in context: PageContext) -> FormState {
        let client = context.data.client(clientID)
        let job = client?.jobs.first { $0.id == jobID }
        let statuses = ClientStatus.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let disclosures = DisclosurePreference.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let status = client.map { Self.suggestedStatus($0, job: job, today: context.today) } ?? .working
        return FormState([
            .field(.status, "Status", .choice(statuses), help: "Working once the job has started; the change is kept with today's date.",
                   initial: status.rawValue),
            .field(.disclosure, "Disclosure", .choice(disclosures),
                   help: "Talk it over again now: may the employer be told of the condition, and what?",
                   initial: (client?.disclosure.preference ?? .undecided).rawValue),
            .field(.whatMayBeSaid, "What may be said", initial: client?.disclosure.whatMayBeSaid ?? ""),
            .field(.supportContact, "Employer contact", help: "Who at the employer you may deal with, if anyone.",
                   initial: job?.supports?.employerContact ?? ""),
            .field(.supportWanted, "Wants you to", help: "What the worker wants you to do, at work or away from it.",
                   initial: job?.supports?.wanted ?? ""),
            .field(.supportNotWanted, "Does not want", help: "What the worker does not want you to do (visit at work, call the boss...).",
                   initial: job?.supports?.notWanted ?? ""),
        ])
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        // The client as read now, with its version: only what differs from it is set, and the
        // store merges it onto the file as it is now.
        guard form.problems(today: context.today).isEmpty, var client = context.data.client(clientID),
              let index = client.jobs.firstIndex(where: { $0.id == jobID })
        else { return nil }
        if let status = form.text(.status).map(ClientStatus.init(rawValue:)), status != client.status {
            client.setStatus(status, on: context.today)
        }
        let changed = Set(form.changedFields.map(\.field))
        if changed.contains(.disclosure), let preference = form.text(.disclosure).map(DisclosurePreference.init(rawValue:)) {
            client.disclosure.preference = preference
        }
        if changed.contains(.whatMayBeSaid) { client.disclosure.whatMayBeSaid = form.text(.whatMayBeSaid) }
        if !changed.isDisjoint(with: [.supportContact, .supportWanted, .supportNotWanted]) {
            let supports = JobSupports(employerContact: form.text(.supportContact), wanted: form.text(.supportWanted),
                                       notWanted: form.text(.supportNotWanted))
            client.jobs[index].supports = supports.isEmpty ? nil : supports
        }
        return .saveClient(client)
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        (Message("Job start recorded.", kind: .success), nil)
    }
}
