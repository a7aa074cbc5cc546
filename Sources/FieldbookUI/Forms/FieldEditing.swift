import FieldbookCore

extension FormState {
    /// Applies an editing action to the focused field (typing, picking, ticking, moving the
    /// cursor); `width` is the width long texts wrap to. Returns false for actions that are not
    /// editing, and for ↑ ↓ at the edge of a long text (the caller moves on).
    mutating func editFocused(_ action: Action, key: Key, width: Int) -> Bool {
        let kind = focused?.field.kind
        let picked: Bool
        let multiple: Bool
        switch kind {
        case .choice?, .yesNo?, .scale?: (picked, multiple) = (true, false)
        case .multipleChoice?: (picked, multiple) = (false, true)
        default: (picked, multiple) = (false, false)
        }
        switch action {
        case .type where picked:
            if case .character(let c) = key { updateFocused { $0.pick(startingWith: c) } }
        case .type where multiple, .deleteBackward where multiple:
            updateFocused { input in
                input.fragment.edit(action, key: key)
                input.offered = 0
            }
        case .toggle:
            updateFocused { $0.toggleOffered() }
        case .cursorToStart where kind == .multiLine:
            updateFocused { $0.buffer.moveToLineStart(width: width) }
        case .cursorToEnd where kind == .multiLine:
            updateFocused { $0.buffer.moveToLineEnd(width: width) }
        case .newLine:
            updateFocused { $0.buffer.insert("\n") }
        case .lineUp, .lineDown:
            var moved = false
            updateFocused { moved = $0.buffer.moveLine(by: action == .lineUp ? -1 : 1, width: width) }
            return moved
        case .type, .cursorLeft, .cursorRight, .cursorToStart, .cursorToEnd, .wordLeft, .wordRight,
             .deleteBackward, .deleteForward, .deleteWordBackward:
            updateFocused { $0.buffer.edit(action, key: key) }
        case .nextChoice: updateFocused { $0.cycle(by: 1) }
        case .previousChoice: updateFocused { $0.cycle(by: -1) }
        case .clearField: updateFocused { $0.clear() }
        default:
            return false
        }
        return true
    }
}
