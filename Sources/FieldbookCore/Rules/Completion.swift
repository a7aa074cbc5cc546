/// Completion as you type a name fragment: case and accents do not matter ("cafe" finds
/// "Café Müller"); names that start with the fragment come first, then names with a word that
/// starts with it, then names that hold it anywhere. Each word of a fragment of several words
/// must match ("ja ru" finds "José Álvarez-Ruiz" by its word starts).
public enum Completion {
    public enum Tier: Int, Comparable, Sendable {
        case prefix
        case wordStart
        case anywhere

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A name made ready for matching: folded and cut into words once, not per key typed.
    public struct Key: Hashable, Sendable {
        public let folded: String
        let words: [Substring]

        public init(_ name: String) {
            folded = NameSearch.fold(name)
            words = folded.split { !$0.isLetter && !$0.isNumber }
        }
    }

    /// How well a name matches the query (already passed through `NameSearch.fold`); nil when
    /// it does not.
    public static func tier(of key: Key, query: String) -> Tier? {
        let words = query.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return .prefix }
        if key.folded.hasPrefix(words.joined(separator: " ")) { return .prefix }
        guard words.allSatisfy({ key.folded.contains($0) }) else { return nil }
        if words.allSatisfy({ word in key.words.contains { $0.hasPrefix(word) } }) { return .wordStart }
        return .anywhere
    }

    /// The items whose name matches `query`, best first; within a tier by `order`, then by name.
    /// `key` gives each item's prepared name (kept by the caller so typing stays quick).
    public static func rank<Item>(
        _ items: [Item], query: String, limit: Int = .max,
        key: (Item) -> Key, order: (Item, Item) -> Bool = { _, _ in false }
    ) -> [Item] {
        let wanted = NameSearch.fold(query)
        var matched: [(tier: Tier, name: String, item: Item)] = []
        for item in items {
            let name = key(item)
            if let tier = tier(of: name, query: wanted) { matched.append((tier, name.folded, item)) }
        }
        matched.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if order(a.item, b.item) { return true }
            if order(b.item, a.item) { return false }
            return a.name < b.name
        }
        return matched.prefix(limit).map(\.item)
    }
}
