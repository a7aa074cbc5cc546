/// The sections of a long form, to go straight to one (Ctrl-G in a form).
public struct SectionsPage: Page {
    public let titles: [String]
    public private(set) var position = ListPosition()
    /// The section picked, once Enter was pressed.
    public private(set) var chosen: Int?

    public init(titles: [String], current: Int) {
        self.titles = titles
        position.selected = max(0, min(current, titles.count - 1))
    }

    public func title(in context: PageContext) -> String { "Sections" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.sections, .lists] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Layout.listRows(context.size), count = titles.count
        if position.move(for: action, count: count, visible: visible) { return }
        switch action {
        case .open:
            chosen = position.selected
            context.close()
        case .back: context.close()
        default: break
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        position.move(to: position.selected, count: titles.count, visible: Layout.listRows(context.size))
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        screen.put("Go to a section", row: top, column: 1, style: .title)
        let visible = Layout.listRows(screen.size)
        for (offset, index) in (position.top..<min(titles.count, position.top + visible)).enumerated() {
            let y = top + 2 + offset
            screen.put(String(format: "%3d  ", index + 1) + titles[index], row: y, column: 1)
            if index == position.selected {
                screen.put("▸", row: y, column: 0, style: .selected)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
    }
}
