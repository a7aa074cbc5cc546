import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

/// Reads keys, runs `App.update`, hands store work to the `EffectRunner`, and draws `App.view`.
/// It changes the state only through `update`: the clock and today's date reach the app in the
/// environment of each event.
@MainActor
enum MainLoop {
    /// Returns the signal that stopped Fieldbook, if one did.
    static func run(store: Store, snapshot: DataSnapshot, today: LocalDate, followClock: Bool, user: UUID?,
                    startMessage: String? = nil, askWhoYouAre: Bool = false, pin: PINHash? = nil,
                    remember: (UUID) -> String? = { _ in nil }) throws -> Int32? {
        let useColor = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try TerminalSession.start(useColor: useColor)
        defer { terminal.stop() }
        let runner = EffectRunner(store: store)

        func environment() -> Environment {
            let now = Date()
            return Environment(now: now, today: followClock ? LocalDate(containing: now) : today, newID: { UUID() })
        }

        var state = AppState(data: snapshot, today: today, userSpecialistID: user, size: terminal.size, askWhoYouAre: askWhoYouAre,
                             profiles: runner.profileOverview())
        state.pin = pin
        if let notice = terminal.localeNotice { state.message = Message(notice, kind: .warning) }
        if let startMessage { state.message = Message(startMessage, kind: .error) }

        App.update(&state, .tick(Date()), environment())
        terminal.draw(App.view(state, size: terminal.size))
        while true {
            if let signal = TerminalSignals.stopRequest { return signal }
            // Answers from the store are looked for often while work is under way.
            let input = terminal.read(timeoutMilliseconds: runner.isBusy ? 30 : 1000)
            if let signal = TerminalSignals.stopRequest { return signal }
            let now = environment()
            var events: [Event] = [.tick(now.now)] + runner.takeEvents()
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
                    case .quit: return byInterrupt ? TerminalSignals.interruptSignal : nil
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
