import Foundation

/// A fidelity review and its change since the previous one, for `fieldbook report fidelity --json`.
public struct FidelityReviewSummary: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var item: Int
        public var title: String
        public var group: String
        public var score: Int?
        public var note: String?
        public var previousScore: Int?
    }

    public var id: UUID
    public var date: LocalDate
    public var total: Int
    public var band: String
    public var complete: Bool
    public var previousDate: LocalDate?
    public var previousTotal: Int?
    public var items: [Item]

    public init(_ review: FidelityReview, previous: FidelityReview?) {
        id = review.id
        date = review.date
        total = review.total
        band = review.band.rawValue
        complete = review.isComplete
        previousDate = previous?.date
        previousTotal = previous?.total
        items = FidelityScale.items.map {
            Item(item: $0.number, title: $0.title, group: $0.group.rawValue, score: review.score(of: $0.number),
                 note: review.note(of: $0.number), previousScore: previous?.score(of: $0.number))
        }
    }
}

/// A fidelity review as text for a terminal (escaped).
public enum FidelityReviewText {
    public static func change(_ now: Int?, _ before: Int?) -> String {
        guard let now, let before else { return "" }
        return now == before ? "=" : now > before ? "+\(now - before)" : "\(now - before)"
    }

    /// The total and its band ("98 of 125, fair"); a review not fully scored has no band yet:
    /// "7 of 125 so far (2 of 25 items scored)".
    public static func standing(_ review: FidelityReview) -> String {
        review.isComplete ? "\(review.total) of 125, \(review.band.label.lowercased())"
            : "\(review.total) of 125 so far (\(review.scoredCount) of 25 items scored)"
    }

    public static func render(_ review: FidelityReview, previous: FidelityReview?, width: (String) -> Int) -> String {
        var out = "Fidelity self-review of \(review.date.longDescription)\n"
        out += review.isComplete ? "Total \(review.total) of 125: \(review.band.label)"
            : "Total \(review.total) of 125 so far (\(review.scoredCount) of 25 items scored; the band needs all 25)"
        if let previous {
            out += "; \(change(review.total, previous.total)) since \(previous.date) (\(previous.total))"
        }
        out += "\n"
        for group in FidelityScale.Group.allCases {
            out += "\n\(group.title): \(review.total(of: group))\n"
            for item in FidelityScale.items where item.group == group {
                let score = review.score(of: item.number).map { "\($0)" } ?? "-"
                let delta = previous.map { change(review.score(of: item.number), $0.score(of: item.number)) } ?? ""
                var line = (item.number < 10 ? " " : "") + "\(item.number) \(item.title)"
                line += String(repeating: " ", count: max(1, 46 - width(line))) + score + (delta.isEmpty ? "" : " (\(delta))")
                out += "  " + TerminalText.escaped(line) + "\n"
                if let note = review.note(of: item.number), !note.isEmpty {
                    out += "      " + TerminalText.escaped(note) + "\n"
                }
            }
        }
        return out
    }

    /// What the records suggest for the items they inform, with the anchor applied and the
    /// records used; each item's criterion in short, and where the full scale is found.
    public static func render(_ suggestions: FidelitySuggestions) -> String {
        var out = "What the records suggest, \(suggestions.window.from) to \(suggestions.window.to)"
            + " (estimates to discuss, not the reviewers' score)\n"
        for item in FidelityScale.items where suggestions.suggestion(for: item.number) != nil {
            guard let suggestion = suggestions.suggestion(for: item.number) else { continue }
            let score = suggestion.score.map { "suggests \($0)" } ?? "no score suggested"
            out += "\n\(item.number) \(item.title): \(score)\n"
            out += "  " + TerminalText.escaped(FidelityScale.criteria[item.number] ?? "") + "\n"
            out += "  " + TerminalText.escaped(suggestion.evidence) + "\n"
            out += "  anchor " + TerminalText.escaped(suggestion.anchor) + "\n"
            for record in suggestion.records { out += "    " + TerminalText.escaped(record) + "\n" }
        }
        out += "\nThe full scale and its anchors: \(FidelityScale.source).\n"
        return out
    }
}
