import FieldbookCore
import FieldbookUI
import Foundation

extension EffectRunner {
    /// Reads the whole folder on the worker thread, first of all its work (the first frame was
    /// drawn from a `FirstScreen`), works out the figures there too, and answers with
    /// `.folderRead(id, _, _)`, posting how far the read has come meanwhile. `then` runs after
    /// the answer, in turn, with what was read and when the read began.
    func readFolder(_ id: RequestID, today: LocalDate, then: @escaping @Sendable (Store, DataSnapshot, Figures, Date) -> Void) {
        inTurn(with: { store, post in
            let started = Date()
            let listener = ReadProgress { done, total in
                post(.progress(id, WorkProgress(done: done, total: total, what: "Reading the data folder")))
            }
            let snapshot = store.load(progress: listener)
            let figures = Figures(data: snapshot, today: today)
            post(.folderRead(id, snapshot, figures))
            then(store, snapshot, figures, started)
        })
    }
}

/// The load's progress as events for the key loop, at most every 50 ms and on the last file.
private final class ReadProgress: ProgressListener {
    private let send: (Int, Int) -> Void
    private var last = Date(timeIntervalSince1970: 0)

    init(_ send: @escaping (Int, Int) -> Void) { self.send = send }

    func start(_ step: String, unit: String) {}

    func show(_ done: Int, of total: Int) {
        let now = Date()
        guard done == total || now.timeIntervalSince(last) >= 0.05 else { return }
        last = now
        send(done, total)
    }
}
