import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The app asks for its kept calendar file to be written again whenever the due list may have
/// changed (a save, a reload, a sync, a new day), and never otherwise.
@Suite struct KeptCalendarTests {
    func asksToKeepTheCalendar(_ effects: [Effect]) -> Bool { effects.contains(.keepCalendar) }

    @Test func aSaveAsksForTheCalendarOnlyWhenOneIsKept() throws {
        for keeps in [true, false] {
            var state = Program.state()
            state.keepsCalendar = keeps
            state.press(.down, .enter, .character("n"), .tab, .tab)
            state.type("Library")
            let effects = state.press(.control("s"))
            #expect(!asksToKeepTheCalendar(effects), "nothing is saved yet")
            let id = try #require(effects.compactMap { if case .store(let id, _) = $0 { id } else { nil } }.first)
            let client = try #require(savedClient(effects))
            let answered = App.update(&state, .finished(id, .saved(.client(client))))
            #expect(asksToKeepTheCalendar(answered) == keeps)
            // Moving about changes nothing on disk: no write.
            #expect(!asksToKeepTheCalendar(state.press(.escape, .down, .up)))
        }
    }

    @Test func aReloadAndANewDayAskForItToo() {
        var state = Program.state()
        state.keepsCalendar = true
        #expect(asksToKeepTheCalendar(App.update(&state, .finished(RequestID(77), .reloaded(state.data)))))
        let tomorrow = Environment(now: Date(), today: Program.today.adding(days: 1), newID: { UUID() })
        #expect(asksToKeepTheCalendar(App.update(&state, .tick(Date()), tomorrow)))
        #expect(!asksToKeepTheCalendar(App.update(&state, .tick(Date()), tomorrow)), "the same day again")
    }
}
