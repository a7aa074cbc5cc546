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

    @Test func aDateQuestionTakesAMonthOrAYearAlone() throws {
        var state = SmallProfile.open()
        while state.profilePage?.questionID != "start" { state.press(.pageDown) }
        #expect(state.screen().message.contains("2012-06, 2012 if unsure"), "\(dump(state.screen()))")
        state.type("2012-06")
        #expect(state.screen().text.contains("→ June 2012 (approximate)"), "\(dump(state.screen()))")
        let answer = try #require(state.appended(state.press(.enter)).first)
        let june = AnswerValue.approximateDate(try ApproximateDate(year: 2012, month: 6))
        #expect(answer.questionID == "start" && answer.value == june)
    }

    @Test func theReviewShowsAnApproximateDateAsAMonth() throws {
        var state = SmallProfile.open(SmallProfile.profile([("start", .approximateDate(try ApproximateDate(year: 2019, month: 3)))]))
        state.press(.control("v"))
        #expect(state.screen().text.contains("     March 2019"), "\(dump(state.screen()))")
    }

    @Test func aMonthNotYetBegunIsRefusedForThePastFromItsFirstDay() {
        var field = FormField("when", "When did you last go to school?", .date(lean: .past))
        field.allowsApproximateDate = true
        var input = FieldInput(field)
        input.buffer = TextBuffer("2026-12")
        #expect(input.check(today: day("2026-11-30")) == .invalid("December 2026 is in the future"))
        #expect(input.check(today: day("2026-12-01")) == .valid(hint: "→ December 2026 (approximate)"))
        input.buffer = TextBuffer("2027")
        #expect(input.check(today: day("2026-12-31")) == .invalid("2027 is in the future"))
        input.buffer = TextBuffer("spring")
        guard case .invalid(let reason) = input.check(today: day("2026-12-01")) else {
            Issue.record("a word is no date")
            return
        }
        #expect(reason.hasSuffix("a month or a year alone is fine too (2012-06, 2012)"))
        // Other forms' dates (a contact's day) take whole dates only.
        var contact = FieldInput(FormField("date", "Date", .date(lean: .past)))
        contact.buffer = TextBuffer("2012")
        #expect(contact.check(today: day("2026-12-01")) != .valid(hint: "→ 2012 (approximate)"))
        guard case .invalid = contact.check(today: day("2026-12-01")) else {
            Issue.record("a year alone is no contact date")
            return
        }
    }
}
