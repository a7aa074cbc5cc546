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
        #expect([30, 31, 60, 61, 150, 151, 270, 271].map { FidelitySuggestions.rapidSearchScore(days: Double($0)) } == [5, 4, 4, 3, 3, 2, 2, 1])
        #expect([6.0, 5.9, 5.0, 4.9, 4.0, 3.9, 2.0, 1.9].map { FidelitySuggestions.employerContactScore($0, weeklyTarget: 6) }
            == [5, 4, 4, 3, 3, 2, 2, 1])
        // Below 3 job seekers the target is 2 per job seeker: 4 a week with 2 of them is the top anchor.
        #expect([4.0, 3.9].map { FidelitySuggestions.employerContactScore($0, weeklyTarget: 4) } == [5, 2])
        #expect([0.85, 0.84, 0.70, 0.69, 0.60, 0.59, 0.50, 0.49].map { FidelitySuggestions.diversityScore(share: $0) } == [5, 4, 4, 3, 3, 2, 2, 1])
        #expect([0.95, 0.94, 0.85, 0.75, 0.65, 0.64].map { FidelitySuggestions.competitiveScore(share: $0) } == [5, 4, 4, 3, 2, 1])
    }

    @Test func suggestionsFromTheRecordsWithEvidence() throws {
        // Six months to 30 September: 31 March to 30 September.
        let suggestions = FidelitySuggestions(data: ReportData.snapshot, on: date("2026-09-30"))
        #expect(suggestions.window.from == date("2026-03-31"))
        // Ana carries 3 active clients on 30 September.
        #expect(suggestions.suggestion(for: 1)?.score == 5)
        #expect(suggestions.suggestion(for: 1)?.evidence.contains("largest active caseload 3") == true)
        // Jobs held: c1, c4, c7 (not competitive), c8 two: 4 of 5 competitive (80 %: 3).
        #expect(suggestions.suggestion(for: 21)?.score == 3)
        #expect(suggestions.suggestion(for: 21)?.evidence.contains("4 competitive (80 %)") == true)
        #expect(suggestions.suggestion(for: 21)?.anchor.hasPrefix("3: 75-84 %") == true)
        #expect(suggestions.suggestion(for: 21)?.records.contains { $0.contains("Sheltered work at Corner Books") && $0.contains("not competitive") } == true)
        // Titles: Clerk x3, Sheltered work, Baker: free text, so the score is the reviewer's.
        #expect(suggestions.suggestion(for: 19)?.score == nil)
        #expect(suggestions.suggestion(for: 19)?.evidence.contains("3 different job titles") == true)
        #expect(suggestions.suggestion(for: 19)?.anchor.hasPrefix("left to the reviewer") == true)
        // Employers: Corner Books x4, Mill Bakery: 2 of 5 (40 %: 1).
        #expect(suggestions.suggestion(for: 20)?.evidence.contains("2 different employers") == true)
        #expect(suggestions.suggestion(for: 20)?.score == 1)
        // Rapid search: c7 10 days (contact), c8 9 days (a job start: met an employer on their own),
        // c1 152 days (job start on 30 September); c9 still inside 30 days, left out. Mean 57: 4.
        let rapid = try #require(suggestions.suggestion(for: 15))
        #expect(rapid.score == 4, "\(rapid)")
        #expect(rapid.evidence.hasPrefix("57 days on average") && rapid.evidence.contains("1 still within 30 days left out"), "\(rapid.evidence)")
        #expect(rapid.records.contains("Jae Kim: entered 2026-04-01, job start 2026-04-10, 9 days"), "\(rapid.records)")
        // Item 23 gives the evidence and leaves the score to the reviewer.
        #expect(suggestions.suggestion(for: 23)?.score == nil)
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

    /// Item 17 rates each specialist against their own target and averages; a visit to support
    /// someone working is not counted; a specialist with no one looking for work is not rated.
    @Test func employerContactsAreRatedPerSpecialistAndAveraged() throws {
        let ana = ReportData.ana, ben = ReportData.ben
        let cara = Specialist(name: "Cara Diaz", createdAt: instant(1_700_000_000))
        let seekers = (0..<3).map { ReportData.client("Seeker \($0)", ana, entry: "2026-01-05", status: .jobSearch) }
            + [ReportData.client("Solo", ben, entry: "2026-01-05", status: .jobSearch),
               ReportData.client("Worker", cara, entry: "2026-01-05", status: .working)]
        // Review on Sunday 28 June: the window runs 29 December to 28 June, 26 weeks.
        let mondays = (0..<26).map { date("2025-12-29").adding(days: 7 * $0) }
        func visits(_ specialist: Specialist, perWeek: Int, purpose: EmployerContactPurpose = .learnNeeds) -> [EmployerContact] {
            mondays.flatMap { monday in
                (0..<perWeek).map { _ in
                    EmployerContact(date: monday, specialistID: specialist.id, employerID: ReportData.corner.id, purpose: purpose,
                                    method: .faceToFace, createdAt: instant(1_700_000_000))
                }
            }
        }
        let contacts = visits(ana, perWeek: 4) + visits(ben, perWeek: 2) + visits(ana, perWeek: 3, purpose: .jobSupport)
            + visits(cara, perWeek: 1)
        let data = DataSnapshot(specialists: [ana, ben, cara], clients: seekers, employers: [ReportData.corner], employerContacts: contacts)
        let item = try #require(FidelitySuggestions(data: data, on: date("2026-06-28")).suggestion(for: 17))
        // Ana: 4 a week against 6 (job support left out): 3. Ben: 2 a week against his 2: 5. Mean 4.
        #expect(item.records.contains("Ana Reyes: 4.0 a week against 6.0: 3"), "\(item.records)")
        #expect(item.records.contains("Ben Okoro: 2.0 a week against 2.0: 5"), "\(item.records)")
        #expect(item.records.contains("Cara Diaz: no one looking for work, not rated"), "\(item.records)")
        #expect(item.score == 4)
        #expect(item.anchor.hasPrefix("4: 5 face-to-face contacts a week"))
    }

    @Test func theSuggestionsPrintWithCriterionAnchorAndSource() {
        let text = FidelityReviewText.render(FidelitySuggestions(data: ReportData.snapshot, on: date("2026-09-30")))
        #expect(text.contains("15 Rapid job search: suggests 4"))
        #expect(text.contains("  anchor 4: 31-60 days from entry to the first employer contact, on average"))
        #expect(text.contains("19 Diversity of job types: no score suggested"))
        #expect(text.contains("The full scale and its anchors: IPS Supported Employment Fidelity Scale"))
        #expect(FidelityScale.criteria.count == 25)
    }
}
