import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The first frame does not wait for the career profiles: until they are read, the screens
/// that show profile data say they are loading.
@Suite struct ProfilesLoadingScreenTests {
    static func loading(data: DataSnapshot = Program.data, today: LocalDate = Program.today, size: Size = Size(rows: 24, columns: 80)) -> AppState {
        var state = AppState(data: data, today: today, userSpecialistID: Program.maria.id, size: size, profiles: .loading)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        return state
    }

    @Test func theAppAsksForTheProfilesOnceAndTheyArriveAsAnOverview() throws {
        var state = Self.loading()
        let (id, effect) = try #require(App.loadProfiles(&state))
        guard case .store(id, .careerProfile(.loadOverview)) = effect else {
            Issue.record("\(effect)")
            return
        }
        App.update(&state, .finished(id, .careerProfile(.overview(ProfileOverview(definition: SmallProfile.definition)))))
        #expect(!state.profiles.isLoading)
        #expect(App.loadProfiles(&state)?.id == nil)
    }

    @Test func theClientPageSaysTheProfilesAreLoadingAt80x24() throws {
        var state = Self.loading()
        let load = try #require(App.loadProfiles(&state))
        state.press(.character("2"), .down, .enter, .end)
        var screen = state.screen()
        #expect(screen.lines.count == 24)
        #expect(screen.lines.contains(" ── Career profile ────────────────────────────────────────────────────────────"), "\n\(dump(screen))")
        #expect(screen.lines.contains("     career profiles loading…"), "\n\(dump(screen))")
        #expect(!screen.text.contains("No career profile has been started"))

        // c waits for the folder's own questionnaire rather than filling in the built-in one,
        // and another key pressed meanwhile takes its place.
        var effects = state.press(.character("c"))
        #expect(!effects.contains { if case .store(_, .careerProfile(.open)) = $0 { true } else { false } })
        #expect(state.screen().text.contains("Career profiles are still loading; the profile opens as soon as they are read."))
        state.press(.character("n"), .escape)
        #expect(state.top.page is ClientPage)

        effects = App.update(&state, .finished(load.id, .careerProfile(.overview(ProfileOverview(definition: SmallProfile.definition)))))
        #expect(!effects.contains { if case .store(_, .careerProfile(.open)) = $0 { true } else { false } })
        state.press(.end)
        screen = state.screen()
        #expect(!screen.text.contains("career profiles loading…"), "\n\(dump(screen))")
        #expect(screen.text.contains("No career profile has been started for this client. Press c to start it."), "\n\(dump(screen))")
    }

    @Test func cPressedWhileTheProfilesLoadOpensTheProfileWhenTheyArrive() throws {
        var state = Self.loading()
        let load = try #require(App.loadProfiles(&state))
        state.press(.character("2"), .down, .enter)
        let client = try #require(state.top.page as? ClientPage).clientID
        state.press(.character("c"))
        #expect(state.top.page is ClientPage)
        let effects = App.update(&state, .finished(load.id, .careerProfile(.overview(ProfileOverview(definition: SmallProfile.definition)))))
        #expect(effects.contains { if case .store(_, .careerProfile(.open(let id))) = $0 { id == client } else { false } }, "\(effects)")
        #expect((state.top.page as? CareerProfilePage)?.clientID == client)
    }

    @Test func theJobSeekerPickerSaysTheProfilesAreLoading() throws {
        var state = Self.loading(data: Visits.data, today: Visits.wednesday, size: Size(rows: 24, columns: 80))
        state.press(.character("3"), .character("v"))
        state.type("caf")
        state.press(.enter, .enter, .character("p"), .enter, .enter, .enter)
        state.type("jos")
        let screen = state.screen()
        #expect(screen.lines.count == 24)
        let line = try #require(screen.lines.first { $0.contains("José Álvarez-Ruiz") }, "\n\(dump(screen))")
        #expect(line.contains("José Álvarez-Ruiz (career profiles loading… · Limited disclosure"), "\(line)")
    }

    @Test func theCaseloadShowsNoProfileDataAndLooksTheSame() {
        var loading = Self.loading()
        loading.press(.character("2"))
        var loaded = Program.state()
        loaded.press(.character("2"))
        #expect(loading.screen().lines == loaded.screen().lines)
    }
}
