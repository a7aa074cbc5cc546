import FieldbookCore
import Foundation

extension FieldID {
    static let jobTitle: FieldID = "jobTitle", start: FieldID = "start"
    static let hours: FieldID = "hours", wage: FieldID = "wage", competitive: FieldID = "competitive"
    static let end: FieldID = "end", endReason: FieldID = "endReason", endNote: FieldID = "endNote"
    static let selfEmployed: FieldID = "selfEmployed", lossLearned: FieldID = "lossLearned"
}

/// The form for a client's job: add one, edit it, or record its end with a reason. The
/// employer is picked from the directory by typing part of its name; a name the directory
/// does not know adds the employer. The follow-along schedule follows from the saved job.
public struct JobForm: FormPurpose {
    public var clientID: UUID
    /// nil: a new job.
    public var jobID: UUID?

    public init(clientID: UUID, jobID: UUID? = nil) {
        self.clientID = clientID
        self.jobID = jobID
    }

    public func title(in context: PageContext) -> String { jobID == nil ? "Add a job" : "Edit a job" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        let name = context.data.client(clientID)?.name ?? "the client"
        return (jobID == nil ? "Add a job for \(name)" : "Edit a job of \(name)", nil)
    }

    public func makeForm(in context: PageContext) -> FormState {
        let job = jobID.flatMap { id in context.data.client(clientID)?.jobs.first { $0.id == id } }
        let reasons = JobEndReason.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        func number(_ value: Double?) -> String { value.map { $0.formatted(.number.precision(.fractionLength(0...2)).grouping(.never)) } ?? "" }
        // The employer completes from the directory as in the visit form.
        let known = job.flatMap { job in job.employerID.flatMap { id in context.data.employers.first { $0.id == id } } }
        let employerHelp = "Type part of the name; Enter takes the match. A name nothing matches adds a new employer. "
            + "Self-employed: the business's name (or the person's)."
        let learnedHelp = "When you learned the job had ended, if later: the after-loss contact is due within "
            + "\(context.data.settings.followAlong.afterJobEndDays) days of it. Empty: the end date."
        let first: [FormItem] = [
            .field(.employer, "Employer", .completion(known: known.map { [EmployerContactForm.option(for: $0)] } ?? [], multiple: false),
                   required: true, help: employerHelp,
                   initial: known?.id.uuidString ?? job?.employerName ?? ""),
            .field(.jobTitle, "Job title", required: true, initial: job?.title ?? ""),
            .field(.start, "Start", .date(lean: .future), required: true, initial: job?.startDate.description ?? ""),
            .field(.hours, "Hours a week", .number(range: 0...80), initial: number(job?.hoursPerWeek)),
            .field(.wage, "Hourly wage", .number(range: 0...1000),
                   initial: job?.hourlyWage.map { number(NSDecimalNumber(decimal: $0).doubleValue) } ?? ""),
        ]
        let items: [FormItem] = first + Self.kindFields(job) + [
            .field(.end, "Ended on", .date(lean: .past), help: "Leave empty while the job lasts.",
                   initial: job?.endDate?.description ?? ""),
            .field(.endReason, "Why it ended", .choice(reasons), shownWhen: .answered(.end),
                   initial: (job?.endReason ?? .resigned).rawValue),
            .field(.endNote, "About the end", shownWhen: .answered(.end), initial: job?.endNote ?? ""),
            .field(.lossLearned, "Learned of it on", .date(lean: .past), help: learnedHelp, shownWhen: .answered(.end),
                   initial: job?.lossLearnedOn?.description ?? ""),
        ]
        return FormState(items)
    }

    /// What kind of work it is: competitive, and whether the person works for themselves.
    static func kindFields(_ job: Job?) -> [FormItem] {
        let competitive: FormItem = .field(.competitive, "Competitive", .yesNo, help: Job.competitiveHelp,
                                           initial: job?.isCompetitive == false ? "no" : "yes")
        let selfEmployed: FormItem = .field(
            .selfEmployed, "Self-employed", .yesNo,
            help: "The person works for themselves: the employer names their business and is not added to the directory.",
            initial: job?.isSelfEmployed == true ? "yes" : "no")
        return [competitive, selfEmployed]
    }

    /// The employer a typed name means: the directory's employer of that name, or its only
    /// match; nil when the name is new.
    static func employer(named text: String, in context: PageContext) -> Employer? {
        let folded = NameSearch.fold(text)
        if let exact = context.data.employers.first(where: { NameSearch.fold($0.name) == folded }) { return exact }
        let matches = context.figures.completion.employers(matching: text)
        return matches.count == 1 ? matches[0] : nil
    }

    public func suggestions(for path: FieldPath, typed: String, in form: FormState, context: PageContext) -> [ChoiceOption] {
        path.field == .employer ? EmployerContactForm.employerSuggestions(typed: typed, in: context) : []
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        let picked = form.input(.employer)?.taken.first.flatMap { UUID(uuidString: $0.value) }
            .flatMap { id in context.data.employers.first { $0.id == id } }
        guard form.problems(today: context.today).isEmpty, var client = context.data.client(clientID),
              let name = picked?.name ?? EmployerContactForm.typed(.employer, in: form), let title = form.text(.jobTitle),
              let start = form.input(.start)?.date(today: context.today)
        else { return nil }
        var newEmployer: Employer?
        let employer: Employer
        let selfEmployed = form.text(.selfEmployed) == "yes"
        if selfEmployed {
            // The person's own business: named as typed, never a directory employer.
            employer = Employer(id: context.environment.newID(), name: name, createdAt: context.now)
        } else if let picked {
            employer = picked
        } else if let known = Self.employer(named: name, in: context) {
            employer = known
        } else {
            employer = Employer(id: context.environment.newID(), name: name, createdAt: context.now)
            newEmployer = employer
        }
        let end = form.input(.end)?.date(today: context.today)
        let existing = jobID.flatMap { id in client.jobs.first { $0.id == id } }
        var job = existing ?? Job(id: context.environment.newID(), employerName: name, title: title, startDate: start)
        // A job edited keeps what the user did not change as it is now (the client as read now,
        // with its version: the store merges it onto the file as it is now), so an end
        // recorded elsewhere meanwhile is never wiped.
        let changed = Set(form.changedFields.map(\.field))
        func touched(_ field: FieldID) -> Bool { existing == nil || changed.contains(field) }
        if touched(.employer) || touched(.selfEmployed) {
            job.employerID = selfEmployed ? nil : employer.id
            job.employerName = employer.name
            job.selfEmployed = selfEmployed ? true : nil
        }
        if touched(.jobTitle) { job.title = title }
        if touched(.start) { job.startDate = start }
        if touched(.hours) { job.hoursPerWeek = form.text(.hours).flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
        if touched(.wage) { job.hourlyWage = form.text(.wage).flatMap { Decimal(string: $0.replacingOccurrences(of: ",", with: ".")) } }
        if touched(.competitive) { job.isCompetitive = form.text(.competitive) != "no" }
        // An end date set or cleared here takes its reason and note from the form with it.
        if touched(.end) { job.endDate = end }
        if job.endDate == nil {
            job.endReason = nil
            job.endNote = nil
            job.lossLearnedOn = nil
        } else {
            if touched(.end) || touched(.lossLearned) {
                let learned = form.input(.lossLearned)?.date(today: context.today)
                job.lossLearnedOn = learned.flatMap { learned in job.endDate.map { learned > $0 } == true ? learned : nil }
            }
            if touched(.end) || touched(.endReason) { job.endReason = form.text(.endReason).map(JobEndReason.init(rawValue:)) }
            if touched(.end) || touched(.endNote) { job.endNote = form.text(.endNote) }
        }
        if let index = client.jobs.firstIndex(where: { $0.id == job.id }) {
            client.jobs[index] = job
        } else {
            client.jobs.append(job)
        }
        if let newEmployer, touched(.employer), !selfEmployed { return .saveClientAndEmployer(client, newEmployer) }
        return .saveClient(client)
    }

    /// A new job is a moment to act: the job start follow-up (status, disclosure, supports at
    /// work) is offered at once; Esc leaves it.
    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard jobID == nil else { return (Message("Job saved.", kind: .success), nil) }
        let client: Client? = switch record {
        case .client(let client), .clientAndEmployer(let client, _): client
        default: nil
        }
        guard let client, let job = client.jobs.last else { return (Message("Job added.", kind: .success), nil) }
        return (Message("Job added. Now the job start: status, disclosure and supports (Esc skips).", kind: .success),
                FormPage(JobStartForm(clientID: client.id, jobID: job.id), in: context))
    }
}
