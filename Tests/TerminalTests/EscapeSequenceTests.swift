import FieldbookUI
import Foundation
import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keys real terminals send are keys whatever TERM says: with TERM=xterm (whose entry
/// describes Home as ESC O H), Home as tmux sends it, ESC [ 1 ~, is Home, never Esc then keys.
@Suite(.serialized) @MainActor struct EscapeSequenceTests {
    /// The keys read from `bytes` typed on a headless terminal (TERM=xterm).
    func keys(typing bytes: String) throws -> [Key] {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        _ = bytes.utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress!, $0.count - 1) }
        close(ends[1])
        let terminal = try #require(TerminalSession.headless(size: Size(rows: 24, columns: 80), input: ends[0]))
        defer { terminal.stop() }
        var keys: [Key] = []
        // The resize the headless start queues comes first; a key with no action reads as nil.
        for _ in 0..<40 {
            if case .key(let key)? = terminal.read(timeoutMilliseconds: 20) { keys.append(key) }
        }
        return keys
    }

    @Test func homeEndAndTheOtherCommonSequencesAreKeys() throws {
        let esc = "\u{1B}"
        let typed = ["[1~", "[4~", "[7~", "[8~", "[H", "[F", "OH", "OF", "[5~", "[6~", "[3~", "[Z", "[A", "OB", "[11~", "OP", "[24~"]
        let expected: [Key] = [.home, .end, .home, .end, .home, .end, .home, .end, .pageUp, .pageDown, .delete, .backTab,
                               .up, .down, .function(1), .function(1), .function(12)]
        // Then Ctrl-arrows as xterm and tmux send them, and Insert, which has no action (and is
        // not Esc then keys either).
        let more = [esc + "[1;5D", esc + "[1;5C", esc + "[2~", "y"]
        let read = try keys(typing: typed.map { esc + $0 }.joined() + "x" + more.joined())
        #expect(read == expected + [.character("x"), .controlLeft, .controlRight, .character("y")], "\(read)")
    }
}
