import FieldbookCore
import Foundation

/// The app's own syncs (F5, and automatic ones set on this machine): whether one is under way,
/// when the last began, and quitting once one ends.
public struct AutoSyncState: Sendable {
    /// When to sync without F5: off unless set on this machine for a shared folder.
    public var plan: AutoSync = .off
    /// The sync under way, F5's or automatic (one at a time).
    public internal(set) var inFlight: RequestID?
    /// When the first tick came, and when the last sync began (the timer counts from it).
    var startedAt: Date?
    var lastStarted: Date?
    /// The latest sync started by itself (not F5, not `q`).
    var lastAutomatic: RequestID?
    /// `q` was pressed while syncing: the app quits once the sync ends, or at this time.
    public internal(set) var quitBy: Date?

    /// How long `q` waits for a sync under way: ssh's connect timeout (10 s) for the fetch and
    /// again for the push, and some. Past it the app quits; the sync is stopped and the next
    /// one carries on from where it was.
    public static let quitWait: TimeInterval = 30

    public init() {}
}

extension App {
    /// Starts a sync of the app's own, unless one is under way.
    static func startSync(_ state: inout AppState, automatic: Bool = false) -> [Effect] {
        guard state.autoSync.inFlight == nil else { return [] }
        let id = RequestID(state.nextRequest)
        if automatic { state.autoSync.lastAutomatic = id }
        state.nextRequest += 1
        state.progress[id] = WorkProgress(done: 0, total: 1, what: "Syncing with the hub")
        state.autoSync.inFlight = id
        state.autoSync.lastStarted = state.now
        return [.store(id, .sync)]
    }

    /// On each tick: quits when `q` has waited long enough; starts a sync when one is due
    /// (the first tick, when set to sync on start; every so many minutes from the last).
    static func syncWhenDue(_ state: inout AppState) -> [Effect] {
        if let quitBy = state.autoSync.quitBy, state.now >= quitBy { return [.quit] }
        let plan = state.autoSync.plan
        guard !plan.isOff, state.autoSync.inFlight == nil, state.autoSync.quitBy == nil else { return [] }
        guard let startedAt = state.autoSync.startedAt else {
            state.autoSync.startedAt = state.now
            return plan.onStart ? startSync(&state, automatic: true) : []
        }
        guard plan.everyMinutes > 0 else { return [] }
        let since = state.autoSync.lastStarted ?? startedAt
        guard state.now.timeIntervalSince(since) >= Double(plan.everyMinutes) * 60 else { return [] }
        return startSync(&state, automatic: true)
    }

    /// `q`: with a sync under way, or set to sync on quitting, the app syncs first and quits
    /// when it ends (within `quitWait`); nil: quit now (nothing to wait for, or `q` again).
    static func quitAfterSync(_ state: inout AppState) -> [Effect]? {
        guard state.autoSync.quitBy == nil else { return nil }
        let underWay = state.autoSync.inFlight != nil
        guard underWay || state.autoSync.plan.onQuit else { return nil }
        state.autoSync.quitBy = state.now.addingTimeInterval(AutoSyncState.quitWait)
        state.message = Message("Syncing with the hub before quitting… (q again quits now; what is not sent goes with the next sync)")
        return underWay ? [] : startSync(&state)
    }

    /// An automatic sync that sent nothing, brought nothing and left nothing to merge says
    /// nothing: the message shown stays (the header still says when it synced).
    static func isQuiet(_ id: RequestID, _ summary: SyncSummary, _ state: AppState) -> Bool {
        id == state.autoSync.lastAutomatic && state.autoSync.quitBy == nil && summary.shared
            && summary.sent == 0 && summary.received == 0 && summary.toMerge == 0
    }

    /// The answer to a sync of the app's own: the next may start; quits if `q` waits for it.
    static func syncEnded(_ id: RequestID, _ state: inout AppState) -> [Effect] {
        guard id == state.autoSync.inFlight else { return [] }
        state.autoSync.inFlight = nil
        return state.autoSync.quitBy == nil ? [] : [.quit]
    }
}
