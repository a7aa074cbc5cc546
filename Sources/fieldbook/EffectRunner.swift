import FieldbookCore
import FieldbookUI
import Foundation

/// The one place the app calls the store: store requests run one after another on a worker
/// thread, off the key loop, and their answers come back as events naming the request.
final class EffectRunner: @unchecked Sendable {
    // The store is touched only on `queue` once the loop runs.
    private let store: Store
    private let queue = DispatchQueue(label: "fieldbook.store")
    private let lock = NSLock()
    private var events: [Event] = []
    private var running = 0

    init(store: Store) { self.store = store }

    /// Work still under way.
    var isBusy: Bool { lock.withLock { running > 0 || !events.isEmpty } }

    func start(_ id: RequestID, _ request: StoreRequest) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let result = perform(request) { progress in self.post(.progress(id, progress)) }
            lock.withLock {
                running -= 1
                events.append(.finished(id, result))
            }
        }
    }

    /// The answers and progress posted since the last call, oldest first.
    func takeEvents() -> [Event] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }

    private func post(_ event: Event) { lock.withLock { events.append(event) } }

    private func perform(_ request: StoreRequest, progress: (WorkProgress) -> Void) -> StoreResult {
        switch request {
        case .saveClient(let client):
            do {
                let result = try store.save(client)
                return .saved(.client(result.record), merged: result.mergedFields)
            } catch {
                return .failed(error)
            }
        case .saveFidelityReview(let review):
            do {
                let result = try store.save(review)
                return .saved(.fidelityReview(result.record), merged: result.mergedFields)
            } catch {
                return .failed(error)
            }
        case .reload:
            progress(WorkProgress(done: 0, total: 1, what: "Reading the data folder"))
            return .reloaded(store.load())
        }
    }
}
