import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

/// Reads keys, runs `App.update`, hands store work to the `EffectRunner`, and draws `App.view`.
/// It changes the state only through `update`: the clock and today's date reach the app in the
/// environment of each event.
@MainActor
enum MainLoop {
    /// The work given as `preparation` failed: the app stopped.
    struct PreparationFailed: Error {
        var error: StoreError
    }

    /// True when a signal (SIGTERM, SIGHUP, SIGQUIT) stopped the app while a form held unsaved
    /// changes: they are not saved (half a form may not be a valid record), and the command
    /// line says so once the terminal is back.
    static var stoppedWithUnsavedChanges = false

    private static func stopped(by signal: Int32, _ state: AppState) -> Int32 {
        stoppedWithUnsavedChanges = state.hasUnsavedChanges
        return signal
    }

    /// How the app opens: on the folder read before the first frame, or on the Today screen
    /// kept from the last full read (`FirstScreen`), the folder read right after.
    enum Opening: Sendable {
        /// Read when `started`.
        case read(DataSnapshot, started: Date)
        case kept(FirstScreen)
    }

    /// Returns the signal that stopped Fieldbook, if one did.
    ///
    /// `preparation`, when given, is the first work on the store's queue (the demo copy): every
    /// request comes after it, the app stops if it fails (`PreparationFailed`), and on the way
    /// out everything on the queue is waited for, so nothing is still writing when this returns.
    /// `startCheck` runs on the queue next, beside the first frame, which does not wait for it
    /// (after the folder's read, when the first frame is a kept one). `folderIsIn` runs on the
    /// queue after the first frame once every record and figure is in, with when the read
    /// began and the stamp of the kept first screen used (nil: none).
    static func run(store: Store, opening: Opening, today: LocalDate, followClock: Bool, user: UUID?,
                    preparation: (@Sendable (Store) throws(StoreError) -> Void)? = nil,
                    startCheck: @escaping @Sendable (DataSnapshot) -> Void = { _ in },
                    folderIsIn: @escaping @Sendable (Store, DataSnapshot, Figures, Date, FolderStamp?) -> Void = { _, _, _, _, _ in },
                    keepAtQuit: @escaping @Sendable (Store, DataSnapshot, Figures) -> Void = { _, _, _ in },
                    startMessage: @escaping (ProfileOverview) -> String? = { _ in nil },
                    afterFirstFrame: @escaping @Sendable () -> Void = {}, askWhoYouAre: Bool = false, pin: PINHash? = nil,
                    startsLocked: Bool = true, sharesWithHub: Bool = false, autoSync: AutoSync = .off,
                    keptCalendar: KeptCalendar? = nil, transform: FileTransform = .plain,
                    remember: (UUID) -> String? = { _ in nil }) throws -> Int32? {
        // The store's answers and stop signals wake the loop at once (no polling while busy).
        let wakeup = Wakeup()
        let runner = EffectRunner(store: store, posted: { wakeup?.ring() })
        // The kept calendar is written on its own queue; on the way out, the last write ends first.
        let calendar = keptCalendar.map { CalendarKeeper(kept: $0, folder: store.folder, transform: transform, posted: { wakeup?.ring() }) }
        defer { calendar?.finish() }
        // Leaving while a sync runs (a signal, or `q` waited long enough): its git is stopped;
        // the next sync carries on from where it was.
        defer { if runner.isSyncing { Git.stopRunning() } }
        if sharesWithHub { runner.followSyncs() }
        // After the terminal is given back (defers run last first).
        defer { if preparation != nil { runner.finish() } }
        if let preparation { runner.prepare(preparation) }
        // Quitting with `q` on a settled state: once the terminal is given back (this runs after
        // the terminal's own defer), on the store's queue, the Today shown is kept for the next
        // start when every file still holds what the app shows.
        var quitSettled: (DataSnapshot, Figures)?
        defer {
            if let (data, figures) = quitSettled {
                runner.inTurn(with: { store, _ in keepAtQuit(store, data, figures) })
                runner.finish()
            }
        }
        let readingFolder = RequestID(1)
        switch opening {
        case .read(let snapshot, _):
            runner.inTurn { startCheck(snapshot) }
        case .kept(let screen):
            runner.readFolder(readingFolder, today: today) { store, snapshot, figures, started in
                startCheck(snapshot)
                folderIsIn(store, snapshot, figures, started, screen.stamp)
            }
        }
        let useColor = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try TerminalSession.start(useColor: useColor)
        defer { terminal.stop() }
        if let wakeup { TerminalSignals.ring(wakeup) }

        func environment() -> Environment {
            let now = Date()
            return Environment(now: now, today: followClock ? LocalDate(containing: now) : today, newID: { UUID() })
        }

        var state = switch opening {
        case .read(let snapshot, _):
            AppState(data: snapshot, today: today, userSpecialistID: user, size: terminal.size, askWhoYouAre: askWhoYouAre,
                     profiles: .loading)
        case .kept(let screen):
            AppState(firstScreen: screen, readingFolder: readingFolder, userSpecialistID: user, size: terminal.size,
                     profiles: .loading)
        }
        state.pin = pin
        state.autoSync.plan = sharesWithHub ? autoSync : .off
        state.lockWhenAPINIsSet()
        state.keepsCalendar = calendar != nil
        func keepCalendar() {
            calendar?.write(CalendarKeeper.Input(due: state.figures.due, clients: state.data.clients, specialists: state.data.specialists))
        }
        if let notice = terminal.localeNotice { state.message = Message(notice, kind: .warning) }
        // The start-up check counts the career profile problems once the profiles are read; the
        // message is nil until the check's first count is in.
        var shownStartMessage = startMessage(.loading).map { Message($0, kind: .error) }
        if let shownStartMessage { state.message = shownStartMessage }

        for case .store(let id, let request) in App.update(&state, .tick(Date()), environment()) { runner.start(id, request) }
        terminal.draw(App.view(state, size: terminal.size))
        // The career profiles (read once, for the screens and the check), then the start-up
        // check's walk over the folder, come after the first frame, in turn on the store's queue;
        // the start-up message is made again as each comes in.
        let profileLoad = App.loadProfiles(&state)
        if let profileLoad, case .store(let id, let request) = profileLoad.effect { runner.start(id, request) }
        runner.inTurn(afterFirstFrame)
        if case .read(let snapshot, let started) = opening {
            let figures = state.figures
            runner.inTurn(with: { store, _ in folderIsIn(store, snapshot, figures, started, nil) })
            // Once on start: the day may have changed since it was last written (a kept first
            // screen writes it once the folder is read).
            keepCalendar()
        }
        var profilesForTheCheck = ProfileOverview.loading
        var lastLook = Date()
        while true {
            if let signal = TerminalSignals.stopRequest { return stopped(by: signal, state) }
            // An answer from the store rings the wakeup; without one (no pipe could be made),
            // answers are looked for often while work is under way.
            let input = wakeup == nil ? terminal.read(timeoutMilliseconds: runner.isBusy ? 30 : 1000)
                : terminal.read(timeoutMilliseconds: 1000, wakeup: wakeup)
            if let signal = TerminalSignals.stopRequest { return stopped(by: signal, state) }
            if let failure = runner.preparationFailure { throw PreparationFailed(error: failure) }
            // A terminal that hung up without a SIGHUP reaching us stops the app as the signal would.
            if terminal.hungUp { return TerminalSignals.hangUpSignal }
            let now = environment()
            // A sync run on the command line meanwhile: the files it changed are read again.
            if sharesWithHub, now.now.timeIntervalSince(lastLook) >= 2 {
                lastLook = now.now
                runner.lookForSyncs()
            }
            var events: [Event] = [.tick(now.now)] + runner.takeEvents() + (calendar?.takeEvents() ?? [])
            for case .finished(let id, .careerProfile(.overview(let overview))) in events where id == profileLoad?.id {
                profilesForTheCheck = overview
            }
            // What the start-up message counts may have come in; unless another message has
            // taken its place since.
            if state.message == nil || state.message == shownStartMessage,
               let text = startMessage(profilesForTheCheck), Message(text, kind: .error) != shownStartMessage {
                shownStartMessage = Message(text, kind: .error)
                state.message = shownStartMessage
            }
            if TerminalSignals.takeInterrupt() { events.append(.interrupt) }
            switch input {
            case .key(let key)?: events.append(.key(key))
            case .paste(let text)?: events.append(.paste(text))
            case .resize(let size)?: events.append(.resize(size))
            case nil: break
            }
            var repaint = false
            for event in events {
                // Ctrl-C quits with the exit status of SIGINT, as it did before it could ask.
                var byInterrupt = state.isConfirmingQuit
                if case .interrupt = event { byInterrupt = true }
                for effect in App.update(&state, event, now) {
                    switch effect {
                    case .store(let id, let request): runner.start(id, request)
                    case .redraw: repaint = true
                    case .quit:
                        // Nothing under way and every answer taken: what is shown is what was written.
                        if !byInterrupt, preparation == nil, state.isSettled, !runner.isBusy { quitSettled = (state.data, state.figures) }
                        return byInterrupt ? TerminalSignals.interruptSignal : nil
                    case .keepCalendar: keepCalendar()
                    case .rememberSpecialist(let id):
                        runner.identify(as: id)
                        if let problem = remember(id) { state.message = Message(problem, kind: .error) }
                    }
                }
            }
            let screen = App.view(state, size: terminal.size)
            if repaint { terminal.repaint(screen) } else { terminal.draw(screen) }
        }
    }
}
