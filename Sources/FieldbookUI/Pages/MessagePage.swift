import FieldbookCore
import Foundation

/// The last message in full, wrapped to the window (a long cause, a path).
public struct MessagePage: Page {
    public let message: Message?

    public init(message: Message?) { self.message = message }

    public func title(in context: PageContext) -> String { "Last message" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.help] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if action == .back { context.close() }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        screen.put("The last message", row: top, column: 1, style: .title)
        guard let message else {
            screen.put("No message yet.", row: top + 2, column: 2, style: .muted)
            return
        }
        let style: Style = switch message.kind {
        case .error: .danger
        case .warning: .warning
        case .success: .success
        case .info: .normal
        }
        let lines = TextCells.wrap(message.text, width: max(10, screen.columns - 4))
        for (offset, line) in lines.prefix(max(0, Layout.bodyBottom(screen.size) - top - 2)).enumerated() {
            screen.put(line, row: top + 2 + offset, column: 2, style: style)
        }
    }
}
