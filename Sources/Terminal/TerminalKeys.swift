import CNcursesw
import FieldbookUI

/// ncurses key codes and characters to Fieldbook keys.
enum TerminalKeys {
    /// Ctrl-arrows have no fixed code: ncurses names them kLFT5 and kRIT5 when the terminal has them.
    nonisolated(unsafe) static var controlLeft: Int32 = 0
    nonisolated(unsafe) static var controlRight: Int32 = 0

    /// Looks the codes up once the terminal is started.
    static func learnExtendedKeys() {
        controlLeft = key_defined("kLFT5")
        controlRight = key_defined("kRIT5")
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
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
