import FieldbookCore
import Foundation

extension FieldID {
    static let employer: FieldID = "employer", person: FieldID = "person", purpose: FieldID = "purpose"
    static let method: FieldID = "method", jobSeekerPresent: FieldID = "jobSeekerPresent", jobSeekers: FieldID = "jobSeekers"
    static let learned: FieldID = "learned", outcome: FieldID = "outcome", nextStep: FieldID = "nextStep"
    static let nextStepDate: FieldID = "nextStepDate"
}

/// The form for logging a visit (or a call, a message) to an employer, built for speed: the
/// focus starts on the employer, which completes from the directory, and the person met
/// completes from that employer's people; a name nothing was taken for makes a new employer
/// (saved before the contact) or a new person at the employer. Editing a logged contact uses
/// the same form, prefilled, and changes only the fields that were changed.
public struct EmployerContactForm: FormPurpose {
    /// nil: a new contact.
    public var contact: EmployerContact?
    public var employerID: UUID?
    public var clientID: UUID?
    /// Ids for what a new visit creates, fixed when the form opens so a save tried again after a
    /// failure writes the same records rather than new copies.
    let newContactID: UUID
    let newEmployerID: UUID
    let newPersonID: UUID
    /// The employer's pending next step this visit follows up (from Today's row), in words.
    public var followingUp: String?

    /// A new visit, to `employer` when known, on `client`'s behalf when opened from a client;
    /// `followingUp`: the pending next step it follows up (its purpose is then a follow-up).
    public init(employer: UUID? = nil, client: UUID? = nil, followingUp: String? = nil, in context: PageContext) {
        contact = nil
        employerID = employer
        clientID = client
        self.followingUp = followingUp
        newContactID = context.environment.newID()
        newEmployerID = context.environment.newID()
        newPersonID = context.environment.newID()
    }

    /// Edits a logged contact.
    public init(editing contact: EmployerContact, in context: PageContext) {
        self.contact = contact
        employerID = contact.employerID
        clientID = nil
        newContactID = contact.id
        newEmployerID = context.environment.newID()
        newPersonID = context.environment.newID()
    }

    public func title(in context: PageContext) -> String { contact == nil ? "Log a visit" : "Edit a contact" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        let tally = context.figures.weekTally(of: context.userSpecialistID)
        if let followingUp {
            // "follow up (after the contact on 17 Nov)" reads as it is; any other step follows "Follow up:".
            let title = followingUp.lowercased().hasPrefix("follow up")
                ? "Follow up" + followingUp.dropFirst("follow up".count) : "Follow up: " + followingUp
            return (title, tally.shortText + " this week")
        }
        return (contact == nil ? "Log an employer contact" : "Edit an employer contact", tally.shortText + " this week")
    }

    public func makeForm(in context: PageContext) -> FormState {
        let data = context.data
        let employer = (contact?.employerID ?? employerID).flatMap { id in data.employers.first { $0.id == id } }
        let specialists = data.specialists.filter { $0.isActive || $0.id == contact?.specialistID }
            .sorted { $0.name < $1.name }
            .map { ChoiceOption($0.name, value: $0.id.uuidString) }
        let specialist = contact?.specialistID ?? context.userSpecialistID
            ?? (specialists.count == 1 ? specialists.first.flatMap { UUID(uuidString: $0.value) } : nil)
        let employerOption = employer.map { [Self.option(for: $0)] } ?? []
        var personKnown: [ChoiceOption] = []
        var personInitial = contact?.contactPerson ?? ""
        if let contact, let person = employer?.person(contact.contactPersonID) {
            personKnown = [ChoiceOption(person.name, value: person.id.uuidString, detail: person.title)]
            personInitial = person.id.uuidString
        }
        let seekerIDs = contact?.jobSeekerIDs ?? (clientID.map { [$0] } ?? [])
        let seekers = seekerIDs.compactMap { data.client($0) }.map { Self.option(for: $0, in: context) }
        let purposes = EmployerContactPurpose.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let methods = EmployerContactMethod.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let purpose = contact?.purpose ?? (followingUp != nil ? .followUp : clientID == nil ? .introduceIPS : .presentJobSeeker)
        var form = FormState([
            .field(.date, "Date", .date(lean: .past), required: true, initial: contact?.date.description ?? "today"),
            .field(.specialist, "Specialist", .choice(specialists), required: true, initial: specialist?.uuidString ?? ""),
            .field(.employer, "Employer", .completion(known: employerOption, multiple: false), required: true,
                   help: "Type part of the name; Enter takes the match. A name nothing matches adds a new employer.",
                   initial: employer?.id.uuidString ?? ""),
            // A new employer is asked its type of business, so it shows among "Employers that fit".
            .field(.businessType, "Type of business", help: "A new employer: what it does (Café, Warehouse, Dental office...).",
                   shownWhen: .newName(.employer)),
            .field(.person, "Person met", .completion(known: personKnown, multiple: false),
                   help: "Someone met there before, or a new name (added to the employer's people).", initial: personInitial),
            .field(.purpose, "Purpose", .choice(purposes), required: true, initial: purpose.rawValue),
            .field(.method, "Method", .choice(methods), required: true, initial: (contact?.method ?? .faceToFace).rawValue),
            .field(.jobSeekerPresent, "Job seeker present", .yesNo, initial: contact?.jobSeekerPresent == true ? "yes" : "no"),
            .field(.jobSeekers, "On behalf of", .completion(known: seekers, multiple: true),
                   initial: seekers.map(\.value).joined(separator: ", ")),
            .field(.learned, "What was learned", .multiLine, help: "Hiring needs and preferences. Tab moves on.",
                   initial: contact?.hiringNeeds ?? ""),
            .field(.outcome, "Outcome", .multiLine, initial: contact?.outcome ?? ""),
            .field(.nextStep, "Next step", initial: contact?.nextStep ?? ""),
            .field(.nextStepDate, "Next step date", .date(lean: .future),
                   help: "When: +7d, fri, 2026-12-04... Enter saves.", initial: contact?.nextStepDate?.description ?? ""),
        ])
        // Straight to the first thing not known yet.
        form.focus = .field(FieldPath(employer == nil ? .employer : .person))
        return form
    }

    static func option(for employer: Employer) -> ChoiceOption {
        ChoiceOption(employer.name, value: employer.id.uuidString, detail: employer.businessType)
    }

    /// A job seeker with what the career profile says (goal, hours, places, disclosure).
    static func option(for client: Client, in context: PageContext) -> ChoiceOption {
        let line = context.profiles.isLoading
            ? ProfileOverview.loadingText + " · " + client.disclosure.summary
            : ProfileSummary.pickerLine(context.profiles.summaries[client.id], recordedDisclosure: client.disclosure.summary)
        return ChoiceOption(client.name, value: client.id.uuidString, detail: line)
    }

    /// `options`, and after them a new `what` of the typed name when none of them is that name
    /// (an option with an empty value keeps the text as typed).
    static func offeringNew(_ options: [ChoiceOption], typed: String, _ what: String) -> [ChoiceOption] {
        guard !typed.isEmpty, !options.contains(where: { NameSearch.fold($0.label) == NameSearch.fold(typed) }) else { return options }
        return options + [ChoiceOption("+ new \(what) “\(TerminalText.escaped(typed))”", value: "")]
    }

    /// The directory's employers matching what is typed, best first, then a new one of that name:
    /// the completion of every Employer field (the visit form's, the job form's).
    static func employerSuggestions(typed: String, in context: PageContext) -> [ChoiceOption] {
        let typed = typed.trimmingWhitespace()
        return offeringNew(context.figures.completion.employers(matching: typed, limit: 8).map(option(for:)), typed: typed, "employer")
    }

    public func suggestions(for path: FieldPath, typed: String, in form: FormState, context: PageContext) -> [ChoiceOption] {
        let completion = context.figures.completion
        let typed = typed.trimmingWhitespace()
        func withNew(_ options: [ChoiceOption], _ what: String) -> [ChoiceOption] { Self.offeringNew(options, typed: typed, what) }
        switch path.field {
        case .employer:
            return Self.employerSuggestions(typed: typed, in: context)
        case .person:
            guard let employer = form.input(.employer)?.taken.first.flatMap({ UUID(uuidString: $0.value) }) else {
                return withNew([], "person")
            }
            let people = completion.people(of: employer, matching: typed, limit: 8)
                .map { ChoiceOption($0.name, value: $0.id.uuidString, detail: $0.title) }
            return withNew(people, "person")
        case .jobSeekers:
            let taken = Set(form.input(.jobSeekers)?.taken.map(\.value) ?? [])
            return completion.jobSeekers(matching: typed, limit: 8).map { Self.option(for: $0.client, in: context) }.filter { !taken.contains($0.value) }
        default:
            return []
        }
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard form.problems(today: context.today).isEmpty else { return nil }
        let today = context.today
        let changed = Set(form.changedFields.map(\.field))
        // An edit starts from the contact as read now, so a change made elsewhere to a field
        // this form did not touch is kept.
        var record: EmployerContact
        if let contact {
            guard let current = context.data.employerContacts.first(where: { $0.id == contact.id }) else { return nil }
            record = current
        } else {
            guard let specialist = form.text(.specialist).flatMap(UUID.init(uuidString:)) else { return nil }
            record = EmployerContact(id: newContactID, date: today, specialistID: specialist, employerID: newEmployerID,
                                     purpose: .introduceIPS, method: .faceToFace, createdAt: context.now)
        }
        func touched(_ id: FieldID) -> Bool { contact == nil || changed.contains(id) }

        // The employer: one from the directory, or a new one saved first.
        var employerToSave: Employer?
        var employer: Employer?
        if let id = form.input(.employer)?.taken.first.flatMap({ UUID(uuidString: $0.value) }),
           let known = context.data.employers.first(where: { $0.id == id }) {
            employer = known
        } else if let name = Self.typed(.employer, in: form) {
            var new = context.data.employers.first { $0.id == newEmployerID }
                ?? Employer(id: newEmployerID, name: name, createdAt: context.now)
            if let type = form.text(.businessType) { new.businessType = type }
            employer = new
            employerToSave = new
        }
        guard var employer else { return nil }
        if touched(.employer) { record.employerID = employer.id }

        if touched(.person) || touched(.employer) {
            let input = form.input(.person)
            if let id = input?.taken.first.flatMap({ UUID(uuidString: $0.value) }), let person = employer.person(id) {
                record.contactPersonID = person.id
                record.contactPerson = person.name
                record.contactTitle = person.title
            } else if let name = Self.typed(.person, in: form) {
                // A new name: the person joins the employer's people (unless already there).
                let person = employer.people.first { NameSearch.fold($0.name) == NameSearch.fold(name) }
                    ?? EmployerPerson(id: newPersonID, name: name)
                if !employer.people.contains(where: { $0.id == person.id }) {
                    employer.people.append(person)
                    employerToSave = employer
                }
                record.contactPersonID = person.id
                record.contactPerson = person.name
                record.contactTitle = person.title
            } else {
                record.contactPersonID = nil
                record.contactPerson = nil
                record.contactTitle = nil
            }
        }
        if touched(.date), let date = form.input(.date)?.date(today: today) { record.date = date }
        if touched(.specialist), let id = form.text(.specialist).flatMap(UUID.init(uuidString:)) { record.specialistID = id }
        if touched(.purpose), let value = form.text(.purpose) { record.purpose = EmployerContactPurpose(rawValue: value) }
        if touched(.method), let value = form.text(.method) { record.method = EmployerContactMethod(rawValue: value) }
        if touched(.jobSeekerPresent) { record.jobSeekerPresent = form.text(.jobSeekerPresent) == "yes" }
        if touched(.jobSeekers) {
            record.jobSeekerIDs = form.input(.jobSeekers)?.taken.compactMap { UUID(uuidString: $0.value) } ?? []
        }
        if touched(.learned) { record.hiringNeeds = form.text(.learned) }
        if touched(.outcome) { record.outcome = form.text(.outcome) }
        if touched(.nextStep) { record.nextStep = form.text(.nextStep) }
        if touched(.nextStepDate) { record.nextStepDate = form.input(.nextStepDate)?.date(today: today) }
        return .saveEmployerContact(record, employer: employerToSave)
    }

    /// The name as typed in a completion field (not the id of what was taken), if any.
    static func typed(_ id: FieldID, in form: FormState) -> String? {
        guard form.text(id) != nil, let text = form.input(id)?.buffer.text.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .employerContact(let saved, let employer) = record else { return (Message("Saved.", kind: .success), nil) }
        let name = employer?.name ?? context.data.employers.first { $0.id == saved.employerID }?.name ?? "the employer"
        let what = contact == nil ? "\(saved.method.label) contact with \(name) logged." : "Contact with \(name) saved."
        let tally = context.figures.weekTally(of: context.userSpecialistID)
        return (Message("\(TerminalText.escaped(what)) \(tally.shortText) this week.", kind: .success), nil)
    }
}
