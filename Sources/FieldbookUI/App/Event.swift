import FieldbookCore
import Foundation

/// What happens to the app: a key, a new window size, the clock, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    /// Text pasted into the terminal, whole (bracketed paste): it goes to the focused text
    /// field as text; an Escape or a newline inside it is never a key.
    case paste(String)
    /// Ctrl-C: quits, or asks first when a form holds unsaved changes.
    case interrupt
    case resize(Size)
    /// The time now; sent about every second and before each key.
    case tick(Date)
    /// The answer to the store work asked for with this id.
    case finished(RequestID, StoreResult)
    /// How far a long piece of store work has come.
    case progress(RequestID, WorkProgress)
    /// Something the user must know that no page asked about (a save whose audit entry could
    /// not be written): shown as a warning.
    case warning(String)
    /// Files of the folder changed under the app (a sync, the app's own or one run on the
    /// command line): what they hold now, read from those files alone when it can be.
    case folderChanged(FolderUpdate)
    /// The whole folder, read after a first frame drawn from a `FirstScreen` (the answer to the
    /// request `AppState.readingFolder` names), with its figures worked out off the key loop.
    case folderRead(RequestID, DataSnapshot, Figures)
}

/// What the app asks the main loop to do: the only way anything leaves `update`.
public enum Effect: Hashable, Sendable {
    /// Work on the data folder, done off the key loop; answered by `.finished(id, _)`.
    case store(RequestID, StoreRequest)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    case quit
    /// Keep, on this machine only, that the user is this specialist in this data folder.
    case rememberSpecialist(UUID)
    /// Write the kept calendar file again from the due list as it is now (off the key loop; a
    /// failure comes back as a `.warning`).
    case keepCalendar
}

/// Work on the data folder.
public enum StoreRequest: Hashable, Sendable {
    /// Save this client (with their jobs and contacts).
    case saveClient(Client)
    /// Save this employer (its details and people).
    case saveEmployer(Employer)
    /// Save this employer contact; `employer`, when given (a new employer, or a new person
    /// met there), is saved first, and the contact only if that save succeeds.
    case saveEmployerContact(EmployerContact, employer: Employer?)
    /// Take this employer contact out of the log (the audit trail records the deletion).
    case deleteEmployerContact(EmployerContact)
    /// Save a new employer, then this client (a job there).
    case saveClientAndEmployer(Client, Employer)
    /// Save a fidelity self-review.
    case saveFidelityReview(FidelityReview)
    /// Read the data folder again.
    case reload
    /// The fields in conflict between a record and the version waiting to be merged into it;
    /// answered by `.failed(.conflict(_))` (the record is in conflict), or another failure.
    case readConflict(PendingMerge)
    /// Settle a conflict: each field takes the version picked for it; answered by
    /// `.reloaded(_)` (the record and what is left to merge, read again).
    case resolve(SaveConflict, choosing: [String: MergeChoice])
    /// Save this specialist (new, renamed, or deactivated with no active clients).
    case saveSpecialist(Specialist)
    /// Deactivate a specialist, first giving each of their active clients to `successor`
    /// (nil: not assigned), one save per client.
    case deactivateSpecialist(UUID, handingClientsTo: UUID?)
    /// Career profile work (see `ProfileRequest`).
    case careerProfile(ProfileRequest)
    /// Every report of a period, worked out from the records (reads nothing on disk); answered
    /// by `.reportBoard(_, _)`.
    case reportBoard(ReportBoardRequest)
    /// Share this copy's saves with the team's hub and take theirs (`fieldbook sync`), then read
    /// again the files it changed; answered by `.synced(_, _)`.
    case sync
}

/// What a sync from the app did, in the words the header and the message use.
public struct SyncSummary: Hashable, Sendable {
    /// The hub was reached and this copy's changes are on it.
    public var shared: Bool
    /// Files changed here and not yet on the hub.
    public var waiting: Int
    public var sent: Int
    public var received: Int
    /// Records whose same field changed both ways: to merge on the pick screen.
    public var toMerge: Int
    /// When it ran.
    public var at: Date

    public init(shared: Bool, waiting: Int, sent: Int, received: Int, toMerge: Int, at: Date) {
        self.shared = shared
        self.waiting = waiting
        self.sent = sent
        self.received = received
        self.toMerge = toMerge
        self.at = at
    }

    /// A few characters for the header: "synced 10:42", "3 not shared", "2 to merge".
    public func headerText(timeZone: TimeZone = .current) -> String {
        if !shared { return waiting == 0 ? "hub unreachable" : "\(waiting) not shared" }
        if toMerge > 0 { return "\(toMerge) to merge" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: at)
        return String(format: "synced %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The message after the sync.
    public var message: Message {
        guard shared else {
            return Message("Hub not reachable: \(waiting) change\(waiting == 1 ? "" : "s") waiting; they are kept and go with the next sync.",
                           kind: .warning)
        }
        let merge = toMerge == 0 ? "" : "; \(toMerge) record\(toMerge == 1 ? "" : "s") to merge (the hub's value shown, yours kept)"
        return Message("Synced: \(sent) file\(sent == 1 ? "" : "s") sent, \(received) received\(merge).",
                       kind: toMerge == 0 ? .success : .warning)
    }
}

/// The answer to a `StoreRequest`.
public enum StoreResult: Sendable {
    /// `merged` names the fields taken from a change made elsewhere meanwhile (empty: none).
    case saved(SavedRecord, merged: [String] = [])
    case failed(StoreError)
    case reloaded(DataSnapshot)
    /// The answer to a `.careerProfile` request.
    case careerProfile(ProfileResult)
    /// The board asked for with this key; nil when it was not worked out because a newer board
    /// was asked for meanwhile.
    case reportBoard(ReportBoardKey, ReportBoard?)
    /// The answer to `.sync`: what it did, and the files it changed as read after it.
    case synced(SyncSummary, FolderUpdate)
}

/// A record as the store wrote it (timestamps set). A new kind of record is a case here and
/// a line in `apply`.
public enum SavedRecord: Hashable, Sendable {
    case client(Client)
    case specialist(Specialist)
    /// A specialist deactivated, and the clients handed over first.
    case handover(Specialist, clients: [Client])
    case employer(Employer)
    /// A contact, and the employer saved before it (if one was).
    case employerContact(EmployerContact, employer: Employer?)
    /// The employer contact with this id was deleted.
    case deletedEmployerContact(UUID)
    case clientAndEmployer(Client, Employer)
    case fidelityReview(FidelityReview)

    /// What the figures follow of this save, read from `data` before the record is put in
    /// (the version an employer contact replaces); empty when they are built again.
    func changes(from data: DataSnapshot) -> [SavedChange] {
        func contact(_ id: UUID) -> EmployerContact? { data.employerContacts.first { $0.id == id } }
        switch self {
        case .client(let client): return [.client(client)]
        case .employer(let employer): return [.employer(employer)]
        case .employerContact(let saved, let employer):
            return (employer.map { [.employer($0)] } ?? []) + [.employerContact(saved, replacing: contact(saved.id))]
        case .deletedEmployerContact(let id): return contact(id).map { [.deletedEmployerContact($0)] } ?? []
        case .clientAndEmployer(let client, let employer): return [.employer(employer), .client(client)]
        case .specialist, .handover, .fidelityReview: return []
        }
    }

    /// Puts the record into the data the screens show.
    func apply(to data: inout DataSnapshot) {
        switch self {
        case .client(let client): data.replace(client)
        case .specialist(let specialist): data.replace(specialist)
        case .handover(let specialist, let clients):
            for client in clients { data.replace(client) }
            data.replace(specialist)
        case .employer(let employer): data.replace(employer)
        case .employerContact(let contact, let employer):
            if let employer { data.replace(employer) }
            data.replace(contact)
        case .deletedEmployerContact(let id): data.removeEmployerContact(id)
        case .clientAndEmployer(let client, let employer):
            data.replace(employer)
            data.replace(client)
        case .fidelityReview(let review):
            data.fidelityReviews.removeAll { $0.id == review.id }
            data.fidelityReviews.append(review)
        }
    }
}

/// How far a long piece of work: `done` of `total` steps, and what it is doing.
public struct WorkProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int
    public var what: String
    public init(done: Int, total: Int, what: String) {
        self.done = done
        self.total = total
        self.what = what
    }
}
