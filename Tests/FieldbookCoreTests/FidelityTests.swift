import FieldbookCore
import Foundation
import Testing

@Suite struct FidelityTests {
    @Test func bandsAtTheirEdges() {
        #expect(FidelityScale.band(total: 25) == .notSupportedEmployment)
        #expect(FidelityScale.band(total: 73) == .notSupportedEmployment)
        #expect(FidelityScale.band(total: 74) == .fair)
        #expect(FidelityScale.band(total: 99) == .fair)
        #expect(FidelityScale.band(total: 100) == .good)
        #expect(FidelityScale.band(total: 114) == .good)
        #expect(FidelityScale.band(total: 115) == .exemplary)
        #expect(FidelityScale.band(total: 125) == .exemplary)
    }

    @Test func theScaleHas25ItemsInThreeGroups() {
        #expect(FidelityScale.items.map(\.number) == Array(1...25))
        #expect(FidelityScale.items.filter { $0.group == .staffing }.count == 3)
        #expect(FidelityScale.items.filter { $0.group == .organisation }.count == 8)
        #expect(FidelityScale.items.filter { $0.group == .services }.count == 14)
    }

    @Test func suggestedScoresFollowTheAnchors() {
        #expect([20, 21, 25, 26, 30, 31, 40, 41].map(FidelitySuggestions.caseloadScore) == [5, 4, 4, 3, 3, 2, 2, 1])
        #expect([30, 31, 60, 61, 90, 91, 120, 121].map { FidelitySuggestions.rapidSearchScore(days: Double($0)) } == [5, 4, 4, 3, 3, 2, 2, 1])
        #expect([6.0, 5.9, 5.0, 4.0, 3.0, 2.9].map(FidelitySuggestions.employerContactScore) == [5, 4, 4, 3, 2, 1])
        #expect([0.95, 0.94, 0.85, 0.75, 0.65, 0.64].map { FidelitySuggestions.competitiveScore(share: $0) } == [5, 4, 4, 3, 2, 1])
    }

    @Test func suggestionsFromTheRecordsWithEvidence() {
        // Six months to 30 September: 31 March to 30 September.
        let suggestions = FidelitySuggestions(data: ReportData.snapshot, on: date("2026-09-30"))
        #expect(suggestions.window.from == date("2026-03-31"))
        // Ana carries 3 active clients on 30 September.
        #expect(suggestions.suggestion(for: 1)?.score == 5)
        #expect(suggestions.suggestion(for: 1)?.evidence.contains("largest active caseload 3") == true)
        // Jobs held: c1, c4, c7 (not competitive), c8 two: 4 of 5 competitive (80 %: 3).
        #expect(suggestions.suggestion(for: 21)?.score == 3)
        #expect(suggestions.suggestion(for: 21)?.evidence.contains("4 competitive (80 %)") == true)
        // Titles: Clerk x3, Sheltered work, Baker: 3 of 5 differ (60 %: 2).
        #expect(suggestions.suggestion(for: 19)?.score == 2)
        // Employers: Corner Books x4, Mill Bakery: 2 of 5.
        #expect(suggestions.suggestion(for: 20)?.evidence.contains("2 different employers") == true)
        // Rapid search: c7 10 days, c9 none yet; c8 entered 1 April, none.
        #expect(suggestions.suggestion(for: 15)?.score == 5)
        #expect(Set(suggestions.suggestions.keys) == FidelityScale.estimatedItems)
    }

    @Test func aReviewIsSavedThroughTheStoreAndLoadsBack() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let scores = FidelityScale.items.map { FidelityReview.Score(item: $0.number, score: $0.number <= 20 ? 4 : 5, note: $0.number == 1 ? "Ana 18" : nil) }
        let first = FidelityReview(date: date("2026-06-30"), scores: scores.map { var s = $0; s.score = 3; return s }, createdAt: instant(1_780_000_000))
        let second = FidelityReview(date: date("2026-09-30"), scores: scores, createdAt: instant(1_790_000_000))
        try store.save(first)
        try store.save(second)
        let loaded = try Store(folder: folder.url).load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.fidelityReviews.count == 2)
        let latest = try #require(FidelityReview.latest(loaded.fidelityReviews))
        #expect(latest.id == second.id)
        #expect(latest.total == 105)
        #expect(latest.band == .good)
        #expect(latest.note(of: 1) == "Ana 18")
        #expect(FidelityReview.previous(to: latest, in: loaded.fidelityReviews)?.total == 75)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("fidelity-reviews/\(second.id.uuidString.lowercased()).json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = FidelityReviewText.render(latest, previous: FidelityReview.previous(to: latest, in: loaded.fidelityReviews), width: { $0.count })
        #expect(text.contains("Total 105 of 125: Good fidelity; +30 since 2026-06-30 (75)"))
    }
}
