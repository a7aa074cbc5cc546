import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

@Suite struct EffectTests {
    func requests(_ effects: [Effect]) -> [RequestID] {
        effects.compactMap { if case .store(let id, _) = $0 { id } else { nil } }
    }

    @Test func aSaveResultReachesTheFormThatAskedEvenUnderHelp() throws {
        var state = Program.state()
        state.press(.down, .enter, .character("n"), .tab, .tab)
        state.type("Library")
        let effects = state.press(.control("s"))
        let id = try #require(requests(effects).first)
        let client = try #require(savedClient(effects))
        // The person opens help while the save is under way.
        state.press(.function(1))
        #expect(state.topPage is HelpPage)
        // An answer to some other request changes nothing.
        App.update(&state, .finished(RequestID(id.number + 50), .saved(.client(client))))
        #expect(state.pages.count == 3)
        App.update(&state, .finished(id, .saved(.client(client))))
        #expect(state.pages.count == 2, "the form closed under help")
        #expect(state.pages[0].page is ClientPage && state.topPage is HelpPage)
        #expect(state.message?.text == "Contact logged.")
        #expect(state.data.client(client.id)?.contacts.last?.place == "Library")
        state.press(.escape)
        #expect(state.topPage is ClientPage)
    }

    @Test func aFailedSaveReachesItsFormAfterTheUserMovedOn() throws {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Someone New")
        let id = try #require(requests(state.press(.control("s"))).first)
        state.press(.function(1))
        App.update(&state, .finished(id, .failed(.io(path: "clients/x.json", reason: "disk full"))))
        state.press(.escape)
        #expect(state.form?.field("name")?.text == "Someone New")
        #expect(state.formPage?.saving == nil)
        #expect(requests(state.press(.control("s"))).count == 1)
    }

    @Test func aRunReplaysExactly() {
        func run() -> (screens: [Screen], effects: [Effect]) {
            var state = Program.state()
            var effects: [Effect] = []
            var screens: [Screen] = []
            let ids = CountedIDs()
            let start = Date(timeIntervalSince1970: 1_763_800_000)
            var step = 0
            func send(_ event: Event) {
                step += 1
                let environment = Environment(now: start.addingTimeInterval(Double(step)), today: Program.today, newID: { ids.make() })
                effects += App.update(&state, event, environment)
                screens.append(App.view(state, size: state.size))
            }
            send(.key(.character("n")))
            for c in "Zoe\u{308} Replay" { send(.key(.character(c))) }
            send(.key(.control("s")))
            if let client = savedClient(effects), case .store(let id, _)? = effects.last {
                send(.finished(id, .saved(.client(client))))
            }
            send(.key(.character("n")))
            send(.key(.control("s")))
            send(.tick(start.addingTimeInterval(100)))
            return (screens, effects)
        }
        let first = run(), second = run()
        #expect(first.screens == second.screens)
        #expect(first.effects == second.effects)
        #expect(savedClient(first.effects)?.id == Program.id(9001))
    }

    @Test func theDateComesFromTheEnvironmentOnly() {
        var state = Program.state()
        let tomorrow = Program.today.adding(days: 1)
        App.update(&state, .tick(state.now), Environment(now: state.now, today: tomorrow, newID: { UUID() }))
        #expect(state.today == tomorrow)
        #expect(state.screen().header.hasSuffix("Mon 23 Nov 2026"))
    }

    @Test func aLongReloadShowsProgressUntilItsAnswer() throws {
        var state = Program.state()
        let id = try #require(requests(state.press(.control("r"))).first)
        #expect(state.screen().lines[22] == " Reading the data folder… 0%")
        App.update(&state, .progress(id, WorkProgress(done: 1, total: 2, what: "Reading the data folder")))
        #expect(state.screen().lines[22] == " Reading the data folder… 50%")
        App.update(&state, .finished(id, .reloaded(Program.data)))
        #expect(state.screen().lines[22] == " Read the data folder again.")
    }
}

/// F5 syncs with the team's hub off the key loop; the answer replaces the data and the header
/// shows the state in a few characters.
@Suite struct SyncKeyTests {
    @Test func f5AsksForASyncAndItsAnswerShowsInTheHeaderAndMessage() throws {
        var state = Program.state()
        let effects = state.press(.function(5))
        let id = try #require(effects.compactMap { if case .store(let id, .sync) = $0 { id } else { nil } }.first)
        #expect(state.progress[id]?.what == "Syncing with the hub")
        var data = Program.data
        data.clients[0].phone = "555-0199"
        let at = Date(timeIntervalSince1970: 1_763_800_000 + 3_600)
        App.update(&state, .finished(id, .synced(SyncSummary(shared: true, waiting: 0, sent: 1, received: 2, toMerge: 0, at: at), .whole(data))))
        #expect(state.data.client(Program.id(101))?.phone == "555-0199")
        #expect(state.message?.text == "Synced: 1 file sent, 2 received.")
        #expect(state.screen().header.contains(" synced "), "\(state.screen().header)")

        App.update(&state, .finished(RequestID(99), .synced(SyncSummary(shared: false, waiting: 3, sent: 0, received: 0, toMerge: 0, at: at), .whole(data))))
        #expect(state.message?.kind == .warning)
        #expect(state.message?.text.hasPrefix("Hub not reachable: 3 changes waiting") == true)
        #expect(state.screen().header.contains("3 not shared"), "\(state.screen().header)")
    }

    @Test func theHeaderWordsOfASync() {
        let utc = TimeZone(identifier: "UTC")!
        let at = Date(timeIntervalSince1970: 1_764_931_320) // 2025-12-05 10:42 UTC
        #expect(SyncSummary(shared: true, waiting: 0, sent: 0, received: 0, toMerge: 0, at: at).headerText(timeZone: utc) == "synced 10:42")
        #expect(SyncSummary(shared: true, waiting: 0, sent: 0, received: 1, toMerge: 2, at: at).headerText(timeZone: utc) == "2 to merge")
        #expect(SyncSummary(shared: false, waiting: 0, sent: 0, received: 0, toMerge: 0, at: at).headerText(timeZone: utc) == "hub unreachable")
        #expect(SyncSummary(shared: false, waiting: 3, sent: 0, received: 0, toMerge: 0, at: at).headerText(timeZone: utc) == "3 not shared")
    }
}
