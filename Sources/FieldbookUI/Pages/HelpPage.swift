import FieldbookCore

/// Every key, made from the key map table (so it cannot drift from what the keys do), and the
/// date forms.
public struct HelpPage: Page {
    public private(set) var top = 0
    /// The key contexts of the screen help was opened from: its keys come first.
    public let here: [KeyContext]

    public init(here: [KeyContext] = []) { self.here = here }

    public func title(in context: PageContext) -> String { "Help" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { [.help, .lists] }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let maxTop = maxTop(context.size)
        switch action {
        case .moveUp: top = max(0, top - 1)
        case .moveDown: top = min(maxTop, top + 1)
        case .pageUp: top = max(0, top - Self.visibleRows(context.size) + 1)
        case .pageDown: top = min(maxTop, top + Self.visibleRows(context.size) - 1)
        case .first: top = 0
        case .last: top = maxTop
        case .back: context.close()
        default: break
        }
    }

    public mutating func refresh(in context: inout PageContext) { top = min(top, maxTop(context.size)) }

    /// The everyday tasks, each with where to be and the key that does it, looked up in the key
    /// map (so a task's key cannot drift from what the key does).
    static let howTo: [(task: String, place: String, context: KeyContext, action: Action)] = [
        ("See what is due: overdue, today, the next 7 days", "from any tab", .top, .showTab(0)),
        ("Log an employer visit", "on Today, Employers, an employer or a client", .employerVisit, .logVisit),
        ("Log what meets a due item", "on Today", .today, .logDue),
        ("Set a due item aside, with a reason", "on Today", .today, .dismissDue),
        ("Find a client", "on the caseload (2)", .caseload, .search),
        ("Add a client", "on the caseload (2)", .caseload, .new),
        ("Log a contact with a client", "on the client's page", .client, .new),
        ("Fill in the career profile beside the client", "on the client's page", .client, .openProfile),
        ("Fill in a fidelity self-review", "on Reports (4)", .reports, .fidelityReview),
        ("Undo the last change saved", "on a list or a page, not in a form", .lists, .undo),
        ("Blank the screen at once", "anywhere", .everywhere, .blank),
        ("Quit", "from any tab", .top, .quit),
    ]

    static func lines(width: Int, here: [KeyContext] = []) -> [StyledLine] {
        var out: [StyledLine] = [[Span("Fieldbook \(FieldbookVersion.current)", .title)], []]
        let keysHere = KeyMap.keysHere(here)
        if !keysHere.isEmpty {
            out.append([Span("Keys on this screen", .title)])
            for (context, bindings) in keysHere {
                out.append([Span(context.rawValue, Style(.title, underline: true))])
                for binding in bindings {
                    let keys = "  " + TextCells.pad(binding.keys, to: 18) + "  "
                    for (index, part) in TextCells.wrap(binding.help, width: max(20, width - 24)).enumerated() {
                        out.append([Span(index == 0 ? keys : String(repeating: " ", count: 22), .key), Span(part)])
                    }
                }
            }
            for part in TextCells.wrap("Moving in lists (↑ ↓ PgUp PgDn Home End) and the keys that work everywhere are under Keys below.",
                                       width: max(20, width - 2)) {
                out.append([Span(part, .muted)])
            }
            out.append([])
        }
        out.append([Span("How do I…", .title)])
        for entry in howTo {
            guard let binding = KeyMap.bindings.first(where: { $0.context == entry.context && $0.action == entry.action }) else {
                continue
            }
            let keys = "  " + TextCells.pad(binding.keyLabel, to: 18) + "  "
            for (index, part) in TextCells.wrap("\(entry.task), \(entry.place)", width: max(20, width - 24)).enumerated() {
                out.append([Span(index == 0 ? keys : String(repeating: " ", count: 22), .key), Span(part)])
            }
        }
        out += [[], [Span("Keys", .title), Span(" (the same table drives the key line at the bottom)", .muted)]]
        for context in KeyContext.allCases {
            let bindings = KeyMap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            out.append([])
            out.append([Span(context.rawValue, .title)])
            for binding in bindings {
                let keys = "  " + TextCells.pad(binding.keyLabel, to: 18) + "  "
                for (index, part) in TextCells.wrap(binding.help, width: max(20, width - 24)).enumerated() {
                    out.append([Span(index == 0 ? keys : String(repeating: " ", count: 22), .key), Span(part)])
                }
            }
        }
        out.append([])
        out.append([Span("Dates", .title)])
        let dates = "2026-11-30, today, yesterday, tomorrow, +3d, -2w, +1m, or a weekday name (mon, tuesday). "
            + "For something that happened (a contact) a weekday means the latest one; for a plan, the next one."
        for part in TextCells.wrap(dates, width: max(20, width - 4)) { out.append([Span("  " + part)]) }
        return out
    }

    static func visibleRows(_ size: Size) -> Int { max(1, Layout.bodyBottom(size) - Layout.bodyTop) }

    func maxTop(_ size: Size) -> Int { max(0, Self.lines(width: size.columns - 2, here: here).count - Self.visibleRows(size)) }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let all = Self.lines(width: screen.columns - 2, here: here)
        let visible = Self.visibleRows(screen.size)
        let first = max(0, min(top, maxTop(screen.size)))
        for (offset, line) in all[first..<min(all.count, first + visible)].enumerated() {
            screen.put(line, row: Layout.bodyTop + offset, column: 1)
        }
    }
}
