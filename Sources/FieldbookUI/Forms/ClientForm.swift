import FieldbookCore
import Foundation

/// The client form: create a client or edit one's details.
public enum ClientForm {
    public static func make(for client: Client?, data: DataSnapshot, defaultSpecialist: UUID?, today: LocalDate) -> FormState {
        let specialistOptions = [FormField.Option(label: "(not assigned)", value: "")]
            + data.specialists.filter { $0.isActive || $0.id == client?.specialistID }
                .sorted { $0.name < $1.name }
                .map { FormField.Option(label: $0.name, value: $0.id.uuidString) }
        let statusOptions = ClientStatus.allCases.map { FormField.Option(label: $0.label, value: $0.rawValue) }
        let disclosureOptions = DisclosurePreference.allCases.map { FormField.Option(label: $0.label, value: $0.rawValue) }
        let yesNo = [FormField.Option(label: "No", value: "no"), FormField.Option(label: "Yes", value: "yes")]

        let specialist = client?.specialistID ?? defaultSpecialist
        let specialistIndex = specialistOptions.firstIndex { $0.value == (specialist?.uuidString ?? "") } ?? 0
        let status = client?.status ?? .engaging
        let disclosure = client?.disclosure.preference ?? .undecided

        let fields = [
            FormField(key: "name", label: "Name", kind: .text(required: true), text: client?.name ?? ""),
            FormField(key: "preferredName", label: "Preferred name", kind: .text(required: false), text: client?.preferredName ?? ""),
            FormField(key: "phone", label: "Phone", kind: .text(required: false), text: client?.phone ?? ""),
            FormField(key: "email", label: "Email", kind: .text(required: false), text: client?.email ?? ""),
            FormField(key: "address", label: "Address", kind: .text(required: false), text: client?.address ?? ""),
            FormField(key: "programEntryDate", label: "Program entry", kind: .date(required: true, lean: .past),
                      text: (client?.programEntryDate ?? today).description),
            FormField(key: "referralSource", label: "Referral source", kind: .text(required: false), text: client?.referralSource ?? ""),
            FormField(key: "referralDate", label: "Referral date", kind: .date(required: false, lean: .past),
                      text: client?.referralDate?.description ?? ""),
            FormField(key: "specialist", label: "Specialist", kind: .choice(specialistOptions), choice: specialistIndex),
            FormField(key: "status", label: "Status", kind: .choice(statusOptions),
                      choice: ClientStatus.allCases.firstIndex(of: status) ?? 0),
            FormField(key: "mentalHealthTeam", label: "Mental health team", kind: .text(required: false), text: client?.mentalHealthTeam ?? ""),
            FormField(key: "clinician", label: "Clinician", kind: .text(required: false), text: client?.clinician ?? ""),
            FormField(key: "vocationalRehabCounsellor", label: "VR counsellor", kind: .text(required: false),
                      text: client?.vocationalRehabCounsellor ?? ""),
            FormField(key: "benefits", label: "Benefits", kind: .benefits,
                      text: (client?.benefits ?? []).map(\.rawValue).joined(separator: ", ")),
            FormField(key: "benefitsPlanningDone", label: "Benefits planning done", kind: .choice(yesNo),
                      choice: client?.benefitsPlanningDone == true ? 1 : 0),
            FormField(key: "disclosure", label: "Disclosure", kind: .choice(disclosureOptions),
                      choice: DisclosurePreference.allCases.firstIndex(of: disclosure) ?? 0),
            FormField(key: "whatMayBeSaid", label: "What may be said", kind: .text(required: false),
                      text: client?.disclosure.whatMayBeSaid ?? ""),
            FormField(key: "notes", label: "Notes", kind: .text(required: false), text: client?.notes ?? ""),
        ]
        let purpose: FormState.Purpose = client.map { .editClient($0.id) } ?? .newClient
        return FormState(purpose: purpose, title: client == nil ? "New client" : "Edit client", fields: fields)
    }

    /// The client the form describes, starting from `base` (which keeps jobs and contacts), or
    /// nil when a field is invalid.
    public static func client(from form: FormState, base: Client?, today: LocalDate, now: Date) -> Client? {
        guard form.problems(today: today).isEmpty else { return nil }
        func text(_ key: String) -> String? {
            let value = form.field(key)?.text.trimmingWhitespace() ?? ""
            return value.isEmpty ? nil : value
        }
        guard let name = text("name"),
              let entry = form.field("programEntryDate")?.date(today: today),
              case .success(let benefits) = FormField.parseBenefits(form.field("benefits")?.text ?? "")
        else { return nil }
        var client = base ?? Client(name: name, programEntryDate: entry, createdAt: now)
        client.name = name
        client.preferredName = text("preferredName")
        client.phone = text("phone")
        client.email = text("email")
        client.address = text("address")
        client.programEntryDate = entry
        client.referralSource = text("referralSource")
        client.referralDate = form.field("referralDate")?.date(today: today)
        client.specialistID = form.field("specialist")?.selectedValue.flatMap(UUID.init(uuidString:))
        if let status = form.field("status")?.selectedValue.flatMap(ClientStatus.init(rawValue:)) {
            // A new client is created with its status; a change to an existing one is kept with its date.
            if base == nil { client.status = status } else { client.setStatus(status, on: today) }
        }
        client.mentalHealthTeam = text("mentalHealthTeam")
        client.clinician = text("clinician")
        client.vocationalRehabCounsellor = text("vocationalRehabCounsellor")
        client.benefits = benefits
        client.benefitsPlanningDone = form.field("benefitsPlanningDone")?.selectedValue == "yes"
        client.disclosure = Disclosure(
            preference: form.field("disclosure")?.selectedValue.flatMap(DisclosurePreference.init(rawValue:)) ?? .undecided,
            whatMayBeSaid: text("whatMayBeSaid"))
        client.notes = text("notes")
        return client
    }
}

/// The form for logging a contact with a client: date, kind, place, note.
public enum ContactForm {
    public static func make(for clientID: UUID, today: LocalDate) -> FormState {
        let kinds = ClientContactKind.allCases.map { FormField.Option(label: $0.label, value: $0.rawValue) }
        return FormState(purpose: .newContact(clientID: clientID), title: "Log a contact", fields: [
            FormField(key: "date", label: "Date", kind: .date(required: true, lean: .past), text: "today"),
            FormField(key: "kind", label: "Kind", kind: .choice(kinds)),
            FormField(key: "place", label: "Place", kind: .text(required: false)),
            FormField(key: "note", label: "Note", kind: .text(required: false)),
        ])
    }

    public static func contact(from form: FormState, specialistID: UUID?, today: LocalDate, now: Date) -> ClientContact? {
        guard form.problems(today: today).isEmpty,
              let date = form.field("date")?.date(today: today),
              let kind = form.field("kind")?.selectedValue.flatMap(ClientContactKind.init(rawValue:))
        else { return nil }
        func text(_ key: String) -> String? {
            let value = form.field(key)?.text.trimmingWhitespace() ?? ""
            return value.isEmpty ? nil : value
        }
        return ClientContact(date: date, kind: kind, place: text("place"), note: text("note"),
                             specialistID: specialistID, createdAt: now)
    }
}
