import FieldbookCore
import FieldbookUI
import Foundation

/// The one place the app calls the store: store requests run one after another on a worker
/// thread, off the key loop, and their answers come back as events naming the request.
final class EffectRunner: @unchecked Sendable {
    // The store is touched only on `queue` once the loop runs.
    private let store: Store
    /// Made on the queue at its first use, after the first frame (it reads the folder's
    /// questionnaire definition).
    private lazy var profiles = ProfileDesk(store: CareerProfileStore(store: store))
    private let queue = DispatchQueue(label: "fieldbook.store")
    /// Boards of reports are worked out here, beside the store's work: a save never waits for one.
    private let reportQueue = DispatchQueue(label: "fieldbook.reports")
    /// Syncs run here, so a save never waits for the hub: only for the sync's merge, which
    /// holds the folder lock as any save does; the files it changed are then read on `queue`.
    private let syncQueue = DispatchQueue(label: "fieldbook.sync")
    /// Follows the folder's commit (touched only on `syncQueue`; nil when the folder does not share).
    private var watch: SyncWatch?
    private var syncing = false
    private var looking = false
    private let lock = NSLock()
    private var events: [Event] = []
    private var running = 0
    /// The latest board asked for: one asked for before it and not started yet is skipped.
    private var latestBoard: RequestID?
    /// Why the work that had to come first (`prepare`) failed: every request after it fails so.
    private var failure: StoreError?

    /// Rung after every answer or progress posted, so the key loop takes it at once.
    private let posted: @Sendable () -> Void

    init(store: Store, posted: @escaping @Sendable () -> Void = {}) {
        self.store = store
        self.posted = posted
    }

    /// Work still under way.
    var isBusy: Bool { lock.withLock { running > 0 || !events.isEmpty } }

    func start(_ id: RequestID, _ request: StoreRequest) {
        lock.withLock { running += 1 }
        if case .sync = request {
            // After the store work asked for before it (saves made before F5 go with it).
            queue.async { [self] in
                let who = (installID: store.auditLog?.installID ?? InstallID.load(for: store.folder), specialist: store.auditLog?.specialistID,
                           transform: store.transform)
                syncQueue.async { [self] in
                    lock.withLock { syncing = true }
                    let outcome = sync(installID: who.installID, specialistID: who.specialist, transform: who.transform)
                    lock.withLock { syncing = false }
                    queue.async { [self] in
                        let result: StoreResult = switch outcome {
                        case .failure(let error): .failed(error)
                        case .success(let done): .synced(done.summary, store.reread(done.paths))
                        }
                        lock.withLock {
                            running -= 1
                            events.append(.finished(id, result))
                        }
                        posted()
                    }
                }
            }
            return
        }
        if case .reportBoard(let board) = request {
            lock.withLock { latestBoard = id }
            reportQueue.async { [self] in
                let isLatest = lock.withLock { latestBoard == id }
                let result = StoreResult.reportBoard(board.key, isLatest ? board.build() : nil)
                lock.withLock {
                    running -= 1
                    events.append(.finished(id, result))
                }
                posted()
            }
            return
        }
        queue.async { [self] in
            let unaudited = store.auditLog?.failures.count ?? 0
            let result = perform(request) { progress in self.post(.progress(id, progress)) }
            let failures = store.auditLog?.failures ?? []
            lock.withLock {
                running -= 1
                events.append(.finished(id, result))
                // The save stands; its audit entry could not be written: the user is told.
                if failures.count > unaudited, let failure = failures.last {
                    events.append(.warning(Self.unauditedWarning(failure)))
                }
            }
            posted()
        }
    }

    /// Runs `work` on the worker thread, in turn with the store work (after what was started
    /// before it, before what is started after it).
    func inTurn(_ work: @escaping @Sendable () -> Void) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            work()
            lock.withLock { running -= 1 }
            posted()
        }
    }

    /// Runs `work` on the worker thread, in turn with the store work, with the store and a way
    /// to post events to the key loop.
    func inTurn(with work: @escaping @Sendable (Store, @escaping @Sendable (Event) -> Void) -> Void) {
        inTurn { [self] in work(store) { self.post($0) } }
    }

    /// Runs `work` with the store on the worker thread before anything started after it (the demo
    /// copy, written after the first frame). If it fails, no request after it touches the store:
    /// each fails with its error, and `preparationFailure` says why.
    func prepare(_ work: @escaping @Sendable (Store) throws(StoreError) -> Void) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            var failed: StoreError?
            do throws(StoreError) { try work(store) } catch { failed = error }
            lock.withLock {
                failure = failed
                running -= 1
            }
            posted()
        }
    }

    /// Why the work given to `prepare` failed, once it has.
    var preparationFailure: StoreError? { lock.withLock { failure } }

    /// Waits until the worker thread has done everything started so far.
    func finish() { queue.sync {} }

    /// From now on, saves are logged in the audit trail as this specialist's (after the user
    /// said who they are); done in turn with the store work.
    func identify(as specialist: UUID) {
        queue.async { [self] in store.auditLog?.specialistID = specialist }
    }

    /// The answers and progress posted since the last call, oldest first.
    func takeEvents() -> [Event] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }

    private func post(_ event: Event) {
        lock.withLock { events.append(event) }
        posted()
    }

    private func perform(_ request: StoreRequest, progress: (WorkProgress) -> Void) -> StoreResult {
        if let failure = lock.withLock({ failure }) { return .failed(failure) }
        switch request {
        case .saveClient(let client): return save(client, as: SavedRecord.client)
        case .saveEmployer(let employer): return save(employer, as: SavedRecord.employer)
        case .saveEmployerContact(let contact, let employer):
            do {
                let savedEmployer = try employer.map { employer throws(StoreError) in try store.save(employer) }
                let result = try store.save(contact)
                return .saved(.employerContact(result.record, employer: savedEmployer?.record),
                              merged: (savedEmployer?.mergedFields ?? []) + result.mergedFields)
            } catch {
                return .failed(error)
            }
        case .deleteEmployerContact(let contact):
            do {
                try store.delete(contact)
                return .saved(.deletedEmployerContact(contact.id))
            } catch {
                return .failed(error)
            }
        case .saveClientAndEmployer(let client, let employer):
            do {
                let savedEmployer = try store.save(employer)
                let result = try store.save(client)
                return .saved(.clientAndEmployer(result.record, savedEmployer.record), merged: result.mergedFields)
            } catch {
                return .failed(error)
            }
        case .saveFidelityReview(let review): return save(review, as: SavedRecord.fidelityReview)
        case .reload:
            progress(WorkProgress(done: 0, total: 1, what: "Reading the data folder"))
            return .reloaded(store.load())
        case .readConflict(let pending):
            do {
                return .failed(.conflict(try store.conflict(for: pending)))
            } catch {
                return .failed(error)
            }
        case .resolve(let conflict, let choices):
            do {
                try store.resolve(conflict, choosing: choices)
            } catch {
                return .failed(error)
            }
            return .reloaded(store.load())
        case .saveSpecialist(let specialist): return save(specialist, as: SavedRecord.specialist)
        case .deactivateSpecialist(let id, let successor):
            return deactivate(id, handingClientsTo: successor)
        case .careerProfile(let work):
            return perform(work)
        case .reportBoard(let board):
            return .reportBoard(board.key, board.build())
        case .sync:
            // Run on the sync queue (see `start`).
            return .failed(.io(path: "", reason: "a sync is run apart from the store's work"))
        }
    }

    /// A sync of the folder with its hub (on `syncQueue`): what it did, and the files it
    /// changed, with those a sync run meanwhile on the command line changed.
    private func sync(installID: String, specialistID: UUID?, transform: FileTransform) -> Result<(summary: SyncSummary, paths: Set<String>), StoreError> {
        let folder = store.folder
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) else {
            return .failure(.io(path: "", reason: "this data folder does not sync with a hub yet; "
                                + "run `fieldbook sync init HUB` (or `sync join HUB` for a new folder) once"))
        }
        let engine = Sync(folder: folder, installID: installID, specialistID: specialistID)
        engine.transform = transform
        if watch == nil { watch = SyncWatch(sync: engine) }
        let report: SyncReport
        do {
            report = try engine.run()
        } catch {
            return .failure(.io(path: "", reason: "the sync stopped: \(error.description)"))
        }
        let paths = report.changedPaths.union(watch?.filesChangedSinceLastLook() ?? [])
        let summary = SyncSummary(shared: report.reachable && report.pushed && !report.hubKeptMoving,
                                  waiting: report.waiting, sent: report.committed, received: report.received,
                                  toMerge: report.toMerge.count, at: Date())
        return .success((summary, paths))
    }

    /// Starts following the folder's commit (a shared folder, just read).
    func followSyncs() {
        syncQueue.async { [self] in
            if watch == nil { watch = SyncWatch(sync: Sync(folder: store.folder, installID: "", specialistID: nil)) }
        }
    }

    /// Looks whether a sync moved the folder's commit (one run on the command line); the files
    /// it changed are read again and come back as `.folderChanged`. One look at a time.
    func lookForSyncs() {
        guard lock.withLock({ !looking && !syncing }) else { return }
        lock.withLock { looking = true }
        syncQueue.async { [self] in
            let paths = watch?.filesChangedSinceLastLook()
            guard let paths, !paths.isEmpty else {
                lock.withLock { looking = false }
                return
            }
            queue.async { [self] in
                let update = store.reread(paths)
                lock.withLock {
                    looking = false
                    events.append(.folderChanged(update))
                }
                posted()
            }
        }
    }

    /// A sync is running now (its git is stopped when the app leaves).
    var isSyncing: Bool { lock.withLock { syncing } }

    /// What the user is told when a save's audit entry could not be written.
    static func unauditedWarning(_ failure: StoreError) -> String {
        "Saved, but its audit entry could not be written (\(failure.causeFirst)); "
            + "`fieldbook audit --verify` lists the change as unaudited."
    }

    /// Saves one record of any kind kept one per file, and names what was saved.
    private func save<Record: StoredRecord>(_ record: Record, as saved: (Record) -> SavedRecord) -> StoreResult {
        do {
            let result = try store.save(record)
            return .saved(saved(result.record), merged: result.mergedFields)
        } catch {
            return .failed(error)
        }
    }

    private func perform(_ work: ProfileRequest) -> StoreResult {
        switch work {
        case .loadOverview:
            return .careerProfile(.overview(profiles.overview()))
        case .open(let clientID):
            return .careerProfile(.opened(profiles.open(clientID, at: Date())))
        case .append(let answer):
            do {
                return .careerProfile(.answered(try profiles.append(answer)))
            } catch {
                switch error {
                case .invalidAnswer(let question, let reason): return .careerProfile(.refused(questionID: question, reason: reason))
                case .store(let error): return .failed(error)
                }
            }
        case .close(let sessionID):
            profiles.close(sessionID)
            return .careerProfile(.closed)
        case .printPages(let job):
            let home = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
            do {
                let paths = try profiles.printPages(
                    job.pages, of: job.client, in: job.data, omitSensitive: job.omitSensitive, today: job.today, now: job.now,
                    paper: Paper.forEnvironment(ProcessInfo.processInfo.environment), to: PagesFolder.resolve(job.folder, home: home))
                return .careerProfile(.printed(paths: paths))
            } catch {
                return .failed(error)
            }
        }
    }

    private func deactivate(_ id: UUID, handingClientsTo successor: UUID?) -> StoreResult {
        do {
            let (specialist, clients) = try store.deactivate(specialist: id, handingClientsTo: successor)
            return .saved(.handover(specialist, clients: clients))
        } catch {
            return .failed(error)
        }
    }
}
