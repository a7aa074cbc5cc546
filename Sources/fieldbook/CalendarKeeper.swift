import FieldbookCore
import FieldbookUI
import Foundation

/// Writes the app's kept calendar file (`fieldbook calendar --keep`) on a queue of its own, off
/// the key loop and apart from the store's work: a save never waits for it. Asked again while a
/// write runs, it writes once more afterwards, from the latest due list only. A write that
/// fails comes back as a warning for the status line.
final class CalendarKeeper: @unchecked Sendable {
    struct Input: Sendable {
        var due: DueList
        var clients: [Client]
        var specialists: [Specialist]
    }

    private let kept: KeptCalendar
    private let folder: URL
    private let transform: FileTransform
    private let queue = DispatchQueue(label: "fieldbook.calendar")
    private let lock = NSLock()
    private var pending: Input?
    private var writing = false
    private var events: [Event] = []
    private let posted: @Sendable () -> Void

    init(kept: KeptCalendar, folder: URL, transform: FileTransform, posted: @escaping @Sendable () -> Void) {
        self.kept = kept
        self.folder = folder
        self.transform = transform
        self.posted = posted
    }

    /// Writes the file from `input` (the figures' due list and the records): soon, once.
    func write(_ input: Input) {
        let start = lock.withLock { () -> Bool in
            pending = input
            defer { writing = true }
            return !writing
        }
        guard start else { return }
        queue.async { [self] in
            while let next = lock.withLock({ () -> Input? in
                defer { pending = nil }
                if pending == nil { writing = false }
                return pending
            }) {
                do throws(StoreError) {
                    try kept.write(due: next.due, clients: next.clients, specialists: next.specialists, folder: folder,
                                   transform: transform, stamp: Date())
                } catch {
                    lock.withLock { events.append(.warning("Calendar file not written: \(error.causeFirst)")) }
                    posted()
                }
            }
        }
    }

    /// Waits for the writes asked for so far (on the way out).
    func finish() { queue.sync {} }

    /// The warnings posted since the last call.
    func takeEvents() -> [Event] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }
}
