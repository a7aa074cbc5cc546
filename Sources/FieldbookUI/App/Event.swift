import FieldbookCore
import Foundation

/// What happens to the app: a key, a new window size, the clock, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    case resize(Size)
    /// The time now; sent about every second and before each key.
    case tick(Date)
    /// The answer to the store work asked for with this id.
    case finished(RequestID, StoreResult)
    /// How far a long piece of store work has come.
    case progress(RequestID, WorkProgress)
}

/// What the app asks the main loop to do: the only way anything leaves `update`.
public enum Effect: Hashable, Sendable {
    /// Work on the data folder, done off the key loop; answered by `.finished(id, _)`.
    case store(RequestID, StoreRequest)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    case quit
}

/// Work on the data folder.
public enum StoreRequest: Hashable, Sendable {
    /// Save this client (with their jobs and contacts).
    case saveClient(Client)
    /// Save a fidelity self-review.
    case saveFidelityReview(FidelityReview)
    /// Read the data folder again.
    case reload
}

/// The answer to a `StoreRequest`.
public enum StoreResult: Sendable {
    /// `merged` names the fields taken from a change made elsewhere meanwhile (empty: none).
    case saved(SavedRecord, merged: [String] = [])
    case failed(StoreError)
    case reloaded(DataSnapshot)
}

/// A record as the store wrote it (timestamps set). A new kind of record is a case here and
/// a line in `apply`.
public enum SavedRecord: Hashable, Sendable {
    case client(Client)
    case fidelityReview(FidelityReview)

    /// Puts the record into the data the screens show.
    func apply(to data: inout DataSnapshot) {
        switch self {
        case .client(let client): data.replace(client)
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
