import FieldbookCore
import Foundation

/// The last change saved from this copy that can be taken back, and what it was in words.
/// Taking it back is a save like any other (`RecordUndo` puts back what the change did on the
/// record as it is now), so it merges with changes made since.
public struct UndoStep: Sendable {
    enum Change: Sendable {
        case client(before: Client, after: Client)
        case employer(before: Employer, after: Employer)
        /// A visit logged (`before` nil: taking it back deletes it) or edited.
        case employerContact(before: EmployerContact?, after: EmployerContact)
        /// A visit deleted: taking it back saves it again.
        case deletedEmployerContact(EmployerContact)
    }

    let change: Change
    /// "the status change of José Álvarez-Ruiz (Job search → Working)".
    public let what: String

    /// What cannot be taken back, said when there is nothing to undo and in help.
    public static let cannot = "New clients and employers, profile answers, fidelity reviews, team changes, merges, syncs "
        + "and what came before this run cannot be undone."

    /// The step for a save about to be put into `data`; nil when the save cannot be taken back.
    static func make(for record: SavedRecord, in data: DataSnapshot) -> UndoStep? {
        switch record {
        case .client(let after), .clientAndEmployer(let after, _):
            guard let before = data.client(after.id) else { return nil }
            return UndoStep(change: .client(before: before, after: after), what: describe(before, after, data))
        case .employer(let after):
            guard let before = data.employers.first(where: { $0.id == after.id }) else { return nil }
            let old = Set(before.dueDismissals.map(\.id))
            let what = after.dueDismissals.first { !old.contains($0.id) }.map {
                "setting aside \(after.name)'s item \"\($0.kind.label)\" (due \($0.dueOn.longDescription))"
            } ?? "the change to \(after.name)'s details"
            return UndoStep(change: .employer(before: before, after: after), what: what)
        case .employerContact(let after, _):
            let before = data.employerContacts.first { $0.id == after.id }
            let what = before == nil ? "the \(kind(of: after, in: data)) logged for \(after.date.longDescription)"
                : "the change to the \(kind(of: after, in: data)) of \(after.date.longDescription)"
            return UndoStep(change: .employerContact(before: before, after: after), what: what)
        case .deletedEmployerContact(let id):
            guard let gone = data.employerContacts.first(where: { $0.id == id }) else { return nil }
            return UndoStep(change: .deletedEmployerContact(gone), what: "the deletion of the \(kind(of: gone, in: data)) of \(gone.date.longDescription)")
        case .specialist, .handover, .fidelityReview:
            return nil
        }
    }

    /// "visit to Bean There Café" (face to face), or "contact with Bean There Café".
    private static func kind(of contact: EmployerContact, in data: DataSnapshot) -> String {
        let place = data.employers.first { $0.id == contact.employerID }?.name ?? "an employer"
        return contact.method == .faceToFace ? "visit to \(place)" : "contact with \(place)"
    }

    /// A client's change in words, the part a person would name first.
    private static func describe(_ before: Client, _ after: Client, _ data: DataSnapshot) -> String {
        let name = after.name
        if before.status != after.status {
            return "the status change of \(name) (\(before.status.label) → \(after.status.label))"
        }
        let oldContacts = Dictionary(before.contacts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newContacts = Dictionary(after.contacts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let added = after.contacts.first(where: { oldContacts[$0.id] == nil }) {
            return "the contact with \(name) logged for \(added.date.longDescription)"
        }
        if let removed = before.contacts.first(where: { newContacts[$0.id] == nil }) {
            return "the deletion of \(name)'s contact of \(removed.date.longDescription)"
        }
        if let changed = after.contacts.first(where: { contact in oldContacts[contact.id].map { $0 != contact } ?? false }) {
            return "the change to \(name)'s contact of \(changed.date.longDescription)"
        }
        let oldDismissals = Set(before.dueDismissals.map(\.id))
        if let dismissed = after.dueDismissals.first(where: { !oldDismissals.contains($0.id) }) {
            return "setting aside \(name)'s item \"\(dismissed.kind.label)\" (due \(dismissed.dueOn.longDescription))"
        }
        if before.jobs != after.jobs {
            let job = after.jobs.first { job in !before.jobs.contains(job) } ?? before.jobs.first { job in !after.jobs.contains(job) }
            return "the change to \(name)'s job" + (job.map { " at \($0.employerName)" } ?? "s")
        }
        return "the change to \(name)'s details"
    }

    /// The save that takes the change back, made on the records as they are now.
    func request(in data: DataSnapshot) throws(StoreError) -> StoreRequest {
        switch change {
        case .client(let before, let after):
            guard let current = data.client(after.id) else { throw .io(path: after.filePath, reason: "the client is no longer in the folder") }
            return .saveClient(try RecordUndo.revert(current, before: before, after: after))
        case .employer(let before, let after):
            guard let current = data.employers.first(where: { $0.id == after.id }) else {
                throw .io(path: after.filePath, reason: "the employer is no longer in the folder")
            }
            return .saveEmployer(try RecordUndo.revert(current, before: before, after: after))
        case .employerContact(nil, let after):
            return .deleteEmployerContact(data.employerContacts.first { $0.id == after.id } ?? after)
        case .employerContact(let before?, let after):
            guard let current = data.employerContacts.first(where: { $0.id == after.id }) else {
                throw .io(path: "", reason: "the visit is no longer in the log")
            }
            return .saveEmployerContact(try RecordUndo.revert(current, before: before, after: after), employer: nil)
        case .deletedEmployerContact(let gone):
            // Saved again as the record it was, as if new: its month file no longer holds it.
            var again = gone
            again.fileVersion = nil
            return .saveEmployerContact(again, employer: nil)
        }
    }
}

extension App {
    /// `u`: asks before taking the last change back, or says there is nothing to take back.
    static func askUndo(_ state: inout AppState) {
        guard let step = state.undo else {
            state.message = Message("Nothing to undo. " + UndoStep.cannot)
            return
        }
        state.isConfirmingUndo = true
        state.message = Message("Undo \(step.what)? y undoes it, any other key keeps it.", kind: .warning)
    }

    /// The answer to "undo …?": y sends the save that takes it back.
    static func answerUndo(_ key: Key, _ state: inout AppState) -> [Effect] {
        state.isConfirmingUndo = false
        guard key == .character("y") || key == .character("Y"), let step = state.undo else {
            state.message = Message("Nothing undone.")
            return []
        }
        let work: StoreRequest
        do {
            work = try step.request(in: state.data)
        } catch {
            let cause = if case .io(_, let reason) = error { reason } else { error.causeFirst }
            state.message = Message("Not undone: \(cause)", kind: .error)
            return []
        }
        let id = RequestID(state.nextRequest)
        state.nextRequest += 1
        state.undoing[id] = step.what
        state.undo = nil
        state.message = Message("Undoing \(step.what)…")
        return [.store(id, work)]
    }
}
