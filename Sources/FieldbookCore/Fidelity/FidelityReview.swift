import Foundation

/// A program's fidelity self-review on a date: each item of the scale scored 1-5 with a note.
/// One review is one file, `fidelity-reviews/<id>.json`.
public struct FidelityReview: Codable, Hashable, Sendable, Identifiable {
    public struct Score: Codable, Hashable, Sendable {
        /// 1-25, the item of `FidelityScale.items`.
        public var item: Int
        /// 1-5; nil while not scored.
        public var score: Int?
        public var note: String?

        public init(item: Int, score: Int?, note: String? = nil) {
            self.item = item
            self.score = score
            self.note = note
        }
    }

    public var id: UUID
    public var date: LocalDate
    /// Who filled it in.
    public var specialistID: UUID?
    public var scores: [Score]
    public var createdAt: Date
    public var updatedAt: Date
    /// The version of its file this value was read from or written as (never stored; see `FileVersion`).
    @VersionOfFile public var fileVersion: FileVersion?

    public init(id: UUID = UUID(), date: LocalDate, specialistID: UUID? = nil, scores: [Score] = [],
                createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.date = date
        self.specialistID = specialistID
        self.scores = scores
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public func score(of item: Int) -> Int? { scores.first { $0.item == item }?.score }
    public func note(of item: Int) -> String? { scores.first { $0.item == item }?.note }

    /// The sum of the items scored (25-125 once every item is scored).
    public var total: Int { scores.compactMap(\.score).filter { (1...5).contains($0) }.reduce(0, +) }

    /// Items with a score from 1 to 5.
    public var scoredCount: Int { Set(scores.filter { ($0.score.map { (1...5).contains($0) }) ?? false }.map(\.item)).count }

    public var isComplete: Bool { scoredCount == FidelityScale.items.count }

    public var band: FidelityScale.Band { FidelityScale.band(total: total) }

    /// The total of each group.
    public func total(of group: FidelityScale.Group) -> Int {
        FidelityScale.items.filter { $0.group == group }.compactMap { score(of: $0.number) }.reduce(0, +)
    }

    /// The newest review of `reviews` (by date, then when it was written).
    public static func latest(_ reviews: [FidelityReview]) -> FidelityReview? {
        reviews.max { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    /// The review before `review`, for the change since the last one.
    public static func previous(to review: FidelityReview, in reviews: [FidelityReview]) -> FidelityReview? {
        reviews.filter { $0.id != review.id && ($0.date, $0.createdAt) < (review.date, review.createdAt) }
            .max { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }
}

