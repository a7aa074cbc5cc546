import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The client page makes its lines once when what they show changes (the data, the career
/// profiles, the day, the width), not per key or frame, and never shows lines gone stale.
@Suite struct ClientPageTextTests {
    static let joseID = Program.id(101)

    func openJose(_ state: AppState = Program.state()) -> AppState {
        var state = state
        state.press(.down, .enter)
        return state
    }

    func page(_ state: AppState) -> ClientPage? { state.topPage as? ClientPage }

    @Test func keysAndFramesDoNotMakeTheLinesAgain() throws {
        var state = openJose()
        let made = try #require(page(state)?.textBuilds)
        #expect(made == 1)
        for _ in 0..<5 { _ = state.screen() }
        state.press(.down, .down, .pageDown, .end, .home, .up)
        #expect(page(state)?.textBuilds == made)
    }

    @Test func aContactSavedElsewhereShowsOnTheOpenPage() throws {
        var state = openJose()
        state.press(.end)
        #expect(!state.screen().text.contains("Met at the bakery"))
        // Saved by another page's request while this page is on top (as a save answered late is).
        var jose = try #require(state.data.client(Self.joseID))
        jose.contacts.append(ClientContact(id: Program.id(900), date: Program.today, kind: .faceToFace, place: "Bakery",
                                           note: "Met at the bakery", createdAt: Date(timeIntervalSince1970: 1)))
        App.update(&state, .finished(RequestID(999), .saved(.client(jose))))
        state.press(.end, .up, .up)
        let screen = state.screen()
        #expect(screen.text.contains("2026-11-22  Face-to-face · Bakery"), "\n\(dump(screen))")
        #expect(screen.text.contains("Met at the bakery"), "\n\(dump(screen))")
        #expect(screen.lines[21].hasSuffix("lines 27-44 of 46"), "\n\(dump(screen))")
    }

    @Test func aContactLoggedFromThePageShowsWhenItCloses() throws {
        var state = openJose()
        state.press(.character("n"), .tab, .tab)
        state.type("Bakery")
        state.press(.enter)
        state.type("Met at the bakery")
        let client = try #require(savedClient(state.press(.enter)))
        state.answer(.saved(.client(client)))
        #expect(state.topPage is ClientPage)
        state.press(.end, .up, .up)
        let screen = state.screen()
        #expect(screen.text.contains("2026-11-22  Face-to-face · Bakery"), "\n\(dump(screen))")
        #expect(screen.text.contains("Met at the bakery"), "\n\(dump(screen))")
    }

    @Test func profilesArrivingShowOnTheOpenPage() throws {
        var state = ProfilesLoadingScreenTests.loading()
        let load = try #require(App.loadProfiles(&state))
        state.press(.character("2"))
        state = openJose(state)
        state.press(.end)
        #expect(state.screen().text.contains("career profiles loading…"))
        App.update(&state, .finished(load.id, .careerProfile(.overview(ProfileOverview(definition: SmallProfile.definition)))))
        let screen = state.screen()
        #expect(!screen.text.contains("career profiles loading…"), "\n\(dump(screen))")
        #expect(screen.text.contains("No career profile has been started for this client. Press c to start it."), "\n\(dump(screen))")
    }

    @Test func theDayTurningMovesWhatIsDue() throws {
        var state = openJose()
        #expect(state.screen().text.contains("138 days late"))
        let tomorrow = Program.today.adding(days: 1)
        // Midnight passes a minute later (the day comes in the environment, as the clock's does).
        App.update(&state, .tick(state.now.addingTimeInterval(60)),
                   Environment(now: state.now.addingTimeInterval(60), today: tomorrow, newID: { UUID() }))
        let screen = state.screen()
        #expect(screen.text.contains("139 days late"), "\n\(dump(screen))")
        #expect(screen.text.contains("(169 days ago)"), "\n\(dump(screen))")
    }

    @Test func aWiderWindowWrapsTheLinesAgain() throws {
        var state = openJose()
        #expect(state.screen().lines[3] == " ── Due ───────────────────────────────────────────────────────────────────────")
        App.update(&state, .resize(Size(rows: 24, columns: 100)))
        let screen = state.screen()
        #expect(screen.lines[3] == " ── Due " + String(repeating: "─", count: 91), "\n\(dump(screen))")
    }
}

/// An imported client's page says where Fieldbook's history of them starts.
@Suite struct RecordsBeginPageTests {
    @Test func theClientPageSaysWhereTheRecordsBegin() {
        var state = Program.state()
        state.data.clients[0].recordsBegin = day("2026-11-20")
        state.push(ClientPage(clientID: Program.id(101)))
        let text = state.screen(Size(rows: 90, columns: 100)).text
        #expect(text.contains("Records begin"), "\(text)")
        #expect(text.contains("2026-11-20: Fieldbook's history starts then"))
        var plain = Program.state()
        plain.push(ClientPage(clientID: Program.id(101)))
        #expect(!plain.screen(Size(rows: 90, columns: 100)).text.contains("Records begin"), "a client made in Fieldbook has no such line")
    }
}
