import FieldbookUI
import Terminal
import Testing

/// ncurses is one global state: these tests run one at a time on the main actor.
@Suite(.serialized) @MainActor struct HeadlessDrawTests {
    func sampleScreen(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        screen.fill(row: 0, style: .header)
        screen.put(" Fieldbook · Caseload", row: 0, column: 0, style: .header)
        screen.put("José Álvarez-Ruiz", row: 2, column: 1, style: .title)
        screen.put("王小明 (Ming)  Working", row: 3, column: 1, style: .selected)
        screen.put("Zoë Fernández  Ny\u{301}a", row: 4, column: 1)
        screen.put("Evil\u{1B}[31mName", row: 5, column: 1)
        screen.put("a cut line that is far too long for the space it is given", row: 6, column: 1, width: 20)
        screen.put("edge 王", row: 7, column: size.columns - 6)
        return screen
    }

    @Test func aDrawnScreenReadsBackIdentical() throws {
        let size = Size(rows: 24, columns: 80)
        let terminal = try #require(TerminalSession.headless(size: size))
        defer { terminal.stop() }
        let screen = sampleScreen(size)
        terminal.draw(screen)
        let back = terminal.readBack()
        #expect(back == screen.lines, "\n\(back.joined(separator: "\n"))")
        #expect(back[3] == " 王小明 (Ming)  Working")
        #expect(back[5] == " Evil^[[31mName")
        #expect(back[7].hasSuffix(" edge…"))
    }

    @Test func onlyChangesAreDrawnAndTheResultIsStillWhole() throws {
        let size = Size(rows: 24, columns: 80)
        let terminal = try #require(TerminalSession.headless(size: size))
        defer { terminal.stop() }
        var screen = sampleScreen(size)
        terminal.draw(screen)
        screen.put("小", row: 2, column: 2)            // over the middle of "José"
        screen.put("x", row: 3, column: 2)            // over the second half of 王
        terminal.draw(screen)
        #expect(terminal.readBack() == screen.lines)
        terminal.draw(Screen(size: size))
        #expect(terminal.readBack().allSatisfy { $0.isEmpty })
    }

    @Test func aWholeAppScreenRoundTrips() throws {
        let size = Size(rows: 24, columns: 80)
        let terminal = try #require(TerminalSession.headless(size: size, useColor: true))
        defer { terminal.stop() }
        var screen = Screen(size: size)
        for row in 0..<24 {
            screen.put("\(row) ÄÖÜ 日本語 ñ — line \(row) " + String(repeating: "·", count: row), row: row, column: row % 7)
        }
        terminal.draw(screen)
        #expect(terminal.readBack() == screen.lines)
    }

    /// Every cell reaches ncurses with its own attributes, when styles change from cell to cell,
    /// row to row, and from one frame to the next.
    @Test func eachCellKeepsItsStyle() throws {
        let size = Size(rows: 24, columns: 80)
        let terminal = try #require(TerminalSession.headless(size: size))
        defer { terminal.stop() }
        let styles: [Style] = [.normal, .header, .title, .selected, .muted, .input, .key, Style(bold: true, underline: true)]
        var screen = Screen(size: size)
        for row in 0..<4 {
            for column in 0..<20 {
                screen.put(column % 3 == 0 ? "é" : "x", row: row, column: column, style: styles[(row + column) % styles.count])
            }
        }
        for frame in 0..<2 {
            terminal.draw(screen)
            for row in 0..<4 {
                for column in 0..<20 {
                    let wanted = styles[(row + column + frame) % styles.count]
                    let shown = terminal.readBackStyle(row: row, column: column)
                    #expect(shown == Style(bold: wanted.bold, reverse: wanted.reverse, underline: wanted.underline, dim: wanted.dim),
                            "frame \(frame), row \(row), column \(column)")
                }
            }
            // The next frame moves every style one cell along.
            for row in 0..<4 {
                for column in 0..<20 {
                    screen.restyle(row: row, column: column, width: 1, style: styles[(row + column + 1) % styles.count])
                }
            }
        }
    }
}
