@testable import FieldbookUI
import Foundation
import SyntheticData
import Testing

/// Random texts (ASCII, spaces, newlines, CJK, combining marks, Esc, tabs, emoji) through
/// wrapping, cutting and padding: no crash, no hang, and what is laid out is the text: every
/// line within its width, nothing lost but the spaces a break takes, the first lines the same
/// however many are asked for. The time of growing texts is printed (linear: about twice for
/// twice the text), never asserted.
@Suite struct TextLayoutFuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["FIELDBOOK_FUZZ_CASES"] ?? "") ?? 3_000

    static let pieces = ["a", "b", "word", " ", "  ", "\n", "王", "小明", "e\u{301}", "\u{1B}", "\t", "👍", "x\u{1B}[2J", "é", "-"]

    static func text(_ rng: inout SeededRandom, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// The text without what a break may take (spaces, newlines).
    static func kept(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0 != "\n" }))
    }

    @Test func randomTextsWrapCutAndPadWithinTheirWidthAndLoseNothing() {
        var rng = SeededRandom(seed: 0xF1E1_DB00)
        var lines = 0
        for _ in 0..<Self.cases {
            let text = Self.text(&rng, pieces: Int.random(in: 0...80, using: &rng))
            let width = Int.random(in: 2...30, using: &rng)
            let wrapped = TextCells.wrap(text, width: width)
            lines += wrapped.count
            for line in wrapped {
                #expect(TextCells.width(line) <= width, "\(line.debugDescription) wider than \(width)")
            }
            #expect(Self.kept(wrapped.joined()) == Self.kept(text), "\(text.debugDescription) at \(width)")
            // A newline always starts a line.
            #expect(wrapped.count >= text.split(separator: "\n", omittingEmptySubsequences: false).count)
            let limit = Int.random(in: 1...5, using: &rng)
            let first = TextCells.wrap(text, width: width, upTo: limit)
            #expect(first.lines == Array(wrapped.prefix(limit)))
            #expect(first.more == (wrapped.count > limit))
            #expect(TextCells.width(TextCells.truncate(text, to: width)) <= width)
            #expect(TextCells.width(TextCells.pad(text, to: width)) == width)
        }
        print("Layout fuzz proof: \(Self.cases) random texts wrapped into \(lines) lines, cut and padded; 0 crashes, 0 hangs")
    }

    @Test(.timeLimit(.minutes(1)))
    func wrappingTimeGrowsWithTheText() {
        var rng = SeededRandom(seed: 7)
        let unit = Self.text(&rng, pieces: 50_000)
        var figures: [String] = []
        for copies in [1, 2, 4] {
            let text = String(repeating: unit, count: copies)
            let start = ContinuousClock.now
            let lines = TextCells.wrap(text, width: 70)
            let took = ContinuousClock.now - start
            #expect(!lines.isEmpty)
            figures.append("\(text.utf8.count / 1024) KB: \(took)")
        }
        print("Wrap of growing random texts at 70 columns: " + figures.joined(separator: ", "))
    }
}
