import FieldbookCore
import FieldbookUI
import Foundation
import Testing

/// The folder question the print keys ask, drawn headless at 80x24.
@Suite struct PrintPagesScreenTests {
    /// José's client page, then `key` (p or P).
    func asked(_ key: Character) -> AppState {
        var state = Program.state()
        state.press(.character("/"))
        state.type("jose")
        state.press(.enter, .enter)
        state.press(.character(key))
        return state
    }

    @Test func theQuestionOffersAFolderUnderHome() {
        let state = asked("p")
        let lines = state.screen().lines
        #expect(lines.contains { $0.hasPrefix(" Printable pages of José") }, "\n\(dump(state.screen()))")
        #expect(lines.contains { $0.contains("Folder: ") && $0.contains("~/fieldbook-pages") }, "\n\(dump(state.screen()))")
        #expect(lines.contains { $0.contains("career profile and client summary") }, "\n\(dump(state.screen()))")
        #expect(lines[23].contains("Enter write") && lines[23].contains("Esc cancel"), "\(lines[23])")
    }

    @Test func withoutSensitiveItSaysSoAndEscPrintsNothing() {
        var state = asked("P")
        #expect(state.screen().text.contains("sensitive questions left out"), "\n\(dump(state.screen()))")
        let effects = state.press(.escape)
        #expect(!effects.contains { if case .store = $0 { true } else { false } })
        #expect(state.screen().lines.contains { $0.contains("Nothing was printed.") }, "\n\(dump(state.screen()))")
        #expect(!state.screen().text.contains("Folder: "))
    }

    @Test func aRefusalKeepsTheFolderAsTypedToPutRight() {
        var state = asked("P")
        state.type("/data/fieldbook/pages")
        let effects = state.press(.enter)
        let job = effects.compactMap { effect -> PrintPagesJob? in
            if case .store(_, .careerProfile(.printPages(let job))) = effect { job } else { nil }
        }.first
        #expect(job?.omitSensitive == true)
        #expect(job?.pages == [.profile, .summary])
        #expect(job?.today == Program.today)
        state.answer(.failed(.io(path: "/data/fieldbook/pages", reason: "the data folder is shared with a team")))
        let text = state.screen().text
        #expect(text.contains("Nothing was printed"), "\n\(dump(state.screen()))")
        #expect(text.contains("/data/fieldbook/pages"))
        #expect(state.screen().lines.contains { $0.contains("Folder: ") && $0.contains("/data/fieldbook/pages") }, "still asking")
        // An empty folder is not sent.
        state.press(.control("u"))
        state.press(.end)
        for _ in 0..<30 { state.press(.backspace) }
        #expect(!state.press(.enter).contains { if case .store = $0 { true } else { false } })
    }

    @Test func aTinyTerminalGetsAMessage() {
        var state = asked("p")
        App.update(&state, .resize(Size(rows: 12, columns: 40)))
        #expect(state.screen().text.contains("Make the window larger"))
    }
}
