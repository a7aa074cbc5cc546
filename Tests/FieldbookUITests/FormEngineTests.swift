import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

extension FieldID {
    static let goal: FieldID = "goal", hours: FieldID = "hours", drives: FieldID = "drives", licence: FieldID = "licence"
    static let confidence: FieldID = "confidence", pastJobs: FieldID = "pastJobs", employer: FieldID = "employer"
    static let started: FieldID = "started", story: FieldID = "story", kinds: FieldID = "kinds"
}

/// A questionnaire for tests: a few real questions, then enough more for 150.
struct Questionnaire: FormPurpose {
    var questions = 150

    func title(in context: PageContext) -> String { "Career profile" }

    func makeForm(in context: PageContext) -> FormState {
        var items: [FormItem] = [
            .section("Work wanted"),
            .field(.goal, "What work would you like to do?", required: true),
            .field(.hours, "Hours a week", .number(range: 0...60)),
            .field(.drives, "Drives", .yesNo),
            .field(.licence, "Licence class", shownWhen: .yes(.drives)),
            .field(.confidence, "Confidence", .scale(1...5)),
            .field(.kinds, "Kinds of work", .multipleChoice(["Café", "Retail", "Warehouse", "Office"].map { ChoiceOption($0, value: $0.lowercased()) })),
            .field(.story, "In your words", .multiLine),
            .section("Work history"),
            .group(.pastJobs, entry: "Past job", [FormField(.employer, "Employer"), FormField(.started, "Started", .date(lean: .past))]),
        ]
        var section = 2
        for n in 8..<questions {
            if n % 20 == 0 {
                section += 1
                items.append(.section("Part \(section)"))
            }
            items.append(.field(FieldID("q\(n)"), "Question \(n)"))
        }
        return FormState(items)
    }

    func request(for form: FormState, in context: PageContext) -> StoreRequest? { nil }
    func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) { (Message("Saved."), nil) }
}

@Suite struct FormEngineTests {
    func open(_ purpose: any FormPurpose = Questionnaire(), size: Size = Size(rows: 24, columns: 80)) -> AppState {
        var state = Program.state(size: size)
        let context = state.makeContext(state.readingEnvironment)
        App.open(FormPage(purpose, in: context), &state)
        return state
    }

    @Test func aQuestionnaireOf150QuestionsScrollsBySection() {
        var state = open()
        var screen = state.screen()
        #expect(screen.bodyLine(containing: "── Work wanted") != nil, "\(dump(screen))")
        #expect(screen.lines[5].hasPrefix("▸ What work would you like to do? *"))
        #expect(screen.lines[2].hasSuffix("section 1 of 9 · fields 1-11 of 148"))
        state.press(.pageDown)
        screen = state.screen()
        #expect(screen.lines.contains { $0.contains("── Work history") })
        #expect(screen.lines.contains { $0.hasPrefix("▸  + add: past job") }, "\(dump(screen))")
        for _ in 0..<8 { state.press(.pageDown) }
        screen = state.screen()
        #expect(screen.lines.contains { $0.contains("── Part 9") }, "\(dump(screen))")
        state.press(.end)   // in a text field End is the end of the text
        for _ in 0..<200 { state.press(.tab) }
        #expect(state.screen().lines.contains { $0.hasPrefix("▸") && $0.contains("Question 149") })
        state.press(.pageUp, .pageUp)
        #expect(state.screen().lines.contains { $0.contains("── Part 8") })
    }

    @Test func ctrlGGoesToASectionFromAList() {
        var state = open()
        state.press(.control("g"))
        var screen = state.screen()
        #expect(screen.lines[2] == " Go to a section")
        #expect(screen.lines[4].hasPrefix("▸  1  Work wanted"))
        #expect(screen.tabRow.hasSuffix("› Career profile › Sections"))
        state.press(.end, .up, .enter)
        screen = state.screen()
        #expect(state.topPage is FormPage)
        #expect(state.form?.currentSection == 7)
        #expect(screen.lines.contains { $0.contains("── Part 8") }, "\(dump(screen))")
        #expect(screen.lines.contains { $0.hasPrefix("▸") && $0.contains("Question 120") }, "\(dump(screen))")
        state.press(.control("g"), .escape)
        #expect(state.form?.currentSection == 7)
    }

    @Test func aFieldShownOnlyWhenAnotherHasAnAnswer() {
        var state = open()
        state.type("Barista")
        state.press(.tab, .tab)
        #expect(!state.screen().text.contains("Licence class"))
        state.type("y")
        #expect(state.screen().text.contains("Licence class"))
        state.press(.tab)
        state.type("B")
        state.press(.backTab)
        state.type("n")
        #expect(!state.screen().text.contains("Licence class"))
        // Hidden, not lost: yes again shows what was typed.
        state.type("y")
        #expect(state.form?.input(.licence)?.buffer.text == "B")
        #expect(state.form?.changedFields.contains(FieldPath(.licence)) == true)
    }

    @Test func numbersAndScalesAreCheckedAsTyped() {
        var state = open()
        state.press(.tab)
        state.type("70")
        #expect(state.screen().text.contains("✗ Hours a week: from 0 to 60"))
        state.press(.backspace, .backspace)
        state.type("2x")
        #expect(state.screen().text.contains("✗ Hours a week: \"2x\" is not a number"))
        state.press(.backspace)
        #expect(state.form?.input(.hours)?.number == 2)
        state.press(.tab, .tab)
        state.type("4")
        #expect(state.form?.text(.confidence) == "4")
        state.press(.right, .right)
        #expect(state.form?.text(.confidence) == "1")
    }

    @Test func multipleChoiceByAFragmentIgnoringAccents() {
        var state = open()
        for _ in 0..<4 { state.press(.tab) }
        state.type("cafe")
        state.press(.character(" "))
        state.type("o")      // Warehouse and Office; → offers the second
        state.press(.right)
        #expect(state.screen().text.contains("◂ ☐ Office ▸"))
        state.press(.character(" "))
        let value = state.form?.input(.kinds)?.value ?? ""
        #expect(value == "café, office")
    }

    @Test func multiLineTextWrapsAndMovesByLines() {
        var state = open()
        for _ in 0..<5 { state.press(.tab) }
        state.type("I worked in a bakery for two years and I liked the early starts and the people I worked with")
        state.press(.enter)
        state.type("王小明 helps")
        var form = state.form
        #expect(form?.input(.story)?.buffer.text.contains("\n王小明") == true)
        let screen = state.screen()
        let rows = screen.lines.filter { $0.contains("bakery") || $0.contains("people") || $0.contains("王小明") }
        #expect(rows.count == 3, "\(dump(screen))")
        state.press(.up)
        state.press(.home)
        state.type("[")
        form = state.form
        let lines = form?.input(.story)?.buffer.text.split(separator: "\n") ?? []
        #expect(lines.first?.contains(" [") == true, "Home went to the start of the second screen line: \(lines)")
        state.press(.up, .up)
        #expect(state.form?.focusedPath == FieldPath(.kinds), "Up from the first line is the previous field")
        state.press(.down)
        #expect(state.form?.focusedPath == FieldPath(.story))
    }

    @Test func repeatingGroupsAddAndRemoveEntries() {
        var state = open()
        state.press(.pageDown, .enter)
        state.type("Bakery")
        state.press(.tab)
        state.type("2024-03-01")
        state.press(.tab, .enter)
        state.type("Warehouse")
        var form = state.form
        #expect(form?.entries(of: .pastJobs) == 2)
        #expect(form?.text(FieldPath(.employer, in: .pastJobs, entry: 1)) == "Warehouse")
        #expect(state.screen().text.contains("Past job 2"))
        state.press(.backTab, .backTab, .control("d"))
        form = state.form
        #expect(form?.entries(of: .pastJobs) == 1)
        #expect(form?.text(FieldPath(.employer, in: .pastJobs, entry: 0)) == "Warehouse")
        #expect(form?.changedFields.contains(FieldPath(.pastJobs)) == true)
        state.press(.control("n"))
        #expect(state.form?.entries(of: .pastJobs) == 2)
    }

    @Test func aTinyTerminalGetsTheMessage() {
        let state = open()
        let screen = state.screen(Size(rows: 10, columns: 40))
        #expect(screen.text.contains("Make the window larger"))
    }
}

/// The form's header names the section of the field being filled in.
@Suite struct FormSectionHeaderTests {
    @Test func theFidelityFormsHeaderFollowsTheFocusedItem() throws {
        var state = Program.state()
        state.push(FormPage(FidelityReviewForm(), in: state.makeContext(state.readingEnvironment)))
        func focus(onItem item: Int) {
            for _ in 0..<80 where state.form?.focusedPath?.field != FieldID("item\(item)") { state.press(.tab) }
        }
        focus(onItem: 4)
        #expect(state.form?.focusedPath?.field == FieldID("item4"))
        #expect(state.screen().body[0].contains("section 2 of 3"), "\(dump(state.screen()))")
        focus(onItem: 12)
        #expect(state.screen().body[0].contains("section 3 of 3"), "\(dump(state.screen()))")
        state.press(.backTab, .backTab)                   // item 11's note: still Organisation
        #expect(state.screen().body[0].contains("section 2 of 3"))
    }
}

/// Typing an option's first letter again moves on among the options that start with it.
@Suite struct FirstLetterPickTests {
    @Test func aLetterTypedAgainCyclesThroughItsOptions() {
        let options = ["Some high school", "High school diploma", "HSE or GED", "College degree"]
            .map { ChoiceOption($0, value: $0.lowercased()) }
        var input = FieldInput(FormField(FieldID("education"), "Education", .choice(options)))
        func picked() -> String? { input.picked.map { options[$0].label } }
        input.pick(startingWith: "h")
        #expect(picked() == "High school diploma")
        input.pick(startingWith: "h")
        #expect(picked() == "HSE or GED")
        input.pick(startingWith: "h")
        #expect(picked() == "High school diploma", "round to the first again")
        input.pick(startingWith: "c")
        #expect(picked() == "College degree")
        input.pick(startingWith: "c")
        #expect(picked() == "College degree", "the only option with c stays")
        input.pick(startingWith: "x")
        #expect(picked() == "College degree", "no option with x: nothing changes")
    }
}
