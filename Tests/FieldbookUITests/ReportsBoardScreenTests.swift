import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The Reports tab asks for its board off the key loop: it draws at once, says it is building,
/// and takes only the board of the data, day and period it shows.
@Suite struct ReportsBoardScreenTests {
    static func boards(_ effects: [Effect]) -> [(id: RequestID, request: ReportBoardRequest)] {
        effects.compactMap { effect in
            if case .store(let id, .reportBoard(let request)) = effect { (id, request) } else { nil }
        }
    }

    @discardableResult
    static func answer(_ asked: (id: RequestID, request: ReportBoardRequest), _ state: inout AppState) -> [Effect] {
        App.update(&state, .finished(asked.id, .reportBoard(asked.request.key, asked.request.build())))
    }

    /// The key that shows the tab works nothing out: it asks for the board and the tab says so.
    @Test func theTabSaysItIsBuildingAt80x24ThenTheBoardArrives() throws {
        var state = Program.fullState(tab: "1")
        let effects = state.press(.character("4"))
        let asked = try #require(Self.boards(effects).first)
        #expect(Self.boards(effects).count == 1)
        #expect(asked.request.key.period == .quarter(containing: Program.today))
        #expect(state.tabPage(ReportsPage.self)?.board == nil)
        let building = [
            " Fieldbook · IPS Supported Employment  F2F 2/2 · Maria Okafor · Sun 22 Nov 2026",
            "  1 Today   2 Caseload   3 Employers  [4 Reports]",
            "",
            " Reports · 2026 Q4 (October to December)  (to date)",
            "",
            " building reports…",
        ] + Array(repeating: "", count: 17) + [" ← earlier  → later  p month/quarter  f fidelity  w weeks  q quit  ? more keys"]
        #expect(state.screen().lines == building, "\n\(dump(state.screen()))")
        // Showing the tab again before the board comes asks for nothing more.
        state.press(.character("1"))
        #expect(Self.boards(state.press(.character("4"))).isEmpty)

        #expect(Self.answer(asked, &state).isEmpty)
        let lines = state.screen().lines
        #expect(lines[3] == " Reports · 2026 Q4 (October to December)  (to date)")
        #expect(lines[5] == " Employment rate  0 of 5 served worked: 0 %  benchmarks 31/41/50 %", "\n\(dump(state.screen()))")
        #expect(!state.screen().text.contains("building"))
        #expect(lines == Program.fullState(tab: "4").screen().lines, "the same screen as a board worked out at once")
    }

    /// Period keys answer at once while boards are worked out; a board of an earlier period
    /// that comes late is dropped, and the one of the period shown is taken.
    @Test func periodKeysStayResponsiveAndALateBoardOfAnotherPeriodIsDropped() throws {
        var state = Program.fullState(tab: "1")
        let quarter = try #require(Self.boards(state.press(.character("4"))).first)
        let previous = try #require(Self.boards(state.press(.left)).first)
        #expect(previous.request.key.period == ReportPeriod.quarter(containing: Program.today).moved(by: -1))
        #expect(state.screen().lines[3] == " Reports · 2026 Q3 (July to September)")
        #expect(state.screen().lines[5] == " building reports…")

        Self.answer(quarter, &state)
        #expect(state.tabPage(ReportsPage.self)?.board == nil, "the board of Q4 is not the one shown")
        #expect(state.screen().lines[5] == " building reports…")
        Self.answer(previous, &state)
        #expect(state.tabPage(ReportsPage.self)?.board?.period == previous.request.key.period)
        #expect(state.screen().lines[5].hasPrefix(" Employment rate  "), "\n\(dump(state.screen()))")
        #expect(state.screen().lines[9] == " Quarterly employment rate", "\n\(dump(state.screen()))")

        // Back and forth before a board comes: the board at hand shows at once, a board that
        // comes for a period left meanwhile is dropped, and asked for again on coming back.
        let earlier = try #require(Self.boards(state.press(.left)).first)
        #expect(Self.boards(state.press(.right)).isEmpty, "Q3's board is at hand")
        #expect(state.screen().lines[5].hasPrefix(" Employment rate  "))
        Self.answer(earlier, &state)
        #expect(state.tabPage(ReportsPage.self)?.board?.period == previous.request.key.period)
        let again = try #require(Self.boards(state.press(.left)).first, "Q2's board was dropped: asked for again")
        #expect(again.request.key == earlier.request.key)
        Self.answer(again, &state)
        #expect(state.screen().lines[3] == " Reports · 2026 Q2 (April to June)")
        #expect(state.screen().lines[5].hasPrefix(" Employment rate  "))
    }

    /// A change of the data while the tab is shown asks for a new board; meanwhile the tab
    /// shows the board it has, saying it is from before the change, and a board of the older
    /// data that comes late is dropped.
    @Test func aChangeOfTheDataAsksAgainAndKeepsShowingTheOldFiguresMeanwhile() throws {
        var state = Program.fullState(tab: "1")
        let old = try #require(Self.boards(state.press(.character("4"))).first)
        func save(_ date: LocalDate) -> (review: FidelityReview, effects: [Effect]) {
            let review = FidelityReview(date: date, scores: [FidelityReview.Score(item: 1, score: 5)], createdAt: Date(timeIntervalSince1970: 0))
            return (review, App.update(&state, .finished(RequestID(999), .saved(.fidelityReview(review)))))
        }
        let first = save(Program.today.adding(days: -1))
        let again = try #require(Self.boards(first.effects).first, "the tab is shown: it asks at once")
        #expect(again.request.key.dataVersion > old.request.key.dataVersion)
        Self.answer(old, &state)
        #expect(state.tabPage(ReportsPage.self)?.board == nil, "a board of the older data is dropped")
        Self.answer(again, &state)
        #expect(state.tabPage(ReportsPage.self)?.board?.latestReview == first.review)

        let second = save(Program.today)
        let third = try #require(Self.boards(second.effects).first)
        #expect(state.screen().lines[5] == " building reports… (showing the figures from before the last change)",
                "\n\(dump(state.screen()))")
        #expect(state.screen().lines[7].hasPrefix(" Employment rate  "))
        Self.answer(third, &state)
        #expect(state.tabPage(ReportsPage.self)?.board?.latestReview == second.review)
        #expect(!state.screen().text.contains("building"))
    }

    /// End pressed while the board is worked out still shows the end once it comes.
    @Test func endPressedWhileBuildingShowsTheEndOfTheBoard() throws {
        var state = Program.fullState(tab: "1")
        let asked = try #require(Self.boards(state.press(.character("4"))).first)
        state.press(.character("G"))
        Self.answer(asked, &state)
        #expect(state.screen().text.contains("Fidelity self-review"), "\n\(dump(state.screen()))")
    }
}
