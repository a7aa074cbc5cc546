import Foundation

/// Finds the one client a person means on the command line: an id (or the start of one, at
/// least 4 characters), or words of the name with case and accents optional. Never guesses:
/// several matches are returned as such.
public enum ClientLookup {
    public enum Result: Equatable, Sendable {
        case found(Client)
        case none
        case several([Client])
    }

    public static func find(_ query: String, in clients: [Client]) -> Result {
        let wanted = query.trimmingWhitespace()
        guard !wanted.isEmpty else { return .none }
        let lowered = wanted.lowercased()
        if let exact = clients.first(where: { $0.id.lowercased == lowered }) { return .found(exact) }
        if lowered.count >= 4, lowered.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
            let byID = clients.filter { $0.id.lowercased.hasPrefix(lowered) }
            if byID.count == 1 { return .found(byID[0]) }
            if byID.count > 1 { return .several(sorted(byID)) }
        }
        let byName = clients.filter { NameSearch.matches(wanted, in: [$0.name, $0.preferredName ?? ""]) }
        switch byName.count {
        case 0: return .none
        case 1: return .found(byName[0])
        default:
            // The whole name typed out is not a guess, even when it is also part of a longer name.
            let folded = NameSearch.fold(wanted)
            let whole = byName.filter { NameSearch.fold($0.name) == folded }
            return whole.count == 1 ? .found(whole[0]) : .several(sorted(byName))
        }
    }

    /// One line per client, `name  id`, with control characters in names made visible.
    public static func listing(_ clients: [Client]) -> [String] {
        clients.map { TerminalText.escaped($0.displayName) + "  " + $0.id.lowercased }
    }

    /// The query as it may be shown on a terminal.
    public static func shown(_ query: String) -> String { TerminalText.escaped(query) }

    private static func sorted(_ clients: [Client]) -> [Client] {
        clients.sorted { (NameSearch.fold($0.name), $0.id.uuidString) < (NameSearch.fold($1.name), $1.id.uuidString) }
    }
}
