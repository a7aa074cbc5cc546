import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

/// One key, timed as the main loop runs it: `App.update` of the tick and of the key,
/// `App.view`, and the diff draw of a headless ncurses terminal (writing to /dev/null).
/// Store work a key asks for is not run (there is no store here): what is timed is the key loop.
@MainActor
struct KeyTiming {
    /// A named run of keys, repeated.
    struct Script {
        let name: String
        let keys: [Key]
    }

    static func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// Moving in lists, opening and going back, searching as you type, Today, the visit form.
    static let scripts: [Script] = [
        Script(name: "move", keys: [.character("2")] + Array(repeating: .down, count: 15) + Array(repeating: .up, count: 15)),
        Script(name: "open, Esc back", keys: [.character("2"), .down, .enter, .escape, .down, .enter, .escape]),
        Script(name: "search letter", keys: [.character("2"), .character("/")] + typing("mar") + [.backspace, .backspace, .backspace, .escape]),
        Script(name: "Today", keys: [.character("1")] + Array(repeating: .down, count: 8) + [.enter, .escape] + Array(repeating: .up, count: 8)),
        Script(name: "visit form", keys: [.character("3"), .character("v")] + typing("gro") + [.tab] + typing("sam") + [.escape, .character("y"), .escape]),
    ]

    /// Per script, the keys' timings on the wall clock and in processor time; `rounds` runs of every script.
    static func measure(data: DataSnapshot, profiles: ProfileOverview, user: UUID?, today: LocalDate, rounds: Int)
        -> [(name: String, timings: Timings, processor: Timings, slowest: String)]
    {
        let size = Size(rows: 30, columns: 100)
        guard let terminal = TerminalSession.headless(size: size) else { return [] }
        defer { terminal.stop() }
        var state = AppState(data: data, today: today, userSpecialistID: user, size: size, profiles: profiles)
        let base = Date(timeIntervalSince1970: Double(today.dayNumber) * 86_400 + 10 * 3_600)
        var tick = 0.0
        func environment() -> Environment {
            tick += 0.25
            return Environment(now: base.addingTimeInterval(tick), today: today, newID: { UUID() })
        }
        App.update(&state, .tick(base), environment())
        terminal.draw(App.view(state, size: size))
        var results = scripts.map { (name: $0.name, timings: Timings(), processor: Timings(), slowest: "") }
        var slowest = Array(repeating: 0.0, count: scripts.count)
        for round in 0..<(rounds + 1) {
            for (index, script) in scripts.enumerated() {
                for key in script.keys {
                    let start = Clock.now
                    let processorStart = Clock.threadProcessorTime
                    let now = environment()
                    App.update(&state, .tick(now.now), now)
                    App.update(&state, .key(key), now)
                    terminal.draw(App.view(state, size: size))
                    // The first round warms caches and is not counted.
                    if round > 0 {
                        let seconds = Clock.seconds(since: start)
                        if seconds > slowest[index] {
                            slowest[index] = seconds
                            results[index].slowest = key.label
                        }
                        results[index].timings.record(seconds: seconds)
                        results[index].processor.record(seconds: Double(Clock.threadProcessorTime - processorStart) / 1e9)
                    }
                }
            }
        }
        return results
    }
}
