/// The list keys (↑ ↓, a page up or down, the first row, the last), the same on every page that
/// shows a list with a cursor or a text that scrolls.
extension ListPosition {
    /// Moves the cursor for a list key; false when the action is not one, for the page to handle.
    mutating func move(for action: Action, count: Int, visible: Int) -> Bool {
        switch action {
        case .moveUp: move(to: selected - 1, count: count, visible: visible)
        case .moveDown: move(to: selected + 1, count: count, visible: visible)
        case .pageUp: move(to: selected - max(1, visible - 1), count: count, visible: visible)
        case .pageDown: move(to: selected + max(1, visible - 1), count: count, visible: visible)
        case .first: move(to: 0, count: count, visible: visible)
        case .last: move(to: count - 1, count: count, visible: visible)
        default: return false
        }
        return true
    }
}

extension Action {
    /// The first row to show after a scrolling key, `page` rows a page (the page keeps it within
    /// its text); nil when the action does not scroll.
    func scrolled(from top: Int, page: Int) -> Int? {
        switch self {
        case .moveUp: top - 1
        case .moveDown: top + 1
        case .pageUp: top - page
        case .pageDown: top + page
        case .first: 0
        case .last: Int.max / 2
        default: nil
        }
    }
}
