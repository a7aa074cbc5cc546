import FieldbookCore
import Foundation

extension FieldID {
    static let name: FieldID = "name", preferredName: FieldID = "preferredName", phone: FieldID = "phone"
    static let email: FieldID = "email", address: FieldID = "address", programEntryDate: FieldID = "programEntryDate"
    static let referralSource: FieldID = "referralSource", referralDate: FieldID = "referralDate"
    static let specialist: FieldID = "specialist", status: FieldID = "status", mentalHealthTeam: FieldID = "mentalHealthTeam"
    static let clinician: FieldID = "clinician", vocationalRehabCounsellor: FieldID = "vocationalRehabCounsellor"
    static let benefits: FieldID = "benefits", benefitsPlanningDone: FieldID = "benefitsPlanningDone"
    static let disclosure: FieldID = "disclosure", whatMayBeSaid: FieldID = "whatMayBeSaid", notes: FieldID = "notes"
    static let stepDownDate: FieldID = "stepDownDate", stepDownTo: FieldID = "stepDownTo"
}

/// The client form: create a client or edit one's details.
public struct ClientForm: FormPurpose {
    /// nil: a new client.
    public var client: Client?
    public var defaultSpecialist: UUID?

    public init(client: Client?, defaultSpecialist: UUID?) {
        self.client = client
        self.defaultSpecialist = defaultSpecialist
    }

    public func title(in context: PageContext) -> String { client == nil ? "New client" : "Edit client" }

    public func makeForm(in context: PageContext) -> FormState {
        let client = self.client
        let specialists = [ChoiceOption("(not assigned)", value: "")]
            + context.data.specialists.filter { $0.isActive || $0.id == client?.specialistID }
                .sorted { $0.name < $1.name }
                .map { ChoiceOption($0.name, value: $0.id.uuidString) }
        let statuses = ClientStatus.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let disclosures = DisclosurePreference.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }
        let benefits = Benefit.allCases.map { ChoiceOption($0.rawValue, value: $0.rawValue) }
        let specialist = (client == nil ? defaultSpecialist : client?.specialistID)?.uuidString ?? ""
        return FormState([
            .field(.name, "Name", required: true, initial: client?.name ?? ""),
            .field(.preferredName, "Preferred name", initial: client?.preferredName ?? ""),
            .field(.phone, "Phone", initial: client?.phone ?? ""),
            .field(.email, "Email", initial: client?.email ?? ""),
            .field(.address, "Address", initial: client?.address ?? ""),
            .field(.programEntryDate, "Program entry", .date(lean: .past), required: true,
                   initial: (client?.programEntryDate ?? context.today).description),
            .field(.referralSource, "Referral source", initial: client?.referralSource ?? ""),
            .field(.referralDate, "Referral date", .date(lean: .past), initial: client?.referralDate?.description ?? ""),
            .field(.specialist, "Specialist", .choice(specialists), initial: specialist),
            .field(.status, "Status", .choice(statuses), initial: (client?.status ?? .engaging).rawValue),
            .field(.mentalHealthTeam, "Mental health team", initial: client?.mentalHealthTeam ?? ""),
            .field(.clinician, "Clinician", initial: client?.clinician ?? ""),
            .field(.vocationalRehabCounsellor, "VR counselor", initial: client?.vocationalRehabCounsellor ?? ""),
            .field(.benefits, "Benefits", .multipleChoice(benefits),
                   initial: (client?.benefits ?? []).map(\.rawValue).joined(separator: ", ")),
            .field(.benefitsPlanningDone, "Benefits planning done", .yesNo, initial: client?.benefitsPlanningDone == true ? "yes" : "no"),
            .field(.disclosure, "Disclosure", .choice(disclosures), initial: (client?.disclosure.preference ?? .undecided).rawValue),
            .field(.whatMayBeSaid, "What may be said", initial: client?.disclosure.whatMayBeSaid ?? ""),
            .field(.notes, "Notes", initial: client?.notes ?? ""),
        ] + Self.stepDownFields(client?.followAlongStepDown))
    }

    /// A step-down of follow-along: its date, and who takes it on.
    static func stepDownFields(_ stepDown: FollowAlongStepDown?) -> [FormItem] {
        let date: FormItem = .field(
            .stepDownDate, "Follow-along passed on", .date(lean: .future),
            help: "After steady work, with the worker's agreement: from this day no follow-along falls due for you.",
            initial: stepDown?.date.description ?? "")
        let to: FormItem = .field(
            .stepDownTo, "Passed to", required: true, help: "Who takes follow-along on (the mental health team, a case manager...).",
            shownWhen: .answered(.stepDownDate), initial: stepDown?.to ?? "")
        return [date, to]
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        // Built from the client as the form opened on (which carries that version of its
        // file): the store merges it onto the file as it is now, so a field the user did not
        // change never reverts a change made elsewhere meanwhile, reload or not.
        if let client, context.data.client(client.id) == nil { return nil }
        return ClientForm.client(from: form, base: client, context: context).map(StoreRequest.saveClient)
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .client(let saved) = record else { return (Message("Saved.", kind: .success), nil) }
        return client == nil
            ? (Message("New client saved.", kind: .success), ClientPage(clientID: saved.id))
            : (Message("Client details saved.", kind: .success), nil)
    }

    /// The client the form describes, starting from `base` (which keeps jobs and contacts), or
    /// nil when a field is invalid.
    public static func client(from form: FormState, base: Client?, context: PageContext) -> Client? {
        guard form.problems(today: context.today).isEmpty,
              let name = form.text(.name),
              let entry = form.input(.programEntryDate)?.date(today: context.today)
        else { return nil }
        var client = base ?? Client(id: context.environment.newID(), name: name, programEntryDate: entry, createdAt: context.now)
        client.name = name
        client.preferredName = form.text(.preferredName)
        client.phone = form.text(.phone)
        client.email = form.text(.email)
        client.address = form.text(.address)
        client.programEntryDate = entry
        client.referralSource = form.text(.referralSource)
        client.referralDate = form.input(.referralDate)?.date(today: context.today)
        client.specialistID = form.text(.specialist).flatMap(UUID.init(uuidString:))
        if let status = form.text(.status).flatMap(ClientStatus.init(rawValue:)) {
            // A new client is created with its status; a change to an existing one is kept with its date.
            if base == nil { client.status = status } else { client.setStatus(status, on: context.today) }
        }
        client.mentalHealthTeam = form.text(.mentalHealthTeam)
        client.clinician = form.text(.clinician)
        client.vocationalRehabCounsellor = form.text(.vocationalRehabCounsellor)
        client.benefits = Benefit.allCases.filter { benefit in
            form.input(.benefits)?.value.split(separator: ",").contains { $0.trimmingWhitespace() == benefit.rawValue } == true
        }
        client.benefitsPlanningDone = form.text(.benefitsPlanningDone) == "yes"
        client.disclosure = Disclosure(
            preference: form.text(.disclosure).flatMap(DisclosurePreference.init(rawValue:)) ?? .undecided,
            whatMayBeSaid: form.text(.whatMayBeSaid))
        client.notes = form.text(.notes)
        client.followAlongStepDown = form.input(.stepDownDate)?.date(today: context.today).flatMap { date in
            form.text(.stepDownTo).map { FollowAlongStepDown(date: date, to: $0) }
        }
        return client
    }
}

extension FieldID {
    static let date: FieldID = "date", kind: FieldID = "kind", place: FieldID = "place", note: FieldID = "note"
}

/// The form for logging a contact with a client (date, kind, place, note), or editing one.
public struct ContactForm: FormPurpose {
    public var clientID: UUID
    /// nil: a new contact.
    public var contactID: UUID?

    public init(clientID: UUID, contactID: UUID? = nil) {
        self.clientID = clientID
        self.contactID = contactID
    }

    public func title(in context: PageContext) -> String { contactID == nil ? "Log a contact" : "Edit a contact" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        guard let client = context.data.client(clientID) else { return (title(in: context), nil) }
        let verb = contactID == nil ? "Log a contact with" : "Edit a contact with"
        return ("\(verb) \(client.name)", "Disclosure: \(client.disclosure.preference.label)")
    }

    public func makeForm(in context: PageContext) -> FormState {
        let contact = contactID.flatMap { id in context.data.client(clientID)?.contacts.first { $0.id == id } }
        return FormState([
            .field(.date, "Date", .date(lean: .past), required: true, initial: contact?.date.description ?? "today"),
            .field(.kind, "Kind", .choice(ClientContactKind.allCases.map { ChoiceOption($0.label, value: $0.rawValue) }),
                   required: true, initial: (contact?.kind ?? ClientContactKind.allCases[0]).rawValue),
            .field(.place, "Place", initial: contact?.place ?? ""),
            .field(.note, "Note", initial: contact?.note ?? ""),
        ])
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        // The client as read now, with its version: only the fields the user changed are set
        // on it, and the store merges it onto the file as it is now.
        guard var base = context.data.client(clientID),
              let contact = ContactForm.contact(from: form, specialistID: context.userSpecialistID ?? base.specialistID, context: context)
        else { return nil }
        if let contactID, let index = base.contacts.firstIndex(where: { $0.id == contactID }) {
            let changed = Set(form.changedFields.map(\.field))
            var edited = base.contacts[index]
            if changed.contains(.date) { edited.date = contact.date }
            if changed.contains(.kind) { edited.kind = contact.kind }
            if changed.contains(.place) { edited.place = contact.place }
            if changed.contains(.note) { edited.note = contact.note }
            base.contacts[index] = edited
        } else {
            base.contacts.append(contact)
        }
        return .saveClient(base)
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        let done = contactID == nil ? "Contact logged." : "Contact saved."
        // A kind that meets no follow-along due date is said at once, not left to be found on Today.
        guard case .client(let client) = record,
              let contact = contactID.flatMap({ id in client.contacts.first { $0.id == id } })
                  ?? client.contacts.max(by: { $0.createdAt < $1.createdAt }),
              !contact.kind.meetsDueDates(phoneAndVideoCount: context.data.settings.followAlong.phoneAndVideoCount)
        else { return (Message(done, kind: .success), nil) }
        let counted = context.data.settings.followAlong.phoneAndVideoCount ? "face-to-face, phone and video" : "face-to-face"
        return (Message("\(done) A \(contact.kind.label.lowercased()) contact meets no follow-along due date: only "
                        + "\(counted) contacts do (settings.json, followAlong.phoneAndVideoCount).", kind: .warning), nil)
    }

    public static func contact(from form: FormState, specialistID: UUID?, context: PageContext) -> ClientContact? {
        guard form.problems(today: context.today).isEmpty,
              let date = form.input(.date)?.date(today: context.today),
              let kind = form.text(.kind).flatMap(ClientContactKind.init(rawValue:))
        else { return nil }
        return ClientContact(id: context.environment.newID(), date: date, kind: kind, place: form.text(.place),
                             note: form.text(.note), specialistID: specialistID, createdAt: context.now)
    }
}
