import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Filling in the career profile as a person expects: Enter keeps any answer and goes on, the
/// answer's box shows before typing, and the review leads to a question to change it.
@Suite struct ProfileEditingTests {
    @Test func enterKeepsALongAnswerAndSaysSoOnScreen() throws {
        var state = SmallProfile.open()
        state.press(.pageDown)
        #expect(state.profilePage?.questionID == "story")
        let screen = state.screen()
        #expect(screen.message.contains("Enter keeps the answer and goes on; Ctrl-J starts a new line."), "\(dump(screen))")
        // The box stands empty before anything is typed.
        #expect(screen.lines[8].hasPrefix(" ┌─ Answer ─"), "\(dump(screen))")
        #expect(screen.lines[9].hasPrefix(" │ ") && screen.lines[9].trimmingTrailing().hasSuffix("│"), "\(dump(screen))")
        state.type("To have money of my own")
        let answer = try #require(state.appended(state.press(.enter)).first)
        #expect(answer.questionID == "story" && answer.value == .text("To have money of my own"))
        #expect(state.profilePage?.questionID == "hours")
    }

    @Test func aLongAnswerInAGroupStillMovesToTheNextFieldOnEnter() {
        var state = SmallProfile.open()
        while state.profilePage?.questionID != "past-jobs" { state.press(.pageDown) }
        state.press(.enter)  // adds the first entry
        state.type("Diner")
        state.press(.enter)
        state.type("The people")
        state.press(.control("j"))
        state.type("and the pace")
        #expect(state.profilePage?.form.text(FieldPath("liked", in: "past-jobs", entry: 0)) == "The people\nand the pace")
    }

    @Test func theReviewLeadsToAQuestionToChangeIt() throws {
        let profile = SmallProfile.profile([("goal", .text("Cook")), ("hours", .choice("few"))])
        var state = SmallProfile.open(profile)
        state.press(.control("v"))
        #expect(state.screen().keyLine.contains("Enter change"), "\(dump(state.screen()))")
        // ↓ twice: the third question of the section, "How many hours a week?".
        state.press(.down, .down)
        let screen = state.screen()
        #expect(screen.body.contains { $0.hasPrefix(" ▸ How many hours a week?") }, "\(dump(screen))")
        #expect(!screen.body.contains { $0.hasPrefix(" ▸ What job") })
        state.press(.enter)
        #expect(state.profilePage?.questionID == "hours")
        // Changed there and kept: on to the next question, as ever.
        state.press(.right)
        let answer = try #require(state.appended(state.press(.enter)).first)
        #expect(answer.questionID == "hours" && answer.value == .choice("many"))
    }

    @Test func theReviewFromTheSectionsListLeadsToTheQuestionToo() {
        var state = SmallProfile.open(SmallProfile.profile([("next", .text("Meet the team"))]))
        state.press(.control("g"), .end, .character("v"))
        #expect(state.screen().lines[2].hasPrefix(" Review: Team plan"), "\(dump(state.screen()))")
        state.press(.enter)
        #expect(state.profilePage?.questionID == "next")
    }

    @Test func theSelectionScrollsIntoViewInALongSection() {
        var state = SmallProfile.open(SmallProfile.profile([("goal", .text(String(repeating: "word ", count: 200)))]))
        state.press(.control("v"))
        for _ in 0..<7 { state.press(.down) }
        let screen = state.screen()
        #expect(screen.body.contains { $0.hasPrefix(" ▸ How sure are you?") }, "\(dump(screen))")
        state.press(.home)
        #expect(state.screen().body.contains { $0.hasPrefix(" ▸ What job") })
    }
}
