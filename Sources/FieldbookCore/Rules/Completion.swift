/// Completion as you type a name fragment: case and accents do not matter ("cafe" finds
/// "Café Müller"); names that start with the fragment come first, then names with a word that
/// starts with it, then names that hold it anywhere. Each word of a fragment of several words
/// must match ("ja ru" finds "José Álvarez-Ruiz" by its word starts).
///
/// Names are folded and cut into words once (`Key`, kept by the caller), the fragment once per
/// key typed, and matching compares UTF-8 bytes; only the few best matches are ever sorted, so
/// a key typed costs a short pass over the names, whatever their number.
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
        /// `folded` as UTF-8.
        let bytes: [UInt8]
        /// Where each word of `bytes` starts (words are runs of letters and digits).
        let wordStarts: [Int]

        public init(_ name: String) {
            folded = NameSearch.fold(name)
            bytes = Array(folded.utf8)
            wordStarts = Self.asciiWordStarts(bytes) ?? Self.wordStarts(folded)
        }

        /// Where each word starts, by character (letters and digits of any script).
        static func wordStarts(_ folded: String) -> [Int] {
            var starts: [Int] = []
            var offset = 0
            var inWord = false
            for character in folded {
                let isWordCharacter = character.isLetter || character.isNumber
                if isWordCharacter && !inWord { starts.append(offset) }
                inWord = isWordCharacter
                offset += character.utf8.count
            }
            return starts
        }

        /// The same for ASCII text, by byte (an agency's names are folded once per data
        /// change); nil for any other text.
        static func asciiWordStarts(_ bytes: [UInt8]) -> [Int]? {
            var starts: [Int] = []
            var inWord = false
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                let isWordCharacter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                if isWordCharacter && !inWord { starts.append(offset) }
                inWord = isWordCharacter
            }
            return starts
        }
    }

    /// A fragment made ready for matching: folded and cut into words, once per key typed.
    struct Query {
        let whole: [UInt8]
        let words: [[UInt8]]

        init(folded: String) {
            let words = folded.split(whereSeparator: \.isWhitespace)
            self.words = words.map { Array($0.utf8) }
            whole = Array(words.joined(separator: " ").utf8)
        }
    }

    /// How well a name matches the query (already passed through `NameSearch.fold`); nil when
    /// it does not.
    public static func tier(of key: Key, query: String) -> Tier? {
        tier(of: key, Query(folded: query))
    }

    static func tier(of key: Key, _ query: Query) -> Tier? {
        guard !query.words.isEmpty else { return .prefix }
        if starts(key.bytes, at: 0, with: query.whole) { return .prefix }
        guard query.words.allSatisfy({ contains(key.bytes, $0) }) else { return nil }
        if query.words.allSatisfy({ word in key.wordStarts.contains { starts(key.bytes, at: $0, with: word) } }) { return .wordStart }
        return .anywhere
    }

    /// The items whose name matches `query`, best first; within a tier by `order`, then by name.
    /// `key` gives each item's prepared name (kept by the caller so typing stays quick); it is
    /// asked once per item, and items are read in place, never copied to be compared.
    public static func rank<Item>(
        _ items: [Item], query: String, limit: Int = .max,
        key: (Item) -> Key, order: ((Item, Item) -> Bool)? = nil
    ) -> [Item] {
        items.withUnsafeBufferPointer { items in
            rankPlaces(items.map(key), query: query, limit: limit, order: order.map { order in { order(items[$0], items[$1]) } })
                .map { items[$0] }
        }
    }

    /// The places in `keys` of the names that match `query`, best first, as `rank` orders them;
    /// `order` compares two places. A caller keeps the keys of many records in an array of their
    /// own, so a key typed reads the names alone, never a whole record.
    public static func rankPlaces(
        _ keys: [Key], query: String, limit: Int = .max, order: ((Int, Int) -> Bool)? = nil
    ) -> [Int] {
        let prepared = Query(folded: NameSearch.fold(query))
        guard limit > 0 else { return [] }
        typealias Candidate = (tier: Tier, index: Int, name: [UInt8])
        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            if let order {
                if order(a.index, b.index) { return true }
                if order(b.index, a.index) { return false }
            }
            if a.name != b.name { return a.name.lexicographicallyPrecedes(b.name) }
            return a.index < b.index
        }
        // The best `limit` so far, best first: a match worse than the last of a full list is
        // dropped with one comparison.
        var best: [Candidate] = []
        keys.withUnsafeBufferPointer { keys in
        for index in keys.indices {
            guard let tier = tier(of: keys[index], prepared) else { continue }
            let candidate = (tier: tier, index: index, name: keys[index].bytes)
            if best.count == limit {
                guard precedes(candidate, best[best.count - 1]) else { continue }
                best.removeLast()
            }
            var low = 0, high = best.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(best[middle], candidate) { low = middle + 1 } else { high = middle }
            }
            best.insert(candidate, at: low)
        }
        }
        return best.map(\.index)
    }

    static func starts(_ bytes: [UInt8], at offset: Int, with prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard bytes.count >= needle.count else { return false }
        for offset in 0...(bytes.count - needle.count) where bytes[offset] == needle[0] && starts(bytes, at: offset, with: needle) {
            return true
        }
        return false
    }
}
