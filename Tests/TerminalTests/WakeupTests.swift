import FieldbookUI
import Foundation
import Terminal
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key loop waits on the terminal and on a `Wakeup` together: a ring (an answer from the
/// store, posted on another thread) ends the wait at once, and never costs a key.
@Suite(.serialized) @MainActor struct WakeupTests {
    /// The longest wait a read is given where the test expects a key or a ring to end it: a read
    /// that runs out instead has missed its wake-up, and takes at least this long to say so.
    static let longWait: Int32 = 30_000
    /// A headless terminal reading from a pipe the test types into; the pipe stays open.
    @MainActor final class Typed {
        let terminal: TerminalSession
        let writeEnd: Int32
        let readEnd: Int32

        init() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            readEnd = ends[0]
            writeEnd = ends[1]
            terminal = try #require(TerminalSession.headless(size: Size(rows: 24, columns: 80), input: ends[0]))
            // The resize the headless start queues.
            _ = terminal.read(timeoutMilliseconds: 0)
        }

        func type(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress!, $0.count - 1) }
        }

        deinit {
            MainActor.assumeIsolated { terminal.stop() }
            close(writeEnd)
            close(readEnd)
        }
    }

    @Test func aRingFromAnotherThreadEndsALongWait() throws {
        let typed = try Typed()
        let wakeup = try #require(Wakeup())
        // The other thread rings, then types a key two seconds later: a read that did not
        // wake on the ring would return that key instead of nil.
        let keyEnd = dup(typed.writeEnd)
        let ringer = Thread {
            usleep(50_000)
            wakeup.ring()
            usleep(2_000_000)
            _ = write(keyEnd, "z", 1)
            close(keyEnd)
        }
        ringer.start()
        #expect(typed.terminal.read(timeoutMilliseconds: Self.longWait, wakeup: wakeup) == nil)
        #expect(typed.terminal.read(timeoutMilliseconds: 10_000, wakeup: wakeup) == .key(.character("z")))
    }

    @Test func aKeyTypedBeforeTheRingComesFirstAndIsNotLost() throws {
        let typed = try Typed()
        let wakeup = try #require(Wakeup())
        typed.type("x")
        wakeup.ring()
        wakeup.ring()
        #expect(typed.terminal.read(timeoutMilliseconds: Self.longWait, wakeup: wakeup) == .key(.character("x")))
        // Two rings, one wake-up: then the wait runs to its timeout.
        let started = ContinuousClock.now
        #expect(typed.terminal.read(timeoutMilliseconds: Self.longWait, wakeup: wakeup) == nil)
        #expect(ContinuousClock.now - started < .milliseconds(Int(Self.longWait) / 2), "the ring did not end the wait")
        #expect(typed.terminal.read(timeoutMilliseconds: 10, wakeup: wakeup) == nil)
        typed.type("y")
        #expect(typed.terminal.read(timeoutMilliseconds: Self.longWait, wakeup: wakeup) == .key(.character("y")))
    }

    @Test func escapeSequencesStayWholeKeysWhenWaitingOnTheWakeup() throws {
        let typed = try Typed()
        let wakeup = try #require(Wakeup())
        let esc = "\u{1B}"
        typed.type(esc + "[A" + esc + "[1;5D" + "q" + esc + "[3~")
        var keys: [Key] = []
        for _ in 0..<4 {
            if case .key(let key)? = typed.terminal.read(timeoutMilliseconds: Self.longWait, wakeup: wakeup) { keys.append(key) }
        }
        #expect(keys == [.up, .controlLeft, .character("q"), .delete])
    }
}
