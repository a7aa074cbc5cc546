import CNcursesw
import FieldbookUI

/// ncurses key codes and characters to Fieldbook keys.
enum TerminalKeys {
    /// Ctrl-arrows have no fixed code: ncurses names them kLFT5 and kRIT5 when the terminal has them.
    nonisolated(unsafe) static var controlLeft: Int32 = 0
    nonisolated(unsafe) static var controlRight: Int32 = 0

    /// Looks the codes up once the terminal is started, and teaches ncurses the common escape
    /// sequences of real terminals its terminfo entry may not describe.
    static func learnExtendedKeys() {
        controlLeft = key_defined("kLFT5")
        controlRight = key_defined("kRIT5")
        learnCommonSequences()
    }

    /// Codes Fieldbook gives Ctrl-Left and Ctrl-Right when the terminfo entry has none (past
    /// ncurses' own codes and the paste marker's).
    static let ownControlLeft = Int32(KEY_MAX) + 2
    static let ownControlRight = Int32(KEY_MAX) + 3

    /// What terminals send for the keys Fieldbook uses, in their common spellings (xterm, VT220,
    /// rxvt, the Linux console, tmux and screen): with `TERM=xterm-256color` inside tmux, Home
    /// arrives as `ESC [ 1 ~`, which that entry does not describe, and was read as Esc then keys
    /// (closing a form). A sequence the entry already binds keeps its meaning.
    static var commonSequences: [(sequence: String, code: Int32)] {
        let esc = "\u{1B}"
        var list: [(String, Int32)] = [
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
            ("[H", KEY_HOME), ("[F", KEY_END), ("OH", KEY_HOME), ("OF", KEY_END),
            ("[1~", KEY_HOME), ("[4~", KEY_END), ("[7~", KEY_HOME), ("[8~", KEY_END),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE), ("[Z", KEY_BTAB),
            ("OP", fb_key_f(1)), ("OQ", fb_key_f(2)), ("OR", fb_key_f(3)), ("OS", fb_key_f(4)),
            ("[[A", fb_key_f(1)), ("[[B", fb_key_f(2)), ("[[C", fb_key_f(3)), ("[[D", fb_key_f(4)), ("[[E", fb_key_f(5)),
        ]
        for (n, number) in [(1, 11), (2, 12), (3, 13), (4, 14), (5, 15), (6, 17), (7, 18), (8, 19), (9, 20), (10, 21), (11, 23), (12, 24)] {
            list.append(("[\(number)~", fb_key_f(Int32(n))))
        }
        return list.map { (esc + $0.0, $0.1) }
    }

    private static func learnCommonSequences() {
        for (sequence, code) in commonSequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
        // Ctrl-arrows as xterm, tmux and VTE send them: the code the entry gives them, else ours.
        controlLeft = learn("\u{1B}[1;5D", else: controlLeft > 0 ? controlLeft : ownControlLeft)
        controlRight = learn("\u{1B}[1;5C", else: controlRight > 0 ? controlRight : ownControlRight)
    }

    /// The code `sequence` is bound to, after binding it to `code` if it was bound to none.
    private static func learn(_ sequence: String, else code: Int32) -> Int32 {
        let bound = key_defined(sequence)
        if bound > 0 { return bound }
        if bound == 0 { define_key(sequence, code) }
        return code
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case controlLeft where controlLeft > 0: return .controlLeft
        case controlRight where controlRight > 0: return .controlRight
        default:
            for n in 1...12 where code == fb_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        // With nl() off, Enter sends a carriage return; Ctrl-J (a line feed) is a key of its own.
        case 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
