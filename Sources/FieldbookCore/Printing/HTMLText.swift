/// Escaping for text placed into an HTML page. Every piece of record text on a printable page
/// goes through `escape`, once: names, answers, notes, employers, dates written by hand.
public enum HTMLText {
    /// `text` safe as an element's content or a quoted attribute value: `&`, `<`, `>`, `"` and
    /// `'` as character references, and control characters (an Esc pasted into a name, a bidi
    /// override) shown visibly as the terminal shows them (`^[`, `<U+202E>`), since HTML has no
    /// place for them. Newlines are kept; the page's style decides how they show.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for line in TerminalText.escapedKeepingLines(text.replacingOccurrences(of: "\r\n", with: "\n")).unicodeScalars {
            switch line {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(line)
            }
        }
        return result
    }
}

/// The paper a printable page is laid out for.
public enum Paper: String, CaseIterable, Sendable {
    case letter
    case a4

    /// The CSS `@page` size.
    var cssSize: String { self == .letter ? "letter" : "A4" }

    /// Letter where the locale's region uses it (the United States, Canada, Mexico, the
    /// Philippines and a few others in the Americas), A4 elsewhere; Letter when the locale names
    /// no region (`C`, `POSIX`). `locale` is a POSIX locale name such as `en_GB.UTF-8`.
    public static func forLocale(_ locale: String?) -> Paper {
        guard let locale, let underscore = locale.firstIndex(of: "_") else { return .letter }
        let region = locale[locale.index(after: underscore)...].prefix { $0.isLetter }.uppercased()
        guard region.count == 2 else { return .letter }
        let letterRegions: Set<String> = ["US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PR", "PA", "DO", "NI", "BZ"]
        return letterRegions.contains(region) ? .letter : .a4
    }

    /// The default from the environment's paper locale: `LC_ALL`, else `LC_PAPER`, else `LANG`.
    public static func forEnvironment(_ environment: [String: String]) -> Paper {
        let chosen = ["LC_ALL", "LC_PAPER", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return forLocale(chosen)
    }
}
