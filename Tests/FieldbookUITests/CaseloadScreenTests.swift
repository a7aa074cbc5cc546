import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

@Suite struct CaseloadScreenTests {
    @Test func theCaseloadAt80x24() {
        let screen = Program.state().screen()
        let expected = [
            " Fieldbook · IPS Sup…  F2F 0/2 · 2 to go · ends today · Maria · Sun 22 Nov 2026",
            "  1 Today  [2 Caseload]  3 Employers   4 Reports",
            " Active caseload: Maria Okafor 4/20 · showing active                        1/4",
            " Name ▲            Status        Specialist      Days  Last contact  Next due",
            "▸Anna-Maria Kowa…  Follow-along  Maria Okafor     465  2026-10-30    13 Sep 2025",
            " José Álvarez-Ru…  Job search    Maria Okafor     168  2026-11-20    7 Jul",
            " Zoë Fernández     Engaging      Maria Okafor      21  never         1 Dec",
            " 王小明 (Ming)     Working       Maria Okafor     558  2026-11-02    12 Jun 2025",
        ] + Array(repeating: "", count: 15) + [
            " Enter open  / search  n new  s sort  f specialist  t status  ? more keys",
        ]
        #expect(screen.lines == expected, "\n\(dump(screen))")
        // The selected row is marked by reverse video, not colour alone.
        #expect(screen[4, 10].style.reverse)
        #expect(!screen[5, 10].style.reverse)
    }

    @Test func wideGlyphsTakeTwoColumnsAndColumnsStayAligned() {
        let screen = Program.state().screen()
        let row = 7
        #expect(screen[row, 1].text == "王" && screen[row, 1].width == 2)
        #expect(screen[row, 2].isContinuation)
        #expect(screen.line(row).contains("Working"))
        // "Working" starts in the same column on every row: widths are counted in cells.
        let statusColumn = (0..<80).first { screen[row, $0].text == "W" }
        let otherColumn = (0..<80).first { screen[5, $0].text == "J" && screen[5, $0 + 1].text == "o" && $0 > 15 }
        #expect(statusColumn == otherColumn)
    }

    @Test func everyoneAndTheOverLimitWarning() {
        var state = Program.state()
        state.data.settings.caseloadLimit = 3
        state.press(.character("f"))
        let screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Active caseloads: Daniel 1/3, Maria 4/3 ⚠ OVER LIMIT · showing active"), "\(screen.lines[2])")
        #expect(screen.lines.contains { $0.contains("Jamal Washington") })
        state.press(.character("f"))
        #expect(state.screen().lines[2].hasPrefix(" Active caseload: Daniel Whitehorse 1/3"))
    }

    @Test func searchIgnoresAccentsAndKeepsItsResult() {
        var state = Program.state()
        state.press(.character("/"))
        state.type("jose")
        var screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Search: jose   1 found · Tab: everyone's"))
        #expect(screen.lines[4].hasPrefix("▸José Álvarez-Ru…"))
        #expect(screen.lines[5].isEmpty)
        #expect(screen.keyLine == " type to search  Enter keep  Tab everyone  Esc clear  F1 more keys")
        state.press(.enter)
        screen = state.screen()
        #expect(screen.bodyLine(containing: "· search \"jose\"") != nil)
        #expect(screen.keyLine.hasPrefix(" Esc clear search  Enter open"))
        state.press(.escape)
        #expect(state.screen().lines[7].hasPrefix(" 王小明"))
    }

    @Test func searchWithNoMatchSaysSo() {
        var state = Program.state()
        state.press(.character("/"))
        state.type("nobody")
        // While typing, f would go into the search: the hint names Tab (everyone's clients), then Esc.
        #expect(state.screen().bodyLine(containing: "No clients match here. Tab searches every specialist's clients") != nil)
        state.press(.tab)
        #expect(state.screen().bodyLine(containing: "No clients match. Esc clears the search; then f changes") != nil)
        state.press(.tab)
        state.type("f")
        #expect(state.tabPage(CaseloadPage.self)?.search.text == "nobodyf")
    }

    /// The caseload list of a screen: its column headings and its rows, first row first.
    func caseloadList(_ screen: Screen) -> (headings: String, rows: [String]) {
        (screen.body[1], Array(screen.body.dropFirst(2)))
    }

    @Test func sortingCyclesColumnsAndReverses() {
        var state = Program.state()
        state.press(.character("s"))            // status
        var list = caseloadList(state.screen())
        #expect(list.headings.contains("Status ▲"))
        #expect(list.rows.first?.contains("Zoë Fernández") == true)          // engaging comes first
        state.press(.character("s"), .character("s"))  // days in program: newest first
        list = caseloadList(state.screen())
        #expect(list.headings.contains("Days▲"))
        #expect(list.rows.first?.contains("Zoë Fernández") == true)
        state.press(.character("r"))
        #expect(caseloadList(state.screen()).rows.first?.contains("王小明") == true)
        state.press(.character("s"))            // last contact: never first
        #expect(caseloadList(state.screen()).rows.first?.contains("never") == true)
    }

    @Test func statusFilterShowsClosedClientsOnRequest() {
        var state = Program.state()
        #expect(!state.screen().text.contains("Robert Whitfield"))
        state.press(.character("t"))            // all statuses
        #expect(state.screen().text.contains("Robert Whitfield"))
        #expect(state.screen().bodyLine(containing: "showing all statuses") != nil)
    }

    @Test func movingKeepsTheSelectionOnScreen() {
        var data = Program.data
        for n in 0..<40 {
            data.clients.append(Program.client(200 + n, "Person \(String(format: "%02d", n))", .jobSearch, Program.maria, entry: "2026-01-01"))
        }
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id)
        state.press(.character("2"))
        state.press(.end)
        var screen = state.screen()
        #expect(screen.lines[21].hasPrefix("▸王小明"))
        #expect(screen.lines[2].hasSuffix("44/44"))
        state.press(.home, .pageDown)
        screen = state.screen()
        #expect(screen.lines[2].hasSuffix("18/44"))
        #expect(screen.lines.contains { $0.hasPrefix("▸") })
        state.press(.character("k"), .up)
        #expect(state.tabPage(CaseloadPage.self)?.position.selected == 15)
    }

    @Test func anUnreadableFileIsListedNotHidden() {
        var data = Program.data
        data.problems = [DataProblem(path: "clients/abc.json", kind: .client, message: "not valid JSON at line 3, column 5")]
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id)
        #expect(state.screen().message.contains("1 file could not be read"))
        state.press(.character("2"))
        let screen = state.screen()
        #expect(screen.lines[8] == " ⚠ UNREADABLE clients/abc.json: not valid JSON at line 3, column 5")
        state.press(.end, .enter)
        #expect(state.pages.isEmpty)
        #expect(state.message?.text.contains("clients/abc.json could not be read") == true)
    }

    @Test func anEscapeInANameIsShownEscaped() throws {
        var data = Program.data
        data.clients[0].name = "Evil\u{1B}[31mName\tTab"
        data.clients[0].preferredName = nil
        let screen = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id).screen()
        let row = try #require(screen.lines.firstIndex { $0.contains("Evil") })
        #expect(screen.lines[row].contains("Evil^[[31mName^ITab"))
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func belowTheMinimumSizeAPlainMessage() {
        let screen = Program.state().screen(Size(rows: 20, columns: 60))
        #expect(screen.lines[9] == "            Make the window larger (now 60x20).")
        #expect(screen.lines[10] == "              Fieldbook needs at least 80x24.")
        #expect(!screen.text.contains("José"))
        // Tiny and empty terminals draw without trouble.
        #expect(Program.state().screen(Size(rows: 2, columns: 5)).lines.count == 2)
        #expect(Program.state().screen(Size(rows: 0, columns: 0)).lines.isEmpty)
    }

    @Test func largeWindowsUseTheSpace() {
        let screen = Program.state().screen(Size(rows: 40, columns: 120))
        #expect(screen.lines[4].hasPrefix("▸Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe  "))
        #expect(screen.keyLine.contains("? more keys"))
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var data = Program.data
        for n in 0..<40 {
            data.clients.append(Program.client(300 + n, "Person \(n)", .jobSearch, Program.maria, entry: "2026-01-01"))
        }
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: Size(rows: 40, columns: 100))
        state.press(.character("2"))
        state.press(.end)
        App.update(&state, .resize(Size(rows: 24, columns: 80)))
        #expect(state.screen().lines.contains { $0.hasPrefix("▸王小明") })
    }

    @Test func theRowsAreBuiltPerChangeNotPerKeyOrFrame() {
        var state = Program.state()
        let before = state.tabPage(CaseloadPage.self)?.builds
        for _ in 0..<10 { state.press(.down) }
        state.press(.up, .end, .home)
        _ = state.screen()
        App.update(&state, .tick(state.now.addingTimeInterval(1)))
        #expect(state.tabPage(CaseloadPage.self)?.builds == before)
        state.press(.character("s"))
        #expect(state.tabPage(CaseloadPage.self)?.builds == before.map { $0 + 1 })
    }
}
