import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Text layout (wrapping, cutting, measuring) reads a text once, and no further than what is
/// shown: a word of megabytes pasted into a note opens its client page at once. The time limits
/// only stop a hang (the old layout took minutes on these texts); figures are printed.
@Suite struct LongTextLayoutTests {
    @Test func wrappingBreaksAtSpacesCutsLongWordsAndKeepsWideGlyphsWhole() {
        #expect(TextCells.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextCells.wrap("  one   two  ", width: 20) == ["one two"])
        #expect(TextCells.wrap("ab abcdefghij k", width: 4) == ["ab", "abcd", "efgh", "ij k"])
        #expect(TextCells.wrap("王小明王小明", width: 5) == ["王小", "明王", "小明"])
        #expect(TextCells.wrap("one\n\ntwo\n", width: 10) == ["one", "", "two", ""])
        #expect(TextCells.wrap("", width: 10) == [""])
        #expect(TextCells.wrap("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
        // An Esc takes the two columns of its escape, ^[.
        #expect(TextCells.wrap("ab\u{1B}cd", width: 3) == ["ab", "\u{1B}c", "d"])
        let first = TextCells.wrap("aaaa bbbb cccc dddd", width: 4, upTo: 2)
        #expect(first.lines == ["aaaa", "bbbb"] && first.more)
        let all = TextCells.wrap("aaaa bbbb", width: 4, upTo: 2)
        #expect(all.lines == ["aaaa", "bbbb"] && !all.more)
    }

    @Test(.timeLimit(.minutes(1)))
    func aLongWordIsCutIntoLinesInOnePass() {
        let word = String(repeating: "x", count: 2_000_000)
        let start = ContinuousClock.now
        let lines = TextCells.wrap("before " + word + " after", width: 70)
        print("wrap of a 2 MB word at 70 columns: \(ContinuousClock.now - start)")
        #expect(lines.first == "before")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.utf8.count == 70 })
        #expect(lines.dropFirst().joined() == word + " after")
        #expect(lines.count == 1 + (2_000_000 + 69) / 70)
    }

    @Test(.timeLimit(.minutes(1)))
    func cuttingAndDrawingReadOnlyWhatShows() {
        let word = String(repeating: "é", count: 20_000_000)
        let start = ContinuousClock.now
        #expect(TextCells.truncate(word, to: 10) == String(repeating: "é", count: 9) + "…")
        #expect(TextCells.pad(word, to: 5) == "éééé…")
        var screen = Screen(size: Size(rows: 2, columns: 12))
        screen.put(word, row: 0, column: 0)
        screen.put(String(repeating: "y", count: 20_000_000), row: 1, column: 0)
        #expect(screen.lines == [String(repeating: "é", count: 11) + "…", String(repeating: "y", count: 11) + "…"])
        print("cutting and drawing 20 MB texts: \(ContinuousClock.now - start)")
    }

    /// José's notes are one word of 200 MB: his page lays out the first lines of it, says it
    /// was cut and how long it is, and scrolls over a page of bounded length.
    @Test(.timeLimit(.minutes(1)))
    func aClientPageWithA200MBWordOpensWithTheTextCut() throws {
        var data = Program.data
        let index = try #require(data.clients.firstIndex { $0.id == Program.id(101) })
        data.clients[index].notes = String(repeating: "z", count: 200_000_000)
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: Size(rows: 24, columns: 80))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"))
        let start = ContinuousClock.now
        state.press(.down, .enter, .end)
        let screen = state.screen()
        print("client page with a 200 MB word in its notes, opened and scrolled to the end: \(ContinuousClock.now - start)")
        #expect(screen.text.contains("… cut here: 200,000,000 bytes in all; fieldbook export writes it whole"), "\n\(dump(screen))")
        let position = try #require(screen.lines[21].firstMatch(of: #/lines \d+-(\d+) of (\d+)/#), "\n\(dump(screen))")
        #expect(Int(position.2).map { $0 < 2 * ClientPage.linesPerText } == true, "\n\(dump(screen))")
    }

    /// The employer page lays out only what it shows too: 20 MB of notes on an employer.
    @Test(.timeLimit(.minutes(1)))
    func anEmployerPageWithHugeNotesOpensWithTheTextCut() throws {
        var data = Visits.data
        let index = try #require(data.employers.firstIndex { $0.id == Visits.cafe.id })
        data.employers[index].notes = String(repeating: "n", count: 20_000_000)
        var state = AppState(data: data, today: Visits.wednesday, userSpecialistID: Program.maria.id, size: Size(rows: 24, columns: 80))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_450_000)))
        state.press(.character("3"))
        #expect(state.screen().text.contains("Café Lumière"), "\n\(dump(state.screen()))")
        state.press(.enter, .end)
        let screen = state.screen()
        #expect(screen.text.contains("… cut here: 20,000,000 bytes in all"), "\n\(dump(screen))")
    }
}
