import FieldbookCore
import Foundation

extension FieldID {
    static let who: FieldID = "who", successor: FieldID = "successor", deactivate: FieldID = "deactivate"
}

/// The first start on a data folder this machine does not know the user in: who are you?
/// A new specialist (your name), or one of those already in the folder.
public struct WhoYouAreForm: FormPurpose {
    static let newSpecialist = "new"

    public init() {}

    public func title(in context: PageContext) -> String { "Who are you?" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        ("Who are you? Fieldbook remembers it on this machine", nil)
    }

    public func makeForm(in context: PageContext) -> FormState {
        let existing = context.data.specialists.filter(\.isActive)
            .sorted { NameSearch.fold($0.name) < NameSearch.fold($1.name) }
            .map { ChoiceOption($0.name, value: $0.id.uuidString) }
        let name = FormItem.field(.name, "Your name", required: true, help: "Your name goes on every record you log.",
                                  shownWhen: existing.isEmpty ? nil : .equals(.who, Self.newSpecialist))
        // A new folder has nobody to pick: only the name is asked.
        guard !existing.isEmpty else { return FormState([name]) }
        return FormState([
            .field(.who, "You are", .choice([ChoiceOption("a new specialist", value: Self.newSpecialist)] + existing),
                   help: "Pick your name with Space or ←/→ (or its first letter), or stay on \"a new specialist\" and type it below.",
                   initial: Self.newSpecialist),
            name,
        ])
    }

    /// Every record says who logged it: the form stays until the user says who they are.
    public func refusalToLeave(in context: PageContext) -> Message? {
        Message("Fieldbook needs to know who you are: every record says who logged it. "
                + "Type your name or pick yours, then Ctrl-S; Ctrl-C quits.", kind: .warning)
    }

    public func finishWithoutSaving(_ form: FormState, in context: inout PageContext) -> Bool {
        guard let chosen = form.text(.who).flatMap(UUID.init(uuidString:)), let specialist = context.data.specialist(chosen) else {
            return false
        }
        context.identify(as: chosen)
        context.message = Message("Welcome back, \(specialist.name).", kind: .success)
        return true
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard let name = form.text(.name) else { return nil }
        return .saveSpecialist(Specialist(id: context.environment.newID(), name: name, createdAt: context.now))
    }

    public func afterSave(_ record: SavedRecord, in context: inout PageContext) {
        if case .specialist(let specialist) = record { context.identify(as: specialist.id) }
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .specialist(let specialist) = record else { return (Message("Saved.", kind: .success), nil) }
        return (Message("Welcome, \(specialist.name). Your records will say you logged them.", kind: .success), nil)
    }
}

/// Add a specialist, or rename one (name, email, phone).
public struct SpecialistForm: FormPurpose {
    /// nil: a new specialist.
    public var specialist: Specialist?

    public init(specialist: Specialist?) { self.specialist = specialist }

    public func title(in context: PageContext) -> String { specialist == nil ? "New specialist" : "Edit specialist" }

    public func makeForm(in context: PageContext) -> FormState {
        FormState([
            .field(.name, "Name", required: true, initial: specialist?.name ?? ""),
            .field(.email, "Email", initial: specialist?.email ?? ""),
            .field(.phone, "Phone", initial: specialist?.phone ?? ""),
        ])
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard let name = form.text(.name) else { return nil }
        var record: Specialist
        if let specialist {
            // As the form opened on it (with that version): the store merges onto the file as it is now.
            guard context.data.specialist(specialist.id) != nil else { return nil }
            record = specialist
        } else {
            record = Specialist(id: context.environment.newID(), name: name, createdAt: context.now)
        }
        record.name = name
        record.email = form.text(.email)
        record.phone = form.text(.phone)
        return .saveSpecialist(record)
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        (Message(specialist == nil ? "New specialist saved." : "Specialist saved.", kind: .success), nil)
    }
}

/// Deactivating a specialist: who takes over their active clients, if they have any.
public struct DeactivateSpecialistForm: FormPurpose {
    public var specialistID: UUID

    public init(specialistID: UUID) { self.specialistID = specialistID }

    public func title(in context: PageContext) -> String { "Deactivate" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        let name = context.data.specialist(specialistID)?.name ?? "specialist"
        let count = context.figures.activeClients[specialistID] ?? 0
        return ("Deactivate \(name)", count == 0 ? "no active clients" : "\(count) active client\(count == 1 ? "" : "s")")
    }

    public func makeForm(in context: PageContext) -> FormState {
        var items: [FormItem] = [
            .field(.deactivate, "Deactivate", .yesNo, help: "Their records stay; they leave the lists of who can be assigned.", initial: "yes"),
        ]
        if (context.figures.activeClients[specialistID] ?? 0) > 0 {
            let others = context.data.specialists.filter { $0.isActive && $0.id != specialistID }
                .sorted { NameSearch.fold($0.name) < NameSearch.fold($1.name) }
                .map { ChoiceOption($0.name, value: $0.id.uuidString) }
            items.append(.field(.successor, "Clients go to", .choice(others + [ChoiceOption("(not assigned)", value: "")]),
                                help: "Each active client is saved with their new specialist.",
                                initial: others.first?.value ?? ""))
        }
        return FormState(items)
    }

    public func finishWithoutSaving(_ form: FormState, in context: inout PageContext) -> Bool {
        guard form.text(.deactivate) != "yes" else { return false }
        context.message = Message("Nothing changed.")
        return true
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard context.data.specialist(specialistID) != nil else { return nil }
        return .deactivateSpecialist(specialistID, handingClientsTo: form.text(.successor).flatMap(UUID.init(uuidString:)))
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .handover(let specialist, let clients) = record else { return (Message("Saved.", kind: .success), nil) }
        let moved = clients.isEmpty ? "" : "; \(clients.count) client\(clients.count == 1 ? "" : "s") handed over"
        return (Message("\(specialist.name) deactivated\(moved).", kind: .success), nil)
    }
}
