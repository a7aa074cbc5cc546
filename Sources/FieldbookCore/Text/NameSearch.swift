import Foundation

/// Text matching for people's names: case and accents do not matter, so "jose" finds "José"
/// and "muller" finds "Müller".
public enum NameSearch {
    public static func fold(_ text: String) -> String {
        foldedASCII(text) ?? foldedByFoundation(text)
    }

    /// Most names are ASCII, where folding is lowercasing (Foundation's folding leaves every
    /// other ASCII character as it is): done on the bytes, without Foundation's string bridging,
    /// since every name of an agency's folder is folded once per data change. Nil when `text`
    /// is not all ASCII.
    static func foldedASCII(_ text: String) -> String? {
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard hasUpper else { return text }
        let count = text.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for byte in text.utf8 {
                buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                index += 1
            }
            return count
        }
    }

    /// The full folding: case, accents and width, then the letters folding keeps (ł, ø, ß…).
    static func foldedByFoundation(_ text: String) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Letters that are not a base letter plus an accent, so folding keeps them.
        if folded.unicodeScalars.contains(where: { $0.value >= 0xC0 }) {
            folded = String(folded.flatMap { unaccented[$0] ?? String($0) })
        }
        return folded
    }

    private static let unaccented: [Character: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i", "ħ": "h",
    ]

    /// True when every word of `query` appears in `text`, ignoring case, accents and punctuation.
    public static func matches(_ query: String, in texts: [String]) -> Bool {
        let words = searchable(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack = texts.map(searchable).joined(separator: " ")
        return words.allSatisfy { haystack.contains($0) }
    }

    /// A name as searches look in it, and a query as they look for it: folded (`fold`), with
    /// apostrophes and full stops dropped ("O'Brien" is found by "obrien", "St. Agnes" by
    /// "st agnes") and other punctuation read as a space ("Anna-Maria" by "anna maria", and a
    /// comma never sticks to a word).
    public static func searchable(_ text: String) -> String {
        let folded = fold(text)
        guard folded.unicodeScalars.contains(where: { isPunctuation($0) }) else { return folded }
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if dropped.contains(scalar) { continue }
            result.append(isPunctuation(scalar) ? " " : scalar)
        }
        return String(result)
    }

    private static let dropped: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "."]

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            true
        default:
            scalar == "`" || scalar == "&" || scalar == "+"
        }
    }
}
