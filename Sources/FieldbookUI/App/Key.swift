/// A key press, as the terminal layer reports it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lower case: `.control("b")` is Ctrl-B.
    case control(Character)
    case up, down, left, right
    /// Ctrl with an arrow: a word at a time.
    case controlLeft, controlRight
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// How the key is written in help and on the key line.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .controlLeft: "Ctrl-←"
        case .controlRight: "Ctrl-→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        }
    }
}
