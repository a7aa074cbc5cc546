import Foundation

/// The key line at the bottom of every screen and the keys help lists, made from the table.
extension KeyMap {
    /// The key line for a screen: its own bindings first, then the ones that work everywhere.
    /// Made once per list of contexts (it depends on nothing else), not on every frame.
    public static func keyLine(for contexts: [KeyContext]) -> [(keys: String, text: String)] {
        keyLines.line(for: contexts).items
    }

    private static let keyLines = KeyLines()

    /// The key lines made so far, by list of contexts.
    private final class KeyLines: @unchecked Sendable {
        private let lock = NSLock()
        /// Guarded by `lock`. `silent`: a key that works there has no words for the line.
        private var made: [[KeyContext]: (items: [(keys: String, text: String)], silent: Bool)] = [:]

        func line(for contexts: [KeyContext]) -> (items: [(keys: String, text: String)], silent: Bool) {
            if let line = lock.withLock({ made[contexts] }) { return line }
            let line = (KeyMap.makeKeyLine(for: contexts),
                        KeyMap.reachable(in: contexts).contains { $0.binding.short == nil && $0.binding.action != .help })
            lock.withLock { made[contexts] = line }
            return line
        }
    }

    static func makeKeyLine(for contexts: [KeyContext]) -> [(keys: String, text: String)] {
        reachable(in: contexts).compactMap { binding, free in
            guard let short = binding.short else { return nil }
            if binding.keys.isEmpty { return (binding.barKeys ?? "", short) }
            return (free.count == binding.keys.count ? (binding.barKeys ?? free[0].label) : free[0].label, short)
        }
    }

    /// The bindings a key reaches in `contexts`, each with its keys no more specific context
    /// takes first (empty for "any character" and "any other key" bindings).
    static func reachable(in contexts: [KeyContext]) -> [(binding: KeyBinding, free: [Key])] {
        var out: [(KeyBinding, [Key])] = []
        var taken: [KeyBinding] = []
        for context in contexts {
            let here = bindingsByContext[context] ?? []
            for binding in here {
                if binding.keys.isEmpty {
                    out.append((binding, []))
                    continue
                }
                // A key a more specific context already uses does something else here.
                let free = binding.keys.filter { key in !taken.contains { $0.matches(key) } }
                if !free.isEmpty { out.append((binding, free)) }
            }
            taken += here
        }
        return out
    }

    /// What the help key is called on a key line that cannot show every key of its screen.
    public static let moreKeys = "more keys"

    /// The key line laid out in `columns`: the screen's keys in the table's order, as many as
    /// fit. When a key that works here is not on it (it has no words for the line, or there is
    /// no room), the help key ends the line as "more keys", room kept for it: help then opens
    /// on this screen's keys, so every key of a screen can be found from its key line.
    public static func keyLine(for contexts: [KeyContext], columns: Int) -> [(keys: String, text: String)] {
        let (all, silent) = keyLines.line(for: contexts)
        let helpText = bindings.first { $0.action == .help }?.short
        let help = all.last { $0.text == helpText }
        let own = all.filter { $0.text != helpText || $0.keys != help?.keys }
        let width = { (item: (keys: String, text: String)) in TextCells.width(item.keys) + 1 + TextCells.width(item.text) + 2 }
        var shown: [(keys: String, text: String)] = []
        var column = 1
        let reserved = help.map { width(($0.keys, moreKeys)) } ?? 0
        for (index, item) in own.enumerated() {
            // The last of the screen's own keys may take the room kept for "more keys".
            let isLast = index == own.count - 1 && !silent
            guard column + width(item) + (isLast ? 0 : reserved) <= columns else { break }
            shown.append(item)
            column += width(item)
        }
        guard let help else { return shown }
        let complete = shown.count == own.count && !silent
        let last = (keys: help.keys, text: complete ? help.text : moreKeys)
        if column + width(last) <= columns { shown.append(last) }
        return shown
    }

    /// The keys of a screen for help's first section: each context of `contexts` but the ones
    /// every screen shares, with the bindings a key reaches there (as the keys that reach them).
    public static func keysHere(_ contexts: [KeyContext]) -> [(context: KeyContext, bindings: [(keys: String, help: String)])] {
        let shared: Set<KeyContext> = [.everywhere, .top, .lists]
        let reached = reachable(in: contexts)
        return contexts.filter { !shared.contains($0) }.compactMap { context in
            let here = reached.filter { $0.binding.context == context }.map { binding, free in
                let label = free.isEmpty || free.count == binding.keys.count ? binding.keyLabel : free.map(\.label).joined(separator: " / ")
                return (keys: label, help: binding.help)
            }
            return here.isEmpty ? nil : (context, here)
        }
    }
}
