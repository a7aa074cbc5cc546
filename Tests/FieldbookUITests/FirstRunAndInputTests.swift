import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Pastes, tiny windows, Ctrl-C, long messages, who you are, the Team tab and the PIN.
@Suite struct FirstRunAndInputTests {
    /// The caseload's new-client form, with the name field focused.
    func newClientForm() -> AppState {
        var state = Program.state()
        state.press(.character("n"))
        return state
    }

    func paste(_ text: String, into state: inout AppState) -> [Effect] {
        App.update(&state, .paste(text))
    }

    @Test func aPasteHoldingEscapeIsTextInTheFieldAndNeverAKey() {
        var state = newClientForm()
        state.type("Al")
        _ = paste("\u{1B}yes", into: &state)
        // The form is still open, nothing was discarded, and no question is asked.
        #expect(state.formPage != nil)
        #expect(state.formPage?.confirmingDiscard == false)
        #expect(state.form?.field("name")?.text == "Alyes")
        // A colour sequence and a newline: kept as text, never switching tabs or saving.
        _ = paste("\u{1B}[31mRED\nnext", into: &state)
        #expect(state.formPage != nil)
        #expect(state.form?.field("name")?.text == "Alyes[31mRED next")
        #expect(state.form?.focusedPath == FieldPath(FieldID("name")))
        #expect(state.tab == 1) // the caseload, where the fixture starts
    }

    @Test func aPasteOutsideATextFieldIsIgnoredWithAShortMessage() {
        var state = Program.state()
        let before = state.tabPage(CaseloadPage.self)?.query
        let effects = paste("\u{1B}s2q", into: &state)
        #expect(effects.isEmpty)
        #expect(!state.isQuitting)
        #expect(state.tabPage(CaseloadPage.self)?.query == before)
        #expect(state.tab == 1) // the caseload, where the fixture starts
        #expect(state.screen().text.contains("Nothing was pasted"))
    }

    @Test func keysDoNothingWhileTheWindowIsTooSmall() {
        var state = newClientForm()
        App.update(&state, .resize(Size(rows: 20, columns: 60)))
        state.type("XYZ")
        let effects = state.press(.control("s"), .escape, .character("n"))
        #expect(effects.isEmpty)
        #expect(state.form?.field("name")?.text == "")
        #expect(state.formPage != nil)
        #expect(state.screen().text.contains("Make the window larger"))
        App.update(&state, .resize(Size(rows: 24, columns: 80)))
        #expect(state.formPage != nil)
    }

    @Test func controlCWithUnsavedChangesAsksFirst() {
        var state = newClientForm()
        state.type("Half a name")
        #expect(App.update(&state, .interrupt).isEmpty)
        #expect(state.isConfirmingQuit)
        #expect(state.screen().message.contains("Quit and lose the unsaved changes?"))
        state.press(.character("n"))
        #expect(!state.isConfirmingQuit)
        #expect(state.form?.field("name")?.text == "Half a name")
        App.update(&state, .interrupt)
        #expect(state.press(.character("y")) == [.quit])
        // Without changes, Ctrl-C quits at once.
        var clean = Program.state()
        #expect(App.update(&clean, .interrupt) == [.quit])
    }

    @Test func aFailedSaveShowsItsCauseFirstAtEightyColumns() {
        var state = newClientForm()
        state.type("Someone New")
        state.press(.control("s"))
        let path = "/home/specialist/.local/share/fieldbook/clients/27f2c1d0-8e0b-4a51-9c7e-1f0a3d9b6e42.json"
        state.answer(.failed(.io(path: path, reason: "Permission denied")))
        let text = state.screen().lines[21...22].joined(separator: " ")
        #expect(text.contains("Not saved: permission denied (clients/27f2c1d0…)"), "\(dump(state.screen()))")
        // The key from the key map shows the message in full.
        state.press(.control("p"))
        #expect(state.screen().text.contains("permission denied"))
    }

    @Test func aLongMessageWrapsToTwoLinesAndEndsWithAnEllipsisBeyond() {
        var screen = Screen(size: Size(rows: 24, columns: 80))
        let long = String(repeating: "word ", count: 20) + "the cause at the end"
        screen.putWrapped(long, lastRow: 22, style: .danger)
        #expect(screen.message.contains("the cause at the end"))
        screen = Screen(size: Size(rows: 24, columns: 80))
        screen.putWrapped(String(repeating: "word ", count: 60), lastRow: 22, style: .danger)
        #expect(screen.lines[22].hasSuffix("…"))
        #expect(screen.lines[20].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    // MARK: Who you are

    @Test func theFirstStartAsksYourNameAndMakesYouASpecialist() throws {
        var state = AppState(data: DataSnapshot(), today: Program.today, askWhoYouAre: true)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        #expect(state.screen().text.contains("Who are you?"))
        // Nobody to pick in a new folder: the name is the first field.
        state.type("Ana Lima")
        let effects = state.press(.control("s"))
        let request = effects.compactMap { if case .store(_, .saveSpecialist(let s)) = $0 { s } else { nil } }.first
        let specialist = try #require(request)
        #expect(specialist.name == "Ana Lima")
        let after = state.answer(.saved(.specialist(specialist)))
        #expect(after.contains(.rememberSpecialist(specialist.id)))
        #expect(state.userSpecialistID == specialist.id)
        #expect(state.formPage == nil)
        #expect(state.screen().header.contains("Ana Lima"))
        // A contact logged now says who logged it.
        var client = Program.client(9, "New Person", .engaging, Specialist(id: specialist.id, name: "Ana Lima"), entry: "2026-11-01")
        client.specialistID = nil
        App.update(&state, .finished(RequestID(999), .saved(.client(client))))
        #expect(state.userSpecialistID == specialist.id)
    }

    @Test func theFirstStartCanPickAnExistingSpecialist() {
        var state = AppState(data: Program.data, today: Program.today, askWhoYouAre: true)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("d"))      // "Daniel Whitehorse", picked by its first letter
        let effects = state.press(.control("s"))
        #expect(effects.contains(.rememberSpecialist(Program.daniel.id)))
        #expect(state.userSpecialistID == Program.daniel.id)
        // Today, under the form, is now Daniel's agenda, not everyone's.
        #expect(state.top.page is TodayPage)
        #expect((state.top.page as? TodayPage)?.specialistFilter == Program.daniel.id)
        #expect(state.screen().body[0].hasPrefix(" Daniel Whitehorse"), "\(dump(state.screen()))")
    }

    /// Esc does not skip "Who are you?": no record is made without a specialist.
    @Test func escapeDoesNotSkipWhoYouAre() {
        var state = AppState(data: Program.data, today: Program.today, askWhoYouAre: true)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.escape)
        #expect(state.formPage?.purpose is WhoYouAreForm)
        #expect(state.message?.text.hasPrefix("Fieldbook needs to know who you are") == true)
        state.type("d")
        state.press(.escape)
        #expect(state.formPage?.purpose is WhoYouAreForm)
        #expect(state.formPage?.confirmingDiscard == false)
        #expect(state.userSpecialistID == nil)
    }

    @Test func aNewFolderDoesNotShowAnEmptyCaseloadHeader() {
        var state = AppState(data: DataSnapshot(), today: Program.today)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"))
        let text = state.screen().text
        #expect(!text.contains("Active caseloads:  ·"))
        #expect(text.contains("No specialists yet (T: the team)"))
    }

    @Test func deactivatingASpecialistWithClientsAsksWhoTakesThemOver() throws {
        var state = Program.state()
        state.press(.character("T"))
        #expect(state.screen().text.contains("Maria Okafor (you)"))
        // Active first, by name: Daniel, then Maria.
        state.press(.down, .character("d"))
        #expect(state.screen().text.contains("Deactivate Maria Okafor"))
        #expect(state.form?.field("successor") != nil)
        let effects = state.press(.control("s"))
        #expect(effects.contains { if case .store(_, .deactivateSpecialist(Program.maria.id, handingClientsTo: Program.daniel.id)) = $0 { true } else { false } })
    }

    // MARK: PIN

    @Test func withAPinTheBlankedScreenComesBackOnlyAfterIt() {
        var state = Program.state()
        state.pin = PINHash(pin: "2468", rounds: 1000)
        state.press(.control("b"))
        state.press(.character("x"))
        #expect(state.isBlanked)
        state.type("1111")
        state.press(.enter)
        #expect(state.isBlanked)
        #expect(state.screen().text.contains("Wrong PIN"))
        #expect(!state.screen().text.contains("José"))
        state.type("2468")
        state.press(.enter)
        #expect(!state.isBlanked)
        #expect(state.screen().text.contains("José"))
    }
}

/// A window below 80x24 says how to quit, and q quits there (asking first when something typed
/// is not saved); other keys still do nothing.
@Suite struct TinyWindowTests {
    @Test func qQuitsFromATinyWindowAndTheScreenSaysSo() {
        var state = Program.state(size: Size(rows: 10, columns: 40))
        #expect(state.screen().text.contains("q quits."))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.topPage == nil, "n did nothing")
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func qInATinyWindowAsksFirstWhenSomethingTypedIsNotSaved() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Half a name")
        App.update(&state, .resize(Size(rows: 10, columns: 40)))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.isConfirmingQuit)
        #expect(state.screen().text.contains("Quit"))
        #expect(state.press(.character("y")) == [.quit])
    }
}
