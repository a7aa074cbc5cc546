import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

/// Reads keys, runs `App.update`, performs its effects through the store, and draws `App.view`.
@MainActor
enum MainLoop {
    /// Returns the signal that stopped Fieldbook, if one did.
    static func run(store: Store, snapshot: DataSnapshot, today: LocalDate, followClock: Bool, user: UUID?,
                    startMessage: String? = nil) throws -> Int32? {
        let useColor = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal = try TerminalSession.start(useColor: useColor)
        defer { terminal.stop() }

        var state = AppState(data: snapshot, today: today, userSpecialistID: user, size: terminal.size)
        if let startMessage { state.message = Message(startMessage, kind: .error) }
        App.update(&state, .tick(Date()))
        terminal.draw(App.view(state, size: terminal.size))
        while true {
            if let signal = TerminalSignals.stopRequest { return signal }
            let input = terminal.read(timeoutMilliseconds: 1000)
            if let signal = TerminalSignals.stopRequest { return signal }
            if followClock {
                let now = LocalDate(containing: Date())
                if now != state.today { state.today = now }
            }
            App.update(&state, .tick(Date()))
            var effects: [Effect] = []
            switch input {
            case .key(let key)?: effects = App.update(&state, .key(key))
            case .resize(let size)?: effects = App.update(&state, .resize(size))
            case nil: break
            }
            var repaint = false
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .saveClient(let client):
                    do {
                        let saved = try store.save(client)
                        effects += App.update(&state, .saved(saved))
                    } catch {
                        effects += App.update(&state, .saveFailed(error))
                    }
                case .reload:
                    effects += App.update(&state, .reloaded(store.load()))
                case .redraw:
                    repaint = true
                case .quit:
                    return nil
                }
            }
            let screen = App.view(state, size: terminal.size)
            if repaint { terminal.repaint(screen) } else { terminal.draw(screen) }
        }
    }
}
