import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

@Suite struct AppBehaviourTests {
    @Test func controlBBlanksAtOnceAndAnyKeyBringsItBack() {
        var state = Program.state()
        state.press(.control("b"))
        let blank = state.screen()
        #expect(!blank.text.contains("José"))
        #expect(!blank.text.contains("Maria"))
        #expect(blank.text.contains("Fieldbook is hidden. Press any key."))
        state.press(.character("q"))       // consumed: does not quit
        #expect(!state.isQuitting)
        #expect(state.screen().text.contains("José"))
        // Even while a question waits for its answer.
        state.press(.character("n"))
        state.type("Half")
        state.press(.escape, .control("b"))
        #expect(state.isBlanked)
        state.press(.character("x"))
        #expect(state.screen().lines[22].hasPrefix(" Discard the changes"))
    }

    @Test func blanksAfterTheIdleTimeFromSettings() {
        var state = Program.state()
        let start = state.now
        App.update(&state, .tick(start.addingTimeInterval(4 * 60)))
        #expect(!state.isBlanked)
        App.update(&state, .tick(start.addingTimeInterval(5 * 60 + 1)))
        #expect(state.isBlanked)
        state.press(.down)
        App.update(&state, .tick(start.addingTimeInterval(6 * 60)))
        #expect(!state.isBlanked)
        state.data.settings.idleLockMinutes = 1
        App.update(&state, .tick(start.addingTimeInterval(7 * 60 + 1)))
        #expect(state.isBlanked)
    }

    @Test func tabsAreReachableByNumberAndTab() {
        var state = Program.state()
        state.press(.character("1"))
        #expect(state.screen().tabRow.hasPrefix(" [1 Today]  2 Caseload"))
        #expect(state.screen().lines[3].hasPrefix(" Employer contacts F2F 0/2"))
        state.press(.tab, .tab)
        #expect(state.tab == 2)
        state.workOutReports(state.press(.backTab, .backTab, .backTab))
        #expect(state.tab == 3)
        let lines = state.screen().lines
        #expect(lines[3].hasPrefix(" Reports · 2026 Q4 (October to December)"))
        #expect(lines[5].hasPrefix(" Employment rate  "))
    }

    @Test func unreadableEmployerFilesAreNamedOnTheEmployersTab() {
        var data = Program.data
        data.problems = [DataProblem(path: "employers/x.json", kind: .employer, message: "not valid JSON")]
        var state = AppState(data: data, today: Program.today)
        state.press(.character("3"))
        #expect(state.screen().bodyLine(containing: "⚠ 1 UNREADABLE file: employers/x.json") != nil)
    }

    @Test func helpIsMadeFromTheKeyMap() {
        var state = Program.state(size: Size(rows: 400, columns: 200))
        state.press(.function(1))
        let text = state.screen().text
        for binding in KeyMap.bindings {
            #expect(text.contains(binding.keyLabel + "  "), "help lacks the keys \(binding.keyLabel)")
            #expect(text.contains(binding.help), "help lacks: \(binding.help)")
        }
        // At 80x24 it scrolls to its last line.
        App.update(&state, .resize(Size(rows: 24, columns: 80)))
        state.press(.end)
        #expect(state.screen().message.contains("the next one."))
        #expect(state.screen().keyLine == " Esc close")
        state.press(.escape)
        #expect(state.pages.isEmpty)
    }

    @Test func theKeyLineShowsOnlyKeysThatWorkHere() {
        for (contexts, line) in [([KeyContext.caseload, .lists, .top, .everywhere], "Enter open"),
                                 ([.client, .lists, .everywhere], "n log contact")] {
            let items = KeyMap.keyLine(for: contexts)
            #expect(items.map { "\($0.keys) \($0.text)" }.contains(line))
            for item in items {
                let binding = KeyMap.bindings.first { $0.short == item.text && contexts.contains($0.context) }
                #expect(binding != nil, "\(item) is not in the key map")
            }
        }
    }

    @Test func quitOnlyFromTheTop() {
        var state = Program.state()
        state.press(.down, .enter)
        state.press(.character("n"))
        state.type("q")
        #expect(!state.isQuitting)
        state.press(.escape, .character("y"), .escape)
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func ctrlRReadsTheFolderAgainAndKeepsAnOpenForm() {
        var state = Program.state()
        state.press(.down, .enter, .character("n"), .tab, .tab)
        state.type("Library")
        #expect(asksToReload(state.press(.control("r"))))
        var fresh = Program.data
        fresh.clients[0].notes = "changed elsewhere"
        state.answer(.reloaded(fresh))
        #expect(state.screen().lines[22] == " Read the data folder again.")
        guard let client = savedClient(state.press(.control("s"))) else {
            Issue.record("no save")
            return
        }
        #expect(client.notes == "changed elsewhere")
        #expect(client.contacts.last?.place == "Library")
    }

    @Test func backOnTheCaseloadTheClientSeenIsSelected() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Aaron Able")
        guard let client = savedClient(state.press(.control("s"))) else { return }
        state.answer(.saved(.client(client)))
        state.press(.escape)
        #expect(state.screen().lines[4].hasPrefix("▸Aaron Able"))
        state.press(.down, .down, .enter, .escape)
        #expect(state.screen().lines[6].hasPrefix("▸José"))
    }

    @Test func ctrlLAsksForARepaint() {
        var state = Program.state()
        #expect(state.press(.control("l")) == [.redraw])
    }
}

@Suite struct TextCellTests {
    @Test func widthsFollowTheTerminalModel() {
        #expect(TextCells.width("abc") == 3)
        #expect(TextCells.width("José") == 4)
        #expect(TextCells.width("Jose\u{301}") == 4)      // combining accent adds no column
        #expect(TextCells.width("王小明") == 6)
        #expect(TextCells.width("a\u{1B}b") == 4)          // a ^[ b
    }

    @Test func controlCharactersAreEscaped() {
        #expect(TextCells.cells("a\u{1B}[1m").map(\.text).joined() == "a^[[1m")
        #expect(TextCells.cells("x\ny\tz\u{7F}").map(\.text).joined() == "x^Jy^Iz^?")
        #expect(TextCells.cells("\u{9B}31m").map(\.text).joined() == "<U+009B>31m")
        #expect(TextCells.cells("a\u{202E}b").map(\.text).joined() == "a<U+202E>b")
    }

    @Test func truncationNeverSplitsAWideGlyph() {
        #expect(TextCells.truncate("王小明王小明", to: 6) == "王小…")
        #expect(TextCells.truncate("王小明", to: 6) == "王小明")
        #expect(TextCells.truncate("abcdef", to: 4) == "abc…")
        var screen = Screen(size: Size(rows: 1, columns: 5))
        screen.put("ab王小", row: 0, column: 0)
        #expect(screen.line(0) == "ab王…")
        var edge = Screen(size: Size(rows: 1, columns: 3))
        edge.put("王", row: 0, column: 2)
        #expect(edge.line(0) == "  …")
    }

    @Test func overwritingHalfAWideGlyphLeavesNoHalf() {
        var screen = Screen(size: Size(rows: 1, columns: 6))
        screen.put("王小明", row: 0, column: 0)
        screen.put("x", row: 0, column: 1)
        #expect(screen.line(0) == " x小明")
        screen.put("y", row: 0, column: 2)
        #expect(screen.line(0) == " xy 明")
    }

    @Test func wrappingKeepsWordsAndWidths() {
        #expect(TextCells.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextCells.wrap("王小明王小明", width: 4) == ["王小", "明王", "小明"])
        #expect(TextCells.wrap("a\nb", width: 5) == ["a", "b"])
    }
}
