import FieldbookCore
import Foundation

extension FieldID {
    static let businessType: FieldID = "businessType", website: FieldID = "website", people: FieldID = "people"
    static let title: FieldID = "title", hires: FieldID = "hires", personID: FieldID = "personID"
    static let hiringNeeds: FieldID = "hiringNeeds"
}

/// Adds an employer to the directory or edits one: only the name is required. The people met
/// there are a repeating group; each keeps its id (contacts refer to it), a new one gets one.
/// An edit changes only the fields that were changed, on the employer as read now.
public struct EmployerForm: FormPurpose {
    /// nil: a new employer.
    public var employer: Employer?
    let newEmployerID: UUID

    public init(employer: Employer?, in context: PageContext) {
        self.employer = employer
        newEmployerID = employer?.id ?? context.environment.newID()
    }

    public func title(in context: PageContext) -> String { employer == nil ? "New employer" : "Edit employer" }

    public func makeForm(in context: PageContext) -> FormState {
        let employer = self.employer
        let people: [[FieldID: String]] = (employer?.people ?? []).map { person in
            [.personID: person.id.uuidString, .name: person.name, .title: person.title ?? "", .phone: person.phone ?? "",
             .email: person.email ?? "", .hires: person.hires ? "yes" : "no"]
        }
        return FormState([
            .section("Business"),
            .field(.name, "Name", required: true, initial: employer?.name ?? ""),
            .field(.businessType, "Type of business", initial: employer?.businessType ?? ""),
            .field(.address, "Address", initial: employer?.address ?? ""),
            .field(.phone, "Phone", initial: employer?.phone ?? ""),
            .field(.website, "Website", initial: employer?.website ?? ""),
            .section("People met"),
            .group(.people, entry: "Person", [
                FormField(.name, "Name", required: true),
                FormField(.title, "Title"),
                FormField(.phone, "Phone"),
                FormField(.email, "Email"),
                FormField(.hires, "Hires", .yesNo, initial: "no"),
                // Never shown (and last, so a new entry starts on the name): the id contacts know the person by.
                FormField(.personID, "Id", shownWhen: .equals(.personID, "never shown")),
            ], initial: people),
            .section("What they look for"),
            .field(.hiringNeeds, "Hiring needs and preferences", .multiLine, initial: employer?.hiringNeeds ?? ""),
            .field(.notes, "Notes", .multiLine, initial: employer?.notes ?? ""),
        ])
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard form.problems(today: context.today).isEmpty, let name = form.text(.name) else { return nil }
        let changed = Set(form.changedFields.map { $0.group ?? $0.field })
        var record: Employer
        if let employer {
            // As the form opened on it (with that version): the store merges onto the file as it
            // is now, so a person added there meanwhile stays when this form changes the list.
            guard context.data.employers.contains(where: { $0.id == employer.id }) else { return nil }
            record = employer
        } else {
            record = Employer(id: newEmployerID, name: name, createdAt: context.now)
        }
        func touched(_ id: FieldID) -> Bool { employer == nil || changed.contains(id) }
        if touched(.name) { record.name = name }
        if touched(.businessType) { record.businessType = form.text(.businessType) }
        if touched(.address) { record.address = form.text(.address) }
        if touched(.phone) { record.phone = form.text(.phone) }
        if touched(.website) { record.website = form.text(.website) }
        if touched(.hiringNeeds) { record.hiringNeeds = form.text(.hiringNeeds) }
        if touched(.notes) { record.notes = form.text(.notes) }
        if touched(.people) {
            record.people = (0..<form.entries(of: .people)).compactMap { entry in
                func text(_ field: FieldID) -> String? { form.text(FieldPath(field, in: .people, entry: entry)) }
                guard let name = text(.name) else { return nil }
                // A person keeps the id contacts know them by; a new one is given one.
                let id = form.input(FieldPath(.personID, in: .people, entry: entry)).flatMap { UUID(uuidString: $0.value) } ?? context.environment.newID()
                return EmployerPerson(id: id, name: name, title: text(.title), phone: text(.phone), email: text(.email),
                                      hires: text(.hires) == "yes")
            }
        }
        return .saveEmployer(record)
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .employer(let saved) = record else { return (Message("Saved.", kind: .success), nil) }
        return employer == nil
            ? (Message("New employer saved.", kind: .success), EmployerPage(employerID: saved.id))
            : (Message("Employer details saved.", kind: .success), nil)
    }
}
